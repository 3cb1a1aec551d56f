package dev.pinotcdc.trino.cdc.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.ArrayType;
import io.trino.spi.type.Type;

import static java.util.Objects.requireNonNull;

/**
 * ARRAY from a JSON array, decoding each element with the element's decoder; JSON null elements are NULL.
 * Elements go to a block of their own first, so that a bad element leaves the output untouched.
 */
final class ArrayDecoder
        extends SourceValueDecoder
{
    private final Type elementType;
    private final FieldDecoder elementDecoder;

    ArrayDecoder(ArrayType type, FieldDecoder elementDecoder)
    {
        super(type);
        this.elementType = type.getElementType();
        this.elementDecoder = requireNonNull(elementDecoder, "elementDecoder is null");
    }

    @Override
    protected void decodeValue(JsonNode value, BlockBuilder output)
    {
        if (!value.isArray()) {
            throw JsonValues.wrongType(value, "an array");
        }
        BlockBuilder elements = elementType.createBlockBuilder(null, value.size());
        for (JsonNode element : value) {
            if (element.isNull() || element.isMissingNode()) {
                elements.appendNull();
            }
            else {
                elementDecoder.decode(element, elements);
            }
        }
        type().writeObject(output, elements.build());
    }
}

package dev.pinotcdc.trino.cdc.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.VarcharType;

/**
 * VARCHAR from any JSON value: a string as is, a number or boolean as its JSON text, an object or array as compact
 * JSON text (keys in their stored order). Inference falls back to VARCHAR for fields seen with several kinds, so
 * every kind must read.
 */
final class VarcharDecoder
        extends SourceValueDecoder
{
    private final VarcharWriter writer;

    VarcharDecoder(VarcharType type)
    {
        super(type);
        this.writer = new VarcharWriter(type);
    }

    @Override
    protected void decodeValue(JsonNode value, BlockBuilder output)
    {
        if (value.isTextual()) {
            writer.write(output, value.textValue());
        }
        else if (value.isContainerNode()) {
            writer.write(output, CanonicalJson.compact(value, false));
        }
        else if (value.isNumber() || value.isBoolean()) {
            writer.write(output, value.asText());
        }
        else {
            throw JsonValues.wrongType(value, "a JSON value");
        }
    }
}

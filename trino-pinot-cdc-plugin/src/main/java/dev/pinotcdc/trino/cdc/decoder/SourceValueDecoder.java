package dev.pinotcdc.trino.cdc.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.UNAVAILABLE;
import static java.util.Objects.requireNonNull;

/**
 * Base of every decoder: Debezium's TOAST placeholder is a string in any column (text, jsonb, arrays of text,
 * even a column whose type is not a string), so it is refused here once, before any encoding looks at the value.
 */
abstract class SourceValueDecoder
        implements FieldDecoder
{
    private final Type type;

    protected SourceValueDecoder(Type type)
    {
        this.type = requireNonNull(type, "type is null");
    }

    @Override
    public final Type type()
    {
        return type;
    }

    @Override
    public final void decode(JsonNode value, BlockBuilder output)
    {
        if (value.isTextual() && DebeziumSentinels.isUnavailable(value.textValue())) {
            throw new InvalidValueException(UNAVAILABLE, "Value is Debezium's placeholder for an unchanged TOASTed value");
        }
        decodeValue(value, output);
    }

    /** Appends exactly one position, or throws {@link InvalidValueException} having appended nothing. */
    protected abstract void decodeValue(JsonNode value, BlockBuilder output);
}

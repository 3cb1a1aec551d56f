package dev.pinotcdc.trino.cdc.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import io.trino.spi.block.BlockBuilder;

import static io.trino.spi.type.BooleanType.BOOLEAN;

/** A JSON boolean; also "true"/"false" strings and the integers 0 and 1, as brokers may render booleans. */
final class BooleanDecoder
        extends SourceValueDecoder
{
    BooleanDecoder()
    {
        super(BOOLEAN);
    }

    @Override
    protected void decodeValue(JsonNode value, BlockBuilder output)
    {
        BOOLEAN.writeBoolean(output, toBoolean(value));
    }

    private static boolean toBoolean(JsonNode value)
    {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            return switch (value.textValue()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw JsonValues.malformed(value.textValue(), "a boolean");
            };
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            long number = value.longValue();
            if (number == 0 || number == 1) {
                return number == 1;
            }
        }
        throw JsonValues.wrongType(value, "a boolean");
    }
}

package dev.pinotcdc.trino.cdc.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.OUT_OF_RANGE;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TinyintType.TINYINT;

/** TINYINT, SMALLINT, INTEGER and BIGINT from an integral number; a value outside the type's range is refused. */
final class IntegerDecoder
        extends SourceValueDecoder
{
    private final long min;
    private final long max;

    IntegerDecoder(Type type)
    {
        super(type);
        if (type.equals(TINYINT)) {
            min = Byte.MIN_VALUE;
            max = Byte.MAX_VALUE;
        }
        else if (type.equals(SMALLINT)) {
            min = Short.MIN_VALUE;
            max = Short.MAX_VALUE;
        }
        else if (type.equals(INTEGER)) {
            min = Integer.MIN_VALUE;
            max = Integer.MAX_VALUE;
        }
        else if (type.equals(BIGINT)) {
            min = Long.MIN_VALUE;
            max = Long.MAX_VALUE;
        }
        else {
            throw new IllegalArgumentException("Not an integer type: " + type);
        }
    }

    @Override
    protected void decodeValue(JsonNode value, BlockBuilder output)
    {
        long number = JsonValues.integral(value);
        if (number < min || number > max) {
            throw new InvalidValueException(OUT_OF_RANGE, "Integer " + number + " is out of the range of " + type());
        }
        type().writeLong(output, number);
    }
}

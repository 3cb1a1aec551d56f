package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import dev.pinotcdc.trino.cdc.FieldEncoding;
import dev.pinotcdc.trino.cdc.decoder.DebeziumSentinels;
import dev.pinotcdc.trino.cdc.decoder.FieldDecoder;
import dev.pinotcdc.trino.cdc.decoder.InvalidValueException;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

import java.math.BigDecimal;
import java.time.DateTimeException;

import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.OUT_OF_RANGE;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.WRONG_TYPE;
import static java.util.Objects.requireNonNull;

/**
 * Decodes an epoch value truncated to a unit. Truncating is idempotent, so the same decoder reads a stored value
 * (a plain scan) and the value Pinot's {@code DATETRUNC} already truncated (a pushed GROUP BY).
 */
final class TruncatedTimeDecoder
        implements FieldDecoder
{
    private final FieldDecoder epochDecoder;
    private final FieldEncoding encoding;
    private final TimeTruncation truncation;

    TruncatedTimeDecoder(FieldDecoder epochDecoder, FieldEncoding encoding, TimeTruncation truncation)
    {
        this.epochDecoder = requireNonNull(epochDecoder, "epochDecoder is null");
        this.encoding = requireNonNull(encoding, "encoding is null");
        this.truncation = requireNonNull(truncation, "truncation is null");
        if (encoding != FieldEncoding.EPOCH_MILLIS && encoding != FieldEncoding.EPOCH_MICROS) {
            throw new IllegalArgumentException("Not an epoch encoding in milliseconds or microseconds: " + encoding);
        }
    }

    @Override
    public Type type()
    {
        return epochDecoder.type();
    }

    @Override
    public void decode(JsonNode value, BlockBuilder output)
    {
        long epoch = epochValue(value);
        if (DebeziumSentinels.isInfinityEpoch(epoch)) {
            // the epoch decoder reports it
            epochDecoder.decode(value, output);
            return;
        }
        long truncated;
        try {
            truncated = encoding == FieldEncoding.EPOCH_MILLIS
                    ? Math.floorDiv(truncation.truncateEpochMicros(Math.multiplyExact(epoch, 1000L)), 1000L)
                    : truncation.truncateEpochMicros(epoch);
        }
        catch (ArithmeticException | DateTimeException e) {
            throw new InvalidValueException(OUT_OF_RANGE, "Epoch value " + epoch + " is out of the range of " + type(), e);
        }
        epochDecoder.decode(LongNode.valueOf(truncated), output);
    }

    /** A whole number: stored in the JSON, or as the broker renders a LONG result (a number, a double, or its text). */
    private static long epochValue(JsonNode value)
    {
        try {
            if (value.isIntegralNumber() && value.canConvertToLong()) {
                return value.longValue();
            }
            if (value.isNumber()) {
                return value.decimalValue().longValueExact();
            }
            if (value.isTextual()) {
                return new BigDecimal(value.textValue()).longValueExact();
            }
        }
        catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidValueException(WRONG_TYPE, "Expected a whole number of epoch units, found " + value, e);
        }
        throw new InvalidValueException(WRONG_TYPE, "Expected a whole number of epoch units, found " + value.getNodeType());
    }
}

package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import dev.pinotcdc.trino.cdc.decoder.FieldDecoder;
import dev.pinotcdc.trino.pushdown.AggregateColumnHandle.AggregateKind;
import io.trino.spi.TrinoException;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_UNEXPECTED_RESPONSE;
import static io.trino.spi.StandardErrorCode.NUMERIC_VALUE_OUT_OF_RANGE;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static java.util.Objects.requireNonNull;

/**
 * An aggregate Pinot computed, turned into Trino's answer. Pinot has no NULLs: where the aggregated field can be absent,
 * the count of its present values ({@code presentCell}) says when Trino's answer is NULL, and whether a distinct count
 * took the absent value for one more distinct value ({@code totalCell} holds COUNT(*)).
 *
 * @param valueCell the aggregate's cell
 * @param presentCell the cell counting the rows where the argument is present, or -1 when it is always present
 * @param totalCell the cell holding COUNT(*), or -1
 * @param markerTextCell for a distinct count of a text, the cell counting the rows whose text is the absent marker
 *         itself (see {@link AbsentTextCheck}), or -1
 * @param argumentDecoder for MIN and MAX of an epoch-encoded value, the decoder of the value
 */
record AggregateOutput(String name, Type type, AggregateKind kind, int valueCell, int presentCell, int totalCell, int markerTextCell, boolean wholeNumber, Optional<FieldDecoder> argumentDecoder)
        implements OutputColumn
{
    /** Doubles hold every whole number up to 2^53 exactly; Pinot answers MIN and MAX as doubles. */
    private static final double EXACT_DOUBLE_LIMIT = 0x1p53;

    AggregateOutput
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(argumentDecoder, "argumentDecoder is null");
    }

    void append(JsonNode cells, BlockBuilder output)
    {
        long present = presentCell < 0 ? Long.MAX_VALUE : cells.get(presentCell).asLong();
        JsonNode value = cells.get(valueCell);
        switch (kind) {
            case COUNT_ALL -> BIGINT.writeLong(output, value.asLong());
            case COUNT -> BIGINT.writeLong(output, presentCell < 0 ? value.asLong() : present);
            case COUNT_DISTINCT -> {
                // a missing value counted as one more distinct value, unless the marker text it shares is a value too
                boolean markerTextCounted = markerTextCell >= 0 && cells.get(markerTextCell).asDouble() > 0;
                boolean absentCounted = totalCell >= 0 && cells.get(totalCell).asLong() > present && !markerTextCounted;
                BIGINT.writeLong(output, value.asLong() - (absentCounted ? 1 : 0));
            }
            case SUM -> {
                if (present == 0 || (presentCell < 0 && totalCell >= 0 && cells.get(totalCell).asLong() == 0)) {
                    output.appendNull();
                }
                else if (wholeNumber) {
                    BIGINT.writeLong(output, exactLong(new BigDecimal(value.asText()).toBigIntegerExact()));
                }
                else {
                    DOUBLE.writeDouble(output, value.asDouble());
                }
            }
            case AVG -> {
                long count = presentCell < 0 ? cells.get(totalCell).asLong() : present;
                if (count == 0) {
                    output.appendNull();
                }
                else {
                    // as Trino does: the exact sum, then one division
                    double sum = wholeNumber ? exactLong(new BigDecimal(value.asText()).toBigIntegerExact()) : value.asDouble();
                    DOUBLE.writeDouble(output, sum / count);
                }
            }
            case MIN, MAX -> {
                if (present == 0 || (presentCell < 0 && totalCell >= 0 && cells.get(totalCell).asLong() == 0)) {
                    output.appendNull();
                    return;
                }
                if (!wholeNumber) {
                    DOUBLE.writeDouble(output, value.asDouble());
                    return;
                }
                argumentDecoder.orElseThrow().decode(LongNode.valueOf(wholeNumber(value)), output);
            }
        }
    }

    /** A whole number as the broker answered it: a LONG result exactly; a double only where it can be exact. */
    private long wholeNumber(JsonNode value)
    {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.textValue()).longValueExact();
            }
            catch (ArithmeticException | NumberFormatException e) {
                throw new TrinoException(PINOT_UNEXPECTED_RESPONSE, "Pinot answered %s of '%s' as '%s', which is no whole number".formatted(kind, name, value.textValue()), e);
            }
        }
        double number = value.asDouble();
        if (Math.abs(number) > EXACT_DOUBLE_LIMIT || number != Math.rint(number)) {
            throw new TrinoException(PINOT_UNEXPECTED_RESPONSE, "Pinot answered %s of '%s' as %s, which cannot be exact; run the query with SET SESSION pinot_cdc.pushdown_enabled = false".formatted(kind, name, number));
        }
        return (long) number;
    }

    private static long exactLong(BigInteger value)
    {
        if (value.bitLength() > 63) {
            throw new TrinoException(NUMERIC_VALUE_OUT_OF_RANGE, "bigint addition overflow: " + value);
        }
        return value.longValue();
    }

    @Override
    public Type type()
    {
        return type;
    }
}

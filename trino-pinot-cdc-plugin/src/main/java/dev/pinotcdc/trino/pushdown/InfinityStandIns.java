package dev.pinotcdc.trino.pushdown;

import dev.pinotcdc.trino.cdc.decoder.DebeziumSentinels;
import dev.pinotcdc.trino.query.ComparisonOperator;
import dev.pinotcdc.trino.query.LongLiteral;
import dev.pinotcdc.trino.query.PinotExpression;
import dev.pinotcdc.trino.query.PinotFilter;
import dev.pinotcdc.trino.query.PinotLiteral;
import dev.pinotcdc.trino.query.StringLiteral;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Debezium's numbers for PostgreSQL's infinite dates and timestamps in an epoch-encoded source field: the decoders
 * read them as NULL, so every aggregate, group and order Pinot computes over the field must too. Pinot 0.11 takes
 * {@code IN} inside {@code CASE}, which extracts the field once for the whole list.
 */
final class InfinityStandIns
{
    private InfinityStandIns() {}

    /** The stored numbers of the field that decode to NULL; empty for a field that has none. */
    static List<Long> of(PinotCdcColumnHandle field)
    {
        if (!field.isSourceField()) {
            return List.of();
        }
        return switch (field.encoding()) {
            case EPOCH_DAYS, EPOCH_MILLIS, EPOCH_MICROS, EPOCH_NANOS -> DebeziumSentinels.infinityStandIns(field.type());
            default -> List.of();
        };
    }

    /** The texts a STRING extraction of the field gives for those numbers (Jackson writes JSON integers so). */
    static Set<String> texts(PinotCdcColumnHandle field)
    {
        return of(field).stream().map(Object::toString).collect(Collectors.toUnmodifiableSet());
    }

    /** {@code text IN ('n1', ...)} over a STRING extraction, with the extra texts first. */
    static PinotFilter textIsOneOf(PinotExpression text, PinotCdcColumnHandle field, List<String> extraTexts)
    {
        List<PinotLiteral> values = new ArrayList<>();
        extraTexts.forEach(extra -> values.add(new StringLiteral(extra)));
        of(field).forEach(number -> values.add(new StringLiteral(number.toString())));
        return values.size() == 1 ? new PinotFilter.Comparison(text, ComparisonOperator.EQUAL, values.getFirst()) : new PinotFilter.In(text, values, false);
    }

    /** {@code number IN (n1, ...)} over a LONG extraction. */
    static PinotFilter numberIsOneOf(PinotExpression number, PinotCdcColumnHandle field)
    {
        return new PinotFilter.In(number, of(field).stream().map(value -> (PinotLiteral) new LongLiteral(value)).toList(), false);
    }
}

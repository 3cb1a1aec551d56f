package dev.pinotcdc.trino.pushdown;

import com.google.common.collect.ImmutableMap;
import dev.pinotcdc.trino.cdc.decoder.InvalidValueException;
import io.trino.plugin.base.metrics.LongCount;
import io.trino.spi.TrinoException;
import io.trino.spi.metrics.Metric;
import io.trino.spi.metrics.Metrics;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_CDC_INVALID_VALUE;
import static java.lang.String.format;
import static java.util.Locale.ENGLISH;
import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.joining;

/**
 * Values that could not be shown as data. In lenient mode they become NULL and are counted here; the counts reach
 * users as connector metrics (EXPLAIN ANALYZE VERBOSE, query statistics). In strict mode a bad value fails the
 * query; Debezium's placeholders (unchanged TOAST values, infinities) are never data and are always only counted.
 */
public final class DecodingProblems
{
    static final String METRIC_PREFIX = "pinot_cdc.null_values.";

    private final String pinotTable;
    private final boolean strict;
    private final Map<InvalidValueException.Reason, Long> counts = new EnumMap<>(InvalidValueException.Reason.class);
    private long malformedSourceRows;
    private long malformedSourceValues;

    public DecodingProblems(String pinotTable, boolean strict)
    {
        this.pinotTable = requireNonNull(pinotTable, "pinotTable is null");
        this.strict = strict;
    }

    void valueDidNotFit(String column, InvalidValueException problem)
    {
        if (strict && isDataError(problem.reason())) {
            throw new TrinoException(PINOT_CDC_INVALID_VALUE, format(
                    "Pinot table '%s', column '%s': %s (session property strict_decoding=false returns NULL instead)",
                    pinotTable, column, problem.getMessage()), problem);
        }
        counts.merge(problem.reason(), 1L, Long::sum);
    }

    /**
     * @param columns the columns that read fields of the malformed document: the ones left without a value
     */
    void sourceIsMalformed(List<String> columns, String problem)
    {
        if (strict) {
            throw new TrinoException(PINOT_CDC_INVALID_VALUE, format(
                    "Pinot table '%s': a row's source JSON is malformed, so column%s %s cannot be read: %s (session property strict_decoding=false returns NULL instead)",
                    pinotTable,
                    columns.size() == 1 ? "" : "s",
                    columns.stream().map(column -> "'" + column + "'").collect(joining(", ")),
                    problem));
        }
        malformedSourceRows++;
        malformedSourceValues += columns.size();
    }

    /** Debezium's placeholders stand for values Debezium did not send; they are not broken data. */
    private static boolean isDataError(InvalidValueException.Reason reason)
    {
        return switch (reason) {
            case UNAVAILABLE, INFINITY -> false;
            case WRONG_TYPE, MALFORMED, OUT_OF_RANGE, INEXACT -> true;
        };
    }

    /** The values returned as NULL so far: each counted value, and each column of each malformed source row. */
    public long nulledValues()
    {
        return counts.values().stream().mapToLong(Long::longValue).sum() + malformedSourceValues;
    }

    public Metrics toMetrics()
    {
        ImmutableMap.Builder<String, Metric<?>> metrics = ImmutableMap.builder();
        counts.forEach((reason, count) -> metrics.put(METRIC_PREFIX + reason.name().toLowerCase(ENGLISH), new LongCount(count)));
        if (malformedSourceRows > 0) {
            metrics.put(METRIC_PREFIX + "malformed_source_rows", new LongCount(malformedSourceRows));
        }
        return new Metrics(metrics.buildOrThrow());
    }
}

package dev.pinotcdc.trino.query;

import static java.util.Objects.requireNonNull;

/**
 * {@code aggregation FILTER (WHERE filter)}: the aggregation over the rows that also match the filter. Pinot 0.11
 * takes it only in a query without GROUP BY.
 */
public record FilteredAggregation(PinotExpression aggregation, PinotFilter filter)
        implements PinotExpression
{
    public FilteredAggregation
    {
        requireNonNull(aggregation, "aggregation is null");
        requireNonNull(filter, "filter is null");
    }
}

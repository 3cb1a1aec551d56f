package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.trino.spi.connector.ColumnHandle;

import java.util.List;

/**
 * A GROUP BY that Pinot computes: the grouping columns (of the table, or truncated times) and the aggregates, one
 * output row per group.
 */
public record PinotAggregation(List<ColumnHandle> groupBy, List<AggregateColumnHandle> aggregates)
{
    @JsonCreator
    public PinotAggregation(@JsonProperty("groupBy") List<ColumnHandle> groupBy, @JsonProperty("aggregates") List<AggregateColumnHandle> aggregates)
    {
        this.groupBy = List.copyOf(groupBy);
        this.aggregates = List.copyOf(aggregates);
    }
}

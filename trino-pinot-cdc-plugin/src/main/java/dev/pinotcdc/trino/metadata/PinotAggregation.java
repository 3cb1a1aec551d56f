package dev.pinotcdc.trino.metadata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A GROUP BY that Pinot computes: the grouping columns and the aggregates, one output row per group.
 */
public record PinotAggregation(List<PinotCdcColumnHandle> groupBy, List<AggregateColumnHandle> aggregates)
{
    @JsonCreator
    public PinotAggregation(@JsonProperty("groupBy") List<PinotCdcColumnHandle> groupBy, @JsonProperty("aggregates") List<AggregateColumnHandle> aggregates)
    {
        this.groupBy = List.copyOf(groupBy);
        this.aggregates = List.copyOf(aggregates);
    }
}

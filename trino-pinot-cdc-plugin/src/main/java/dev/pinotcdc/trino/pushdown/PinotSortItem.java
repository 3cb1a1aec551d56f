package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.trino.spi.connector.SortOrder;

import static java.util.Objects.requireNonNull;

/** One ORDER BY item of a top-N that Pinot computes. */
public record PinotSortItem(PinotCdcColumnHandle column, SortOrder order)
{
    @JsonCreator
    public PinotSortItem(@JsonProperty("column") PinotCdcColumnHandle column, @JsonProperty("order") SortOrder order)
    {
        this.column = requireNonNull(column, "column is null");
        this.order = requireNonNull(order, "order is null");
    }

    /**
     * Pinot can order by this column as Trino does, NULLs included: key and CDC columns are never NULL, and an absent
     * epoch value is extracted as a number that sorts where Trino puts NULLs, which no real date or timestamp can be.
     */
    public static boolean isSortable(PinotCdcColumnHandle column)
    {
        if (!column.isSourceField()) {
            return AggregationPushdown.isWholeNumber(column.type()) || AggregationPushdown.isEpoch(column.encoding());
        }
        return AggregationPushdown.isEpoch(column.encoding());
    }
}

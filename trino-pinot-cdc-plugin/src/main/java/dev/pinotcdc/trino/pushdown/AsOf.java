package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pinotcdc.trino.query.ColumnReference;
import dev.pinotcdc.trino.query.ComparisonOperator;
import dev.pinotcdc.trino.query.LongLiteral;
import dev.pinotcdc.trino.query.PinotFilter;

import static java.util.Objects.requireNonNull;

/**
 * A read of a CDC table as it was at a moment ({@code FOR TIMESTAMP AS OF}) or a version ({@code FOR VERSION AS OF}):
 * per key the newest version whose column is at most the bound, deletes and truncates applied as of then.
 *
 * @param column the Pinot column the bound applies to: the event time (epoch millis) or the version (Debezium's LSN)
 * @param atMost the newest value of that column the read sees
 */
public record AsOf(String column, long atMost)
{
    @JsonCreator
    public AsOf(@JsonProperty("column") String column, @JsonProperty("atMost") long atMost)
    {
        this.column = requireNonNull(column, "column is null");
        this.atMost = atMost;
    }

    public PinotFilter filter()
    {
        return new PinotFilter.Comparison(new ColumnReference(column), ComparisonOperator.LESS_THAN_OR_EQUAL, new LongLiteral(atMost));
    }
}

package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.type.Type;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The result of an aggregate function that Pinot computes.
 *
 * @param argument the aggregated column; empty for {@code count(*)}
 */
public record AggregateColumnHandle(String name, Type type, AggregateKind kind, Optional<PinotCdcColumnHandle> argument)
        implements ColumnHandle
{
    public enum AggregateKind
    {
        COUNT_ALL,
        COUNT,
        SUM,
        MIN,
        MAX,
        AVG,
        /** count(DISTINCT x), and approx_distinct(x), which Pinot answers exactly */
        COUNT_DISTINCT,
    }

    @JsonCreator
    public AggregateColumnHandle(
            @JsonProperty("name") String name,
            @JsonProperty("type") Type type,
            @JsonProperty("kind") AggregateKind kind,
            @JsonProperty("argument") Optional<PinotCdcColumnHandle> argument)
    {
        this.name = requireNonNull(name, "name is null");
        this.type = requireNonNull(type, "type is null");
        this.kind = requireNonNull(kind, "kind is null");
        this.argument = requireNonNull(argument, "argument is null");
    }

    @Override
    public String toString()
    {
        return name + ":" + type.getDisplayName() + " = " + kind + argument.map(column -> "(" + column.name() + ")").orElse("(*)");
    }
}

package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.type.Type;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Trino's {@code date_trunc(unit, column)} of a timestamp column, computed by the scan: Pinot groups by its
 * {@code DATETRUNC} when the scan is a pushed GROUP BY, and the reader truncates each decoded value otherwise.
 */
public record TruncatedTimeColumnHandle(String name, PinotCdcColumnHandle column, TimeTruncation truncation)
        implements ColumnHandle
{
    @JsonCreator
    public TruncatedTimeColumnHandle(
            @JsonProperty("name") String name,
            @JsonProperty("column") PinotCdcColumnHandle column,
            @JsonProperty("truncation") TimeTruncation truncation)
    {
        this.name = requireNonNull(name, "name is null");
        this.column = requireNonNull(column, "column is null");
        this.truncation = requireNonNull(truncation, "truncation is null");
    }

    public Type type()
    {
        return column.type();
    }

    public ColumnMetadata toColumnMetadata()
    {
        return new ColumnMetadata(name, column.type());
    }

    @Override
    public String toString()
    {
        return name + ":" + column.type().getDisplayName() + " = date_trunc('" + truncation.name().toLowerCase(Locale.ENGLISH) + "', " + column.name() + ")";
    }
}

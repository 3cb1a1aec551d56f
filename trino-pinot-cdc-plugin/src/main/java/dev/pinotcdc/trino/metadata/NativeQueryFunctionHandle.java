package dev.pinotcdc.trino.metadata;

import dev.pinotcdc.trino.pushdown.NativeQueryTableHandle;
import io.trino.spi.function.table.ConnectorTableFunctionHandle;

import static java.util.Objects.requireNonNull;

/** An analyzed call of {@code system.query}: the scan of its answer. */
public record NativeQueryFunctionHandle(NativeQueryTableHandle table)
        implements ConnectorTableFunctionHandle
{
    public NativeQueryFunctionHandle
    {
        requireNonNull(table, "table is null");
    }
}

package dev.pinotcdc.trino.metadata;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.inject.Inject;
import dev.pinotcdc.trino.cdc.TableShape;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.ConnectorTableVersion;
import io.trino.spi.connector.LimitApplicationResult;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.connector.SchemaTablePrefix;
import io.trino.spi.connector.TableColumnsMetadata;
import io.trino.spi.connector.TableNotFoundException;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.pinotcdc.trino.metadata.PinotTableCatalog.SCHEMA_NAME;
import static io.trino.spi.StandardErrorCode.NOT_SUPPORTED;
import static java.util.Objects.requireNonNull;

public class PinotCdcMetadata
        implements ConnectorMetadata
{
    private final PinotTableCatalog catalog;

    @Inject
    public PinotCdcMetadata(PinotTableCatalog catalog)
    {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    @Override
    public List<String> listSchemaNames(ConnectorSession session)
    {
        return ImmutableList.of(SCHEMA_NAME);
    }

    @Override
    public ConnectorTableHandle getTableHandle(ConnectorSession session, SchemaTableName tableName, Optional<ConnectorTableVersion> startVersion, Optional<ConnectorTableVersion> endVersion)
    {
        if (startVersion.isPresent() || endVersion.isPresent()) {
            throw new TrinoException(NOT_SUPPORTED, "This connector does not support versioned tables");
        }
        return catalog.getTable(tableName)
                .map(table -> PinotCdcTableHandle.scanOf(table.schemaTableName(), table.pinotTableName(), table.shape()))
                .orElse(null);
    }

    @Override
    public ConnectorTableMetadata getTableMetadata(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        PinotTableDescription table = describe((PinotCdcTableHandle) tableHandle);
        return tableMetadata(table);
    }

    @Override
    public List<SchemaTableName> listTables(ConnectorSession session, Optional<String> schemaName)
    {
        if (schemaName.isPresent() && !schemaName.get().equals(SCHEMA_NAME)) {
            return ImmutableList.of();
        }
        return catalog.listTables();
    }

    @Override
    public Map<String, ColumnHandle> getColumnHandles(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        PinotTableDescription table = describe((PinotCdcTableHandle) tableHandle);
        ImmutableMap.Builder<String, ColumnHandle> columns = ImmutableMap.builder();
        for (PinotCdcColumnHandle column : table.columns()) {
            columns.put(column.name(), column);
        }
        return columns.buildOrThrow();
    }

    @Override
    public ColumnMetadata getColumnMetadata(ConnectorSession session, ConnectorTableHandle tableHandle, ColumnHandle columnHandle)
    {
        return ((PinotCdcColumnHandle) columnHandle).toColumnMetadata();
    }

    @Override
    public Iterator<TableColumnsMetadata> streamTableColumns(ConnectorSession session, SchemaTablePrefix prefix)
    {
        List<SchemaTableName> tables = prefix.getTable()
                .map(table -> List.of(new SchemaTableName(prefix.getSchema().orElse(SCHEMA_NAME), table)))
                .orElseGet(() -> listTables(session, prefix.getSchema()));
        ImmutableList.Builder<TableColumnsMetadata> columns = ImmutableList.builder();
        for (SchemaTableName tableName : tables) {
            try {
                catalog.getTable(tableName).ifPresent(table ->
                        columns.add(TableColumnsMetadata.forTable(tableName, tableMetadata(table).getColumns())));
            }
            catch (TableNotFoundException e) {
                // dropped between listing and describing
            }
        }
        return columns.build().iterator();
    }

    @Override
    public Optional<LimitApplicationResult<ConnectorTableHandle>> applyLimit(ConnectorSession session, ConnectorTableHandle handle, long limit)
    {
        PinotCdcTableHandle table = (PinotCdcTableHandle) handle;
        if (table.limit().isPresent() && table.limit().getAsLong() <= limit) {
            return Optional.empty();
        }
        // on upsert and plain tables every row Pinot returns is a row of the latest state; append-only tables
        // need all versions of a key to pick the newest, so a limit cannot go below that choice
        if (table.shape() == TableShape.APPEND_ONLY_CDC) {
            return Optional.empty();
        }
        // each split applies the limit; Trino still applies it across splits
        return Optional.of(new LimitApplicationResult<>(table.withLimit(limit), false, false));
    }

    PinotTableDescription describe(PinotCdcTableHandle handle)
    {
        return catalog.getTable(handle.schemaTableName())
                .orElseThrow(() -> new TableNotFoundException(handle.schemaTableName()));
    }

    private static ConnectorTableMetadata tableMetadata(PinotTableDescription table)
    {
        List<ColumnMetadata> columns = table.columns().stream()
                .map(PinotCdcColumnHandle::toColumnMetadata)
                .collect(ImmutableList.toImmutableList());
        return new ConnectorTableMetadata(table.schemaTableName(), columns, ImmutableMap.of(), table.comment());
    }
}

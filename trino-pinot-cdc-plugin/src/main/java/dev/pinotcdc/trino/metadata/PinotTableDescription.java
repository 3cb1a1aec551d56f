package dev.pinotcdc.trino.metadata;

import dev.pinotcdc.trino.cdc.CdcLayout;
import dev.pinotcdc.trino.cdc.TableShape;
import dev.pinotcdc.trino.client.JsonIndexScope;
import dev.pinotcdc.trino.pushdown.PinotCdcColumnHandle;
import dev.pinotcdc.trino.pushdown.PinotCdcTableHandle;
import dev.pinotcdc.trino.pushdown.SplitKey;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.predicate.TupleDomain;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * Everything the connector knows about one Pinot table: its shape and its columns in the order users see them.
 *
 * @param primaryKey the Pinot columns of the primary key (empty for a plain table)
 * @param splitKey the key column the splits of a scan share the rows by
 * @param sourceJsonIndexed what Pinot's JSON index on the source column keeps (JSON_MATCH can filter on those paths)
 * @param versionColumn the column that orders the versions of a key (the upsert comparison column, else the LSN or the event time)
 * @param valueSchemaColumn the column holding Debezium's value schema, if the table has one (the catalog's
 *         {@code cdc.value-schema-column}, or a column found by its content)
 */
public record PinotTableDescription(
        SchemaTableName schemaTableName,
        String pinotTableName,
        TableShape shape,
        List<PinotCdcColumnHandle> columns,
        List<String> primaryKey,
        Optional<SplitKey> splitKey,
        JsonIndexScope sourceJsonIndexed,
        Optional<String> versionColumn,
        Optional<String> comment,
        Optional<List<String>> liveSchemaTexts,
        Optional<String> valueSchemaColumn)
{
    public PinotTableDescription
    {
        requireNonNull(schemaTableName, "schemaTableName is null");
        requireNonNull(pinotTableName, "pinotTableName is null");
        requireNonNull(shape, "shape is null");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        requireNonNull(sourceJsonIndexed, "sourceJsonIndexed is null");
        requireNonNull(splitKey, "splitKey is null");
        requireNonNull(versionColumn, "versionColumn is null");
        requireNonNull(comment, "comment is null");
        liveSchemaTexts = liveSchemaTexts.map(List::copyOf);
        requireNonNull(valueSchemaColumn, "valueSchemaColumn is null");
    }

    /** A scan of the whole table, nothing pushed into it yet. */
    public PinotCdcTableHandle tableHandle(CdcLayout layout, int maxRows, int maxExtractedSourceFields)
    {
        return new PinotCdcTableHandle(
                schemaTableName,
                pinotTableName,
                shape,
                primaryKey,
                splitKey,
                versionColumn,
                sourceJsonIndexed,
                TupleDomain.all(),
                List.of(),
                OptionalLong.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                valueSchemaColumn.map(layout::withValueSchemaColumn).orElse(layout),
                maxRows,
                maxExtractedSourceFields,
                Optional.empty(),
                false);
    }

    public Optional<PinotCdcColumnHandle> column(String name)
    {
        return columns.stream().filter(column -> column.name().equals(name)).findFirst();
    }
}

package dev.pinotcdc.trino.metadata;

import dev.pinotcdc.trino.cdc.TableShape;
import io.trino.spi.connector.SchemaTableName;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Everything the connector knows about one Pinot table: its shape and its columns in the order users see them.
 *
 * @param sourceJsonIndexed whether Pinot keeps a JSON index on the source column (JSON_MATCH can filter on it)
 * @param comparisonColumn the column that orders versions of a key (the upsert comparison column)
 */
public record PinotTableDescription(
        SchemaTableName schemaTableName,
        String pinotTableName,
        TableShape shape,
        List<PinotCdcColumnHandle> columns,
        boolean sourceJsonIndexed,
        Optional<String> comparisonColumn,
        Optional<String> comment)
{
    public PinotTableDescription
    {
        requireNonNull(schemaTableName, "schemaTableName is null");
        requireNonNull(pinotTableName, "pinotTableName is null");
        requireNonNull(shape, "shape is null");
        columns = List.copyOf(columns);
        requireNonNull(comparisonColumn, "comparisonColumn is null");
        requireNonNull(comment, "comment is null");
    }

    public Optional<PinotCdcColumnHandle> column(String name)
    {
        return columns.stream().filter(column -> column.name().equals(name)).findFirst();
    }
}

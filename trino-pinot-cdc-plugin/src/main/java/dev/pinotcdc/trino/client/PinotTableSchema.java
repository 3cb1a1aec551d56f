package dev.pinotcdc.trino.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A Pinot table's schema.
 *
 * @param columns the columns this plugin can read, in schema order (dimensions, metrics, date-times)
 * @param unsupportedColumns columns of a type this plugin does not read, by name, with their Pinot type name
 */
public record PinotTableSchema(String name, List<PinotColumn> columns, List<String> primaryKeyColumns, Map<String, String> unsupportedColumns)
{
    public PinotTableSchema
    {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        primaryKeyColumns = List.copyOf(primaryKeyColumns);
        unsupportedColumns = Map.copyOf(unsupportedColumns);
    }

    public Optional<PinotColumn> column(String columnName)
    {
        return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
    }
}

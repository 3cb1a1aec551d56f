package dev.pinotcdc.trino.cdc;

import io.trino.spi.type.Type;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * A table definition file's content: columns whose type, path and encoding the user fixed.
 *
 * @param source the file the definition came from, for error messages
 * @param includeUndeclaredFields whether fields the file does not list still become columns (typed from the
 * Debezium schema or by inference)
 */
public record TableDefinition(String source, List<Column> columns, boolean includeUndeclaredFields)
{
    public TableDefinition
    {
        requireNonNull(source, "source is null");
        columns = List.copyOf(columns);
    }

    public record Column(String name, Type type, List<String> path, FieldEncoding encoding, OptionalInt storedScale, Optional<String> comment)
    {
        public Column
        {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
            path = List.copyOf(path);
            requireNonNull(encoding, "encoding is null");
            requireNonNull(storedScale, "storedScale is null");
            requireNonNull(comment, "comment is null");
        }
    }
}

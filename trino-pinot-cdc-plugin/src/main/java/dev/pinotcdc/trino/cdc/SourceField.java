package dev.pinotcdc.trino.cdc;

import io.trino.spi.type.Type;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * One field of the JSON source column, as a typed column.
 *
 * @param columnName the Trino column name (lower case)
 * @param path the keys leading to the value inside the source JSON object (usually one key)
 * @param type the Trino type
 * @param encoding how the value is stored in the JSON
 * @param storedScale the scale of a DECIMAL_BASE64 value when it differs from the type's (for example decoded to VARCHAR)
 * @param origin where the type came from
 * @param comment a description for users (from a table definition file)
 */
public record SourceField(String columnName, List<String> path, Type type, FieldEncoding encoding, OptionalInt storedScale, TypeOrigin origin, Optional<String> comment)
{
    public SourceField(String columnName, List<String> path, Type type, FieldEncoding encoding, OptionalInt storedScale, TypeOrigin origin)
    {
        this(columnName, path, type, encoding, storedScale, origin, Optional.empty());
    }

    public SourceField
    {
        requireNonNull(columnName, "columnName is null");
        path = List.copyOf(path);
        requireNonNull(type, "type is null");
        requireNonNull(encoding, "encoding is null");
        requireNonNull(storedScale, "storedScale is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(comment, "comment is null");
    }
}

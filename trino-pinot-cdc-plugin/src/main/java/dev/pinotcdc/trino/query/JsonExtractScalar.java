package dev.pinotcdc.trino.query;

import dev.pinotcdc.trino.client.PinotDataType;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code JSONEXTRACTSCALAR(column, '$[''key'']...', 'TYPE', 'default')}: one scalar of a JSON column.
 * The path is a list of object keys; the writer turns it into JsonPath's bracket notation.
 * <p>
 * Pinot 0.11 fails the whole query when a row lacks the path and no default is given, so a default is
 * almost always wanted; it is written as a string literal, which Pinot converts to the result type.
 */
public record JsonExtractScalar(String column, List<String> path, PinotDataType resultType, Optional<String> defaultValue)
        implements PinotExpression
{
    public JsonExtractScalar
    {
        PinotIdentifiers.checkIdentifier(requireNonNull(column, "column is null"));
        path = List.copyOf(path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("JSON path is empty");
        }
        for (String key : path) {
            if (!isWritableKey(key)) {
                throw new IllegalArgumentException("JSON key cannot be written in a Pinot JSON path: " + key);
            }
        }
        requireNonNull(resultType, "resultType is null");
        if (resultType == PinotDataType.JSON || resultType == PinotDataType.BYTES) {
            throw new IllegalArgumentException("JSONEXTRACTSCALAR cannot return " + resultType);
        }
        requireNonNull(defaultValue, "defaultValue is null");
        defaultValue.ifPresent(StringLiteral::checkWritable);
    }

    /** An empty key would need {@code ['']}, whose two adjacent quotes Pinot 0.11 mangles (see {@link StringLiteral}). */
    public static boolean isWritableKey(String key)
    {
        return !key.isEmpty();
    }
}

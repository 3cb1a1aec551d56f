package dev.pinotcdc.trino.pushdown;

import dev.pinotcdc.trino.client.JsonIndexScope;

import static java.util.Objects.requireNonNull;

/**
 * What the table offers for filtering on fields of its JSON source column.
 *
 * @param jsonIndex what the source column's JSON index keeps: JSON_MATCH finds values only on the paths it keeps
 * @param nullSourcePossible some rows may hold a null source (for example deletes); Pinot 0.11's JSONEXTRACTSCALAR
 *         fails the whole query on such a row, even with a default, unless a JSON_MATCH guard filters the row out first
 */
public record JsonSourceCapabilities(JsonIndexScope jsonIndex, boolean nullSourcePossible)
{
    public JsonSourceCapabilities
    {
        requireNonNull(jsonIndex, "jsonIndex is null");
    }
}

package dev.pinotcdc.trino.client;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What this plugin needs from a table's configs. For a hybrid table (REALTIME and OFFLINE) an index column is
 * listed only when both have the index, since a query on the index must work on every segment.
 *
 * @param tableName the raw table name (without _REALTIME or _OFFLINE)
 * @param upsert present when the REALTIME table is an upsert table
 * @param jsonIndexScopes what the JSON index of each column in {@code jsonIndexColumns} keeps
 * @param sortedColumns the columns each segment is sorted on
 * @param timeColumn the segments' time column, when configured
 */
public record PinotTableConfig(
        String tableName,
        boolean realtime,
        boolean offline,
        Optional<PinotUpsertConfig> upsert,
        Set<String> jsonIndexColumns,
        Map<String, JsonIndexScope> jsonIndexScopes,
        Set<String> invertedIndexColumns,
        Set<String> rangeIndexColumns,
        Set<String> sortedColumns,
        Optional<String> timeColumn)
{
    public PinotTableConfig
    {
        requireNonNull(tableName, "tableName is null");
        if (!realtime && !offline) {
            throw new IllegalArgumentException("A table config is REALTIME, OFFLINE or both");
        }
        requireNonNull(upsert, "upsert is null");
        jsonIndexColumns = Set.copyOf(jsonIndexColumns);
        jsonIndexScopes = Map.copyOf(jsonIndexScopes);
        invertedIndexColumns = Set.copyOf(invertedIndexColumns);
        rangeIndexColumns = Set.copyOf(rangeIndexColumns);
        sortedColumns = Set.copyOf(sortedColumns);
        requireNonNull(timeColumn, "timeColumn is null");
    }

    /** What the column's JSON index keeps: {@link JsonIndexScope#NONE} when it has none. */
    public JsonIndexScope jsonIndexScope(String column)
    {
        if (!jsonIndexColumns.contains(column)) {
            return JsonIndexScope.NONE;
        }
        return jsonIndexScopes.getOrDefault(column, JsonIndexScope.COMPLETE);
    }
}

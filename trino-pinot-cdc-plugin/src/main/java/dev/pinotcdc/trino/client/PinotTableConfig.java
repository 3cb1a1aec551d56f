package dev.pinotcdc.trino.client;

import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What this plugin needs from a table's configs. For a hybrid table (REALTIME and OFFLINE) an index column is
 * listed only when both have the index, since a query on the index must work on every segment.
 *
 * @param tableName the raw table name (without _REALTIME or _OFFLINE)
 * @param upsert present when the REALTIME table is an upsert table
 * @param sortedColumns the columns each segment is sorted on
 * @param timeColumn the segments' time column, when configured
 */
public record PinotTableConfig(
        String tableName,
        boolean realtime,
        boolean offline,
        Optional<PinotUpsertConfig> upsert,
        Set<String> jsonIndexColumns,
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
        invertedIndexColumns = Set.copyOf(invertedIndexColumns);
        rangeIndexColumns = Set.copyOf(rangeIndexColumns);
        sortedColumns = Set.copyOf(sortedColumns);
        requireNonNull(timeColumn, "timeColumn is null");
    }
}

package dev.pinotcdc.trino.client;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The upsert settings of a REALTIME table.
 *
 * @param comparisonColumns the columns that decide which version of a key wins; empty means the time column
 * @param deleteRecordColumn Pinot 1.x only: a boolean column whose true value deletes the key
 */
public record PinotUpsertConfig(Mode mode, List<String> comparisonColumns, Optional<String> deleteRecordColumn)
{
    public enum Mode
    {
        FULL,
        PARTIAL,
    }

    public PinotUpsertConfig
    {
        requireNonNull(mode, "mode is null");
        comparisonColumns = List.copyOf(comparisonColumns);
        requireNonNull(deleteRecordColumn, "deleteRecordColumn is null");
    }
}

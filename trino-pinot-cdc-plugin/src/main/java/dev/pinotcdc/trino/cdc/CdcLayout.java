package dev.pinotcdc.trino.cdc;

import com.google.common.collect.ImmutableSet;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The names under which a catalog's Pinot tables keep Debezium's change events.
 *
 * @param sourceColumn the JSON column holding the row image (Debezium's {@code after})
 * @param opColumn the operation code column (c, u, d, r, t)
 * @param timeColumn the event time column, epoch milliseconds
 * @param deleteOpCodes operation codes whose rows are deleted rows
 * @param truncateOpCode the operation code of a table truncate
 * @param valueSchemaColumn the column holding Debezium's schema of the row image, where a table has it
 * @param versionColumn the column that orders the versions of a key where Pinot does not upsert (Debezium's LSN)
 */
public record CdcLayout(
        String sourceColumn,
        String opColumn,
        String timeColumn,
        Set<String> deleteOpCodes,
        String truncateOpCode,
        String valueSchemaColumn,
        String versionColumn)
{
    public CdcLayout
    {
        requireNonNull(sourceColumn, "sourceColumn is null");
        requireNonNull(opColumn, "opColumn is null");
        requireNonNull(timeColumn, "timeColumn is null");
        deleteOpCodes = Set.copyOf(deleteOpCodes);
        requireNonNull(truncateOpCode, "truncateOpCode is null");
        requireNonNull(valueSchemaColumn, "valueSchemaColumn is null");
        requireNonNull(versionColumn, "versionColumn is null");
    }

    /** The same layout for a table whose Debezium value schema is in another column. */
    public CdcLayout withValueSchemaColumn(String column)
    {
        return new CdcLayout(sourceColumn, opColumn, timeColumn, deleteOpCodes, truncateOpCode, column, versionColumn);
    }

    /** Operation codes of rows that are never data: deletes and truncates. */
    public Set<String> hiddenOpCodes()
    {
        return ImmutableSet.<String>builder()
                .addAll(deleteOpCodes)
                .add(truncateOpCode)
                .build();
    }
}

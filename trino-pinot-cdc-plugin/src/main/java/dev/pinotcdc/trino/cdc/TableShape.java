package dev.pinotcdc.trino.cdc;

import java.util.Collection;

/** What kind of table a Pinot table is to this connector, which decides how its latest state is read. */
public enum TableShape
{
    /** A CDC table that Pinot upserts: Pinot keeps only the newest version of each key. */
    UPSERT_CDC,
    /** A CDC table that keeps every version: the newest version of each key must be chosen when reading. */
    APPEND_ONLY_CDC,
    /** Every version of a CDC table's keys, each a row: its change log ({@code "orders$changes"}). */
    CHANGE_LOG,
    /** Any other table: its own columns, as they are. */
    PLAIN;

    /**
     * A CDC table has the JSON source column, the op column and a primary key.
     */
    public static TableShape classify(Collection<String> columnNames, Collection<String> primaryKeyColumns, boolean upsert, CdcLayout layout)
    {
        boolean cdc = columnNames.contains(layout.sourceColumn())
                && columnNames.contains(layout.opColumn())
                && !primaryKeyColumns.isEmpty();
        if (!cdc) {
            return PLAIN;
        }
        return upsert ? UPSERT_CDC : APPEND_ONLY_CDC;
    }

    public boolean isCdc()
    {
        return this != PLAIN;
    }
}

package dev.pinotcdc.trino.templates;

import java.util.Set;

/**
 * The column names of the templates: the connector's defaults (its {@code pinot.source-column},
 * {@code pinot.op-column}, {@code pinot.time-column} and {@code pinot.value-schema-column}).
 */
public final class CdcColumns
{
    public static final String SOURCE = "source";
    public static final String OP = "op";
    public static final String TS_MS = "ts_ms";
    public static final String LSN = "lsn";
    public static final String SOURCE_SCHEMA = "source_schema";
    /** Pinot 1.x only: the upsert delete marker ({@code upsertConfig.deleteRecordColumn}). */
    public static final String DELETED = "_deleted";

    /** Names a promoted field or a key column cannot take. */
    public static final Set<String> RESERVED = Set.of(SOURCE, OP, TS_MS, LSN, SOURCE_SCHEMA, DELETED);

    private CdcColumns() {}
}

package dev.pinotcdc.trino.templates;

import java.util.Optional;

/**
 * The Pinot ingestion transform functions that take each column out of Debezium's message
 * ({@code {"schema": ..., "payload": ...}}, which Pinot's JSON decoder hands over as maps).
 */
sealed interface IngestionTransforms
        permits GroovyTransforms, BuiltInFunctionTransforms
{
    static IngestionTransforms forVersion(PinotVersion version)
    {
        return switch (version) {
            case V0_11 -> new GroovyTransforms();
            case V1_X -> new BuiltInFunctionTransforms();
        };
    }

    /**
     * A key column from {@code after}, or from {@code before} when {@code after} is null: a delete has no
     * {@code after}, and only so does it overwrite its own key instead of collapsing onto a default one.
     */
    String keyColumn(String field);

    /** Debezium's {@code after}: null on deletes and truncates. */
    String source();

    String op();

    String tsMs();

    /** {@code payload.source.lsn}: commit order per key, unchanged on replay. */
    String lsn();

    /** Debezium's schema of the {@code after} struct. */
    String valueSchema();

    /** The value of a promoted column (see {@link PromotedColumn} for what it holds). */
    String promoted(PromotedColumn column);

    /**
     * True exactly for deletes (op {@code d}), for Pinot's {@code upsertConfig.deleteRecordColumn}; empty where Pinot
     * has no such setting.
     */
    Optional<String> deleteMarker();
}

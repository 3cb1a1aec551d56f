package dev.pinotcdc.trino;

import io.trino.testing.TestingConnectorBehavior;

import java.util.Optional;

/**
 * What this connector declares to Trino's connector test suites beyond their defaults: it reads the latest state of
 * CDC tables and writes nothing (no DDL, no DML, no views).
 */
final class PinotCdcConnectorBehavior
{
    private PinotCdcConnectorBehavior() {}

    /**
     * The connector's answer, or empty where the suite's default holds.
     */
    static Optional<Boolean> hasBehavior(TestingConnectorBehavior behavior)
    {
        return switch (behavior) {
            // writes: Pinot's tables are fed by Debezium through Kafka, never by Trino
            case SUPPORTS_INSERT,
                    SUPPORTS_DELETE,
                    SUPPORTS_UPDATE,
                    SUPPORTS_MERGE,
                    SUPPORTS_CREATE_SCHEMA,
                    SUPPORTS_CREATE_TABLE,
                    SUPPORTS_RENAME_TABLE,
                    SUPPORTS_ADD_COLUMN,
                    SUPPORTS_RENAME_COLUMN,
                    SUPPORTS_SET_COLUMN_TYPE,
                    SUPPORTS_COMMENT_ON_TABLE,
                    SUPPORTS_CREATE_VIEW,
                    SUPPORTS_CREATE_MATERIALIZED_VIEW -> Optional.of(false);
            // Debezium's structs and maps are read as JSON: no ROW or MAP columns
            case SUPPORTS_ROW_TYPE,
                    SUPPORTS_MAP_TYPE -> Optional.of(false);
            // no table function that passes Pinot SQL through
            case SUPPORTS_NATIVE_QUERY -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}

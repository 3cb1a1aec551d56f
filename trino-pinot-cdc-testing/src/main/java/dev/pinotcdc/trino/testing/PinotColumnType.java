package dev.pinotcdc.trino.testing;

/**
 * The column data types of a Pinot 0.11 schema.
 */
public enum PinotColumnType
{
    INT,
    LONG,
    FLOAT,
    DOUBLE,
    BIG_DECIMAL,
    BOOLEAN,
    TIMESTAMP,
    STRING,
    JSON,
    BYTES,
}

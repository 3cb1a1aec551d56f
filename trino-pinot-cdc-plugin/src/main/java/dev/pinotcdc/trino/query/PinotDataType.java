package dev.pinotcdc.trino.query;

/** The result types JSONEXTRACTSCALAR accepts in Pinot 0.11. */
public enum PinotDataType
{
    INT,
    LONG,
    FLOAT,
    DOUBLE,
    BIG_DECIMAL,
    BOOLEAN,
    TIMESTAMP,
    STRING
}

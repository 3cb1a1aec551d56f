package dev.pinotcdc.trino.client;

import java.util.Optional;

import static java.util.Locale.ENGLISH;

/** The column data types of a Pinot schema that this plugin reads (Pinot 0.11 has exactly these). */
public enum PinotDataType
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
    BYTES;

    /** Empty for a type this plugin does not read (Pinot 1.x's MAP, LIST, STRUCT, UNKNOWN...). */
    public static Optional<PinotDataType> fromPinotName(String name)
    {
        try {
            return Optional.of(valueOf(name.toUpperCase(ENGLISH)));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

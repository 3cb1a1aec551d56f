package dev.pinotcdc.trino.client;

import static java.util.Objects.requireNonNull;

/** One column of a Pinot schema. */
public record PinotColumn(String name, PinotDataType dataType, boolean singleValue, Role role)
{
    public enum Role
    {
        DIMENSION,
        METRIC,
        DATE_TIME,
    }

    public PinotColumn
    {
        requireNonNull(name, "name is null");
        requireNonNull(dataType, "dataType is null");
        requireNonNull(role, "role is null");
    }
}

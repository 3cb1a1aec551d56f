package dev.pinotcdc.trino.client;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One column of a Pinot schema.
 *
 * @param dateTimeFormat a date-time column's format, e.g. {@code 1:MILLISECONDS:EPOCH} or {@code EPOCH|MILLISECONDS|1}
 */
public record PinotColumn(String name, PinotDataType dataType, boolean singleValue, Role role, Optional<String> dateTimeFormat)
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
        requireNonNull(dateTimeFormat, "dateTimeFormat is null");
    }

    public PinotColumn(String name, PinotDataType dataType, boolean singleValue, Role role)
    {
        this(name, dataType, singleValue, role, Optional.empty());
    }
}

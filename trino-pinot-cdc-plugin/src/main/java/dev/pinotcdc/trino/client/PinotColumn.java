package dev.pinotcdc.trino.client;

import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * One column of a Pinot schema.
 *
 * @param dateTimeFormat a date-time column's format, e.g. {@code 1:MILLISECONDS:EPOCH} or {@code EPOCH|MILLISECONDS|1}
 * @param exactTextLength for a STRING column, the length (in UTF-16 units) below which text is stored as it is and
 * no other text is stored as it; empty where Pinot changes no text for its length (see {@link #textLimit})
 */
public record PinotColumn(String name, PinotDataType dataType, boolean singleValue, Role role, Optional<String> dateTimeFormat, OptionalInt exactTextLength)
{
    /** Pinot's {@code maxLength} where a field spec sets none, in 0.11 and 1.x. */
    public static final int DEFAULT_MAX_LENGTH = 512;

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
        requireNonNull(exactTextLength, "exactTextLength is null");
    }

    public PinotColumn(String name, PinotDataType dataType, boolean singleValue, Role role, Optional<String> dateTimeFormat)
    {
        this(name, dataType, singleValue, role, dateTimeFormat, textLimit(dataType, Optional.empty(), Optional.empty()));
    }

    public PinotColumn(String name, PinotDataType dataType, boolean singleValue, Role role)
    {
        this(name, dataType, singleValue, role, Optional.empty());
    }

    /**
     * What Pinot's ingestion does to a STRING value longer than the field spec's {@code maxLength}: by default, and
     * with {@code TRIM_LENGTH}, it keeps the first {@code maxLength} units, so a text shorter than that is never what
     * a longer one became. {@code NO_ACTION} keeps it, {@code ERROR} drops the whole row. {@code SUBSTITUTE_DEFAULT_VALUE}
     * stores the default null value, itself a short text: no length is exact then (0). A {@code NUL} character cuts
     * the text in every mode, which PostgreSQL's text cannot hold.
     */
    public static OptionalInt textLimit(PinotDataType dataType, Optional<Integer> maxLength, Optional<String> maxLengthExceedStrategy)
    {
        if (dataType != PinotDataType.STRING) {
            return OptionalInt.empty();
        }
        return switch (maxLengthExceedStrategy.orElse("TRIM_LENGTH")) {
            case "NO_ACTION", "ERROR" -> OptionalInt.empty();
            case "TRIM_LENGTH" -> OptionalInt.of(Math.max(maxLength.orElse(DEFAULT_MAX_LENGTH), 0));
            default -> OptionalInt.of(0);
        };
    }
}

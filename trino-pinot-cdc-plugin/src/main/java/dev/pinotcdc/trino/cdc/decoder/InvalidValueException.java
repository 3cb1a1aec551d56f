package dev.pinotcdc.trino.cdc.decoder;

import static java.util.Objects.requireNonNull;

/**
 * A stored value that does not fit its column's type or encoding. The {@link Reason} lets the reader count bad
 * values by cause and choose between failing the query (strict) and returning NULL (lenient).
 */
public class InvalidValueException
        extends RuntimeException
{
    public enum Reason
    {
        /** The JSON kind does not match the encoding: a string for a number, a float for an integer column, ... */
        WRONG_TYPE,
        /** The kind is right but the text cannot be read: "abc" as a number, a bad date, broken base64 or JSON. */
        MALFORMED,
        /** The value is readable but outside what the column's type can hold. */
        OUT_OF_RANGE,
        /** The value has more precision than the column holds (fraction digits, sub-second digits); rounding it would change it. */
        INEXACT,
        /** Debezium's placeholder for an unchanged TOASTed value ({@code __debezium_unavailable_value}): the real value is unknown. */
        UNAVAILABLE,
        /** Debezium's stand-in for PostgreSQL 'infinity' or '-infinity' dates and timestamps (or numeric Infinity). */
        INFINITY,
    }

    private final Reason reason;

    public InvalidValueException(Reason reason, String message)
    {
        // Lenient reads may meet millions of bad values: a stack trace would cost more than the decoding
        super(message, null, false, false);
        this.reason = requireNonNull(reason, "reason is null");
    }

    public InvalidValueException(Reason reason, String message, Throwable cause)
    {
        super(message, cause, false, false);
        this.reason = requireNonNull(reason, "reason is null");
    }

    public InvalidValueException(String message)
    {
        this(Reason.MALFORMED, message);
    }

    public InvalidValueException(String message, Throwable cause)
    {
        this(Reason.MALFORMED, message, cause);
    }

    public Reason reason()
    {
        return reason;
    }
}

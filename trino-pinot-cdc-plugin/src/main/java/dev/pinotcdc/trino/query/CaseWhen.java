package dev.pinotcdc.trino.query;

import static java.util.Objects.requireNonNull;

/** {@code CASE WHEN condition THEN whenTrue ELSE otherwise END}. */
public record CaseWhen(PinotFilter condition, PinotExpression whenTrue, PinotExpression otherwise)
        implements PinotExpression
{
    public CaseWhen
    {
        requireNonNull(condition, "condition is null");
        requireNonNull(whenTrue, "whenTrue is null");
        requireNonNull(otherwise, "otherwise is null");
    }
}

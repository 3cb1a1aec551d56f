package dev.pinotcdc.trino.query;

import static java.util.Objects.requireNonNull;

/** A native Pinot column; written as a double-quoted identifier. */
public record ColumnReference(String column)
        implements PinotExpression
{
    public ColumnReference
    {
        PinotIdentifiers.checkIdentifier(requireNonNull(column, "column is null"));
    }
}

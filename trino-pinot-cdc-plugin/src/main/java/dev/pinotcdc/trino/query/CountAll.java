package dev.pinotcdc.trino.query;

/** {@code COUNT(*)}. */
public record CountAll()
        implements PinotExpression
{
}

package dev.pinotcdc.trino.query;

public record LongLiteral(long value)
        implements PinotLiteral
{
}

package dev.pinotcdc.trino.query;

public record BooleanLiteral(boolean value)
        implements PinotLiteral
{
}

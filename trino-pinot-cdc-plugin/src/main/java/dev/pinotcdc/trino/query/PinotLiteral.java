package dev.pinotcdc.trino.query;

/** A literal value of a Pinot query. */
public sealed interface PinotLiteral
        extends PinotExpression
        permits StringLiteral, LongLiteral, DoubleLiteral, BooleanLiteral, DecimalLiteral
{
}

package dev.pinotcdc.trino.query;

/** A finite double, written in Java's shortest round-trip form; SQL has no literal for NaN or the infinities. */
public record DoubleLiteral(double value)
        implements PinotLiteral
{
    public DoubleLiteral
    {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Pinot SQL has no literal for " + value);
        }
    }
}

package dev.pinotcdc.trino.query;

import static java.util.Objects.requireNonNull;

/**
 * A string literal: single quotes, an embedded quote doubled; a backslash is an ordinary character in Pinot's
 * Calcite grammar, and any Unicode character and line break may appear.
 * <p>
 * Pinot 0.11 un-doubles quotes twice: Calcite turns {@code ''} into {@code '}, then
 * {@code RequestUtils.getLiteralExpression} replaces every remaining {@code ''} by {@code '} again. A value that
 * holds two adjacent single quotes therefore cannot be sent exactly, and is refused here.
 */
public record StringLiteral(String value)
        implements PinotLiteral
{
    public StringLiteral
    {
        checkWritable(requireNonNull(value, "value is null"));
    }

    public static boolean isWritable(String value)
    {
        return !value.contains("''");
    }

    static void checkWritable(String value)
    {
        if (!isWritable(value)) {
            throw new IllegalArgumentException("Pinot 0.11 cannot receive a string holding two adjacent single quotes: " + value);
        }
    }
}

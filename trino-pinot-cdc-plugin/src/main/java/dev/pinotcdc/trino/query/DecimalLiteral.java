package dev.pinotcdc.trino.query;

import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/**
 * An exact decimal. Written as a quoted string: Pinot 0.11 turns an unquoted numeric literal with a fraction into
 * a double, losing digits, while a BIG_DECIMAL predicate parses its quoted value with {@code new BigDecimal(text)}.
 */
public record DecimalLiteral(BigDecimal value)
        implements PinotLiteral
{
    public DecimalLiteral
    {
        requireNonNull(value, "value is null");
    }
}

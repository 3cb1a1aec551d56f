package dev.pinotcdc.trino.query;

import static java.util.Objects.requireNonNull;

public record OrderItem(PinotExpression expression, boolean ascending)
{
    public OrderItem
    {
        requireNonNull(expression, "expression is null");
    }
}

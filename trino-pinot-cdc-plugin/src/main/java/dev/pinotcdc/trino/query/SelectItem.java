package dev.pinotcdc.trino.query;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

public record SelectItem(PinotExpression expression, Optional<String> alias)
{
    public SelectItem
    {
        requireNonNull(expression, "expression is null");
        requireNonNull(alias, "alias is null");
        alias.ifPresent(PinotIdentifiers::checkIdentifier);
    }

    public static SelectItem of(PinotExpression expression)
    {
        return new SelectItem(expression, Optional.empty());
    }

    public static SelectItem of(PinotExpression expression, String alias)
    {
        return new SelectItem(expression, Optional.of(alias));
    }
}

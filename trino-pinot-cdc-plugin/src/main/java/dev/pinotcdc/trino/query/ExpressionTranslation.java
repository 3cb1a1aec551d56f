package dev.pinotcdc.trino.query;

import io.trino.spi.expression.ConnectorExpression;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The conjuncts of a connector expression that Pinot answers exactly, and the rest.
 *
 * @param filter the Pinot filter for the pushed conjuncts
 * @param pushed the conjuncts the filter expresses exactly
 * @param remaining what Trino must still apply ({@code Constant.TRUE} when nothing remains)
 */
public record ExpressionTranslation(Optional<PinotFilter> filter, List<ConnectorExpression> pushed, ConnectorExpression remaining)
{
    public ExpressionTranslation
    {
        requireNonNull(filter, "filter is null");
        pushed = List.copyOf(pushed);
        requireNonNull(remaining, "remaining is null");
    }
}

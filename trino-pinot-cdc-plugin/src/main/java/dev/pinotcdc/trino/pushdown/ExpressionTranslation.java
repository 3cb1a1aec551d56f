package dev.pinotcdc.trino.pushdown;

import dev.pinotcdc.trino.query.PinotFilter;
import io.trino.spi.expression.ConnectorExpression;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The conjuncts of a connector expression that Pinot answers exactly, and the rest.
 *
 * @param matches the pushed conjuncts, in a form a table handle can carry ({@link PinotFilterTranslator#prefixFilter} makes their filter)
 * @param pushed the conjuncts Pinot answers exactly
 * @param remaining what Trino must still apply ({@code Constant.TRUE} when nothing remains)
 */
public record ExpressionTranslation(List<PrefixMatch> matches, List<ConnectorExpression> pushed, ConnectorExpression remaining)
{
    public ExpressionTranslation
    {
        matches = List.copyOf(matches);
        pushed = List.copyOf(pushed);
        requireNonNull(remaining, "remaining is null");
    }

    /** The Pinot filter of the pushed conjuncts on a table with these JSON capabilities. */
    public Optional<PinotFilter> filter(JsonSourceCapabilities source)
    {
        List<PinotFilter> filters = matches.stream()
                .map(match -> PinotFilterTranslator.prefixFilter(match, source).orElseThrow())
                .toList();
        return filters.isEmpty() ? Optional.empty() : Optional.of(PinotFilter.and(filters));
    }
}

package dev.pinotcdc.trino.pushdown;

import dev.pinotcdc.trino.query.PinotFilter;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.predicate.TupleDomain;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The part of a constraint that Pinot answers exactly, and the rest.
 *
 * @param filter the Pinot filter for {@code pushed}; empty when nothing is pushed
 * @param pushed the columns whose domains the filter expresses exactly
 * @param remaining what Trino must still apply
 * @param contradiction no row can match (for example an equality that the stored precision cannot hold):
 *         the caller should answer with no rows instead of querying Pinot
 */
public record FilterTranslation(Optional<PinotFilter> filter, TupleDomain<ColumnHandle> pushed, TupleDomain<ColumnHandle> remaining, boolean contradiction)
{
    public FilterTranslation
    {
        requireNonNull(filter, "filter is null");
        requireNonNull(pushed, "pushed is null");
        requireNonNull(remaining, "remaining is null");
    }
}

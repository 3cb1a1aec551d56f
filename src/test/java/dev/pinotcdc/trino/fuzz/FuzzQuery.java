package dev.pinotcdc.trino.fuzz;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One generated query, written over the placeholders {@code {main}} and {@code {side}} (the tables under test or
 * the truth), and how its answers are compared.
 *
 * @param sql the query
 * @param shape what kind of query it is (for the counts)
 * @param comparison how two answers are compared
 * @param unlimited for {@link Comparison#LIMITED_SUBSET}: the same query without its LIMIT, whose rows the limited
 * answer must be drawn from
 * @param limit for {@link Comparison#LIMITED_SUBSET}: the LIMIT
 * @param truthWithBounds for {@link Comparison#FLOATING_AGGREGATES}: the query with, after its own columns, one more
 * column per column: how far the summation order may move that column's answer (0 where it cannot)
 */
record FuzzQuery(String sql, String shape, Comparison comparison, Optional<String> unlimited, long limit, Optional<String> truthWithBounds)
{
    enum Comparison
    {
        /** the same rows, in any order */
        ROWS,
        /** the same rows, in any order; -0 and 0 equal (which one Trino keeps for a group, min or max depends on row order) */
        GROUPED_ROWS,
        /** like GROUPED_ROWS, and floating-point sums and averages equal within the bounds of summation order the truth answers */
        FLOATING_AGGREGATES,
        /** the same rows in the same order (the ORDER BY decides every position); -0 and 0 equal (ORDER BY ties) */
        ORDERED,
        /** LIMIT without a deciding order: as many rows as the truth has up to the limit, each one of the unlimited answer */
        LIMITED_SUBSET
    }

    FuzzQuery
    {
        requireNonNull(sql, "sql is null");
        requireNonNull(shape, "shape is null");
        requireNonNull(comparison, "comparison is null");
        requireNonNull(unlimited, "unlimited is null");
        requireNonNull(truthWithBounds, "truthWithBounds is null");
    }

    static FuzzQuery of(String sql, String shape, Comparison comparison)
    {
        return new FuzzQuery(sql, shape, comparison, Optional.empty(), 0, Optional.empty());
    }

    static FuzzQuery limited(String sql, String shape, String unlimited, long limit)
    {
        return new FuzzQuery(sql, shape, Comparison.LIMITED_SUBSET, Optional.of(unlimited), limit, Optional.empty());
    }

    static FuzzQuery floatingAggregates(String sql, String shape, String truthWithBounds)
    {
        return new FuzzQuery(sql, shape, Comparison.FLOATING_AGGREGATES, Optional.empty(), 0, Optional.of(truthWithBounds));
    }

    /** The query the truth answers, over the truth's tables. */
    String truthOver(String main, String side)
    {
        return truthWithBounds.orElse(sql).replace("{main}", main).replace("{side}", side);
    }

    String over(String main, String side)
    {
        return sql.replace("{main}", main).replace("{side}", side);
    }
}

package dev.pinotcdc.trino.query;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A WHERE clause of a Pinot query. */
public sealed interface PinotFilter
{
    record And(List<PinotFilter> terms)
            implements PinotFilter
    {
        public And
        {
            terms = List.copyOf(terms);
            if (terms.size() < 2) {
                throw new IllegalArgumentException("AND needs at least two terms");
            }
        }
    }

    record Or(List<PinotFilter> terms)
            implements PinotFilter
    {
        public Or
        {
            terms = List.copyOf(terms);
            if (terms.size() < 2) {
                throw new IllegalArgumentException("OR needs at least two terms");
            }
        }
    }

    record Comparison(PinotExpression left, ComparisonOperator operator, PinotExpression right)
            implements PinotFilter
    {
        public Comparison
        {
            requireNonNull(left, "left is null");
            requireNonNull(operator, "operator is null");
            requireNonNull(right, "right is null");
        }
    }

    /** {@code value IN (...)} or {@code value NOT IN (...)}. */
    record In(PinotExpression value, List<PinotLiteral> values, boolean negated)
            implements PinotFilter
    {
        public In
        {
            requireNonNull(value, "value is null");
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("IN needs at least one value");
            }
        }
    }

    /** Inclusive on both ends, as in SQL. */
    record Between(PinotExpression value, PinotLiteral low, PinotLiteral high)
            implements PinotFilter
    {
        public Between
        {
            requireNonNull(value, "value is null");
            requireNonNull(low, "low is null");
            requireNonNull(high, "high is null");
        }
    }

    /** Needs Pinot's null handling on the column; Pinot 0.11 ignores nulls without it. */
    record IsNull(PinotExpression value, boolean negated)
            implements PinotFilter
    {
        public IsNull
        {
            requireNonNull(value, "value is null");
        }
    }

    /**
     * Pinot's LIKE: {@code %} and {@code _} are always wildcards (Pinot 0.11 has no ESCAPE), everything else is
     * matched literally; Pinot turns the pattern into an anchored Java regex.
     */
    record Like(PinotExpression value, String pattern)
            implements PinotFilter
    {
        public Like
        {
            requireNonNull(value, "value is null");
            StringLiteral.checkWritable(requireNonNull(pattern, "pattern is null"));
        }
    }

    /** {@code JSON_MATCH(column, '<predicate>')}: needs a JSON index on the column. */
    record JsonMatch(String column, JsonMatchPredicate predicate)
            implements PinotFilter
    {
        public JsonMatch
        {
            PinotIdentifiers.checkIdentifier(requireNonNull(column, "column is null"));
            requireNonNull(predicate, "predicate is null");
        }
    }

    static PinotFilter and(List<PinotFilter> terms)
    {
        return terms.size() == 1 ? terms.getFirst() : new And(terms);
    }

    static PinotFilter or(List<PinotFilter> terms)
    {
        return terms.size() == 1 ? terms.getFirst() : new Or(terms);
    }
}

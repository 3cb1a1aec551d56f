package dev.pinotcdc.trino.query;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The predicate inside {@code JSON_MATCH}. Pinot 0.11's JSON index keeps each scalar leaf under its flattened key
 * ({@code .a.b}) with the value's text, so:
 * <ul>
 * <li>a path is written {@code "$.a.b"}: keys holding {@code .}, {@code [} or {@code ]} are ambiguous there, and the
 * index has no bracket-quoted keys;</li>
 * <li>values are compared as text: the JSON number 5 and the JSON string "5" both match {@code '5'};</li>
 * <li>IS NULL, {@code <>} and NOT IN are answered by flipping the whole document set, so Pinot refuses them
 * inside AND/OR: they are only allowed as the whole predicate.</li>
 * </ul>
 */
public sealed interface JsonMatchPredicate
{
    /** {@code "$.path" = 'v'} for one value, {@code "$.path" IN ('v', ...)} for more; negated: {@code <>} / {@code NOT IN}. */
    record ValueIn(List<String> path, List<String> values, boolean negated)
            implements JsonMatchPredicate
    {
        public ValueIn
        {
            path = checkPath(path);
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("JSON_MATCH IN needs at least one value");
            }
            for (String value : values) {
                if (!isWritableValue(value)) {
                    throw new IllegalArgumentException("Value cannot be written inside JSON_MATCH: " + value);
                }
            }
        }
    }

    record IsNull(List<String> path, boolean negated)
            implements JsonMatchPredicate
    {
        public IsNull
        {
            path = checkPath(path);
        }
    }

    record And(List<JsonMatchPredicate> terms)
            implements JsonMatchPredicate
    {
        public And
        {
            terms = checkNestedTerms(terms);
        }
    }

    record Or(List<JsonMatchPredicate> terms)
            implements JsonMatchPredicate
    {
        public Or
        {
            terms = checkNestedTerms(terms);
        }
    }

    /** True for the forms Pinot evaluates by flipping the document set, which it allows only at the top. */
    default boolean isExclusive()
    {
        return switch (this) {
            case ValueIn in -> in.negated();
            case IsNull isNull -> !isNull.negated();
            case And _, Or _ -> false;
        };
    }

    /**
     * A key usable in a JSON_MATCH path: not empty, none of {@code . [ ]} (the index's flattened key syntax),
     * not {@code $index} (the index's array position key), no line break (impossible in a quoted identifier),
     * no NUL (the index's key/value separator) and no single quote (see {@link StringLiteral}: the whole predicate
     * travels inside a SQL string).
     */
    static boolean isWritableKey(String key)
    {
        if (key.isEmpty() || key.equals("$index")) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            switch (key.charAt(i)) {
                case '.', '[', ']', '\n', '\r', '\0', '\'' -> {
                    return false;
                }
                default -> {}
            }
        }
        return true;
    }

    /**
     * A value usable inside JSON_MATCH: the predicate is a string inside a SQL string, so a quote in the value would
     * come out doubled twice, and the empty string needs {@code ''}: Pinot 0.11's second un-doubling breaks both.
     * NUL is the index's key/value separator.
     */
    static boolean isWritableValue(String value)
    {
        return !value.isEmpty() && value.indexOf('\'') < 0 && value.indexOf('\0') < 0;
    }

    static boolean isWritablePath(List<String> path)
    {
        return !path.isEmpty() && path.stream().allMatch(JsonMatchPredicate::isWritableKey);
    }

    private static List<String> checkPath(List<String> path)
    {
        List<String> copy = List.copyOf(requireNonNull(path, "path is null"));
        if (!isWritablePath(copy)) {
            throw new IllegalArgumentException("Path cannot be written inside JSON_MATCH: " + copy);
        }
        return copy;
    }

    private static List<JsonMatchPredicate> checkNestedTerms(List<JsonMatchPredicate> terms)
    {
        List<JsonMatchPredicate> copy = List.copyOf(terms);
        if (copy.size() < 2) {
            throw new IllegalArgumentException("AND/OR inside JSON_MATCH needs at least two terms");
        }
        for (JsonMatchPredicate term : copy) {
            if (term.isExclusive()) {
                throw new IllegalArgumentException("Pinot cannot nest IS NULL, <> or NOT IN inside JSON_MATCH's AND/OR: " + term);
            }
        }
        return copy;
    }
}

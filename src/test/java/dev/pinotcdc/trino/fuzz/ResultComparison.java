package dev.pinotcdc.trino.fuzz;

import dev.pinotcdc.trino.fuzz.FuzzQuery.Comparison;
import io.trino.spi.type.SqlVarbinary;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares an answer with the truth's, as the query's {@link Comparison} says. Values are compared exactly (NaN
 * equals NaN, -0 differs from 0, decimals with their scale), except where Trino itself is nondeterministic:
 * which of -0 and 0 represents a group, a min, a max or a position among ORDER BY ties, and floating-point sums and
 * averages, whose answer depends on the order rows are added in: they are compared within the bound the truth
 * answers beside them (see {@link QueryGenerator}), a relative 1e-9 for the last division, and one unit in the last
 * place of a REAL answer (Trino adds REAL in double and rounds once at the end).
 */
final class ResultComparison
{
    private static final double RELATIVE_TOLERANCE = 1e-9;

    private ResultComparison() {}

    static Optional<String> difference(FuzzQuery query, Answer truth, Optional<Answer> truthUnlimited, Answer actual)
    {
        if (actual.failure().isPresent()) {
            return Optional.of("failed where the truth answers");
        }
        Comparison comparison = query.comparison();
        // ORDER BY treats -0 and 0 as ties, so which one a position shows is not decided either
        boolean zeroSign = comparison == Comparison.ROWS || comparison == Comparison.LIMITED_SUBSET;
        List<List<Object>> expected = normalise(truth.rows(), zeroSign);
        List<List<Object>> rows = normalise(actual.rows(), zeroSign);
        return switch (comparison) {
            case ORDERED -> sameRows(expected, rows, List.of()) ? Optional.empty() : Optional.of("different rows or order; " + firstDifference(expected, rows));
            case ROWS, GROUPED_ROWS -> sameRows(sorted(expected), sorted(rows), List.of()) ? Optional.empty() : Optional.of("different rows; " + multisetDifference(expected, rows));
            case FLOATING_AGGREGATES -> floatingAggregates(expected, rows);
            case LIMITED_SUBSET -> limitedSubset(normalise(truthUnlimited.orElseThrow().rows(), true), rows, query.limit());
        };
    }

    /**
     * The truth's rows carry, after their columns, each column's bound (negative for a column that must be equal).
     */
    private static Optional<String> floatingAggregates(List<List<Object>> truthRows, List<List<Object>> rows)
    {
        int width = truthRows.isEmpty() ? 0 : truthRows.getFirst().size() / 2;
        List<List<Object>> sortedTruth = sorted(truthRows, width);
        List<List<Object>> expected = sortedTruth.stream().map(row -> row.subList(0, width)).toList();
        List<List<Object>> bounds = sortedTruth.stream().map(row -> row.subList(width, row.size())).toList();
        return sameRows(expected, sorted(rows), bounds) ? Optional.empty() : Optional.of("different rows; " + multisetDifference(expected, rows));
    }

    private static String firstDifference(List<List<Object>> expected, List<List<Object>> actual)
    {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            List<Object> expectedRow = i < expected.size() ? expected.get(i) : null;
            List<Object> actualRow = i < actual.size() ? actual.get(i) : null;
            if (!Objects.equals(expectedRow, actualRow)) {
                return "first at position %s: expected %s, actual %s".formatted(i, showRow(expectedRow), showRow(actualRow));
            }
        }
        return "within the tolerance";
    }

    /**
     * The rows only the truth has and the rows only the answer has (a few of each), which name the values at fault.
     */
    private static String multisetDifference(List<List<Object>> expected, List<List<Object>> actual)
    {
        Map<List<Object>, Integer> remaining = new HashMap<>();
        actual.forEach(row -> remaining.merge(row, 1, Integer::sum));
        List<List<Object>> missing = new ArrayList<>();
        for (List<Object> row : expected) {
            Integer count = remaining.get(row);
            if (count == null || count == 0) {
                missing.add(row);
            }
            else {
                remaining.put(row, count - 1);
            }
        }
        List<List<Object>> extra = new ArrayList<>();
        remaining.forEach((row, count) -> {
            for (int i = 0; i < count; i++) {
                extra.add(row);
            }
        });
        return "%s rows only in the truth %s, %s rows only in the answer %s".formatted(
                missing.size(), sorted(missing).stream().limit(6).map(ResultComparison::showRow).toList(),
                extra.size(), sorted(extra).stream().limit(6).map(ResultComparison::showRow).toList());
    }

    private static String showRow(List<Object> row)
    {
        return row == null ? "(none)" : row.stream().map(ResultComparison::show).toList().toString();
    }

    private static Optional<String> limitedSubset(List<List<Object>> unlimited, List<List<Object>> rows, long limit)
    {
        long expectedCount = Math.min(limit, unlimited.size());
        if (rows.size() != expectedCount) {
            return Optional.of("%s rows where LIMIT %s of %s rows gives %s".formatted(rows.size(), limit, unlimited.size(), expectedCount));
        }
        Map<List<Object>, Integer> available = new HashMap<>();
        unlimited.forEach(row -> available.merge(row, 1, Integer::sum));
        for (List<Object> row : rows) {
            Integer count = available.get(row);
            if (count == null || count == 0) {
                return Optional.of("row %s is not in the unlimited answer".formatted(row.stream().map(ResultComparison::show).toList()));
            }
            available.put(row, count - 1);
        }
        return Optional.empty();
    }

    /**
     * @param bounds per row and column of the expected rows, how far a floating-point answer may lie from it; empty
     * where every value must be equal
     */
    private static boolean sameRows(List<List<Object>> expected, List<List<Object>> actual, List<List<Object>> bounds)
    {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            List<Object> expectedRow = expected.get(i);
            List<Object> actualRow = actual.get(i);
            if (expectedRow.size() != actualRow.size()) {
                return false;
            }
            for (int j = 0; j < expectedRow.size(); j++) {
                Object bound = bounds.isEmpty() ? null : bounds.get(i).get(j);
                if (!sameValue(expectedRow.get(j), actualRow.get(j), bound instanceof Double number ? number : -1)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * @param bound how far the summation order may move the value; negative where the value must be equal
     */
    static boolean sameValue(Object expected, Object actual, double bound)
    {
        if (Objects.equals(expected, actual)) {
            return true;
        }
        if (bound >= 0 && expected instanceof Number e && actual instanceof Number a && (expected instanceof Double || expected instanceof Float)) {
            if (bound == Double.POSITIVE_INFINITY) {
                // the values may overflow on the way in one order and not in another: any answer is Trino's
                return true;
            }
            double x = e.doubleValue();
            double y = a.doubleValue();
            double magnitude = Math.max(Math.abs(x), Math.abs(y));
            double rounding = expected instanceof Float ? Math.ulp((float) magnitude) : 0;
            return Math.abs(x - y) <= bound + rounding + RELATIVE_TOLERANCE * magnitude;
        }
        return false;
    }

    private static List<List<Object>> sorted(List<List<Object>> rows)
    {
        return sorted(rows, Integer.MAX_VALUE);
    }

    /** Sorted by the first columns; floating-point values by a rounded text, so that rows within the tolerance meet. */
    private static List<List<Object>> sorted(List<List<Object>> rows, int columns)
    {
        List<List<Object>> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(row -> row.stream().limit(columns).map(ResultComparison::sortKey).toList().toString()));
        return sorted;
    }

    private static String sortKey(Object value)
    {
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? "%.6e".formatted(number) : String.valueOf(number);
        }
        return show(value);
    }

    private static List<List<Object>> normalise(List<List<Object>> rows, boolean keepZeroSign)
    {
        return rows.stream().map(row -> row.stream().map(value -> normalise(value, keepZeroSign)).toList()).toList();
    }

    private static Object normalise(Object value, boolean keepZeroSign)
    {
        if (value == null) {
            return NullValue.NULL;
        }
        if (value instanceof byte[] bytes) {
            return new SqlVarbinary(bytes);
        }
        if (!keepZeroSign && value instanceof Double number && number == 0.0) {
            return 0.0;
        }
        if (!keepZeroSign && value instanceof Float number && number == 0.0f) {
            return 0.0f;
        }
        if (value instanceof ZonedDateTime timestamp) {
            // the same instant; the zone each side reports is not what this test is about
            return timestamp.toInstant();
        }
        return value;
    }

    static String show(Object value)
    {
        if (value == null || value == NullValue.NULL) {
            return "NULL";
        }
        if (value instanceof byte[] bytes) {
            return "X'" + HexFormat.of().formatHex(bytes) + "'";
        }
        if (value instanceof String text) {
            return "'" + text.codePoints().mapToObj(c -> c < 0x20 || c == 0xFFFF || c > 0x7E && c < 0xA0 ? "\\u%04X".formatted(c) : Character.toString(c)).reduce("", String::concat) + "'";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ResultComparison::show).toList().toString();
        }
        return value + (value instanceof Float ? "f" : "");
    }

    /** A NULL cell that rows can be compared and hashed with. */
    private enum NullValue
    {
        NULL
    }
}

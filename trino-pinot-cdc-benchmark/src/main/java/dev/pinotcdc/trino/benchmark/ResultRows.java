package dev.pinotcdc.trino.benchmark;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Rows of an answer with every value in one comparable text form, so that answers of different ways (Trino through
 * JDBC, Pinot's JSON) can be compared: numbers without trailing zeros, timestamps as ISO local date-times in UTC.
 *
 * @param ordered whether the order of the rows is part of the answer (ORDER BY ... LIMIT)
 */
public record ResultRows(List<List<String>> rows, boolean ordered)
{
    public ResultRows
    {
        rows = List.copyOf(rows);
    }

    public static ResultRows of(List<List<Object>> values, boolean ordered)
    {
        List<List<String>> rows = new ArrayList<>(values.size());
        for (List<Object> row : values) {
            rows.add(row.stream().map(ResultRows::text).toList());
        }
        return new ResultRows(rows, ordered);
    }

    public int size()
    {
        return rows.size();
    }

    /**
     * The same rows, unordered answers sorted, so that equal answers are equal lists.
     */
    public List<List<String>> canonical()
    {
        if (ordered) {
            return rows;
        }
        List<List<String>> sorted = new ArrayList<>(rows);
        sorted.sort((left, right) -> String.join("\u0000", left.stream().map(String::valueOf).toList())
                .compareTo(String.join("\u0000", right.stream().map(String::valueOf).toList())));
        return Collections.unmodifiableList(sorted);
    }

    public boolean sameAs(ResultRows other)
    {
        return canonical().equals(other.canonical());
    }

    /**
     * A short account of how two answers differ, for the report.
     */
    public String difference(ResultRows other)
    {
        List<List<String>> mine = canonical();
        List<List<String>> theirs = other.canonical();
        if (mine.size() != theirs.size()) {
            return "%d rows vs %d rows (first rows %s vs %s)".formatted(mine.size(), theirs.size(), head(mine), head(theirs));
        }
        for (int i = 0; i < mine.size(); i++) {
            if (!Objects.equals(mine.get(i), theirs.get(i))) {
                return "row %d: %s vs %s".formatted(i + 1, mine.get(i), theirs.get(i));
            }
        }
        return "same";
    }

    private static List<List<String>> head(List<List<String>> rows)
    {
        return rows.subList(0, Math.min(2, rows.size()));
    }

    /** Epoch milliseconds as the local date-time in UTC that a Trino TIMESTAMP(3) of them shows. */
    public static LocalDateTime epochMillis(long millis)
    {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    static String text(Object value)
    {
        return switch (value) {
            case null -> null;
            case BigDecimal decimal -> plain(decimal);
            case Integer number -> Long.toString(number);
            case Long number -> Long.toString(number);
            case Short number -> Long.toString(number);
            case Byte number -> Long.toString(number);
            case BigInteger number -> number.toString();
            case Double number -> number.isNaN() || number.isInfinite() ? number.toString() : plain(BigDecimal.valueOf(number));
            case Float number -> plain(new BigDecimal(number.toString()));
            case Timestamp timestamp -> timestamp.toLocalDateTime().toString();
            case LocalDateTime dateTime -> dateTime.toString();
            default -> value.toString();
        };
    }

    private static String plain(BigDecimal decimal)
    {
        return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
    }
}

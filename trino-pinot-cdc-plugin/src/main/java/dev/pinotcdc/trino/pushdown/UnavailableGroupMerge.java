package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pinotcdc.trino.pushdown.RowDecoder.ExtractedText;
import dev.pinotcdc.trino.query.CountAll;
import dev.pinotcdc.trino.query.FunctionCall;
import dev.pinotcdc.trino.query.PinotExpression;
import dev.pinotcdc.trino.query.PinotQuery;
import dev.pinotcdc.trino.query.SelectItem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Folds the groups whose key Trino reads as NULL into the groups whose key is absent: Debezium's placeholder for an
 * unchanged TOASTed value, and its numbers for PostgreSQL's infinite dates and timestamps; for a truncated time, the
 * groups its presence flag marks absent, whatever Pinot truncated. Pinot then groups by the extracted text alone,
 * parsing each row's JSON once for the key instead of again in a CASE. Every aggregate cell must be mergeable: a
 * distinct count is not.
 *
 * @param keyCells the cells of the answer holding the grouping keys
 * @param nullTexts for the key cells that may hold such a text, the texts that stand for an absent value
 * @param absentFlags for a truncated time, its presence flag's cell and the cell of its truncated value
 * @param aggregateCells how each other cell of the answer combines when two groups merge
 */
public record UnavailableGroupMerge(List<Integer> keyCells, Map<Integer, Set<String>> nullTexts, Map<Integer, Integer> absentFlags, Map<Integer, CellMerge> aggregateCells)
{
    public UnavailableGroupMerge
    {
        keyCells = List.copyOf(keyCells);
        nullTexts = Map.copyOf(nullTexts);
        absentFlags = Map.copyOf(absentFlags);
        aggregateCells = Map.copyOf(aggregateCells);
        if (!keyCells.containsAll(nullTexts.keySet()) || !keyCells.containsAll(absentFlags.keySet()) || !keyCells.containsAll(absentFlags.values())) {
            throw new IllegalArgumentException("Merged cells must be key cells");
        }
    }

    /**
     * The merge for a GROUP BY query: its grouping expressions are the key cells, {@code nullTextKeys} (some of them)
     * may hold texts standing for an absent value, {@code absentFlagKeys} maps presence flags to the truncated values
     * they qualify, and every other selected expression is an aggregation.
     */
    static UnavailableGroupMerge of(PinotQuery query, Map<PinotExpression, Set<String>> nullTextKeys, Map<PinotExpression, PinotExpression> absentFlagKeys)
    {
        List<Integer> keyCells = new ArrayList<>();
        Map<Integer, Set<String>> nullTexts = new HashMap<>();
        Map<Integer, CellMerge> aggregateCells = new HashMap<>();
        List<SelectItem> select = query.select();
        List<PinotExpression> expressions = select.stream().map(SelectItem::expression).toList();
        for (int cell = 0; cell < select.size(); cell++) {
            PinotExpression expression = expressions.get(cell);
            if (query.groupBy().contains(expression)) {
                keyCells.add(cell);
                if (nullTextKeys.containsKey(expression)) {
                    nullTexts.put(cell, nullTextKeys.get(expression));
                }
            }
            else {
                aggregateCells.put(cell, CellMerge.of(expression));
            }
        }
        Map<Integer, Integer> absentFlags = new HashMap<>();
        absentFlagKeys.forEach((flag, value) -> absentFlags.put(expressions.indexOf(flag), expressions.indexOf(value)));
        return new UnavailableGroupMerge(keyCells, nullTexts, absentFlags, aggregateCells);
    }

    /**
     * The most rows Pinot may answer for at most {@code maxRows} merged groups: one column that may hold the
     * placeholder splits a group in two at most. An answer of more rows is refused as too large, as before merging.
     */
    static long answerRowLimit(long maxRows)
    {
        return Math.min(2 * maxRows, Integer.MAX_VALUE - 1L);
    }

    /** The rows of a complete answer, with each group Trino reads as NULL merged into its absent group. */
    public List<JsonNode> apply(List<JsonNode> rows)
    {
        if (rows.stream().noneMatch(this::needsNormalizing)) {
            return rows;
        }
        Map<List<String>, Integer> positions = new HashMap<>();
        List<JsonNode> merged = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            JsonNode normalized = needsNormalizing(row) ? normalized(row) : row;
            Integer position = positions.putIfAbsent(key(normalized), merged.size());
            if (position == null) {
                merged.add(normalized);
            }
            else {
                merged.set(position, combine(merged.get(position), normalized));
            }
        }
        return merged;
    }

    private boolean needsNormalizing(JsonNode row)
    {
        for (Map.Entry<Integer, Set<String>> entry : nullTexts.entrySet()) {
            JsonNode cell = row.get(entry.getKey());
            if (cell != null && entry.getValue().contains(cell.asText())) {
                return true;
            }
        }
        for (Map.Entry<Integer, Integer> flag : absentFlags.entrySet()) {
            if (isAbsentFlag(row.get(flag.getKey())) && !ABSENT_VALUE.equals(row.get(flag.getValue()).asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAbsentFlag(JsonNode flag)
    {
        return flag.asDouble() == 1;
    }

    /** What a truncated value flagged absent is set to, so that all such groups meet. */
    private static final String ABSENT_VALUE = "0";

    private JsonNode normalized(JsonNode row)
    {
        ArrayNode copy = ((ArrayNode) row).deepCopy();
        nullTexts.forEach((cell, texts) -> {
            if (texts.contains(copy.get(cell).asText())) {
                copy.set(cell, TextNode.valueOf(ExtractedText.ABSENT));
            }
        });
        absentFlags.forEach((flag, value) -> {
            if (isAbsentFlag(copy.get(flag))) {
                copy.set(value, TextNode.valueOf(ABSENT_VALUE));
            }
        });
        return copy;
    }

    private List<String> key(JsonNode row)
    {
        List<String> key = new ArrayList<>(keyCells.size());
        for (int cell : keyCells) {
            key.add(requireNonNull(row.get(cell), "key cell").asText());
        }
        return key;
    }

    private JsonNode combine(JsonNode left, JsonNode right)
    {
        ArrayNode combined = ((ArrayNode) left).deepCopy();
        aggregateCells.forEach((cell, merge) -> combined.set(cell, merge.combine(left.get(cell), right.get(cell))));
        return combined;
    }

    /** How one aggregate's value over two groups gives its value over their union. */
    enum CellMerge
    {
        /** COUNT(*): a whole number. */
        ADD_WHOLE,
        /** SUMPRECISION: an exact decimal, answered as text. */
        ADD_EXACT,
        /** SUM: a double (a count of present values is one too, exact below 2^53). */
        ADD_DOUBLE,
        MIN,
        MAX,
        /** FIRSTWITHTIME of a whole number over itself: a LONG. */
        MIN_WHOLE,
        /** LASTWITHTIME of a whole number over itself: a LONG. */
        MAX_WHOLE;

        static CellMerge of(PinotExpression aggregation)
        {
            if (aggregation instanceof CountAll) {
                return ADD_WHOLE;
            }
            if (aggregation instanceof FunctionCall call) {
                switch (call.name()) {
                    case "SUMPRECISION" -> {
                        return ADD_EXACT;
                    }
                    case "SUM" -> {
                        return ADD_DOUBLE;
                    }
                    case "MIN" -> {
                        return MIN;
                    }
                    case "MAX" -> {
                        return MAX;
                    }
                    case "FIRSTWITHTIME" -> {
                        return MIN_WHOLE;
                    }
                    case "LASTWITHTIME" -> {
                        return MAX_WHOLE;
                    }
                    default -> {}
                }
            }
            throw new IllegalArgumentException("Groups cannot be merged over this aggregation: " + aggregation);
        }

        JsonNode combine(JsonNode left, JsonNode right)
        {
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
            return switch (this) {
                case ADD_WHOLE -> LongNode.valueOf(Math.addExact(left.asLong(), right.asLong()));
                case ADD_EXACT -> TextNode.valueOf(new BigDecimal(left.asText()).add(new BigDecimal(right.asText())).toPlainString());
                case ADD_DOUBLE -> DoubleNode.valueOf(left.asDouble() + right.asDouble());
                case MIN -> DoubleNode.valueOf(Math.min(left.asDouble(), right.asDouble()));
                case MAX -> DoubleNode.valueOf(Math.max(left.asDouble(), right.asDouble()));
                case MIN_WHOLE -> LongNode.valueOf(Math.min(left.asLong(), right.asLong()));
                case MAX_WHOLE -> LongNode.valueOf(Math.max(left.asLong(), right.asLong()));
            };
        }
    }
}

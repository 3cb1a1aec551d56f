package dev.pinotcdc.trino.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pinotcdc.trino.cdc.decoder.DebeziumSentinels;
import dev.pinotcdc.trino.query.CountAll;
import dev.pinotcdc.trino.query.FunctionCall;
import dev.pinotcdc.trino.query.PinotExpression;
import dev.pinotcdc.trino.query.PinotQuery;
import dev.pinotcdc.trino.query.SelectItem;
import dev.pinotcdc.trino.read.RowDecoder.ExtractedText;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Folds the groups whose key is Debezium's placeholder for an unchanged TOASTed value into the groups whose key is
 * absent, as Trino sees both as NULL. Pinot then groups by the extracted text alone, parsing each row's JSON once
 * for the key instead of twice (a CASE mapping the placeholder to the absent value). Every aggregate cell must be
 * mergeable: a distinct count is not.
 *
 * @param keyCells the cells of the answer holding the grouping keys
 * @param placeholderCells the key cells that may hold the placeholder, where it stands for an absent value
 * @param aggregateCells how each other cell of the answer combines when two groups merge
 */
record UnavailableGroupMerge(List<Integer> keyCells, List<Integer> placeholderCells, Map<Integer, CellMerge> aggregateCells)
{
    UnavailableGroupMerge
    {
        keyCells = List.copyOf(keyCells);
        placeholderCells = List.copyOf(placeholderCells);
        aggregateCells = Map.copyOf(aggregateCells);
        if (!keyCells.containsAll(placeholderCells)) {
            throw new IllegalArgumentException("Placeholder cells must be key cells");
        }
    }

    /**
     * The merge for a GROUP BY query: its grouping expressions are the key cells, {@code placeholderKeys} (some of
     * them) may hold the placeholder, and every other selected expression is an aggregation.
     */
    static UnavailableGroupMerge of(PinotQuery query, List<PinotExpression> placeholderKeys)
    {
        List<Integer> keyCells = new ArrayList<>();
        List<Integer> placeholderCells = new ArrayList<>();
        Map<Integer, CellMerge> aggregateCells = new HashMap<>();
        List<SelectItem> select = query.select();
        for (int cell = 0; cell < select.size(); cell++) {
            PinotExpression expression = select.get(cell).expression();
            if (query.groupBy().contains(expression)) {
                keyCells.add(cell);
                if (placeholderKeys.contains(expression)) {
                    placeholderCells.add(cell);
                }
            }
            else {
                aggregateCells.put(cell, CellMerge.of(expression));
            }
        }
        return new UnavailableGroupMerge(keyCells, placeholderCells, aggregateCells);
    }

    /**
     * The most rows Pinot may answer for at most {@code maxRows} merged groups: one column that may hold the
     * placeholder splits a group in two at most. An answer of more rows is refused as too large, as before merging.
     */
    static long answerRowLimit(long maxRows)
    {
        return Math.min(2 * maxRows, Integer.MAX_VALUE - 1L);
    }

    /** The rows of a complete answer, with each placeholder group merged into its absent group. */
    List<JsonNode> apply(List<JsonNode> rows)
    {
        if (rows.stream().noneMatch(this::holdsPlaceholder)) {
            return rows;
        }
        Map<List<String>, Integer> positions = new HashMap<>();
        List<JsonNode> merged = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            JsonNode normalized = holdsPlaceholder(row) ? absentForPlaceholder(row) : row;
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

    private boolean holdsPlaceholder(JsonNode row)
    {
        for (int cell : placeholderCells) {
            if (DebeziumSentinels.UNAVAILABLE_VALUE.equals(row.get(cell).textValue())) {
                return true;
            }
        }
        return false;
    }

    private JsonNode absentForPlaceholder(JsonNode row)
    {
        ArrayNode copy = ((ArrayNode) row).deepCopy();
        for (int cell : placeholderCells) {
            if (DebeziumSentinels.UNAVAILABLE_VALUE.equals(copy.get(cell).textValue())) {
                copy.set(cell, TextNode.valueOf(ExtractedText.ABSENT));
            }
        }
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
        MAX;

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
            };
        }
    }
}

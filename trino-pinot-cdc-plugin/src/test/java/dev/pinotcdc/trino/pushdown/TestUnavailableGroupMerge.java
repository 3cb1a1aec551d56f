package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pinotcdc.trino.client.PinotDataType;
import dev.pinotcdc.trino.pushdown.UnavailableGroupMerge.CellMerge;
import dev.pinotcdc.trino.query.ColumnReference;
import dev.pinotcdc.trino.query.CountAll;
import dev.pinotcdc.trino.query.FunctionCall;
import dev.pinotcdc.trino.query.JsonExtractScalar;
import dev.pinotcdc.trino.query.PinotExpression;
import dev.pinotcdc.trino.query.PinotQuery;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.pinotcdc.trino.pushdown.RowDecoder.ExtractedText.ABSENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TestUnavailableGroupMerge
{
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String UNAVAILABLE = "__debezium_unavailable_value";

    private static final PinotExpression NOTE = new JsonExtractScalar("source", List.of("note"), PinotDataType.STRING, Optional.of(ABSENT));
    private static final PinotExpression GRP = new ColumnReference("grp");

    /** Cells: grp, note, COUNT(*), SUM(present), SUMPRECISION, SUM(double), MIN, MAX. */
    private static final UnavailableGroupMerge MERGE = UnavailableGroupMerge.of(
            PinotQuery.builder("t")
                    .select(GRP)
                    .select(NOTE)
                    .select(new CountAll())
                    .select(FunctionCall.of("SUM", new ColumnReference("present")))
                    .select(FunctionCall.of("SUMPRECISION", new ColumnReference("n")))
                    .select(FunctionCall.of("SUM", new ColumnReference("d")))
                    .select(FunctionCall.of("MIN", new ColumnReference("n")))
                    .select(FunctionCall.of("MAX", new ColumnReference("n")))
                    .groupBy(GRP)
                    .groupBy(NOTE)
                    .limit(10)
                    .build(),
            Map.of(NOTE, Set.of(UNAVAILABLE)),
            Map.of());

    @Test
    void testCellsAreClassifiedFromTheQuery()
    {
        assertThat(MERGE.keyCells()).containsExactly(0, 1);
        assertThat(MERGE.nullTexts()).isEqualTo(Map.of(1, Set.of(UNAVAILABLE)));
        assertThat(MERGE.aggregateCells()).isEqualTo(Map.of(
                2, CellMerge.ADD_WHOLE,
                3, CellMerge.ADD_DOUBLE,
                4, CellMerge.ADD_EXACT,
                5, CellMerge.ADD_DOUBLE,
                6, CellMerge.MIN,
                7, CellMerge.MAX));
    }

    @Test
    void testPlaceholderGroupJoinsTheAbsentGroupOfTheSameOtherKeys()
    {
        List<JsonNode> merged = MERGE.apply(List.of(
                row(1, ABSENT, 3, 0.0, "0", 0.0, 9.223372036854776E18, -9.223372036854776E18),
                row(1, "a", 2, 2.0, "5", 1.5, 1, 4),
                row(2, UNAVAILABLE, 4, 1.0, "99999999999999999999", 0.25, -7, 12),
                row(1, UNAVAILABLE, 5, 2.0, "12345678901234567890.5", 2.5, -3, 8),
                row(2, ABSENT, 1, 1.0, "1", 0.5, 2, 2)));

        assertThat(merged).containsExactly(
                row(1, ABSENT, 8, 2.0, "12345678901234567890.5", 2.5, -3, 8),
                row(1, "a", 2, 2.0, "5", 1.5, 1, 4),
                row(2, ABSENT, 5, 2.0, "100000000000000000000", 0.75, -7, 12));
    }

    @Test
    void testPlaceholderGroupWithoutAbsentPartnerBecomesTheAbsentGroup()
    {
        assertThat(MERGE.apply(List.of(row(3, UNAVAILABLE, 4, 1.0, "7", 0.0, 7, 7), row(3, "b", 1, 1.0, "1", 0.0, 1, 1))))
                .containsExactly(row(3, ABSENT, 4, 1.0, "7", 0.0, 7, 7), row(3, "b", 1, 1.0, "1", 0.0, 1, 1));
    }

    @Test
    void testInfinityGroupsAndFlaggedTruncationsJoinTheAbsentGroup()
    {
        PinotExpression flag = FunctionCall.of("FLAG", new ColumnReference("ts"));
        PinotExpression truncated = FunctionCall.of("DATETRUNC", new ColumnReference("ts"));
        PinotExpression day = new JsonExtractScalar("source", List.of("day"), PinotDataType.STRING, Optional.of(ABSENT));
        UnavailableGroupMerge merge = UnavailableGroupMerge.of(
                PinotQuery.builder("t").select(flag).select(truncated).select(day).select(new CountAll()).groupBy(flag).groupBy(truncated).groupBy(day).limit(10).build(),
                Map.of(day, Set.of("-2147472692", "2146033979")),
                Map.of(flag, truncated));
        List<JsonNode> merged = merge.apply(List.of(
                array(1, 0, ABSENT, 1),
                array(1, 9223372036825200000L, ABSENT, 2),
                array(0, 5, "-2147472692", 4),
                array(0, 5, ABSENT, 8),
                array(1, -86400000, "2146033979", 16),
                array(0, 5, "7", 32)));
        assertThat(merged).containsExactly(
                array(1, 0, ABSENT, 19L),
                array(0, 5, ABSENT, 12L),
                array(0, 5, "7", 32));
    }

    @Test
    void testAnswerWithoutPlaceholderIsKept()
    {
        List<JsonNode> rows = List.of(row(1, "a", 1, 1.0, "1", 0.0, 1, 1), row(1, ABSENT, 1, 0.0, "0", 0.0, 0, 0));
        assertThat(MERGE.apply(rows)).isSameAs(rows);
    }

    @Test
    void testEveryPlaceholderKeyOfARowIsAbsent()
    {
        PinotExpression label = new JsonExtractScalar("source", List.of("label"), PinotDataType.STRING, Optional.of(ABSENT));
        UnavailableGroupMerge merge = UnavailableGroupMerge.of(
                PinotQuery.builder("t").select(NOTE).select(label).select(new CountAll()).groupBy(NOTE).groupBy(label).limit(10).build(),
                Map.of(NOTE, Set.of(UNAVAILABLE), label, Set.of(UNAVAILABLE)),
                Map.of());
        List<JsonNode> merged = merge.apply(List.of(
                array(UNAVAILABLE, UNAVAILABLE, 1),
                array(ABSENT, UNAVAILABLE, 2),
                array(UNAVAILABLE, ABSENT, 4),
                array(ABSENT, ABSENT, 8),
                array(UNAVAILABLE, "p", 16),
                array("p", UNAVAILABLE, 32)));
        assertThat(merged).containsExactly(
                array(ABSENT, ABSENT, 15),
                array(ABSENT, "p", 16),
                array("p", ABSENT, 32));
    }

    @Test
    void testDistinctCountsCannotBeMerged()
    {
        assertThatThrownBy(() -> CellMerge.of(FunctionCall.of("DISTINCTCOUNT", NOTE)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void testMergedAnswerMayComeFromTwiceTheRows()
    {
        assertThat(UnavailableGroupMerge.answerRowLimit(1000)).isEqualTo(2000);
        assertThat(UnavailableGroupMerge.answerRowLimit(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE - 1L);
    }

    private static JsonNode row(long grp, String note, long count, double present, String exactSum, double sum, double min, double max)
    {
        ArrayNode row = NODES.arrayNode();
        row.add(grp).add(note).add(count).add(present).add(exactSum).add(sum).add(min).add(max);
        return row;
    }

    private static JsonNode array(String note, String label, long count)
    {
        return NODES.arrayNode().add(note).add(label).add(count);
    }

    private static JsonNode array(Object... cells)
    {
        ArrayNode array = NODES.arrayNode();
        for (Object cell : cells) {
            switch (cell) {
                case String text -> array.add(text);
                case Integer number -> array.add(number);
                case Long number -> array.add(number);
                default -> throw new IllegalArgumentException(String.valueOf(cell));
            }
        }
        return array;
    }
}

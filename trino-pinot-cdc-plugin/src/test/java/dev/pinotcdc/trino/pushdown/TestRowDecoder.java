package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pinotcdc.trino.cdc.FieldEncoding;
import dev.pinotcdc.trino.cdc.decoder.FieldDecoder;
import dev.pinotcdc.trino.cdc.decoder.FieldDecoders;
import dev.pinotcdc.trino.pushdown.RowDecoder.ColumnReader;
import io.trino.plugin.base.metrics.LongCount;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TestRowDecoder
{
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void testDecodesNativeCellsAndSourceFields()
    {
        RowDecoder decoder = decoder(false);
        Page page = decoder.decode(List.of(
                row(7, "{\"name\": \"Ann\", \"birth\": 11016, \"address\": {\"city\": \"Oslo\"}}"),
                row(8, "{\"name\": null}")), 0, 2);

        assertThat(page.getPositionCount()).isEqualTo(2);
        assertThat(BIGINT.getLong(page.getBlock(0), 0)).isEqualTo(7);
        assertThat(VARCHAR.getSlice(page.getBlock(1), 0).toStringUtf8()).isEqualTo("Ann");
        assertThat(DATE.getLong(page.getBlock(2), 0)).isEqualTo(11016);
        assertThat(VARCHAR.getSlice(page.getBlock(3), 0).toStringUtf8()).isEqualTo("Oslo");
        // a JSON null and a missing field are both NULL
        assertThat(page.getBlock(1).isNull(1)).isTrue();
        assertThat(page.getBlock(2).isNull(1)).isTrue();
        assertThat(page.getBlock(3).isNull(1)).isTrue();
    }

    @Test
    void testMarkerTextIsMissingOnlyWhereTheSecondExtractionConfirmsIt()
    {
        RowDecoder decoder = new RowDecoder(List.of(ColumnReader.ofExtractedText("vc", 0, 1, decoder(VARCHAR, FieldEncoding.NATIVE))), -1, new DecodingProblems("t", false));
        String marker = RowDecoder.ExtractedText.ABSENT;
        Page page = decoder.decode(List.of(
                cells(marker, 1),
                cells(marker, 0),
                cells(AbsentTextCheck.SECOND_DEFAULT, 1),
                cells("a", 0),
                cells(marker, "1.0"),
                cells(marker, true)), 0, 6);
        assertThat(page.getBlock(0).isNull(0)).isTrue();
        assertThat(VARCHAR.getSlice(page.getBlock(0), 1).toStringUtf8()).isEqualTo(marker);
        assertThat(VARCHAR.getSlice(page.getBlock(0), 2).toStringUtf8()).isEqualTo(AbsentTextCheck.SECOND_DEFAULT);
        assertThat(VARCHAR.getSlice(page.getBlock(0), 3).toStringUtf8()).isEqualTo("a");
        // brokers render a flag as a number, a boolean or their text
        assertThat(page.getBlock(0).isNull(4)).isTrue();
        assertThat(page.getBlock(0).isNull(5)).isTrue();
    }

    private static JsonNode cells(String text, Object flag)
    {
        ArrayNode cells = NODES.arrayNode().add(text);
        switch (flag) {
            case Integer number -> cells.add(number);
            case Boolean bool -> cells.add(bool);
            default -> cells.add(flag.toString());
        }
        return cells;
    }

    @Test
    void testTextExtractedByPinotReadsAsTheDocumentHoldsIt()
    {
        RowDecoder.ExtractedText wholeNumber = RowDecoder.ExtractedText.WHOLE_NUMBER;
        assertThat(wholeNumber.toValue(NODES.textNode("-42"))).isEqualTo(NODES.numberNode(-42L));
        assertThat(wholeNumber.toValue(NODES.textNode(RowDecoder.ExtractedText.ABSENT))).isNull();
        // a fraction is the number it is (a wrong type for an integer), not malformed text
        assertThat(wholeNumber.toValue(NODES.textNode("1.5")).isNumber()).isTrue();
        assertThat(wholeNumber.toValue(NODES.textNode("2E+3")).decimalValue()).isEqualByComparingTo("2000");
        // anything else stays text, for the decoder to refuse or read as the document's text would be read
        for (String text : List.of(" 12", "12abc", "abc", "1.", "99999999999999999999", "1e99999999999", "")) {
            assertThat(wholeNumber.toValue(NODES.textNode(text))).as(text).isEqualTo(NODES.textNode(text));
        }
        assertThat(RowDecoder.ExtractedText.TEXT.toValue(NODES.textNode("12"))).isEqualTo(NODES.textNode("12"));
    }

    @Test
    void testValueOfWrongTypeIsNullAndCounted()
    {
        DecodingProblems problems = new DecodingProblems("t", false);
        RowDecoder decoder = decoder(problems);
        Page page = decoder.decode(List.of(row(1, "{\"birth\": \"yesterday\"}"), row(2, "{\"birth\": 3.5}")), 0, 2);

        assertThat(page.getBlock(2).isNull(0)).isTrue();
        assertThat(page.getBlock(2).isNull(1)).isTrue();
        assertThat(totalCount(problems)).isEqualTo(2);
        assertThat(problems.toMetrics().getMetrics().keySet()).allMatch(name -> name.startsWith(DecodingProblems.METRIC_PREFIX));
    }

    @Test
    void testMalformedSourceIsNullAndCountedWhileKeysStay()
    {
        DecodingProblems problems = new DecodingProblems("t", false);
        Page page = decoder(problems).decode(List.of(row(5, "{\"name\": \"unterminated"), row(6, "[1, 2]")), 0, 2);

        assertThat(BIGINT.getLong(page.getBlock(0), 0)).isEqualTo(5);
        assertThat(page.getBlock(1).isNull(0)).isTrue();
        assertThat(page.getBlock(1).isNull(1)).isTrue();
        assertThat(problems.toMetrics().getMetrics()).containsKey(DecodingProblems.METRIC_PREFIX + "malformed_source_rows");
        assertThat(((LongCount) problems.toMetrics().getMetrics().get(DecodingProblems.METRIC_PREFIX + "malformed_source_rows")).getTotal()).isEqualTo(2);
    }

    @Test
    void testStrictModeFailsNamingTableAndColumn()
    {
        RowDecoder decoder = decoder(true);
        assertThatThrownBy(() -> decoder.decode(List.of(row(1, "{\"birth\": \"yesterday\"}")), 0, 1))
                .isInstanceOf(TrinoException.class)
                .hasMessageContaining("Pinot table 't'")
                .hasMessageContaining("'birth'");
        assertThatThrownBy(() -> decoder.decode(List.of(row(1, "{oops")), 0, 1))
                .isInstanceOf(TrinoException.class)
                .hasMessageContaining("Pinot table 't'")
                .hasMessageContaining("source JSON is malformed")
                // the columns the user asked for that the document would have filled
                .hasMessageContaining("columns 'name', 'birth', 'city'");
    }

    @Test
    void testDebeziumPlaceholdersAreNullEvenInStrictMode()
    {
        DecodingProblems problems = new DecodingProblems("t", true);
        Page page = decoder(problems).decode(List.of(row(1, "{\"name\": \"__debezium_unavailable_value\"}")), 0, 1);
        assertThat(page.getBlock(1).isNull(0)).isTrue();
        assertThat(problems.toMetrics().getMetrics()).containsKey(DecodingProblems.METRIC_PREFIX + "unavailable");
    }

    @Test
    void testNullIndicatorCellTurnsPinotsStandInDefaultIntoNull()
    {
        // cells as Pinot 0.11 answers SELECT "int_col", ISNULL("int_col"): a missing value is -2147483648 beside true
        RowDecoder decoder = new RowDecoder(
                List.of(ColumnReader.ofNullableCell("int_col", 0, 1, decoder(BIGINT, FieldEncoding.NATIVE))),
                -1,
                new DecodingProblems("t", true));
        ArrayNode missing = NODES.arrayNode().add(Integer.MIN_VALUE).add(true);
        ArrayNode present = NODES.arrayNode().add(Integer.MIN_VALUE).add(false);
        ArrayNode presentAsText = NODES.arrayNode().add(7).add("false");
        Page page = decoder.decode(List.of(missing, present, presentAsText), 0, 3);
        assertThat(page.getBlock(0).isNull(0)).isTrue();
        assertThat(BIGINT.getLong(page.getBlock(0), 1)).isEqualTo(Integer.MIN_VALUE);
        assertThat(BIGINT.getLong(page.getBlock(0), 2)).isEqualTo(7);
    }

    @Test
    void testDecodesARangeOfRows()
    {
        RowDecoder decoder = decoder(false);
        List<JsonNode> rows = List.of(row(1, "{}"), row(2, "{}"), row(3, "{}"));
        Page page = decoder.decode(rows, 1, 3);
        assertThat(page.getPositionCount()).isEqualTo(2);
        assertThat(BIGINT.getLong(page.getBlock(0), 0)).isEqualTo(2);
        assertThat(BIGINT.getLong(page.getBlock(0), 1)).isEqualTo(3);
    }

    private static long totalCount(DecodingProblems problems)
    {
        return problems.toMetrics().getMetrics().values().stream()
                .mapToLong(metric -> ((LongCount) metric).getTotal())
                .sum();
    }

    private static RowDecoder decoder(boolean strict)
    {
        return decoder(new DecodingProblems("t", strict));
    }

    private static RowDecoder decoder(DecodingProblems problems)
    {
        return new RowDecoder(List.of(
                ColumnReader.ofCell("id", 0, decoder(BIGINT, FieldEncoding.NATIVE)),
                ColumnReader.ofSourceField("name", List.of("name"), decoder(VARCHAR, FieldEncoding.NATIVE)),
                ColumnReader.ofSourceField("birth", List.of("birth"), decoder(DATE, FieldEncoding.EPOCH_DAYS)),
                ColumnReader.ofSourceField("city", List.of("address", "city"), decoder(VARCHAR, FieldEncoding.NATIVE))),
                1,
                problems);
    }

    private static FieldDecoder decoder(Type type, FieldEncoding encoding)
    {
        return FieldDecoders.create(type, encoding, OptionalInt.empty());
    }

    private static JsonNode row(long id, String source)
    {
        ArrayNode row = NODES.arrayNode();
        row.add(id);
        row.add(source);
        return row;
    }
}

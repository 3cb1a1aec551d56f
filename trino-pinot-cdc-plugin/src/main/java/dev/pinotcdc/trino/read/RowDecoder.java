package dev.pinotcdc.trino.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.pinotcdc.trino.cdc.CdcJson;
import dev.pinotcdc.trino.cdc.decoder.FieldDecoder;
import dev.pinotcdc.trino.cdc.decoder.InvalidValueException;
import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

import java.util.List;

import static com.google.common.collect.ImmutableList.toImmutableList;
import static java.util.Objects.requireNonNull;

/**
 * Turns rows of a broker answer into Trino pages. Each output column reads one cell of the row: either a value of
 * its own, or the JSON source document, parsed once per row, in which it finds its field.
 */
final class RowDecoder
{
    private static final ObjectReader JSON_READER = CdcJson.objectMapper().reader();

    private final List<ColumnReader> columns;
    private final List<String> sourceFieldColumns;
    private final int sourceCell;
    private final DecodingProblems problems;
    private final PageBuilder pageBuilder;

    /**
     * @param sourceCell the cell holding the source JSON document, or -1 when no column needs it
     */
    RowDecoder(List<ColumnReader> columns, int sourceCell, DecodingProblems problems)
    {
        this.columns = List.copyOf(columns);
        this.sourceFieldColumns = this.columns.stream()
                .filter(column -> column.cell() < 0)
                .map(ColumnReader::name)
                .collect(toImmutableList());
        this.sourceCell = sourceCell;
        this.problems = requireNonNull(problems, "problems is null");
        this.pageBuilder = new PageBuilder(this.columns.stream().map(column -> column.decoder().type()).collect(toImmutableList()));
    }

    Page decode(List<JsonNode> rows, int from, int to)
    {
        pageBuilder.reset();
        for (int row = from; row < to; row++) {
            JsonNode cells = rows.get(row);
            JsonNode source = sourceCell < 0 ? null : parseSource(cells.get(sourceCell));
            pageBuilder.declarePosition();
            for (int channel = 0; channel < columns.size(); channel++) {
                ColumnReader column = columns.get(channel);
                JsonNode value = column.read(cells, source);
                append(column, value, pageBuilder.getBlockBuilder(channel));
            }
        }
        return pageBuilder.build();
    }

    private void append(ColumnReader column, JsonNode value, BlockBuilder output)
    {
        if (value == null || value.isNull() || value.isMissingNode()) {
            output.appendNull();
            return;
        }
        try {
            column.decoder().decode(value, output);
        }
        catch (InvalidValueException e) {
            problems.valueDidNotFit(column.name(), e);
            output.appendNull();
        }
    }

    private JsonNode parseSource(JsonNode cell)
    {
        if (cell == null || cell.isNull()) {
            return null;
        }
        if (cell.isObject()) {
            return cell;
        }
        if (!cell.isTextual()) {
            problems.sourceIsMalformed(sourceFieldColumns, "expected a JSON object, found " + cell.getNodeType());
            return null;
        }
        String text = cell.textValue();
        try {
            JsonNode parsed = JSON_READER.readTree(text);
            if (parsed == null || parsed.isNull()) {
                // Pinot stores a missing JSON value as the text "null"
                return null;
            }
            if (!parsed.isObject()) {
                problems.sourceIsMalformed(sourceFieldColumns, "expected a JSON object, found " + parsed.getNodeType());
                return null;
            }
            return parsed;
        }
        catch (JsonProcessingException e) {
            problems.sourceIsMalformed(sourceFieldColumns, e.getOriginalMessage());
            return null;
        }
    }

    /**
     * How one output column finds its value in a row.
     *
     * @param cell the cell of the row holding the value, or -1 for a field of the source document
     * @param sourcePath for a field of the source document, the keys leading to it
     * @param nullCell the cell holding Pinot's {@code ISNULL(column)} for a native column, or -1: Pinot 0.11 answers a
     *         missing value with the column's stand-in default ({@code -2147483648}, {@code "null"}, {@code 0} ...), and
     *         only its null vector, which {@code ISNULL} reads, tells the two apart
     */
    record ColumnReader(String name, int cell, List<String> sourcePath, FieldDecoder decoder, int nullCell)
    {
        ColumnReader
        {
            requireNonNull(name, "name is null");
            sourcePath = List.copyOf(sourcePath);
            requireNonNull(decoder, "decoder is null");
        }

        static ColumnReader ofCell(String name, int cell, FieldDecoder decoder)
        {
            return new ColumnReader(name, cell, List.of(), decoder, -1);
        }

        /**
         * A native column whose missing values the answer marks in cell {@code nullCell} ({@code ISNULL(column)}).
         */
        static ColumnReader ofNullableCell(String name, int cell, int nullCell, FieldDecoder decoder)
        {
            return new ColumnReader(name, cell, List.of(), decoder, nullCell);
        }

        static ColumnReader ofSourceField(String name, List<String> path, FieldDecoder decoder)
        {
            return new ColumnReader(name, -1, path, decoder, -1);
        }

        JsonNode read(JsonNode cells, JsonNode source)
        {
            if (cell >= 0) {
                if (nullCell >= 0 && isTrue(cells.get(nullCell))) {
                    return null;
                }
                return cells.get(cell);
            }
            JsonNode node = source;
            for (String key : sourcePath) {
                if (node == null) {
                    return null;
                }
                node = node.get(key);
            }
            return node;
        }

        private static boolean isTrue(JsonNode indicator)
        {
            // a BOOLEAN result: true, or the text "true" or 1 where a broker renders booleans so
            return indicator != null && indicator.asBoolean(false);
        }

        Type type()
        {
            return decoder.type();
        }
    }
}

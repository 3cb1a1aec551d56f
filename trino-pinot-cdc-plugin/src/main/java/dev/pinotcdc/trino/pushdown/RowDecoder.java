package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import dev.pinotcdc.trino.cdc.CdcJson;
import dev.pinotcdc.trino.cdc.decoder.FieldDecoder;
import dev.pinotcdc.trino.cdc.decoder.InvalidValueException;
import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static com.google.common.collect.ImmutableList.toImmutableList;
import static java.util.Objects.requireNonNull;

/**
 * Turns rows of a broker answer into Trino pages. Each output column reads one cell of the row: either a value of
 * its own, or the JSON source document, parsed once per row, in which it finds its field.
 */
public final class RowDecoder
{
    private static final ObjectReader JSON_READER = CdcJson.objectMapper().reader();

    private final List<OutputColumn> columns;
    private final List<String> sourceFieldColumns;
    private final int sourceCell;
    private final DecodingProblems problems;
    private final PageBuilder pageBuilder;

    /**
     * @param sourceCell the cell holding the source JSON document, or -1 when no column needs it
     */
    public RowDecoder(List<? extends OutputColumn> columns, int sourceCell, DecodingProblems problems)
    {
        this.columns = List.copyOf(columns);
        this.sourceFieldColumns = this.columns.stream()
                .filter(column -> column instanceof ColumnReader reader && reader.cell() < 0)
                .map(OutputColumn::name)
                .collect(toImmutableList());
        this.sourceCell = sourceCell;
        this.problems = requireNonNull(problems, "problems is null");
        this.pageBuilder = new PageBuilder(this.columns.stream().map(OutputColumn::type).collect(toImmutableList()));
    }

    public Page decode(List<JsonNode> rows, int from, int to)
    {
        pageBuilder.reset();
        for (int row = from; row < to; row++) {
            JsonNode cells = rows.get(row);
            JsonNode source = sourceCell < 0 ? null : parseSource(cells.get(sourceCell));
            pageBuilder.declarePosition();
            for (int channel = 0; channel < columns.size(); channel++) {
                BlockBuilder output = pageBuilder.getBlockBuilder(channel);
                switch (columns.get(channel)) {
                    case ColumnReader column -> append(column, cells, column.read(cells, source), output);
                    case AggregateOutput aggregate -> aggregate.append(cells, output);
                }
            }
        }
        return pageBuilder.build();
    }

    private void append(ColumnReader column, JsonNode cells, JsonNode value, BlockBuilder output)
    {
        if (value == null || value.isNull() || value.isMissingNode()) {
            output.appendNull();
            return;
        }
        try {
            column.decoderFor(cells).decode(value, output);
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
     * @param nullCell the cell holding a flag that the value is missing (1 or true), or -1
     * @param schemaVersions for a field read by each row's own Debezium schema, the decoders by schema
     * @param schemaCell the cell holding the row's Debezium value schema, or -1
     * @param absentConfirmCell for an extracted text that may be the absent marker itself, the cell of its
     *         {@link AbsentTextCheck#confirmation}, or -1
     */
    record ColumnReader(String name, int cell, List<String> sourcePath, FieldDecoder decoder, ExtractedText extracted, int nullCell, Optional<SchemaVersionDecoders> schemaVersions, int schemaCell, int absentConfirmCell)
            implements OutputColumn
    {
        ColumnReader
        {
            requireNonNull(name, "name is null");
            sourcePath = List.copyOf(sourcePath);
            requireNonNull(decoder, "decoder is null");
            requireNonNull(extracted, "extracted is null");
            requireNonNull(schemaVersions, "schemaVersions is null");
        }

        ColumnReader(String name, int cell, List<String> sourcePath, FieldDecoder decoder, ExtractedText extracted, int nullCell)
        {
            this(name, cell, sourcePath, decoder, extracted, nullCell, Optional.empty(), -1, -1);
        }

        static ColumnReader ofCell(String name, int cell, FieldDecoder decoder)
        {
            return new ColumnReader(name, cell, List.of(), decoder, ExtractedText.NONE, -1);
        }

        /** A field of the source document, decoded by the Debezium schema in the row's cell {@code schemaCell}. */
        static ColumnReader ofSchemaVersionedField(String name, List<String> path, SchemaVersionDecoders decoders, int schemaCell)
        {
            return new ColumnReader(name, -1, path, new Unused(decoders.type()), ExtractedText.NONE, -1, Optional.of(decoders), schemaCell, -1);
        }

        FieldDecoder decoderFor(JsonNode cells)
        {
            return schemaVersions.isEmpty() ? decoder : schemaVersions.orElseThrow().decoderFor(cells.get(schemaCell));
        }

        /** A cell Pinot extracted from the source JSON as text, with {@link ExtractedText#ABSENT} for a missing value. */
        static ColumnReader ofExtractedCell(String name, int cell, FieldDecoder decoder, boolean wholeNumber)
        {
            return new ColumnReader(name, cell, List.of(), decoder, wholeNumber ? ExtractedText.WHOLE_NUMBER : ExtractedText.TEXT, -1);
        }

        /**
         * A text cell Pinot extracted from the source JSON, whose marker is a missing value only where the cell
         * {@code absentConfirmCell} confirms it: the text itself may be the marker.
         */
        static ColumnReader ofExtractedText(String name, int cell, int absentConfirmCell, FieldDecoder decoder)
        {
            return new ColumnReader(name, cell, List.of(), decoder, ExtractedText.TEXT, -1, Optional.empty(), -1, absentConfirmCell);
        }

        /**
         * A value whose missing cases the answer marks in cell {@code nullCell}.
         */
        static ColumnReader ofNullableCell(String name, int cell, int nullCell, FieldDecoder decoder)
        {
            return new ColumnReader(name, cell, List.of(), decoder, ExtractedText.NONE, nullCell);
        }

        static ColumnReader ofSourceField(String name, List<String> path, FieldDecoder decoder)
        {
            return new ColumnReader(name, -1, path, decoder, ExtractedText.NONE, -1);
        }

        JsonNode read(JsonNode cells, JsonNode source)
        {
            if (cell >= 0) {
                if (nullCell >= 0 && isTrue(cells.get(nullCell))) {
                    return null;
                }
                if (absentConfirmCell >= 0) {
                    JsonNode text = cells.get(cell);
                    return AbsentTextCheck.isAbsent(text, cells.get(absentConfirmCell)) ? null : text;
                }
                return extracted.toValue(cells.get(cell));
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

        @Override
        public Type type()
        {
            return decoder.type();
        }
    }

    /** The decoder of a reader that picks one per row. */
    private record Unused(Type type)
            implements FieldDecoder
    {
        @Override
        public void decode(JsonNode value, BlockBuilder output)
        {
            throw new IllegalStateException("decoded by the row's schema version");
        }
    }

    /** How Pinot returned a value it extracted from the source JSON. */
    enum ExtractedText
    {
        NONE,
        TEXT,
        WHOLE_NUMBER;

        /** The default extraction gives for a field that is absent: a noncharacter no JSON text holds as a whole value. */
        static final String ABSENT = "\uFFFF";

        /** A JSON number that is not an integer. */
        private static final Pattern FRACTION = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+([eE][+-]?[0-9]+)?|[eE][+-]?[0-9]+)");

        JsonNode toValue(JsonNode cell)
        {
            if (this == NONE || cell == null || !cell.isTextual()) {
                return cell;
            }
            String text = cell.textValue();
            if (text.equals(ABSENT)) {
                return null;
            }
            if (this == WHOLE_NUMBER) {
                try {
                    return LongNode.valueOf(Long.parseLong(text));
                }
                catch (NumberFormatException e) {
                    // a fraction reads as the number it is, as it does from the whole document; other text is left
                    // as text: the decoder reports either as a value that does not fit
                    return numberOrText(cell);
                }
            }
            return cell;
        }

        private static JsonNode numberOrText(JsonNode cell)
        {
            String text = cell.textValue();
            if (!FRACTION.matcher(text).matches()) {
                return cell;
            }
            try {
                return DecimalNode.valueOf(new BigDecimal(text));
            }
            catch (NumberFormatException e) {
                // an exponent beyond BigDecimal's range
                return cell;
            }
        }
    }
}

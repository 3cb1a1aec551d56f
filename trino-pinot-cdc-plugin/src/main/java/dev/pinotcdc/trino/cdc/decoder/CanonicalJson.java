package dev.pinotcdc.trino.cdc.decoder;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.airlift.slice.DynamicSliceOutput;
import io.airlift.slice.Slice;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compact JSON text of a parsed value. With sorted keys it matches the canonical form Trino's json_parse gives
 * (object keys ordered), so equal documents compare equal whatever order PostgreSQL or Debezium wrote them in.
 */
final class CanonicalJson
{
    private static final JsonFactory FACTORY = new JsonFactory();

    private CanonicalJson() {}

    static Slice compact(JsonNode value, boolean sortKeys)
    {
        DynamicSliceOutput output = new DynamicSliceOutput(64);
        try (JsonGenerator generator = FACTORY.createGenerator((OutputStream) output)) {
            write(generator, value, sortKeys);
        }
        catch (IOException e) {
            // writing to memory does not fail
            throw new UncheckedIOException(e);
        }
        return output.slice();
    }

    private static void write(JsonGenerator generator, JsonNode value, boolean sortKeys)
            throws IOException
    {
        switch (value.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                if (sortKeys && value.size() > 1) {
                    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(value.size());
                    value.fields().forEachRemaining(fields::add);
                    fields.sort(Map.Entry.comparingByKey());
                    for (Map.Entry<String, JsonNode> field : fields) {
                        generator.writeFieldName(field.getKey());
                        write(generator, field.getValue(), true);
                    }
                }
                else {
                    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
                    while (fields.hasNext()) {
                        Map.Entry<String, JsonNode> field = fields.next();
                        generator.writeFieldName(field.getKey());
                        write(generator, field.getValue(), sortKeys);
                    }
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : value) {
                    write(generator, element, sortKeys);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(value.textValue());
            case NUMBER -> {
                if (value.isIntegralNumber()) {
                    if (value.canConvertToLong()) {
                        generator.writeNumber(value.longValue());
                    }
                    else {
                        generator.writeNumber(value.bigIntegerValue());
                    }
                }
                else if (value.isBigDecimal()) {
                    generator.writeNumber(value.decimalValue());
                }
                else {
                    generator.writeNumber(value.doubleValue());
                }
            }
            case BOOLEAN -> generator.writeBoolean(value.booleanValue());
            case NULL, MISSING -> generator.writeNull();
            case BINARY, POJO -> generator.writeString(value.asText());
        }
    }
}

package dev.pinotcdc.trino.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import io.trino.spi.type.StandardTypes;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeId;
import io.trino.spi.type.TypeManager;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * Column types guessed from sampled row images, when nothing better exists. Never fails. Per field, the kinds of
 * its non-null values decide:
 * <ul>
 * <li>only integers: BIGINT; integers and fractions, or only fractions: DOUBLE; only booleans: BOOLEAN;
 *     only strings: VARCHAR; only objects and arrays: JSON</li>
 * <li>the strings "true" and "false" count as booleans while nothing else shares the field: Pinot 0.11's JSON
 *     decoder stores every boolean of a message as that text, so a boolean column arrives as such strings; a field
 *     that also holds other strings is VARCHAR</li>
 * <li>an object or array mixed with anything else: JSON (a scalar is valid JSON); other mixes: VARCHAR (every
 *     scalar reads as its text)</li>
 * <li>integers beyond 64 bits count as strings (VARCHAR keeps their digits); a field only ever null is VARCHAR</li>
 * </ul>
 * Columns come in first-seen order: the newest row's fields first, then fields first seen in older rows.
 */
public final class SampleTypeInference
{
    private static final int INTEGRAL = 1;
    private static final int FRACTIONAL = 2;
    private static final int BOOLEAN_KIND = 4;
    private static final int STRING = 8;
    private static final int CONTAINER = 16;
    private static final int BOOLEAN_TEXT = 32;

    private final Type jsonType;

    public SampleTypeInference(TypeManager typeManager)
    {
        this.jsonType = requireNonNull(typeManager, "typeManager is null").getType(TypeId.of(StandardTypes.JSON));
    }

    /**
     * @param rows source JSON objects, newest first; anything but an object (a deleted row's null) is skipped
     */
    public Map<String, FieldType> infer(List<JsonNode> rows)
    {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (JsonNode row : rows) {
            if (row == null || !row.isObject()) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = row.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                kinds.merge(field.getKey(), kind(field.getValue()), (a, b) -> a | b);
            }
        }
        Map<String, FieldType> types = new LinkedHashMap<>();
        kinds.forEach((name, kind) -> types.put(name, FieldType.of(typeOf(kind), FieldEncoding.NATIVE)));
        return types;
    }

    private static int kind(JsonNode value)
    {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return 0;
        }
        if (value.isContainerNode()) {
            return CONTAINER;
        }
        if (value.isBoolean()) {
            return BOOLEAN_KIND;
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? INTEGRAL : STRING;
        }
        if (value.isNumber()) {
            return FRACTIONAL;
        }
        if (value.isTextual() && (value.textValue().equals("true") || value.textValue().equals("false"))) {
            return BOOLEAN_TEXT;
        }
        return STRING;
    }

    private Type typeOf(int kinds)
    {
        if ((kinds & CONTAINER) != 0) {
            return jsonType;
        }
        return switch (kinds) {
            case INTEGRAL -> BIGINT;
            case FRACTIONAL, INTEGRAL | FRACTIONAL -> DOUBLE;
            // the boolean decoder reads the strings "true" and "false" as well
            case BOOLEAN_KIND, BOOLEAN_TEXT, BOOLEAN_KIND | BOOLEAN_TEXT -> BOOLEAN;
            default -> VARCHAR;
        };
    }
}

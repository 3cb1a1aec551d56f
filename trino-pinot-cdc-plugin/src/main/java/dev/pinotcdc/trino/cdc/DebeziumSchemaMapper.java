package dev.pinotcdc.trino.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import io.trino.spi.type.ArrayType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Decimals;
import io.trino.spi.type.StandardTypes;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeId;
import io.trino.spi.type.TypeManager;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TimeType.createTimeType;
import static io.trino.spi.type.TimestampType.createTimestampType;
import static io.trino.spi.type.TimestampWithTimeZoneType.createTimestampWithTimeZoneType;
import static io.trino.spi.type.TinyintType.TINYINT;
import static io.trino.spi.type.UuidType.UUID;
import static io.trino.spi.type.VarbinaryType.VARBINARY;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * Maps a Kafka Connect schema of Debezium's row image (the {@code after} struct, as JsonConverter writes it with
 * schemas.enable=true) to column types. A logical type (the schema's {@code name}) decides where it is known;
 * an unknown logical type falls back to its physical type, whose JSON form it shares.
 */
public final class DebeziumSchemaMapper
{
    private final Type jsonType;

    public DebeziumSchemaMapper(TypeManager typeManager)
    {
        requireNonNull(typeManager, "typeManager is null");
        this.jsonType = typeManager.getType(TypeId.of(StandardTypes.JSON));
    }

    /**
     * @param jsonType the type of fields that hold JSON
     */
    public DebeziumSchemaMapper(Type jsonType)
    {
        this.jsonType = requireNonNull(jsonType, "jsonType is null");
    }

    /**
     * The fields of the row image in schema order, by their names in the source JSON. Accepts the {@code after}
     * struct's schema, the whole envelope schema, or a whole message ({@code {"schema": ..., "payload": ...}}).
     *
     * @throws IllegalArgumentException when the JSON is not a Connect struct schema
     */
    public Map<String, FieldType> map(JsonNode schema)
    {
        JsonNode rowSchema = rowImageSchema(schema);
        Map<String, FieldType> fields = new LinkedHashMap<>();
        for (JsonNode field : rowSchema.get("fields")) {
            JsonNode name = field.get("field");
            if (name == null || !name.isTextual()) {
                throw new IllegalArgumentException("Debezium schema has a field without a name: " + field);
            }
            fields.put(name.textValue(), mapType(field));
        }
        return fields;
    }

    private static JsonNode rowImageSchema(JsonNode schema)
    {
        JsonNode node = schema;
        if (node != null && node.isObject() && node.has("schema") && node.has("payload")) {
            node = node.get("schema");
        }
        if (!isStruct(node)) {
            throw new IllegalArgumentException("Debezium schema is not a struct schema");
        }
        // an envelope (before, after, source, op, ...): its after struct is the row image
        JsonNode after = null;
        boolean hasOp = false;
        for (JsonNode field : node.get("fields")) {
            String name = field.path("field").asText();
            if (name.equals("after") && isStruct(field)) {
                after = field;
            }
            hasOp |= name.equals("op");
        }
        return after != null && hasOp ? after : node;
    }

    /**
     * Debezium's value schema as a table keeps it: the envelope's {@code after} field (a struct schema whose
     * {@code field} is {@code after}, as the templates store it), or the whole envelope (a struct with a struct field
     * {@code after} and a field {@code op}).
     */
    public static boolean isValueSchema(JsonNode node)
    {
        if (!isStruct(node)) {
            return false;
        }
        if (node.path("field").asText().equals("after")) {
            return true;
        }
        boolean after = false;
        boolean op = false;
        for (JsonNode field : node.get("fields")) {
            String name = field.path("field").asText();
            after |= name.equals("after") && isStruct(field);
            op |= name.equals("op");
        }
        return after && op;
    }

    private static boolean isStruct(JsonNode node)
    {
        return node != null && node.isObject() && node.path("type").asText().equals("struct") && node.path("fields").isArray();
    }

    /** The column type of one Connect schema (a field's or an array's items). */
    public FieldType mapType(JsonNode schema)
    {
        String logicalName = schema.path("name").asText("");
        FieldType logical = switch (logicalName) {
            case "org.apache.kafka.connect.data.Decimal" -> decimal(schema.path("parameters"));
            // values carry their own scale: no DECIMAL(p, s) holds them all, text does, exactly
            case "io.debezium.data.VariableScaleDecimal" -> FieldType.of(VARCHAR, FieldEncoding.VARIABLE_SCALE_DECIMAL);
            case "org.apache.kafka.connect.data.Date", "io.debezium.time.Date" -> FieldType.of(DATE, FieldEncoding.EPOCH_DAYS);
            case "org.apache.kafka.connect.data.Timestamp", "io.debezium.time.Timestamp" -> FieldType.of(createTimestampType(3), FieldEncoding.EPOCH_MILLIS);
            case "io.debezium.time.MicroTimestamp" -> FieldType.of(createTimestampType(6), FieldEncoding.EPOCH_MICROS);
            case "io.debezium.time.NanoTimestamp" -> FieldType.of(createTimestampType(9), FieldEncoding.EPOCH_NANOS);
            case "io.debezium.time.ZonedTimestamp" -> FieldType.of(createTimestampWithTimeZoneType(6), FieldEncoding.ISO_ZONED_TIMESTAMP);
            case "io.debezium.time.IsoDate" -> FieldType.of(DATE, FieldEncoding.ISO_DATE);
            case "io.debezium.time.IsoTimestamp" -> FieldType.of(createTimestampType(6), FieldEncoding.ISO_TIMESTAMP);
            case "org.apache.kafka.connect.data.Time", "io.debezium.time.Time" -> FieldType.of(createTimeType(3), FieldEncoding.MILLIS_OF_DAY);
            case "io.debezium.time.MicroTime" -> FieldType.of(createTimeType(6), FieldEncoding.MICROS_OF_DAY);
            case "io.debezium.time.NanoTime" -> FieldType.of(createTimeType(9), FieldEncoding.NANOS_OF_DAY);
            case "io.debezium.time.IsoTime" -> FieldType.of(createTimeType(6), FieldEncoding.ISO_TIME);
            case "io.debezium.time.ZonedTime" -> FieldType.of(createTimeType(6), FieldEncoding.ISO_ZONED_TIME);
            // microseconds: INTERVAL DAY TO SECOND holds milliseconds, and PostgreSQL intervals have microseconds
            // as a rule; BIGINT keeps every value Debezium sends (as VARCHAR does for VariableScaleDecimal)
            case "io.debezium.time.MicroDuration" -> FieldType.of(BIGINT, FieldEncoding.MICRO_DURATION);
            // years and months have no fixed length in days: keep the ISO text
            case "io.debezium.time.Interval" -> FieldType.of(VARCHAR, FieldEncoding.ISO_INTERVAL);
            case "io.debezium.data.Json" -> FieldType.of(jsonType, FieldEncoding.JSON_STRING);
            case "io.debezium.data.Uuid" -> FieldType.of(UUID, FieldEncoding.UUID_STRING);
            case "io.debezium.data.Enum", "io.debezium.data.EnumSet", "io.debezium.data.Xml", "io.debezium.data.Ltree" -> FieldType.of(VARCHAR, FieldEncoding.NATIVE);
            case "io.debezium.data.Bits" -> FieldType.of(VARBINARY, FieldEncoding.BITS_BASE64);
            default -> null;
        };
        if (logical != null && physicalMatches(schema, logical)) {
            return logical;
        }
        return physical(schema);
    }

    private static boolean physicalMatches(JsonNode schema, FieldType logical)
    {
        // a logical name on an unexpected physical type (a custom converter reusing a name) is read physically
        String physical = schema.path("type").asText("");
        return switch (logical.encoding()) {
            case EPOCH_DAYS, EPOCH_MILLIS, EPOCH_MICROS, EPOCH_NANOS, MILLIS_OF_DAY, MICROS_OF_DAY, NANOS_OF_DAY, MICRO_DURATION ->
                    physical.startsWith("int");
            case DECIMAL_BASE64, BITS_BASE64 -> physical.equals("bytes");
            case VARIABLE_SCALE_DECIMAL -> physical.equals("struct");
            default -> physical.equals("string");
        };
    }

    private FieldType physical(JsonNode schema)
    {
        String physical = schema.path("type").asText("");
        return switch (physical) {
            case "int8" -> FieldType.of(TINYINT, FieldEncoding.NATIVE);
            case "int16" -> FieldType.of(SMALLINT, FieldEncoding.NATIVE);
            case "int32" -> FieldType.of(INTEGER, FieldEncoding.NATIVE);
            case "int64" -> FieldType.of(BIGINT, FieldEncoding.NATIVE);
            // JsonConverter writes Connect's FLOAT32 and FLOAT64 as "float" and "double"
            case "float", "float32" -> FieldType.of(REAL, FieldEncoding.NATIVE);
            case "double", "float64" -> FieldType.of(DOUBLE, FieldEncoding.NATIVE);
            case "boolean" -> FieldType.of(BOOLEAN, FieldEncoding.NATIVE);
            case "string" -> FieldType.of(VARCHAR, FieldEncoding.NATIVE);
            case "bytes" -> FieldType.of(VARBINARY, FieldEncoding.BASE64_BYTES);
            case "array" -> {
                JsonNode items = schema.get("items");
                if (items == null || !items.isObject()) {
                    yield FieldType.of(jsonType, FieldEncoding.NATIVE);
                }
                FieldType element = mapType(items);
                yield new FieldType(new ArrayType(element.type()), element.encoding(), element.storedScale());
            }
            // structs (geometry, VariableScaleDecimal read physically) and maps keep their JSON shape
            default -> FieldType.of(jsonType, FieldEncoding.NATIVE);
        };
    }

    private static FieldType decimal(JsonNode parameters)
    {
        JsonNode scaleNode = parameters.get("scale");
        if (scaleNode == null) {
            return null;
        }
        int scale;
        try {
            scale = Integer.parseInt(scaleNode.asText());
        }
        catch (NumberFormatException e) {
            return null;
        }
        int precision = Decimals.MAX_PRECISION;
        JsonNode precisionNode = parameters.get("connect.decimal.precision");
        if (precisionNode != null) {
            try {
                precision = Integer.parseInt(precisionNode.asText());
            }
            catch (NumberFormatException e) {
                return null;
            }
        }
        // PostgreSQL allows numeric(3, 5) (|value| < 0.001) and numeric(3, -2) (multiples of 100)
        int trinoScale = Math.max(scale, 0);
        int trinoPrecision = scale < 0 ? precision - scale : Math.max(precision, scale);
        OptionalInt storedScale = scale == trinoScale ? OptionalInt.empty() : OptionalInt.of(scale);
        if (trinoPrecision > Decimals.MAX_PRECISION || trinoPrecision < 1) {
            return new FieldType(VARCHAR, FieldEncoding.DECIMAL_BASE64, OptionalInt.of(scale));
        }
        return new FieldType(DecimalType.createDecimalType(trinoPrecision, trinoScale), FieldEncoding.DECIMAL_BASE64, storedScale);
    }
}

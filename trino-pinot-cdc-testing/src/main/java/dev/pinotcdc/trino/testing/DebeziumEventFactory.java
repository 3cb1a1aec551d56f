package dev.pinotcdc.trino.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * Writes Debezium change events (key and value, Kafka Connect JSON with schemas) for one source table, the way
 * Debezium's PostgreSQL connector does, for tests and benchmarks that need many generated events.
 */
public final class DebeziumEventFactory
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String topicPrefix;
    private final String table;
    private final List<Field> fields;
    private final List<String> keyFields;
    private final ObjectNode keySchema;
    private final ObjectNode envelopeSchema;
    private final AtomicLong lsn = new AtomicLong(10_000_000);

    /**
     * A field of the source table, with Kafka Connect's schema type and, where there is one, Debezium's logical name.
     */
    public record Field(String name, String connectType, Optional<String> logicalName, Map<String, String> parameters, boolean optional)
    {
        public Field
        {
            requireNonNull(name, "name is null");
            requireNonNull(connectType, "connectType is null");
            requireNonNull(logicalName, "logicalName is null");
            parameters = Map.copyOf(parameters);
        }

        public static Field required(String name, String connectType)
        {
            return new Field(name, connectType, Optional.empty(), Map.of(), false);
        }

        public static Field optional(String name, String connectType)
        {
            return new Field(name, connectType, Optional.empty(), Map.of(), true);
        }

        public static Field logical(String name, String connectType, String logicalName)
        {
            return new Field(name, connectType, Optional.of(logicalName), Map.of(), true);
        }

        public static Field decimal(String name, int precision, int scale)
        {
            return new Field(name, "bytes", Optional.of("org.apache.kafka.connect.data.Decimal"),
                    Map.of("scale", Integer.toString(scale), "connect.decimal.precision", Integer.toString(precision)), true);
        }
    }

    public DebeziumEventFactory(String topicPrefix, String table, List<Field> fields, List<String> keyFields)
    {
        this.topicPrefix = requireNonNull(topicPrefix, "topicPrefix is null");
        this.table = requireNonNull(table, "table is null");
        this.fields = List.copyOf(fields);
        this.keyFields = List.copyOf(keyFields);
        this.keySchema = structSchema(fields.stream().filter(field -> keyFields.contains(field.name())).toList(), name("Key"), false);
        this.envelopeSchema = envelopeSchema();
    }

    public String topic()
    {
        return topicPrefix + ".public." + table;
    }

    /** A snapshot read (op r). */
    public Event read(Map<String, Object> row)
    {
        return event("r", null, row);
    }

    public Event insert(Map<String, Object> row)
    {
        return event("c", null, row);
    }

    public Event update(Map<String, Object> before, Map<String, Object> after)
    {
        return event("u", before, after);
    }

    /** A delete under REPLICA IDENTITY DEFAULT: before holds only the key, other fields null. */
    public Event delete(Map<String, Object> row)
    {
        Map<String, Object> keyOnly = new LinkedHashMap<>();
        for (Field field : fields) {
            keyOnly.put(field.name(), keyFields.contains(field.name()) ? row.get(field.name()) : null);
        }
        return event("d", keyOnly, null);
    }

    /** A truncate: no key, no row images. */
    public Event truncate()
    {
        return new Event(null, value("t", null, null));
    }

    private Event event(String op, Map<String, Object> before, Map<String, Object> after)
    {
        Map<String, Object> keySource = after != null ? after : before;
        ObjectNode key = NODES.objectNode();
        key.set("schema", keySchema);
        ObjectNode keyPayload = key.putObject("payload");
        for (String keyField : keyFields) {
            keyPayload.set(keyField, MAPPER.valueToTree(keySource.get(keyField)));
        }
        return new Event(key.toString(), value(op, before, after));
    }

    private String value(String op, Map<String, Object> before, Map<String, Object> after)
    {
        long now = System.currentTimeMillis();
        long eventLsn = lsn.addAndGet(8);
        ObjectNode value = NODES.objectNode();
        value.set("schema", envelopeSchema);
        ObjectNode payload = value.putObject("payload");
        payload.set("before", rowImage(before));
        payload.set("after", rowImage(after));
        ObjectNode source = payload.putObject("source");
        source.put("version", "3.6.1.Final");
        source.put("connector", "postgresql");
        source.put("name", topicPrefix);
        source.put("ts_ms", now);
        source.put("snapshot", op.equals("r") ? "true" : "false");
        source.put("db", "generated");
        source.put("schema", "public");
        source.put("table", table);
        source.put("lsn", eventLsn);
        payload.putNull("transaction");
        payload.put("op", op);
        payload.put("ts_ms", now);
        return value.toString();
    }

    private JsonNode rowImage(Map<String, Object> row)
    {
        if (row == null) {
            return NODES.nullNode();
        }
        ObjectNode image = NODES.objectNode();
        for (Field field : fields) {
            image.set(field.name(), MAPPER.valueToTree(row.get(field.name())));
        }
        return image;
    }

    private ObjectNode envelopeSchema()
    {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "struct");
        ArrayNode envelopeFields = schema.putArray("fields");
        ObjectNode before = structSchema(fields, name("Value"), true);
        before.put("field", "before");
        envelopeFields.add(before);
        ObjectNode after = structSchema(fields, name("Value"), true);
        after.put("field", "after");
        envelopeFields.add(after);
        envelopeFields.addObject().put("type", "struct").put("optional", false).put("name", "io.debezium.connector.postgresql.Source").put("field", "source");
        envelopeFields.addObject().put("type", "string").put("optional", false).put("field", "op");
        envelopeFields.addObject().put("type", "int64").put("optional", true).put("field", "ts_ms");
        schema.put("optional", false);
        schema.put("name", name("Envelope"));
        schema.put("version", 2);
        return schema;
    }

    private static ObjectNode structSchema(List<Field> fields, String name, boolean optional)
    {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "struct");
        ArrayNode fieldSchemas = schema.putArray("fields");
        for (Field field : fields) {
            ObjectNode fieldSchema = fieldSchemas.addObject();
            fieldSchema.put("type", field.connectType());
            fieldSchema.put("optional", field.optional());
            field.logicalName().ifPresent(logical -> fieldSchema.put("name", logical).put("version", 1));
            if (!field.parameters().isEmpty()) {
                ObjectNode parameters = fieldSchema.putObject("parameters");
                field.parameters().forEach(parameters::put);
            }
            fieldSchema.put("field", field.name());
        }
        schema.put("optional", optional);
        schema.put("name", name);
        return schema;
    }

    private String name(String suffix)
    {
        return topicPrefix + ".public." + table + "." + suffix;
    }

    /** One Kafka record: the key (null for a truncate) and the value. */
    public record Event(String key, String value) {}
}

package dev.pinotcdc.trino.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static dev.pinotcdc.trino.testing.DebeziumCdcTableDefinition.SOURCE_COLUMN;
import static dev.pinotcdc.trino.testing.DebeziumCdcTableDefinition.SOURCE_SCHEMA_COLUMN;
import static java.util.Objects.requireNonNull;

/**
 * A CDC table whose layout departs from {@link DebeziumCdcTableDefinition}'s: the same schema and table config,
 * changed before they reach the controller. For layouts real deployments have that the harness does not build.
 */
public final class AdjustedCdcTable
{
    private final PinotTestCluster cluster;
    private final String tableName;
    private final String topic;
    private long sentMessages;

    private AdjustedCdcTable(PinotTestCluster cluster, String tableName, String topic)
    {
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.tableName = requireNonNull(tableName, "tableName is null");
        this.topic = requireNonNull(topic, "topic is null");
    }

    /**
     * Debezium messages as {@link DebeziumCdcTableDefinition} reads them, but without the {@code source_schema}
     * column: the connector has to infer the types of the source fields.
     */
    public static AdjustedCdcTable withoutValueSchema(DebeziumCdcTableDefinition definition, PinotTestCluster cluster)
    {
        ObjectNode schema = definition.schema();
        removeNamed(schema.withArrayProperty("dimensionFieldSpecs"), "name", SOURCE_SCHEMA_COLUMN);
        ObjectNode tableConfig = definition.tableConfig(cluster.kafkaBootstrapServers());
        removeNamed(tableConfig.withObjectProperty("ingestionConfig").withArrayProperty("transformConfigs"), "columnName", SOURCE_SCHEMA_COLUMN);
        return create(definition, schema, tableConfig, cluster);
    }

    /**
     * A table whose {@code source} is a Pinot STRING holding whatever text the message's top-level {@code source}
     * field holds, JSON or not; every column comes straight from the message's top-level field of its name
     * ({@code {"id": 1, "source": "{\"name\": \"a\"}", "op": "c", "ts_ms": 1, "lsn": 1}}), no transforms.
     */
    public static AdjustedCdcTable withTextSource(DebeziumCdcTableDefinition definition, PinotTestCluster cluster)
    {
        ObjectNode schema = definition.schema();
        ArrayNode dimensions = schema.withArrayProperty("dimensionFieldSpecs");
        removeNamed(dimensions, "name", SOURCE_SCHEMA_COLUMN);
        for (JsonNode dimension : dimensions) {
            if (dimension.path("name").asText().equals(SOURCE_COLUMN)) {
                ((ObjectNode) dimension).put("dataType", "STRING").put("maxLength", PinotColumn.STRING_MAX_LENGTH);
            }
        }
        ObjectNode tableConfig = definition.tableConfig(cluster.kafkaBootstrapServers());
        tableConfig.remove("ingestionConfig");
        tableConfig.withObjectProperty("tableIndexConfig").putArray("jsonIndexColumns");
        return create(definition, schema, tableConfig, cluster);
    }

    /**
     * The layout of {@link DebeziumCdcTableDefinition} with its {@code tableIndexConfig} changed, for example without
     * the JSON index on {@code source}, or with a JSON index configuration that leaves paths out.
     */
    public static AdjustedCdcTable withIndexing(DebeziumCdcTableDefinition definition, PinotTestCluster cluster, Consumer<ObjectNode> tableIndexConfig)
    {
        ObjectNode tableConfig = definition.tableConfig(cluster.kafkaBootstrapServers());
        tableIndexConfig.accept(tableConfig.withObjectProperty("tableIndexConfig"));
        return create(definition, definition.schema(), tableConfig, cluster);
    }

    /**
     * The layout of {@link DebeziumCdcTableDefinition} with some columns' field specs changed, for example a promoted
     * text column with a short {@code maxLength}, or a promoted whole number kept in an INT column.
     */
    public static AdjustedCdcTable withFieldSpecs(DebeziumCdcTableDefinition definition, PinotTestCluster cluster, Map<String, Consumer<ObjectNode>> changes)
    {
        ObjectNode schema = definition.schema();
        Set<String> changed = new HashSet<>();
        for (String specs : List.of("dimensionFieldSpecs", "metricFieldSpecs", "dateTimeFieldSpecs")) {
            for (JsonNode spec : schema.path(specs)) {
                Consumer<ObjectNode> change = changes.get(spec.path("name").asText());
                if (change != null) {
                    change.accept((ObjectNode) spec);
                    changed.add(spec.path("name").asText());
                }
            }
        }
        Set<String> missing = new HashSet<>(changes.keySet());
        missing.removeAll(changed);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No field specs named %s in %s".formatted(missing, schema));
        }
        return create(definition, schema, definition.tableConfig(cluster.kafkaBootstrapServers()), cluster);
    }

    private static AdjustedCdcTable create(DebeziumCdcTableDefinition definition, ObjectNode schema, ObjectNode tableConfig, PinotTestCluster cluster)
    {
        cluster.kafka().createTopic(definition.topic());
        cluster.controller().addSchema(schema);
        cluster.controller().addTable(tableConfig);
        cluster.broker().awaitRouted(definition.tableName());
        return new AdjustedCdcTable(cluster, definition.tableName(), definition.topic());
    }

    private static void removeNamed(ArrayNode array, String key, String name)
    {
        Iterator<JsonNode> elements = array.elements();
        boolean removed = false;
        while (elements.hasNext()) {
            if (elements.next().path(key).asText().equals(name)) {
                elements.remove();
                removed = true;
            }
        }
        if (!removed) {
            throw new IllegalStateException("No element with %s '%s' in %s".formatted(key, name, array));
        }
    }

    public String tableName()
    {
        return tableName;
    }

    public synchronized void send(List<KafkaMessage> messages)
    {
        cluster.kafka().send(topic, messages);
        sentMessages += messages.size();
    }

    /**
     * Sends the messages and waits until Pinot holds every message sent so far.
     */
    public void sendAndAwait(List<KafkaMessage> messages)
    {
        send(messages);
        long expected;
        synchronized (this) {
            expected = sentMessages;
        }
        cluster.broker().awaitDocumentCount(tableName, expected);
    }

    public void drop()
    {
        cluster.controller().dropTable(tableName);
    }
}

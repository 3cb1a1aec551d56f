package dev.pinotcdc.trino.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pinotcdc.trino.templates.DebeziumType;
import dev.pinotcdc.trino.templates.RowField;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A Pinot REALTIME table fed by one Debezium topic, created in the test cluster (layout in
 * {@link DebeziumCdcTableDefinition}).
 *
 * <pre>{@code
 * DebeziumCdcTable person = DebeziumCdcTable.builder("person")
 *         .primaryKeyColumn("id", PinotColumnType.LONG)
 *         .primaryKeyColumn("customer_id", PinotColumnType.LONG)
 *         .create(PinotTestCluster.shared());
 * person.send(DebeziumFixtures.read("connect-precise", "snapshot"));
 * person.awaitIngested();
 * }</pre>
 */
public final class DebeziumCdcTable
{
    private final PinotTestCluster cluster;
    private final DebeziumCdcTableDefinition definition;
    private final ObjectNode schema;
    private final ObjectNode tableConfig;
    private long sentMessages;

    private DebeziumCdcTable(PinotTestCluster cluster, DebeziumCdcTableDefinition definition, ObjectNode schema, ObjectNode tableConfig)
    {
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.definition = requireNonNull(definition, "definition is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.tableConfig = requireNonNull(tableConfig, "tableConfig is null");
    }

    public static Builder builder(String tableName)
    {
        return new Builder(tableName);
    }

    public String tableName()
    {
        return definition.tableName();
    }

    public String topic()
    {
        return definition.topic();
    }

    public DebeziumCdcTableDefinition definition()
    {
        return definition;
    }

    /**
     * The schema as sent to the controller.
     */
    public ObjectNode schema()
    {
        return schema.deepCopy();
    }

    /**
     * The table config as sent to the controller.
     */
    public ObjectNode tableConfig()
    {
        return tableConfig.deepCopy();
    }

    /**
     * Sends Debezium messages (key and envelope JSON) to the table's topic, in order.
     */
    public synchronized void send(List<KafkaMessage> messages)
    {
        cluster.kafka().send(topic(), messages);
        sentMessages += messages.size();
    }

    /**
     * Sends Debezium messages to one partition of the table's topic, in order, whatever their keys.
     */
    public synchronized void sendToPartition(int partition, List<KafkaMessage> messages)
    {
        cluster.kafka().send(topic(), partition, messages);
        sentMessages += messages.size();
    }

    /**
     * Sends the messages and waits until Pinot has ingested every message sent so far.
     */
    public void sendAndAwait(List<KafkaMessage> messages)
    {
        send(messages);
        awaitIngested();
    }

    /**
     * Waits until Pinot holds every message sent through this object (every version, deletes included).
     */
    public void awaitIngested()
    {
        long expected;
        synchronized (this) {
            expected = sentMessages;
        }
        cluster.broker().awaitDocumentCount(tableName(), expected);
    }

    /**
     * Waits until Pinot holds every message in the table's topic, whoever wrote them (Debezium writes its own).
     */
    public void awaitTopicIngested()
    {
        cluster.broker().awaitDocumentCount(tableName(), cluster.kafka().messageCount(topic()));
    }

    public void drop()
    {
        cluster.controller().dropTable(tableName());
    }

    public static final class Builder
    {
        private final String tableName;
        private String topic;
        private final List<PinotColumn> primaryKey = new ArrayList<>();
        private boolean upsert = true;
        private String comparisonColumn = DebeziumCdcTableDefinition.LSN_COLUMN;
        private CdcMessageDecoding decoding = CdcMessageDecoding.PINOT_JSON_DECODER;
        private Optional<Integer> flushThresholdRows = Optional.empty();
        private final List<RowField> promotedFields = new ArrayList<>();
        private boolean valueSchemaColumn = true;
        private int topicPartitions = 1;

        private Builder(String tableName)
        {
            this.tableName = requireNonNull(tableName, "tableName is null");
            this.topic = tableName;
        }

        public Builder topic(String topic)
        {
            this.topic = requireNonNull(topic, "topic is null");
            return this;
        }

        public Builder primaryKeyColumn(String name, PinotColumnType type)
        {
            primaryKey.add(PinotColumn.singleValue(name, type));
            return this;
        }

        /**
         * Keep every version of every row (no upsert): the reader must pick each key's newest version.
         */
        public Builder appendOnly()
        {
            this.upsert = false;
            return this;
        }

        /**
         * Keep the newest version of each key by this column (default {@code lsn}).
         */
        public Builder upsertComparisonColumn(String column)
        {
            this.upsert = true;
            this.comparisonColumn = requireNonNull(column, "column is null");
            return this;
        }

        /**
         * How messages become column values (default {@link CdcMessageDecoding#PINOT_JSON_DECODER}, lossy).
         */
        public Builder decoding(CdcMessageDecoding decoding)
        {
            this.decoding = requireNonNull(decoding, "decoding is null");
            return this;
        }

        /**
         * Commit the consuming segment after this many rows, so that a table spans several segments.
         */
        public Builder flushThresholdRows(int rows)
        {
            this.flushThresholdRows = Optional.of(rows);
            return this;
        }

        /**
         * Also keep this field of the row image in a native column of the same name (see the product's
         * {@code PromotedColumn}: temporal fields hold epoch numbers in their Debezium unit, micros for ISO text).
         *
         * @param type the field's Debezium type, for example {@code DebeziumType.of("int64", DebeziumType.MICRO_TIMESTAMP)}
         */
        public Builder promotedField(String name, DebeziumType type)
        {
            promotedFields.add(new RowField(name, type));
            return this;
        }

        /**
         * Create the topic with this many partitions (default 1); Pinot consumes each into segments of its own.
         */
        public Builder topicPartitions(int partitions)
        {
            checkArgument(partitions > 0, "partitions must be positive");
            this.topicPartitions = partitions;
            return this;
        }

        /**
         * Leave out the {@code source_schema} column: the connector then infers the field types from values.
         */
        public Builder withoutValueSchema()
        {
            this.valueSchemaColumn = false;
            return this;
        }

        public DebeziumCdcTableDefinition build()
        {
            DebeziumCdcTableDefinition definition = new DebeziumCdcTableDefinition(tableName, topic, primaryKey, upsert, comparisonColumn, flushThresholdRows, promotedFields, valueSchemaColumn, decoding);
            // fails now, not at create(), on what the generator refuses (no key, a BIG_DECIMAL key, an unpromotable field...)
            definition.schema();
            return definition;
        }

        /**
         * Creates the topic, the schema and the table, and waits until the broker routes queries of the table.
         */
        public DebeziumCdcTable create(PinotTestCluster cluster)
        {
            DebeziumCdcTableDefinition definition = build();
            ObjectNode schema = definition.schema();
            ObjectNode tableConfig = definition.tableConfig(cluster.kafkaBootstrapServers());
            cluster.kafka().createTopic(definition.topic(), topicPartitions);
            cluster.controller().addSchema(schema);
            cluster.controller().addTable(tableConfig);
            cluster.broker().awaitRouted(definition.tableName());
            return new DebeziumCdcTable(cluster, definition, schema, tableConfig);
        }
    }
}

package dev.pinotcdc.trino.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A plain (not CDC) Pinot REALTIME table with native columns, fed from JSON messages whose fields are named like
 * the columns. Pinot requires a time column on REALTIME tables: a LONG of epoch milliseconds.
 *
 * <pre>{@code
 * PinotNativeTable events = PinotNativeTable.builder("events")
 *         .column("name", PinotColumnType.STRING)
 *         .multiValueColumn("tags", PinotColumnType.STRING)
 *         .create(PinotTestCluster.shared());
 * events.sendAndAwait(List.of("{\"name\": \"a\", \"tags\": [\"x\"], \"event_time\": 0}"));
 * }</pre>
 */
public final class PinotNativeTable
{
    public static final String DEFAULT_TIME_COLUMN = "event_time";

    private final PinotTestCluster cluster;
    private final String tableName;
    private final List<PinotColumn> columns;
    private final ObjectNode schema;
    private final ObjectNode tableConfig;
    private long sentMessages;

    private PinotNativeTable(PinotTestCluster cluster, String tableName, List<PinotColumn> columns, ObjectNode schema, ObjectNode tableConfig)
    {
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.tableName = requireNonNull(tableName, "tableName is null");
        this.columns = List.copyOf(columns);
        this.schema = requireNonNull(schema, "schema is null");
        this.tableConfig = requireNonNull(tableConfig, "tableConfig is null");
    }

    public static Builder builder(String tableName)
    {
        return new Builder(tableName);
    }

    /**
     * One single-value column of every Pinot 0.11 type ({@code int_col}, {@code long_col}, ..., {@code bytes_col})
     * and a multi-value column of every type that can be multi-valued ({@code int_array_col}, ...,
     * {@code string_array_col}).
     */
    public static Builder allTypesBuilder(String tableName)
    {
        Builder builder = builder(tableName);
        for (PinotColumnType type : PinotColumnType.values()) {
            builder.column(type.name().toLowerCase() + "_col", type);
        }
        for (PinotColumnType type : List.of(PinotColumnType.INT, PinotColumnType.LONG, PinotColumnType.FLOAT, PinotColumnType.DOUBLE, PinotColumnType.STRING)) {
            builder.multiValueColumn(type.name().toLowerCase() + "_array_col", type);
        }
        return builder;
    }

    public String tableName()
    {
        return tableName;
    }

    public List<PinotColumn> columns()
    {
        return columns;
    }

    public ObjectNode schema()
    {
        return schema.deepCopy();
    }

    public ObjectNode tableConfig()
    {
        return tableConfig.deepCopy();
    }

    /**
     * Sends JSON messages (no key) to the table's topic.
     */
    public synchronized void send(List<String> jsonMessages)
    {
        cluster.kafka().send(tableName, jsonMessages.stream().map(KafkaMessage::withoutKey).toList());
        sentMessages += jsonMessages.size();
    }

    public void sendAndAwait(List<String> jsonMessages)
    {
        send(jsonMessages);
        awaitIngested();
    }

    public void awaitIngested()
    {
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

    public static final class Builder
    {
        private final String tableName;
        private final List<PinotColumn> columns = new ArrayList<>();
        private String timeColumn = DEFAULT_TIME_COLUMN;
        private final List<String> jsonIndexColumns = new ArrayList<>();
        private Optional<Integer> flushThresholdRows = Optional.empty();

        private Builder(String tableName)
        {
            this.tableName = requireNonNull(tableName, "tableName is null");
        }

        public Builder column(String name, PinotColumnType type)
        {
            columns.add(PinotColumn.singleValue(name, type));
            return this;
        }

        public Builder multiValueColumn(String name, PinotColumnType type)
        {
            if (type == PinotColumnType.BIG_DECIMAL || type == PinotColumnType.JSON) {
                throw new IllegalArgumentException("Pinot 0.11 has no multi-value " + type);
            }
            columns.add(PinotColumn.multiValue(name, type));
            return this;
        }

        /**
         * The table's time column, a LONG of epoch milliseconds (default {@value #DEFAULT_TIME_COLUMN}).
         */
        public Builder timeColumn(String name)
        {
            this.timeColumn = requireNonNull(name, "name is null");
            return this;
        }

        public Builder jsonIndex(String column)
        {
            jsonIndexColumns.add(requireNonNull(column, "column is null"));
            return this;
        }

        public Builder flushThresholdRows(int rows)
        {
            this.flushThresholdRows = Optional.of(rows);
            return this;
        }

        public ObjectNode schema()
        {
            ObjectNode schema = TestingHttp.JSON.createObjectNode().put("schemaName", tableName);
            ArrayNode dimensions = schema.putArray("dimensionFieldSpecs");
            ArrayNode metrics = schema.putArray("metricFieldSpecs");
            for (PinotColumn column : columns) {
                (column.isMetric() ? metrics : dimensions).add(column.toFieldSpec());
            }
            schema.putArray("dateTimeFieldSpecs").addObject()
                    .put("name", timeColumn)
                    .put("dataType", "LONG")
                    .put("format", "1:MILLISECONDS:EPOCH")
                    .put("granularity", "1:MILLISECONDS");
            return schema;
        }

        public ObjectNode tableConfig(String kafkaBootstrapServers)
        {
            return RealtimeTableConfig.create(tableName, tableName, kafkaBootstrapServers, timeColumn, RealtimeTableConfig.JSON_DECODER, Map.of(), jsonIndexColumns, flushThresholdRows);
        }

        /**
         * Creates the topic (named like the table), the schema and the table.
         */
        public PinotNativeTable create(PinotTestCluster cluster)
        {
            ObjectNode schema = schema();
            ObjectNode tableConfig = tableConfig(cluster.kafkaBootstrapServers());
            cluster.kafka().createTopic(tableName);
            cluster.controller().addSchema(schema);
            cluster.controller().addTable(tableConfig);
            cluster.broker().awaitRouted(tableName);
            return new PinotNativeTable(cluster, tableName, columns, schema, tableConfig);
        }
    }
}

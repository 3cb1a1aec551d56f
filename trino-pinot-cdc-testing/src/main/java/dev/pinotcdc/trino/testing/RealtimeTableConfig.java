package dev.pinotcdc.trino.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The parts every test table shares: a REALTIME table consuming one Kafka topic of JSON messages from its start.
 */
final class RealtimeTableConfig
{
    /**
     * Pinot's JSON decoder: each top-level field of the message becomes a column value (maps and lists converted).
     */
    static final Map<String, String> JSON_DECODER = Map.of(
            "stream.kafka.decoder.class.name", "org.apache.pinot.plugin.stream.kafka.KafkaJSONMessageDecoder");

    private RealtimeTableConfig() {}

    /**
     * @param decoder the stream's decoder class and properties
     * @param transforms column name to Pinot transform function, in order
     * @param flushThresholdRows rows after which a consuming segment is committed; empty keeps Pinot's default
     */
    static ObjectNode create(
            String tableName,
            String topic,
            String kafkaBootstrapServers,
            String timeColumn,
            Map<String, String> decoder,
            Map<String, String> transforms,
            List<String> jsonIndexColumns,
            Optional<Integer> flushThresholdRows)
    {
        requireNonNull(tableName, "tableName is null");
        ObjectNode config = TestingHttp.JSON.createObjectNode()
                .put("tableName", tableName)
                .put("tableType", "REALTIME");
        config.putObject("segmentsConfig")
                .put("schemaName", tableName)
                .put("timeColumnName", timeColumn)
                .put("replication", "1")
                .put("replicasPerPartition", "1");
        config.putObject("tenants");

        ObjectNode indexing = config.putObject("tableIndexConfig")
                .put("loadMode", "MMAP")
                // lets IS NULL tell a missing value from Pinot's stand-in default value
                .put("nullHandlingEnabled", true);
        ArrayNode jsonIndexes = indexing.putArray("jsonIndexColumns");
        jsonIndexColumns.forEach(jsonIndexes::add);

        Map<String, String> stream = new LinkedHashMap<>();
        stream.put("streamType", "kafka");
        stream.put("stream.kafka.consumer.type", "lowlevel");
        stream.put("stream.kafka.topic.name", topic);
        stream.put("stream.kafka.broker.list", kafkaBootstrapServers);
        stream.putAll(new TreeMap<>(decoder));
        stream.put("stream.kafka.consumer.factory.class.name", "org.apache.pinot.plugin.stream.kafka20.KafkaConsumerFactory");
        stream.put("stream.kafka.consumer.prop.auto.offset.reset", "smallest");
        // a server stops its tables one after the other, each waiting for its consumer's fetch to time out (5 s)
        stream.put("stream.kafka.fetch.timeout.millis", "200");
        flushThresholdRows.ifPresent(rows -> {
            stream.put("realtime.segment.flush.threshold.rows", String.valueOf(rows));
            stream.put("realtime.segment.flush.threshold.time", "24h");
        });
        ObjectNode streamConfigs = indexing.putObject("streamConfigs");
        stream.forEach(streamConfigs::put);

        if (!transforms.isEmpty()) {
            ArrayNode transformConfigs = config.putObject("ingestionConfig").putArray("transformConfigs");
            transforms.forEach((column, function) -> transformConfigs.addObject()
                    .put("columnName", column)
                    .put("transformFunction", function));
        }
        config.putObject("metadata");
        return config;
    }
}

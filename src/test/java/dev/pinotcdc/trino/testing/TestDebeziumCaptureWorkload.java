package dev.pinotcdc.trino.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinotcdc.trino.testing.CdcWorkload.WorkloadColumn;
import dev.pinotcdc.trino.testing.CdcWorkload.WorkloadTable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.pinotcdc.trino.testing.DebeziumCapture.DecimalHandlingMode.STRING;
import static dev.pinotcdc.trino.testing.DebeziumCapture.TimePrecisionMode.ADAPTIVE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The random workload through the real pipeline: replaying the Kafka topics as upserts (delete removes a key,
 * truncate empties the table) must give PostgreSQL's rows.
 */
final class TestDebeziumCaptureWorkload
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    // columns whose Debezium encoding is the text PostgreSQL returns, whatever the connector settings
    private static final List<String> VERBATIM_COLUMNS = List.of("c_text", "c_varchar", "c_uuid", "c_enum", "account", "note");

    @Test
    void testLatestStateMatchesPostgreSql()
            throws SQLException
    {
        TestingPostgreSql postgres = TestingPostgreSql.shared();
        TestingKafkaBroker kafka = TestingKafkaBroker.shared();
        String database = "workload";
        postgres.createDatabase(database);
        CdcWorkload workload = CdcWorkload.create();

        try (Connection connection = postgres.connect(database)) {
            workload.createSchema(connection);
            // rows that reach Kafka through the snapshot
            workload.run(connection, 30);
            try (DebeziumCapture capture = DebeziumCapture.builder(postgres, database, kafka.bootstrapServers())
                    .topicPrefix("wl")
                    .timePrecisionMode(ADAPTIVE)
                    .decimalHandlingMode(STRING)
                    .start()) {
                long startNanos = System.nanoTime();
                workload.runWithTruncate(connection, 300);
                capture.awaitCaughtUp(TIMEOUT);
                System.out.println("Workload %s: %s transactions, %s, in Kafka %s ms after the first commit".formatted(
                        workload.seed(), workload.transactions(), workload.counts(), Duration.ofNanos(System.nanoTime() - startNanos).toMillis()));

                Set<String> operations = new HashSet<>();
                for (WorkloadTable table : workload.tables()) {
                    Map<String, JsonNode> replayed = replay(kafka, capture.topic("public", table.name()), operations);
                    Map<String, Map<String, String>> expected = rows(connection, table);
                    // Debezium drops columns of types it cannot map: every column must be in the row images
                    List<String> columnNames = table.columns().stream().map(WorkloadColumn::name).toList();
                    assertThat(replayed.values()).allSatisfy(after -> assertThat(after.propertyStream().map(Map.Entry::getKey).toList()).isEqualTo(columnNames));
                    assertThat(replayed.keySet()).as("keys of %s (seed %s)", table.name(), workload.seed()).isEqualTo(expected.keySet());
                    for (Map.Entry<String, JsonNode> row : replayed.entrySet()) {
                        Map<String, String> expectedRow = expected.get(row.getKey());
                        for (Map.Entry<String, String> column : expectedRow.entrySet()) {
                            JsonNode value = row.getValue().get(column.getKey());
                            assertThat(value.isNull() ? null : value.asText())
                                    .as("%s.%s of key %s (seed %s)", table.name(), column.getKey(), row.getKey(), workload.seed())
                                    .isEqualTo(column.getValue());
                        }
                    }
                }
                assertThat(operations).containsExactlyInAnyOrder("r", "c", "u", "d", "t");
            }
        }
    }

    private static Map<String, JsonNode> replay(TestingKafkaBroker kafka, String topic, Set<String> operations)
    {
        List<ConsumerRecord<String, String>> messages;
        try (KafkaTopicReader reader = KafkaTopicReader.fromBeginning(kafka.bootstrapServers(), topic)) {
            messages = reader.readToEnd(TIMEOUT);
        }
        Map<String, JsonNode> rows = new HashMap<>();
        for (ConsumerRecord<String, String> message : messages) {
            JsonNode payload = parse(message.value()).get("payload");
            String operation = payload.get("op").asText();
            operations.add(operation);
            switch (operation) {
                case "r", "c", "u" -> rows.put(keyText(parse(message.key()).get("payload")), payload.get("after"));
                case "d" -> rows.remove(keyText(parse(message.key()).get("payload")));
                case "t" -> rows.clear();
                default -> throw new AssertionError("Unexpected op " + operation);
            }
        }
        return rows;
    }

    private static String keyText(JsonNode key)
    {
        Map<String, String> parts = new HashMap<>();
        key.properties().forEach(entry -> parts.put(entry.getKey(), entry.getValue().asText()));
        return keyText(parts);
    }

    private static String keyText(Map<String, String> parts)
    {
        return parts.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("|"));
    }

    private static Map<String, Map<String, String>> rows(Connection connection, WorkloadTable table)
            throws SQLException
    {
        List<String> compared = table.valueColumns().stream().map(WorkloadColumn::name).filter(VERBATIM_COLUMNS::contains).toList();
        Map<String, Map<String, String>> rows = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery("SELECT * FROM " + table.name())) {
            while (resultSet.next()) {
                Map<String, String> key = new HashMap<>();
                for (WorkloadColumn column : table.keyColumns()) {
                    key.put(column.name(), resultSet.getString(column.name()));
                }
                Map<String, String> values = new HashMap<>();
                for (String column : compared) {
                    values.put(column, resultSet.getString(column));
                }
                rows.put(keyText(key), values);
            }
        }
        return rows;
    }

    private static JsonNode parse(String json)
    {
        try {
            return JSON.readTree(json);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

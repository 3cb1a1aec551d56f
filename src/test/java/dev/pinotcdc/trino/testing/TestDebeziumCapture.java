package dev.pinotcdc.trino.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.pinotcdc.trino.testing.DebeziumCapture.DecimalHandlingMode.PRECISE;
import static dev.pinotcdc.trino.testing.DebeziumCapture.TimePrecisionMode.CONNECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

@TestInstance(PER_CLASS)
final class TestDebeziumCapture
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    // the database the fixtures were made with, so that whole messages compare
    private static final String DATABASE = "dbz_default";
    private static final String FIXTURE_TOPIC_PREFIX = "user_service";
    // a prefix of this run's own: the Pinot cluster's Kafka is shared by every test of the JVM
    private static final String TOPIC_PREFIX = "capture_" + Long.toString(System.currentTimeMillis(), 36);

    // another Kafka to run against instead of the Pinot cluster's: -Dpinotcdc.kafka.bootstrap-servers=host:port
    private static final String KAFKA_PROPERTY = "pinotcdc.kafka.bootstrap-servers";

    private TestingPostgreSql postgres;
    private String kafkaBootstrapServers;
    private DebeziumCapture capture;

    @BeforeAll
    void start()
    {
        postgres = TestingPostgreSql.shared();
        System.out.println("PostgreSQL started in %s ms".formatted(postgres.startTime().toMillis()));
        kafkaBootstrapServers = System.getProperty(KAFKA_PROPERTY, "");
        if (kafkaBootstrapServers.isBlank()) {
            // the Kafka 2.8 broker inside the Pinot cluster's JVM: where the end-to-end tests publish
            PinotTestCluster pinot = PinotTestCluster.shared();
            System.out.println("Pinot cluster with its Kafka started in %s ms".formatted(pinot.startTime().toMillis()));
            kafkaBootstrapServers = pinot.kafkaBootstrapServers();
        }
        postgres.createDatabase(DATABASE);
        // the fixtures' table and the rows of their snapshot
        postgres.execute(DATABASE,
                """
                CREATE TABLE person (
                    id bigserial, customer_id bigint, name text, balance numeric(10,2), birth date, created_at timestamp,
                    updated_at timestamptz, active boolean, attrs jsonb, uid uuid, tags text[], PRIMARY KEY (id, customer_id))
                """,
                """
                INSERT INTO person VALUES
                    (1, 100, 'Alice', 1234.56, '1990-05-17', '2024-01-02 03:04:05.123456', '2024-01-02 03:04:05.123456+02', true,
                     '{"vip": true, "tier": "gold"}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{a,b}'),
                    (2, 100, 'Bob', -0.50, '1969-12-31', '1969-12-31 23:59:59.999999', '1970-01-01 00:00:00+00', false,
                     '[1, 2, {"x": null}]', 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a22', '{}')
                """,
                "CREATE TABLE freshness (id integer PRIMARY KEY, value integer)");
        long startNanos = System.nanoTime();
        capture = DebeziumCapture.builder(postgres, DATABASE, kafkaBootstrapServers)
                .topicPrefix(TOPIC_PREFIX)
                .timePrecisionMode(CONNECT)
                .decimalHandlingMode(PRECISE)
                .start();
        System.out.println("Debezium capture started (snapshot in Kafka) in %s ms".formatted(Duration.ofNanos(System.nanoTime() - startNanos).toMillis()));
    }

    @AfterAll
    void stop()
    {
        if (capture != null) {
            capture.close();
        }
    }

    @Test
    void testEnvelopesMatchRealDebezium()
    {
        postgres.execute(DATABASE,
                """
                INSERT INTO person VALUES (3, 200, 'Carol', 99999999.99, '2000-02-29', '2024-06-30 12:00:00', '2024-06-30 19:00:00.5+00', true,
                    '{"nested": {"a": [1, 2]}}', 'c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a33', ARRAY['x', 'y z', '"q"'])
                """,
                "INSERT INTO person (id, customer_id, name) VALUES (4, 200, 'Dave')",
                "UPDATE person SET name = 'Alice Updated', balance = 0.01, updated_at = '2025-03-04 05:06:07.891+00', tags = '{c}' WHERE id = 1 AND customer_id = 100",
                """
                UPDATE person SET birth = '2001-01-01', created_at = '2001-01-01 00:00:00.000001', active = true, attrs = '{"k": "v"}'
                WHERE id = 4 AND customer_id = 200
                """,
                "UPDATE person SET customer_id = 300 WHERE id = 3 AND customer_id = 200",
                "DELETE FROM person WHERE id = 2 AND customer_id = 100",
                "TRUNCATE person");
        capture.awaitCaughtUp(TIMEOUT);

        List<ConsumerRecord<String, String>> messages;
        try (KafkaTopicReader reader = KafkaTopicReader.fromBeginning(kafkaBootstrapServers, capture.topic("public", "person"))) {
            messages = reader.read(10, TIMEOUT);
        }
        assertThat(messages).hasSize(10);
        assertThat(messages).extracting(message -> payload(message.value()).get("op").asText())
                .containsExactly("r", "r", "c", "c", "u", "u", "d", "c", "d", "t");

        // the same statements as the real Debezium's fixtures, so the same messages but for clocks, LSNs and txIds
        List<JsonNode> fixtureValues = fixture("connect-precise", "");
        List<JsonNode> fixtureKeys = fixture("connect-precise", ".keys");
        for (int i = 0; i < messages.size(); i++) {
            JsonNode key = messages.get(i).key() == null ? null : parse(messages.get(i).key());
            JsonNode value = parse(messages.get(i).value());
            JsonNode expectedKey = fixtureKeys.get(i);
            JsonNode expectedValue = fixtureValues.get(i);

            assertThat(key == null ? JSON.nullNode() : key).as("key %s", i).isEqualTo(expectedKey);
            assertThat(value.get("schema")).as("value schema %s", i).isEqualTo(expectedValue.get("schema"));
            assertThat(fieldNames(value.get("payload"))).isEqualTo(fieldNames(expectedValue.get("payload")));
            for (String field : List.of("op", "before", "after", "transaction")) {
                assertThat(value.get("payload").get(field)).as("payload.%s of message %s", field, i).isEqualTo(expectedValue.get("payload").get(field));
            }
            JsonNode source = value.get("payload").get("source");
            JsonNode expectedSource = expectedValue.get("payload").get("source");
            assertThat(fieldNames(source)).isEqualTo(fieldNames(expectedSource));
            for (String field : List.of("version", "connector", "name", "db", "schema", "table")) {
                assertThat(source.get(field)).as("source.%s of message %s", field, i).isEqualTo(expectedSource.get(field));
            }
            assertThat(source.get("lsn").isIntegralNumber()).isTrue();
            assertThat(source.get("txId").isIntegralNumber()).isTrue();
            assertThat(value.get("payload").get("ts_ms").isIntegralNumber()).isTrue();
            // the snapshot's first/last flags depend on the other tables of the database, so only snapshot or not
            boolean snapshotEvent = value.get("payload").get("op").asText().equals("r");
            assertThat(source.get("snapshot").asText().equals("false")).as("source.snapshot of message %s", i).isEqualTo(!snapshotEvent);
        }

        // the source LSN follows commit order per key: the upsert comparison column downstream
        Map<String, Long> lastLsnPerKey = new HashMap<>();
        for (ConsumerRecord<String, String> message : messages) {
            if (message.key() == null) {
                continue;
            }
            String key = payload(message.key()).toString();
            long lsn = payload(message.value()).get("source").get("lsn").asLong();
            Long previous = lastLsnPerKey.put(key, lsn);
            if (previous != null) {
                assertThat(lsn).as("LSN of key %s", key).isGreaterThan(previous);
            }
        }
        assertThat(lastLsnPerKey).hasSize(5);
    }

    @Test
    void testFreshness()
    {
        int commits = 50;
        String topic = capture.topic("public", "freshness");
        capture.createTopic(topic);
        List<Long> latenciesMillis = new ArrayList<>();
        try (KafkaTopicReader reader = KafkaTopicReader.fromEnd(kafkaBootstrapServers, topic)) {
            for (int i = 0; i < commits; i++) {
                postgres.execute(DATABASE, "INSERT INTO freshness VALUES (%s, %s)".formatted(i, i * 7));
                long committedNanos = System.nanoTime();
                List<ConsumerRecord<String, String>> arrived = reader.read(1, TIMEOUT);
                latenciesMillis.add(Duration.ofNanos(System.nanoTime() - committedNanos).toMillis());
                assertThat(arrived).hasSize(1);
                assertThat(payload(arrived.getFirst().value()).get("after").get("value").asInt()).isEqualTo(i * 7);
            }
        }
        List<Long> sorted = latenciesMillis.stream().sorted().toList();
        long p50 = sorted.get(commits / 2);
        long p95 = sorted.get(commits * 95 / 100);
        System.out.println("Freshness, commit to visible in Kafka over %s commits: p50 %s ms, p95 %s ms, max %s ms".formatted(commits, p50, p95, sorted.getLast()));
        // poll.interval.ms=50: a second means the pipeline is not streaming as configured
        assertThat(p50).isLessThan(1000);
    }

    private static JsonNode payload(String json)
    {
        return parse(json).get("payload");
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

    private static List<String> fieldNames(JsonNode node)
    {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<JsonNode> fixture(String settings, String suffix)
    {
        Path directory = Path.of(System.getProperty("pinotcdc.shared.dir"), "fixtures", "debezium", settings);
        List<JsonNode> messages = new ArrayList<>();
        for (String name : List.of("snapshot", "insert", "update", "pk-change", "delete", "truncate")) {
            try (Stream<String> lines = Files.lines(directory.resolve(name + suffix + ".jsonl"))) {
                // the prefix is in schema names and source.name, nowhere else
                lines.filter(line -> !line.isBlank())
                        .map(line -> line.replace("\"" + FIXTURE_TOPIC_PREFIX + "\"", "\"" + TOPIC_PREFIX + "\"").replace("\"" + FIXTURE_TOPIC_PREFIX + ".", "\"" + TOPIC_PREFIX + "."))
                        .map(TestDebeziumCapture::parse)
                        .forEach(messages::add);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return messages;
    }
}

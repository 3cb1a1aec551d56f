package dev.pinotcdc.trino.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pinotcdc.trino.testing.BrokerResponse;
import dev.pinotcdc.trino.testing.DebeziumFixtures;
import dev.pinotcdc.trino.testing.KafkaMessage;
import dev.pinotcdc.trino.testing.PinotTestCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Tables created from the files {@code PinotCdcTemplates write} writes, in the real Pinot 0.11 cluster, fed with
 * the real Debezium messages of every fixture folder; and {@code check} against them and against a table made the
 * naive way.
 */
@TestInstance(PER_CLASS)
final class TestTemplatesOnRealPinot
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> FIXTURE_FILES = List.of("snapshot", "insert", "update", "pk-change", "delete");
    private static final String PLUGIN_DIR_PROPERTY = "pinotcdc.plugin.dir";
    private static final String TEMPLATES_JAR_PROPERTY = "pinotcdc.templates.jar";

    private PinotTestCluster cluster;

    @TempDir
    Path directory;

    @BeforeAll
    void startCluster()
    {
        cluster = PinotTestCluster.shared();
    }

    @ParameterizedTest
    @ValueSource(strings = {"connect-precise", "connect-precise-replica-full", "adaptive-precise", "adaptive-string"})
    void writtenTemplatesKeepTheLatestStateOfRealMessages(String folder)
            throws IOException
    {
        String table = "tpl_" + folder.replace('-', '_');
        Path sample = Files.writeString(directory.resolve("sample.json"), firstLine(folder, "update"));
        CommandRun write = CommandRun.run("write", "--sample", sample.toString(), "--key", "id,customer_id",
                "--kafka", cluster.kafkaBootstrapServers(), "--table", table, "--topic", table,
                "--promote", "created_at,updated_at,birth,name", "--out", directory.toString(), "--controller", cluster.controllerUrl());
        assertThat(write.exitCode()).as(write.err()).isZero();
        createFromFiles(table);
        List<KafkaMessage> messages = fixtures(folder, FIXTURE_FILES);
        cluster.kafka().send(table, messages);
        cluster.broker().awaitDocumentCount(table, messages.size());

        BrokerResponse response = cluster.broker().query("SELECT id, customer_id, op, created_at, updated_at, birth, name, source FROM %s LIMIT 100".formatted(table));
        Map<String, JsonNode> rows = new TreeMap<>();
        for (JsonNode row : response.rows()) {
            assertThat(rows.put(row.get(0).asText() + "/" + row.get(1).asText(), row)).as("one row per key").isNull();
        }
        // the delete overwrote its own key, and so did the first half of the primary-key change (3,200 -> 3,300)
        assertThat(rows).containsOnlyKeys("1/100", "2/100", "3/200", "3/300", "4/200");
        assertThat(rows.get("2/100").get(2).asText()).isEqualTo("d");
        assertThat(rows.get("3/200").get(2).asText()).isEqualTo("d");
        assertThat(rows.get("3/300").get(2).asText()).isEqualTo("c");
        assertThat(cluster.broker().query("SELECT id, customer_id FROM %s WHERE op NOT IN ('d', 't') ORDER BY id, customer_id LIMIT 100".formatted(table)).resultTable().path("rows").toString())
                .isEqualTo("[[1,100],[3,300],[4,200]]");

        // promoted columns hold the JSON's value, temporal ones as epoch numbers in the unit their format states
        boolean connect = folder.startsWith("connect");
        JsonNode alice = rows.get("1/100");
        assertThat(alice.get(3).asLong()).isEqualTo(connect ? 1704164645123L : 1704164645123456L);
        assertThat(alice.get(4).asLong()).isEqualTo(epochMicros("2025-03-04T05:06:07.891Z"));
        assertThat(alice.get(5).asLong()).isEqualTo(7441);
        assertThat(alice.get(6).asText()).isEqualTo("Alice Updated");
        for (String key : List.of("1/100", "3/300", "4/200")) {
            JsonNode row = rows.get(key);
            JsonNode source = MAPPER.readTree(row.get(7).asText());
            assertThat(row.get(3).asLong()).as(key).isEqualTo(source.get("created_at").asLong());
            assertThat(row.get(5).asLong()).as(key).isEqualTo(source.get("birth").asLong());
            if (source.hasNonNull("updated_at")) {
                assertThat(row.get(4).asLong()).as(key).isEqualTo(epochMicros(source.get("updated_at").asText()));
            }
        }
        // Dave's updated_at is NULL in PostgreSQL: null in the promoted column too, not a stand-in number
        assertThat(cluster.broker().query("SELECT id FROM %s WHERE updated_at IS NULL AND op <> 'd'".formatted(table)).resultTable().path("rows").toString()).isEqualTo("[[4]]");

        JsonNode schema = cluster.controller().schema(table);
        assertThat(schema.path("dateTimeFieldSpecs").toString()).contains(connect ? "1:MILLISECONDS:EPOCH\",\"granularity\":\"1:MILLISECONDS\"}" : "1:MICROSECONDS:EPOCH");

        CommandRun check = CommandRun.run("check", "--controller", cluster.controllerUrl(), "--table", table);
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("Table '%s': nothing wrong found.".formatted(table)).doesNotContain("ERROR", "WARNING");
    }

    /**
     * Pinot 0.11 drops a record whose transform throws: the promoted ZonedTimestamp's transform must take every value
     * Debezium can send. In range, the native column holds the exact epoch microseconds; infinities hold Debezium's
     * infinite MicroTimestamp numbers; what no LONG of microseconds holds is NULL there (read from source).
     */
    @Test
    void promotedZonedTimestampKeepsEveryRecord()
            throws IOException
    {
        String table = "tpl_zoned_edges";
        Path sample = Files.writeString(directory.resolve("zoned.json"), firstLine("adaptive-precise", "insert"));
        CommandRun write = CommandRun.run("write", "--sample", sample.toString(), "--key", "id,customer_id",
                "--kafka", cluster.kafkaBootstrapServers(), "--table", table, "--topic", table,
                "--promote", "updated_at", "--out", directory.toString(), "--controller", cluster.controllerUrl());
        assertThat(write.exitCode()).as(write.err()).isZero();
        createFromFiles(table);

        List<String> values = new ArrayList<>(List.of(
                "9999-12-31T23:59:59.999999Z", "0001-01-01T00:00:00Z", "-4712-01-01T00:00:00Z", "1677-09-21T00:12:43.145224Z",
                "2262-04-11T23:47:16.854776Z", "1969-12-31T23:59:59.999999Z", "+294247-01-10T04:00:54.775807Z",
                "+294247-01-10T04:00:54.775808Z", "+294276-12-31T23:59:59.999999Z", "infinity", "-infinity", "not a time"));
        String template = firstLine("adaptive-precise", "insert");
        List<KafkaMessage> messages = new ArrayList<>();
        Map<Long, String> sent = new TreeMap<>();
        for (int index = 0; index <= values.size() + 1; index++) {
            long id = 1000 + index;
            ObjectNode message = (ObjectNode) MAPPER.readTree(template);
            ObjectNode after = (ObjectNode) message.path("payload").path("after");
            after.put("id", id);
            if (index < values.size()) {
                after.put("updated_at", values.get(index));
                sent.put(id, values.get(index));
            }
            else if (index == values.size()) {
                after.putNull("updated_at");
            }
            else {
                after.remove("updated_at");
            }
            messages.add(KafkaMessage.of("{\"id\":%d,\"customer_id\":%d}".formatted(id, after.path("customer_id").asLong()), MAPPER.writeValueAsString(message)));
        }
        cluster.kafka().send(table, messages);
        cluster.broker().awaitDocumentCount(table, messages.size());

        BrokerResponse response = cluster.broker().query("SELECT id, updated_at FROM %s WHERE updated_at IS NOT NULL LIMIT 100".formatted(table));
        Map<Long, Long> stored = new TreeMap<>();
        for (JsonNode row : response.rows()) {
            stored.put(row.get(0).asLong(), row.get(1).asLong());
        }
        Map<Long, Long> expected = new TreeMap<>();
        sent.forEach((id, text) -> {
            switch (text) {
                case "infinity" -> expected.put(id, 9223372036825200000L);
                case "-infinity" -> expected.put(id, -9223372036832400000L);
                default -> {
                    try {
                        Instant instant = Instant.parse(text);
                        expected.put(id, Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000));
                    }
                    catch (RuntimeException e) {
                        // beyond a LONG of microseconds, or not a time: NULL in the native column
                    }
                }
            }
        });
        assertThat(stored).isEqualTo(expected);
        assertThat(expected).containsKey(1000L).hasSizeLessThan(sent.size());
    }

    @Test
    void checkFindsTheDeletePitfallOfANaiveTable()
            throws IOException
    {
        String table = "tpl_naive";
        cluster.kafka().createTopic(table);
        cluster.controller().addSchema(MAPPER.readTree("""
                {"schemaName": "tpl_naive",
                 "dimensionFieldSpecs": [{"name": "id", "dataType": "LONG"}, {"name": "customer_id", "dataType": "LONG"},
                                         {"name": "source", "dataType": "JSON"}, {"name": "op", "dataType": "STRING"}],
                 "dateTimeFieldSpecs": [{"name": "ts_ms", "dataType": "LONG", "format": "1:MILLISECONDS:EPOCH", "granularity": "1:MILLISECONDS"}],
                 "primaryKeyColumns": ["id", "customer_id"]}
                """));
        cluster.controller().addTable(MAPPER.readTree("""
                {"tableName": "tpl_naive", "tableType": "REALTIME",
                 "segmentsConfig": {"schemaName": "tpl_naive", "timeColumnName": "ts_ms", "replication": "1", "replicasPerPartition": "1"},
                 "tenants": {},
                 "tableIndexConfig": {"loadMode": "MMAP", "streamConfigs": {
                   "streamType": "kafka", "stream.kafka.consumer.type": "lowlevel", "stream.kafka.topic.name": "tpl_naive",
                   "stream.kafka.broker.list": "%s",
                   "stream.kafka.decoder.class.name": "org.apache.pinot.plugin.stream.kafka.KafkaJSONMessageDecoder",
                   "stream.kafka.consumer.factory.class.name": "org.apache.pinot.plugin.stream.kafka20.KafkaConsumerFactory",
                   "stream.kafka.consumer.prop.auto.offset.reset": "smallest"}},
                 "ingestionConfig": {"transformConfigs": [
                   {"columnName": "id", "transformFunction": "jsonPath(payload, '$.after.id')"},
                   {"columnName": "customer_id", "transformFunction": "jsonPath(payload, '$.after.customer_id')"},
                   {"columnName": "source", "transformFunction": "jsonFormat(jsonPath(payload, '$.after'))"},
                   {"columnName": "op", "transformFunction": "jsonPath(payload, '$.op')"},
                   {"columnName": "ts_ms", "transformFunction": "jsonPath(payload, '$.ts_ms')"}]},
                 "upsertConfig": {"mode": "FULL"},
                 "routing": {"instanceSelectorType": "strictReplicaGroup"},
                 "metadata": {}}
                """.formatted(cluster.kafkaBootstrapServers())));
        List<KafkaMessage> messages = fixtures("connect-precise", List.of("snapshot", "delete"));
        cluster.kafka().send(table, messages);
        cluster.broker().awaitDocumentCount(table, messages.size());
        // the pitfall, for real: the delete of (2, 100) landed on a default key and (2, 100) is still there
        String rows = cluster.broker().query("SELECT id, customer_id, op FROM tpl_naive ORDER BY id LIMIT 10").resultTable().path("rows").toString();
        assertThat(rows).isEqualTo("[[%1$s,%1$s,\"d\"],[1,100,\"r\"],[2,100,\"r\"]]".formatted(Long.MIN_VALUE));

        CommandRun check = CommandRun.run("check", "--controller", cluster.controllerUrl(), "--table", table);
        assertThat(check.exitCode()).isEqualTo(PinotCdcTemplates.EXIT_CHECK_FAILED);
        assertThat(check.out())
                .contains("ERROR: Primary-key column 'id' is read only from Debezium's 'after' image (transform: jsonPath(payload, '$.after.id'))")
                .contains("ERROR: Primary-key column 'customer_id' is read only from Debezium's 'after' image")
                .contains("deleted rows stay visible")
                .contains("ERROR: The upsert comparison column is ts_ms")
                .contains("WARNING: Column 'source' has no JSON index.")
                .contains("problems found.");
    }

    @Test
    void checkOfAMissingTableIsAClearError()
    {
        CommandRun check = CommandRun.run("check", "--controller", cluster.controllerUrl(), "--table", "tpl_no_such_table");
        assertThat(check.exitCode()).isEqualTo(PinotCdcTemplates.EXIT_USAGE);
        assertThat(check.err()).contains("tpl_no_such_table").doesNotContain("\tat ");
    }

    @Test
    void theCommandRunsFromItsJar()
            throws IOException, InterruptedException
    {
        String jar = System.getProperty(TEMPLATES_JAR_PROPERTY);
        assertThat(jar).as("system property " + TEMPLATES_JAR_PROPERTY).isNotNull();
        assertThat(Path.of(jar).resolveSibling("lib").resolve("postgresql-42.7.11.jar")).exists();
        // the command is no part of the plugin, and neither is its PostgreSQL driver
        String pluginDirectory = System.getProperty(PLUGIN_DIR_PROPERTY);
        assertThat(pluginDirectory).as("system property " + PLUGIN_DIR_PROPERTY).isNotNull();
        try (var jars = Files.list(Path.of(pluginDirectory))) {
            assertThat(jars.map(file -> file.getFileName().toString())).noneMatch(name -> name.startsWith("postgresql") || name.startsWith("trino-pinot-cdc-templates"));
        }

        String table = "tpl_packaged";
        Path sample = Files.writeString(directory.resolve("packaged.json"), firstLine("adaptive-precise", "snapshot"));
        ProcessResult write = runPackaged(jar, "write", "--sample", sample.toString(), "--key", "id,customer_id",
                "--kafka", cluster.kafkaBootstrapServers(), "--table", table, "--out", directory.toString());
        assertThat(write.exitCode()).as(write.output()).isZero();
        assertThat(write.output()).contains("promoted: created_at (1:MICROSECONDS:EPOCH)");
        createFromFiles(table);

        ProcessResult check = runPackaged(jar, "check", "--controller", cluster.controllerUrl(), "--table", table);
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("nothing wrong found");

        ProcessResult mistake = runPackaged(jar, "write", "--sample", sample.toString());
        assertThat(mistake.exitCode()).isEqualTo(PinotCdcTemplates.EXIT_USAGE);
        assertThat(mistake.output()).contains("Error: 'write --sample' needs --key").doesNotContain("Exception");
    }

    private void createFromFiles(String table)
            throws IOException
    {
        cluster.kafka().createTopic(table);
        cluster.controller().addSchema(MAPPER.readTree(directory.resolve(table + "-schema.json").toFile()));
        cluster.controller().addTable(MAPPER.readTree(directory.resolve(table + "-table-config.json").toFile()));
    }

    private static ProcessResult runPackaged(String jar, String... arguments)
            throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-jar", jar));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new ProcessResult(process.exitValue(), output);
    }

    private record ProcessResult(int exitCode, String output) {}

    private static List<KafkaMessage> fixtures(String folder, List<String> files)
    {
        List<KafkaMessage> messages = new ArrayList<>();
        files.forEach(file -> messages.addAll(DebeziumFixtures.read(folder, file)));
        return messages;
    }

    private static String firstLine(String folder, String file)
    {
        return TestPinotCdcTemplatesCommand.readFixture(folder, file).lines().findFirst().orElseThrow();
    }

    private static long epochMicros(String isoInstant)
    {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(isoInstant));
    }
}

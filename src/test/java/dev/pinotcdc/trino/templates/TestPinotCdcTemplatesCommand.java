package dev.pinotcdc.trino.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.pinotcdc.trino.testing.DebeziumFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command's arguments: what it writes and prints, and how it answers mistakes (a message, exit code 2, no
 * stack trace).
 */
final class TestPinotCdcTemplatesCommand
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void writesBothFilesAndPrintsTheCurlCommands()
            throws IOException
    {
        Path sample = sample("adaptive-precise", "insert");
        Path out = directory.resolve("out dir");
        CommandRun run = CommandRun.run("write", "--sample", sample.toString(), "--key", "id,customer_id", "--kafka", "kafka:9092",
                "--out", out.toString(), "--controller", "http://pinot:9000/");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        // table and topic come from the envelope's name, user_service.public.person.Envelope
        JsonNode schema = MAPPER.readTree(out.resolve("person-schema.json").toFile());
        JsonNode config = MAPPER.readTree(out.resolve("person-table-config.json").toFile());
        assertThat(schema.path("schemaName").asText()).isEqualTo("person");
        assertThat(config.path("tableIndexConfig").path("streamConfigs").path("stream.kafka.topic.name").asText()).isEqualTo("user_service.public.person");
        assertThat(schema.path("primaryKeyColumns").toString()).isEqualTo("[\"id\",\"customer_id\"]");
        assertThat(transforms(config)).containsKeys("id", "customer_id", "source", "op", "ts_ms", "lsn", "source_schema", "created_at");

        assertThat(run.out()).contains("promoted: created_at (1:MICROSECONDS:EPOCH)");
        assertThat(run.out()).contains("controller.disable.ingestion.groovy=false");
        assertThat(run.out()).contains("curl -sS -X POST -H 'Content-Type: application/json' --data-binary @'" + out.resolve("person-schema.json") + "' http://pinot:9000/schemas");
        assertThat(run.out()).contains("--data-binary @'" + out.resolve("person-table-config.json") + "' http://pinot:9000/tables");
    }

    @Test
    void optionsReachTheTemplate()
            throws IOException
    {
        CommandRun run = CommandRun.run("write", "--sample", sample("connect-precise", "delete").toString(), "--key", "id",
                "--kafka=k:1", "--table", "people", "--topic", "cdc.people", "--promote", "updated_at,birth", "--append-only",
                "--without-value-schema", "--out", directory.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode schema = MAPPER.readTree(directory.resolve("people-schema.json").toFile());
        JsonNode config = MAPPER.readTree(directory.resolve("people-table-config.json").toFile());
        assertThat(config.has("upsertConfig")).isFalse();
        assertThat(schema.toString()).doesNotContain("source_schema");
        assertThat(schema.path("dateTimeFieldSpecs").toString()).contains("updated_at", "birth", "1:DAYS:EPOCH");
        assertThat(config.path("tableIndexConfig").path("streamConfigs").path("stream.kafka.topic.name").asText()).isEqualTo("cdc.people");
        assertThat(run.out()).contains("append-only");
    }

    @Test
    void pinot1xAndNoPromotion()
            throws IOException
    {
        CommandRun run = CommandRun.run("write", "--sample", sample("connect-precise", "snapshot").toString(), "--key", "id", "--kafka", "k:1",
                "--pinot-version", "1.x", "--promote", "", "--out", directory.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode config = MAPPER.readTree(directory.resolve("person-table-config.json").toFile());
        assertThat(config.path("_comment").asText()).contains("NOT been tested");
        assertThat(config.path("upsertConfig").path("deleteRecordColumn").asText()).isEqualTo("_deleted");
        assertThat(run.out()).contains("promoted: none").contains("NOT been tested").doesNotContain("Groovy");
    }

    @Test
    void mistakesGetAMessageAndExitCode2()
            throws IOException
    {
        String sample = sample("connect-precise", "insert").toString();
        assertMistake(CommandRun.run(), "Usage:");
        assertMistake(CommandRun.run("frobnicate"), "Unknown command 'frobnicate'");
        assertMistake(CommandRun.run("write", "--sample", sample, "--key", "id"), "needs --kafka");
        assertMistake(CommandRun.run("write", "--sample", sample, "--kafka", "k:1"), "needs --key");
        assertMistake(CommandRun.run("write", "--kafka", "k:1"), "exactly one of --sample FILE");
        assertMistake(CommandRun.run("write", "--sample", sample, "--jdbc-url", "jdbc:postgresql://h/db", "--kafka", "k:1"), "exactly one of --sample FILE");
        assertMistake(CommandRun.run("write", "--sample", sample, "--key", "id", "--kafka", "k:1", "--colour", "red"), "Unknown option --colour for 'write'");
        assertMistake(CommandRun.run("write", "--sample", sample, "--key", "id", "--kafka"), "Option --kafka of 'write' needs a value");
        assertMistake(CommandRun.run("write", "--sample", sample, "--key", "id", "--key", "id", "--kafka", "k:1"), "Option --key is given twice");
        assertMistake(CommandRun.run("write", "--sample", sample, "--key", "id", "--kafka", "k:1", "--append-only=yes"), "--append-only of 'write' takes no value");
        assertMistake(CommandRun.run("write", "--sample", sample, "--key", "id", "--kafka", "k:1", "stray"), "unexpected argument 'stray'");
        assertMistake(CommandRun.run("write", "--sample", sample, "--key", "nope", "--kafka", "k:1"), "Primary-key field 'nope' is not a field of the row");
        assertMistake(CommandRun.run("write", "--sample", sample, "--key", "id", "--kafka", "k:1", "--pinot-version", "2.0"), "Unknown Pinot version '2.0'");
        assertMistake(CommandRun.run("write", "--sample", sample, "--key", "id", "--kafka", "k:1", "--promote", "tags"), "Field 'tags' (array) cannot be promoted");
        assertMistake(CommandRun.run("write", "--sample", sample, "--key", "id", "--kafka", "k:1", "--pg-table", "person"), "--pg-table goes with --jdbc-url");
        assertMistake(CommandRun.run("write", "--sample", directory.resolve("missing.json").toString(), "--key", "id", "--kafka", "k:1"), "Cannot read the sample message");
        assertMistake(CommandRun.run("write", "--jdbc-url", "jdbc:mysql://h/db", "--pg-table", "t", "--kafka", "k:1"), "Not a PostgreSQL JDBC URL");
        assertMistake(CommandRun.run("check", "--table", "t"), "needs --controller");
        assertMistake(CommandRun.run("check", "--table", "t", "--controller", "pinot:9000"), "Invalid controller URL 'pinot:9000'");
        assertMistake(CommandRun.run("check", "--table", "t", "--controller", "http://pinot:9000", "--token-env", "NO_SUCH_TOKEN"), "--token-env NO_SUCH_TOKEN: the environment variable is not set");
        assertMistake(CommandRun.run("check", "--table", "t", "--controller", "http://pinot:9000", "--password", "p"), "--password goes with --user");
        assertMistake(CommandRun.run("check", "--table", "t", "--controller", "https://pinot:9443", "--truststore", directory.resolve("missing.jks").toString()), "Cannot load the JKS truststore");

        Path notDebezium = Files.writeString(directory.resolve("flat.json"), "{\"id\": 1, \"name\": \"x\"}");
        assertMistake(CommandRun.run("write", "--sample", notDebezium.toString(), "--key", "id", "--kafka", "k:1"), "not a Debezium message with its schema");
        Path broken = Files.writeString(directory.resolve("broken.json"), "{\"schema\": ");
        assertMistake(CommandRun.run("write", "--sample", broken.toString(), "--key", "id", "--kafka", "k:1"), "Invalid JSON");
    }

    @Test
    void helpGoesToStandardOutput()
    {
        CommandRun run = CommandRun.run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("write (--sample FILE", "--pinot-version V", "check --controller URL[,URL...] --table NAME", "--truststore FILE");
    }

    @Test
    void shellQuoting()
    {
        assertThat(PinotCdcTemplates.shellQuote("/tmp/a-b_c.json")).isEqualTo("/tmp/a-b_c.json");
        assertThat(PinotCdcTemplates.shellQuote("/tmp/it's here")).isEqualTo("'/tmp/it'\\''s here'");
    }

    @Test
    void samplesOfEveryFixtureFolderGiveTheRowTypes()
    {
        for (String folder : List.of("connect-precise", "connect-precise-replica-full", "adaptive-precise", "adaptive-string")) {
            for (String file : List.of("snapshot", "insert", "update", "pk-change", "delete", "truncate")) {
                DebeziumSample sample = DebeziumSample.parse(readFixture(folder, file));
                assertThat(sample.fields()).extracting(RowField::name)
                        .as("%s/%s", folder, file)
                        .containsExactly("id", "customer_id", "name", "balance", "birth", "created_at", "updated_at", "active", "attrs", "uid", "tags");
                assertThat(sample.topic()).contains("user_service.public.person");
                assertThat(sample.tableName()).contains("person");
                RowField createdAt = sample.fields().get(5);
                assertThat(createdAt.type().semanticName()).contains(folder.startsWith("connect") ? DebeziumType.CONNECT_TIMESTAMP : DebeziumType.MICRO_TIMESTAMP);
                assertThat(sample.fields().get(3).type().connectType()).isEqualTo(folder.equals("adaptive-string") ? "string" : "bytes");
            }
        }
    }

    private static void assertMistake(CommandRun run, String message)
    {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(PinotCdcTemplates.EXIT_USAGE);
        assertThat(run.err()).contains(message);
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }

    private Path sample(String folder, String file)
            throws IOException
    {
        return Files.writeString(directory.resolve(folder + "-" + file + ".json"), readFixture(folder, file).lines().findFirst().orElseThrow());
    }

    static String readFixture(String folder, String file)
    {
        try {
            return Files.readString(DebeziumFixtures.directory(folder).resolve(file + ".jsonl"));
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void checkSpeaksToTheControllerWithItsCredentials()
            throws IOException
    {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer controller = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        controller.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{\"code\": 401, \"error\": \"HTTP 401 Unauthorized\"}".getBytes(UTF_8);
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        controller.start();
        try {
            String url = "http://127.0.0.1:" + controller.getAddress().getPort();
            CommandRun token = CommandRun.run(Map.of("PINOT_TOKEN", "tok-7"), "check", "--controller", url, "--table", "orders", "--token-env", "PINOT_TOKEN");
            assertMistake(token, "Pinot controller %s/tables/orders/schema answered HTTP 401 for the schema of table 'orders': HTTP 401: HTTP 401 Unauthorized".formatted(url));
            CommandRun basic = CommandRun.run(Map.of("PINOT_PASSWORD", "s3cret"), "check", "--controller", url, "--table", "orders", "--user", "admin");
            assertThat(basic.exitCode()).isEqualTo(PinotCdcTemplates.EXIT_USAGE);
            assertThat(authorizations).containsExactly(
                    "Bearer tok-7",
                    "Basic " + Base64.getEncoder().encodeToString("admin:s3cret".getBytes(UTF_8)));
        }
        finally {
            controller.stop(0);
        }
    }

    private static Map<String, String> transforms(JsonNode tableConfig)
    {
        Map<String, String> transforms = new LinkedHashMap<>();
        tableConfig.path("ingestionConfig").path("transformConfigs")
                .forEach(transform -> transforms.put(transform.path("columnName").asText(), transform.path("transformFunction").asText()));
        return transforms;
    }
}

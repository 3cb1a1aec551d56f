package dev.pinotcdc.trino.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinotcdc.trino.templates.DebeziumSettings.DecimalHandlingMode;
import dev.pinotcdc.trino.templates.DebeziumSettings.TimePrecisionMode;
import dev.pinotcdc.trino.testing.TestingPostgreSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * {@code write} from a real PostgreSQL table's definition.
 */
@TestInstance(PER_CLASS)
final class TestPostgreSqlTemplates
{
    private static final String DATABASE = "templates";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestingPostgreSql postgres;

    @TempDir
    Path directory;

    @BeforeAll
    void createTables()
    {
        postgres = TestingPostgreSql.shared();
        postgres.createDatabase(DATABASE);
        postgres.execute(DATABASE,
                "CREATE SCHEMA shop",
                """
                CREATE TABLE shop.orders (
                    region text,
                    order_no bigint,
                    qty smallint,
                    n integer,
                    price numeric(10, 2),
                    ratio numeric,
                    weight real,
                    score double precision,
                    paid boolean,
                    placed date,
                    created_at timestamp,
                    created_ms timestamp(3),
                    updated_at timestamptz,
                    at_time time,
                    uid uuid,
                    attrs jsonb,
                    tags text[],
                    blob bytea,
                    waited interval,
                    "odd name's" varchar(20),
                    PRIMARY KEY (order_no, region))
                """,
                "CREATE TABLE no_key (a int)");
    }

    @Test
    void readsColumnsAsDebeziumEncodesThem()
    {
        PostgreSqlTable table = PostgreSqlTable.read(postgres.jdbcUrl(DATABASE), Optional.of(postgres.user()), Optional.of(postgres.password()), "shop.orders", DebeziumSettings.DEFAULTS);
        // key order is the constraint's, not the columns'
        assertThat(table.primaryKey()).containsExactly("order_no", "region");
        Map<String, String> types = new LinkedHashMap<>();
        table.fields().forEach(field -> types.put(field.name(), field.type().toString()));
        assertThat(types).containsExactly(
                Map.entry("region", "string"),
                Map.entry("order_no", "int64"),
                Map.entry("qty", "int16"),
                Map.entry("n", "int32"),
                Map.entry("price", "bytes/org.apache.kafka.connect.data.Decimal"),
                Map.entry("ratio", "struct/io.debezium.data.VariableScaleDecimal"),
                Map.entry("weight", "float32"),
                Map.entry("score", "float64"),
                Map.entry("paid", "boolean"),
                Map.entry("placed", "int32/io.debezium.time.Date"),
                Map.entry("created_at", "int64/io.debezium.time.MicroTimestamp"),
                Map.entry("created_ms", "int64/io.debezium.time.Timestamp"),
                Map.entry("updated_at", "string/io.debezium.time.ZonedTimestamp"),
                Map.entry("at_time", "int64/io.debezium.time.MicroTime"),
                Map.entry("uid", "string/io.debezium.data.Uuid"),
                Map.entry("attrs", "string/io.debezium.data.Json"),
                Map.entry("tags", "array"),
                Map.entry("blob", "bytes"),
                Map.entry("waited", "int64/io.debezium.time.MicroDuration"),
                Map.entry("odd name's", "string"));

        PostgreSqlTable connect = PostgreSqlTable.read(postgres.jdbcUrl(DATABASE), Optional.of(postgres.user()), Optional.of(postgres.password()), "shop.orders",
                new DebeziumSettings(TimePrecisionMode.CONNECT, DecimalHandlingMode.STRING));
        Map<String, String> connectTypes = new LinkedHashMap<>();
        connect.fields().forEach(field -> connectTypes.put(field.name(), field.type().toString()));
        assertThat(connectTypes)
                .containsEntry("created_at", "int64/org.apache.kafka.connect.data.Timestamp")
                .containsEntry("placed", "int32/org.apache.kafka.connect.data.Date")
                .containsEntry("at_time", "int32/org.apache.kafka.connect.data.Time")
                .containsEntry("price", "string")
                .containsEntry("ratio", "string");
    }

    @Test
    void writeFromThePostgreSqlDefinition()
            throws IOException
    {
        CommandRun run = CommandRun.run(Map.of("PGPASSWORD", postgres.password()),
                "write", "--jdbc-url", postgres.jdbcUrl(DATABASE), "--user", postgres.user(), "--pg-table", "shop.orders",
                "--topic", "shop_db.shop.orders", "--kafka", "kafka:9092", "--promote", "created_at,updated_at,placed,score,odd name's",
                "--out", directory.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode schema = MAPPER.readTree(directory.resolve("orders-schema.json").toFile());
        JsonNode config = MAPPER.readTree(directory.resolve("orders-table-config.json").toFile());

        assertThat(schema.path("schemaName").asText()).isEqualTo("orders");
        assertThat(schema.path("primaryKeyColumns").toString()).isEqualTo("[\"order_no\",\"region\"]");
        Map<String, String> dimensions = new LinkedHashMap<>();
        schema.path("dimensionFieldSpecs").forEach(spec -> dimensions.put(spec.path("name").asText(), spec.path("dataType").asText()));
        assertThat(dimensions).containsEntry("order_no", "LONG").containsEntry("region", "STRING")
                .containsEntry("score", "DOUBLE").containsEntry("odd name's", "STRING");
        Map<String, String> formats = new LinkedHashMap<>();
        schema.path("dateTimeFieldSpecs").forEach(spec -> formats.put(spec.path("name").asText(), spec.path("format").asText()));
        assertThat(formats).containsExactly(
                Map.entry("ts_ms", "1:MILLISECONDS:EPOCH"),
                Map.entry("created_at", "1:MICROSECONDS:EPOCH"),
                Map.entry("updated_at", "1:MICROSECONDS:EPOCH"),
                Map.entry("placed", "1:DAYS:EPOCH"));
        assertThat(config.path("tableIndexConfig").path("streamConfigs").path("stream.kafka.topic.name").asText()).isEqualTo("shop_db.shop.orders");
        assertThat(transforms(config).get("odd name's")).isEqualTo("Groovy({payload.after?.get('odd name\\'s')}, payload)");

        // by default the first timestamp column is promoted; with time.precision.mode=connect it counts milliseconds
        CommandRun defaults = CommandRun.run("write", "--jdbc-url", postgres.jdbcUrl(DATABASE), "--user", postgres.user(), "--password", postgres.password(),
                "--pg-table", "shop.orders", "--table", "orders_connect", "--topic", "t", "--kafka", "kafka:9092",
                "--time-precision-mode", "connect", "--out", directory.toString());
        assertThat(defaults.exitCode()).as(defaults.err()).isZero();
        assertThat(defaults.out()).contains("promoted: created_at (1:MILLISECONDS:EPOCH)");
    }

    @Test
    void postgreSqlMistakes()
    {
        String url = postgres.jdbcUrl(DATABASE);
        CommandRun noKey = CommandRun.run("write", "--jdbc-url", url, "--user", postgres.user(), "--password", postgres.password(),
                "--pg-table", "no_key", "--topic", "t", "--kafka", "k:1", "--out", directory.toString());
        assertThat(noKey.exitCode()).isEqualTo(PinotCdcTemplates.EXIT_USAGE);
        assertThat(noKey.err()).contains("public.no_key has no primary key: pass --key");

        CommandRun missing = CommandRun.run("write", "--jdbc-url", url, "--user", postgres.user(), "--password", postgres.password(),
                "--pg-table", "shop.nothing", "--topic", "t", "--kafka", "k:1");
        assertThat(missing.err()).contains("PostgreSQL has no table shop.nothing");

        CommandRun wrongDatabase = CommandRun.run("write", "--jdbc-url", postgres.jdbcUrl("no_such_database"), "--user", postgres.user(), "--password", postgres.password(),
                "--pg-table", "shop.orders", "--topic", "t", "--kafka", "k:1");
        assertThat(wrongDatabase.exitCode()).isEqualTo(PinotCdcTemplates.EXIT_USAGE);
        assertThat(wrongDatabase.err()).contains("Cannot read table shop.orders").contains("no_such_database").doesNotContain("\tat ");

        CommandRun badMode = CommandRun.run("write", "--jdbc-url", url, "--pg-table", "shop.orders", "--topic", "t", "--kafka", "k:1", "--time-precision-mode", "exact");
        assertThat(badMode.err()).contains("Unknown time.precision.mode 'exact': use one of adaptive, adaptive_time_microseconds, connect");
    }

    private static Map<String, String> transforms(JsonNode tableConfig)
    {
        Map<String, String> transforms = new LinkedHashMap<>();
        tableConfig.path("ingestionConfig").path("transformConfigs")
                .forEach(transform -> transforms.put(transform.path("columnName").asText(), transform.path("transformFunction").asText()));
        return transforms;
    }
}

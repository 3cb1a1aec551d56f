package dev.pinotcdc.trino.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinotcdc.trino.templates.DebeziumType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the harness against the real Pinot 0.11 cluster, and pins down what Pinot does with Debezium's messages.
 */
final class TestPinotTestCluster
{
    private static final String FIXTURES = "connect-precise";

    private static PinotTestCluster cluster;

    @BeforeAll
    static void startCluster()
    {
        cluster = PinotTestCluster.shared();
        System.out.printf("Pinot test cluster started in %s ms (log: %s)%n", cluster.startTime().toMillis(), cluster.logFile());
    }

    @Test
    void servesOnLoopbackOnly()
    {
        for (String url : List.of(cluster.controllerUrl(), cluster.brokerUrl())) {
            assertThat(URI.create(url).getHost()).isEqualTo("127.0.0.1");
        }
        assertThat(cluster.kafkaBootstrapServers()).startsWith("127.0.0.1:");
        assertThat(cluster.broker().query("SELECT 1").singleLong()).isEqualTo(1);
    }

    @Test
    void upsertTableKeepsNewestVersionOfEachKey()
    {
        DebeziumCdcTable person = personTable("person_upsert").create(cluster);
        person.sendAndAwait(fixtures("snapshot", "insert", "update", "delete"));

        Map<String, JsonNode> latest = rowsByKey(cluster.broker().query("SELECT id, customer_id, op, lsn, source FROM person_upsert LIMIT 100"));
        assertThat(latest).containsOnlyKeys("1/100", "2/100", "3/200", "4/200");

        JsonNode updated = latest.get("1/100");
        assertThat(updated.get(2).asText()).isEqualTo("u");
        assertThat(updated.get(3).asLong()).isEqualTo(31043744L);
        assertThat(json(updated.get(4)).get("name").asText()).isEqualTo("Alice Updated");

        // the delete overwrote its own key (taken from "before"); it did not collapse onto a default key
        JsonNode deleted = latest.get("2/100");
        assertThat(deleted.get(2).asText()).isEqualTo("d");
        assertThat(deleted.get(3).asLong()).isEqualTo(31044576L);
        assertThat(deleted.get(4).asText()).isEqualTo("null");
        assertThat(cluster.broker().query("SELECT COUNT(*) FROM person_upsert WHERE source IS NULL").singleLong()).isEqualTo(1);

        assertThat(latest.get("3/200").get(2).asText()).isEqualTo("c");
        assertThat(json(latest.get("4/200").get(4)).get("birth").asInt()).isEqualTo(11323);

        // every version is still there for skipUpsert
        assertThat(cluster.broker().query("SELECT COUNT(*) FROM person_upsert", Map.of("skipUpsert", "true")).singleLong()).isEqualTo(7);
    }

    @Test
    void sourceHoldsTheAfterImageAsPinotDecodedIt()
    {
        DebeziumCdcTable person = personTable("person_source").create(cluster);
        person.sendAndAwait(fixtures("snapshot", "insert"));
        Map<String, JsonNode> rows = rowsByKey(cluster.broker().query("SELECT id, customer_id, source FROM person_source LIMIT 100"));

        JsonNode alice = json(rows.get("1/100").get(2));
        assertThat(alice.get("name").asText()).isEqualTo("Alice");
        assertThat(alice.get("balance").asText()).isEqualTo("AeJA");
        assertThat(alice.get("birth").asInt()).isEqualTo(7441);
        assertThat(alice.get("created_at").asLong()).isEqualTo(1704164645123L);
        assertThat(alice.get("attrs").asText()).isEqualTo("{\"vip\": true, \"tier\": \"gold\"}");
        assertThat(alice.get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        // Pinot 0.11's JSON decoder turns booleans into strings
        assertThat(alice.get("active").isTextual()).isTrue();
        assertThat(alice.get("active").asText()).isEqualTo("true");

        // ... drops empty arrays (Bob's tags are [])
        JsonNode bob = json(rows.get("2/100").get(2));
        assertThat(bob.has("tags")).isFalse();
        // ... and drops null fields (Dave's row is all NULL but its key)
        JsonNode dave = json(rows.get("4/200").get(2));
        assertThat(fieldNames(dave)).containsExactlyInAnyOrder("id", "customer_id", "name");
    }

    @Test
    void rawMessageDecodingKeepsTheAfterImageExactly()
    {
        DebeziumCdcTable person = personTable("person_raw").decoding(CdcMessageDecoding.RAW_MESSAGE_TEXT).create(cluster);
        person.sendAndAwait(fixtures("snapshot", "insert", "update", "delete", "truncate"));
        Map<String, JsonNode> rows = rowsByKey(cluster.broker().query("SELECT id, customer_id, op, lsn, source, source_schema FROM person_raw LIMIT 100"));
        String defaultKey = Long.MIN_VALUE + "/" + Long.MIN_VALUE;
        assertThat(rows).containsOnlyKeys("1/100", "2/100", "3/200", "4/200", defaultKey);

        assertThat(rows.get("1/100").get(2).asText()).isEqualTo("u");
        assertThat(rows.get("1/100").get(3).asLong()).isEqualTo(31043744L);
        assertThat(rows.get("2/100").get(2).asText()).isEqualTo("d");
        assertThat(rows.get(defaultKey).get(2).asText()).isEqualTo("t");

        JsonNode alice = json(rows.get("1/100").get(4));
        assertThat(alice.get("name").asText()).isEqualTo("Alice Updated");
        assertThat(alice.get("active").isBoolean()).isTrue();
        assertThat(alice.get("tags").toString()).isEqualTo("[\"c\"]");
        JsonNode dave = json(rows.get("4/200").get(4));
        assertThat(dave.get("balance").isNull()).isTrue();
        assertThat(dave.get("tags").isNull()).isTrue();
        assertThat(fieldNames(dave)).hasSize(11);

        JsonNode schema = json(rows.get("3/200").get(5));
        assertThat(schema.get("field").asText()).isEqualTo("after");
        assertThat(schema.get("optional").isBoolean()).isTrue();
    }

    @Test
    void rawMessageDecodingKeepsEmptyArrays()
    {
        DebeziumCdcTable person = personTable("person_raw_empty").decoding(CdcMessageDecoding.RAW_MESSAGE_TEXT).create(cluster);
        person.sendAndAwait(fixtures("snapshot"));
        JsonNode bob = json(cluster.broker().query("SELECT source FROM person_raw_empty WHERE id = 2").singleValue());
        assertThat(bob.get("tags").toString()).isEqualTo("[]");
        assertThat(bob.get("active").booleanValue()).isFalse();
        assertThat(bob.get("attrs").asText()).isEqualTo("[1, 2, {\"x\": null}]");
    }

    @Test
    void sourceSchemaHoldsDebeziumSchemaOfAfter()
    {
        DebeziumCdcTable person = personTable("person_schema").create(cluster);
        person.sendAndAwait(fixtures("snapshot"));
        JsonNode schema = json(cluster.broker().query("SELECT source_schema FROM person_schema WHERE id = 1").singleValue());

        assertThat(schema.get("field").asText()).isEqualTo("after");
        assertThat(schema.get("name").asText()).isEqualTo("user_service.public.person.Value");
        List<String> fields = new ArrayList<>();
        JsonNode balance = null;
        for (JsonNode field : schema.get("fields")) {
            fields.add(field.get("field").asText());
            if (field.get("field").asText().equals("balance")) {
                balance = field;
            }
        }
        assertThat(fields).containsExactly("id", "customer_id", "name", "balance", "birth", "created_at", "updated_at", "active", "attrs", "uid", "tags");
        assertThat(balance).isNotNull();
        assertThat(balance.get("name").asText()).isEqualTo("org.apache.kafka.connect.data.Decimal");
        assertThat(balance.get("parameters").get("scale").asText()).isEqualTo("2");
    }

    @Test
    void truncateLandsOnTheDefaultKey()
    {
        DebeziumCdcTable person = personTable("person_truncate").create(cluster);
        person.sendAndAwait(fixtures("snapshot", "truncate"));

        BrokerResponse response = cluster.broker().query("SELECT id, customer_id, op, source FROM person_truncate ORDER BY lsn LIMIT 100");
        System.out.println("SELECT after a truncate: " + response.rows());
        Map<String, JsonNode> rows = rowsByKey(response);
        String defaultKey = Long.MIN_VALUE + "/" + Long.MIN_VALUE;
        assertThat(rows).containsOnlyKeys("1/100", "2/100", defaultKey);
        assertThat(rows.get(defaultKey).get(2).asText()).isEqualTo("t");
        assertThat(rows.get(defaultKey).get(3).asText()).isEqualTo("null");
        assertThat(rows.get("1/100").get(2).asText()).isEqualTo("r");
    }

    @Test
    void appendOnlyTableKeepsEveryVersion()
    {
        DebeziumCdcTable person = personTable("person_append").appendOnly().create(cluster);
        assertThat(person.tableConfig().has("upsertConfig")).isFalse();
        // the key is declared anyway: the connector recognises a CDC table by it and picks each key's newest version
        assertThat(person.schema().path("primaryKeyColumns").toString()).isEqualTo("[\"id\",\"customer_id\"]");
        person.sendAndAwait(fixtures("snapshot", "insert", "update", "delete"));

        BrokerResponse versions = cluster.broker().query("SELECT op, COUNT(*) FROM person_append GROUP BY op ORDER BY op");
        assertThat(rowsText(versions)).isEqualTo("[[\"c\",2],[\"d\",1],[\"r\",2],[\"u\",2]]");
    }

    @Test
    void promotedFieldWithoutValueSchema()
    {
        DebeziumCdcTable person = personTable("person_promoted")
                .promotedField("created_at", DebeziumType.of("int64", DebeziumType.CONNECT_TIMESTAMP))
                .withoutValueSchema()
                .create(cluster);
        assertThat(person.schema().toString()).doesNotContain(DebeziumCdcTableDefinition.SOURCE_SCHEMA_COLUMN);
        person.sendAndAwait(fixtures("snapshot", "insert"));

        // connect mode: TIMESTAMP as epoch millis, the same number as in source
        assertThat(rowsText(cluster.broker().query("SELECT id, created_at FROM person_promoted WHERE created_at >= 1704164645123 ORDER BY id LIMIT 10")))
                .isEqualTo("[[1,1704164645123],[3,1719748800000]]");
        assertThat(cluster.controller().schema("person_promoted").path("dateTimeFieldSpecs").toString()).contains("\"name\":\"created_at\"", "1:MILLISECONDS:EPOCH");
    }

    @Test
    void upsertHoldsAcrossCommittedSegments()
    {
        DebeziumCdcTable person = personTable("person_segments").flushThresholdRows(2).create(cluster);
        person.sendAndAwait(fixtures("snapshot", "insert", "update", "delete"));

        BrokerResponse latest = cluster.broker().awaitQuery(
                "SELECT id, op FROM person_segments ORDER BY id LIMIT 100",
                response -> response.rows().size() == 4,
                "one row per key");
        assertThat(rowsText(latest)).isEqualTo("[[1,\"u\"],[2,\"d\"],[3,\"c\"],[4,\"u\"]]");
        JsonNode segments = cluster.controller().get("/segments/person_segments");
        assertThat(segments.toString()).contains("__3__");
    }

    @Test
    void twoTablesCoexist()
    {
        DebeziumCdcTable first = personTable("coexist_first").create(cluster);
        DebeziumCdcTable second = personTable("coexist_second").create(cluster);
        first.send(fixtures("snapshot"));
        second.send(fixtures("snapshot", "insert"));
        first.awaitIngested();
        second.awaitIngested();

        assertThat(cluster.broker().query("SELECT COUNT(*) FROM coexist_first").singleLong()).isEqualTo(2);
        assertThat(cluster.broker().query("SELECT COUNT(*) FROM coexist_second").singleLong()).isEqualTo(4);
        second.drop();
        assertThat(cluster.broker().query("SELECT COUNT(*) FROM coexist_first").singleLong()).isEqualTo(2);
    }

    @Test
    void nativeTableHoldsEveryType()
    {
        PinotNativeTable table = PinotNativeTable.allTypesBuilder("native_types").create(cluster);
        table.sendAndAwait(List.of(
                """
                {"int_col": 7, "long_col": 9000000000, "float_col": 1.5, "double_col": 2.25, "big_decimal_col": "12345678901234567890.123456789",
                 "boolean_col": true, "timestamp_col": 1704164645123, "string_col": "text", "json_col": {"a": [1, {"b": null}]}, "bytes_col": "cafe",
                 "int_array_col": [1, 2], "long_array_col": [3], "float_array_col": [0.5], "double_array_col": [0.25, 0.75], "string_array_col": ["x", "y"],
                 "event_time": 1704164645123}
                """.replace('\n', ' ')));

        BrokerResponse response = cluster.broker().query("SELECT * FROM native_types");
        Map<String, String> types = new HashMap<>();
        Map<String, JsonNode> values = new HashMap<>();
        JsonNode row = response.rows().getFirst();
        for (int i = 0; i < response.columnNames().size(); i++) {
            types.put(response.columnNames().get(i), response.columnTypes().get(i));
            values.put(response.columnNames().get(i), row.get(i));
        }
        System.out.println("Native types: " + types + "\nValues: " + row);
        assertThat(types).containsEntry("int_col", "INT")
                .containsEntry("long_col", "LONG")
                .containsEntry("float_col", "FLOAT")
                .containsEntry("double_col", "DOUBLE")
                .containsEntry("big_decimal_col", "BIG_DECIMAL")
                .containsEntry("boolean_col", "BOOLEAN")
                .containsEntry("timestamp_col", "TIMESTAMP")
                .containsEntry("string_col", "STRING")
                .containsEntry("json_col", "JSON")
                .containsEntry("bytes_col", "BYTES")
                .containsEntry("int_array_col", "INT_ARRAY")
                .containsEntry("string_array_col", "STRING_ARRAY");
        assertThat(values.get("long_col").asLong()).isEqualTo(9000000000L);
        assertThat(values.get("big_decimal_col").decimalValue()).isEqualByComparingTo("12345678901234567890.123456789");
        assertThat(values.get("timestamp_col").asText()).isEqualTo("2024-01-02 03:04:05.123");
        // Pinot's JSON decoder drops nulls, then the map left empty, then that array element
        assertThat(values.get("json_col").asText()).isEqualTo("{\"a\":[1]}");
        assertThat(values.get("boolean_col").asBoolean()).isTrue();
        assertThat(values.get("bytes_col").asText()).isEqualTo("cafe");
        assertThat(values.get("string_array_col").toString()).isEqualTo("[\"x\",\"y\"]");
    }

    private static DebeziumCdcTable.Builder personTable(String name)
    {
        return DebeziumCdcTable.builder(name)
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .primaryKeyColumn("customer_id", PinotColumnType.LONG);
    }

    private static List<KafkaMessage> fixtures(String... names)
    {
        List<KafkaMessage> messages = new ArrayList<>();
        for (String name : names) {
            messages.addAll(DebeziumFixtures.read(FIXTURES, name));
        }
        return messages;
    }

    /**
     * Rows keyed by "id/customer_id", the first two selected columns; fails on a duplicate key.
     */
    private static Map<String, JsonNode> rowsByKey(BrokerResponse response)
    {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        for (JsonNode row : response.rows()) {
            JsonNode previous = rows.put(row.get(0).asText() + "/" + row.get(1).asText(), row);
            assertThat(previous).as("second row for one key in %s", response.rows()).isNull();
        }
        return rows;
    }

    private static String rowsText(BrokerResponse response)
    {
        return response.resultTable().path("rows").toString();
    }

    private static JsonNode json(JsonNode jsonText)
    {
        return TestingHttp.parse(jsonText.asText());
    }

    private static List<String> fieldNames(JsonNode object)
    {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

package dev.pinotcdc.trino;

import com.google.common.collect.ImmutableMap;
import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumEventFactory;
import dev.pinotcdc.trino.testing.DebeziumEventFactory.Field;
import dev.pinotcdc.trino.testing.KafkaMessage;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import io.trino.Session;
import io.trino.sql.query.QueryAssertions;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.pinotcdc.trino.testing.SampleCdcTables.decimalBase64;
import static dev.pinotcdc.trino.testing.SampleCdcTables.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * A table definition file fixes the types of a CDC table's fields over what Debezium's value schema says, in a real
 * Pinot; a broken file is a clear error naming it.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcTableDefinitionFile
{
    private static final String TABLE = "defs_events";
    private static final String DEFINITION = """
            {
              "columns": [
                {"name": "day", "type": "date", "encoding": "epoch-days"},
                {"name": "happened_at", "type": "timestamp(6)", "encoding": "epoch-micros"},
                {"name": "price", "type": "decimal(12,4)", "encoding": "decimal-base64", "scale": 2},
                {"name": "doc", "type": "json", "encoding": "json-string"},
                {"name": "uid", "type": "uuid", "encoding": "uuid-string"},
                {"name": "zip_code", "type": "varchar", "path": "$.address.zip", "comment": "Postal code of the address"}
              ]
            }
            """;

    private PinotCdcTestEnvironment environment;
    private QueryRunner queryRunner;
    private QueryAssertions assertions;
    private String catalog;
    private Session session;
    private Path definitionDirectory;

    @BeforeAll
    void setUp()
            throws IOException
    {
        environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();
        assertions = new QueryAssertions(queryRunner);

        // Debezium's schema calls every field a plain number, string or byte array: only the file knows better
        DebeziumEventFactory events = new DebeziumEventFactory("defs", TABLE, List.of(
                Field.required("id", "int64"),
                Field.optional("day", "int32"),
                Field.optional("happened_at", "int64"),
                Field.optional("price", "bytes"),
                Field.optional("doc", "string"),
                Field.optional("uid", "string"),
                Field.optional("address", "struct"),
                Field.optional("note", "string")),
                List.of("id"));
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("id", 1L);
        first.put("day", 19000);
        first.put("happened_at", 1_700_000_000_123_456L);
        first.put("price", decimalBase64(new BigDecimal("123.45")));
        first.put("doc", "{\"b\": [1, 2], \"a\": \"x\"}");
        first.put("uid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        first.put("address", Map.of("city", "Lyon", "zip", "69001"));
        first.put("note", "first");
        Map<String, Object> second = new HashMap<>();
        second.put("id", 2L);
        second.put("day", -1);
        second.put("happened_at", 0L);
        second.put("price", decimalBase64(new BigDecimal("-0.05")));
        second.put("doc", "[]");
        second.put("uid", "B0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A22");
        second.put("address", Map.of("city", "Paris"));
        Map<String, Object> deleted = new HashMap<>(first);
        deleted.put("id", 3L);
        List<KafkaMessage> messages = List.of(
                message(events.insert(first)),
                message(events.insert(second)),
                message(events.insert(deleted)),
                message(events.delete(deleted)));
        DebeziumCdcTable.builder(TABLE).topic(events.topic())
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .create(environment.cluster())
                .sendAndAwait(messages);

        definitionDirectory = Files.createTempDirectory("definitions");
        definitionDirectory.toFile().deleteOnExit();
        Path definition = Files.writeString(definitionDirectory.resolve(TABLE + ".json"), DEFINITION);
        definition.toFile().deleteOnExit();
        catalog = environment.catalog("pinot_cdc_definitions", ImmutableMap.of("cdc.table-definition-dir", definitionDirectory.toString()));
        session = Session.builder(queryRunner.getDefaultSession()).setCatalog(catalog).build();
    }

    @Test
    void testDescribeShowsTheFilesTypesAndSaysWhereTheyCameFrom()
    {
        MaterializedResult describe = queryRunner.execute(session, "DESCRIBE " + TABLE);
        assertThat(describe.getMaterializedRows())
                .extracting(row -> row.getField(0) + " " + row.getField(1))
                .containsExactly(
                        "id bigint",
                        "day date",
                        "happened_at timestamp(6)",
                        "price decimal(12,4)",
                        "doc json",
                        "uid uuid",
                        "zip_code varchar",
                        // fields the file does not name keep the Debezium schema's types
                        "address json",
                        "note varchar");
        Map<String, String> comments = comments(describe);
        for (String column : List.of("day", "happened_at", "price", "doc", "uid", "zip_code")) {
            assertThat(comments.get(column)).as(column).contains("type from the table definition file");
        }
        assertThat(comments.get("zip_code")).isEqualTo("Postal code of the address. $.address.zip of source; type from the table definition file");
        assertThat(comments.get("note")).contains("Debezium value schema");
        assertThat(comments.get("address")).contains("Debezium value schema");
    }

    @Test
    void testValuesDecodeAsTheFileSays()
    {
        assertThat(assertions.query(session, "SELECT id, day, happened_at, price, json_format(doc), uid, zip_code, json_extract_scalar(address, '$.city'), note FROM " + TABLE))
                .matches("""
                        VALUES
                        (BIGINT '1', DATE '2022-01-08', TIMESTAMP '2023-11-14 22:13:20.123456', CAST(123.45 AS DECIMAL(12, 4)),
                         VARCHAR '{"a":"x","b":[1,2]}', UUID 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', VARCHAR '69001', VARCHAR 'Lyon', VARCHAR 'first'),
                        (BIGINT '2', DATE '1969-12-31', TIMESTAMP '1970-01-01 00:00:00.000000', CAST(-0.05 AS DECIMAL(12, 4)),
                         VARCHAR '[]', UUID 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a22', NULL, VARCHAR 'Paris', NULL)
                        """);
    }

    @Test
    void testFiltersOnDefinedColumnsGiveTheSameRowsBothWays()
    {
        assertSameRowsBothWays(List.of(
                "day = DATE '2022-01-08'",
                "day < DATE '2000-01-01'",
                "happened_at > TIMESTAMP '2023-11-14 22:13:20.123455'",
                "happened_at = TIMESTAMP '1970-01-01 00:00:00'",
                "price > 0",
                "price = -0.05",
                "uid = UUID 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'",
                "zip_code = '69001'",
                "zip_code IS NULL",
                "note IS NULL",
                "json_extract_scalar(doc, '$.a') = 'x'"));
    }

    @Test
    void testUuidEqualityFindsUpperCaseStoredUuids()
    {
        assertSameRowsBothWays(List.of("uid = UUID 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a22'"));
    }

    private void assertSameRowsBothWays(List<String> predicates)
    {
        Session noPushdown = Session.builder(session)
                .setCatalogSessionProperty(catalog, "pushdown_enabled", "false")
                .build();
        for (String predicate : predicates) {
            String query = "SELECT id FROM " + TABLE + " WHERE " + predicate;
            List<MaterializedRow> expected = queryRunner.execute(noPushdown, query).getMaterializedRows();
            assertThat(expected).as(query).isNotEmpty();
            assertThat(queryRunner.execute(session, query).getMaterializedRows()).as(query).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void testMalformedFileIsAnErrorNamingIt()
            throws IOException
    {
        Path file = brokenDefinition("malformed", "{\"columns\": [{\"name\": \"day\", \"type\": \"date\"");
        String broken = environment.catalog("pinot_cdc_definitions_malformed", ImmutableMap.of("cdc.table-definition-dir", file.getParent().toString()));
        assertThatThrownBy(() -> queryRunner.execute("SELECT * FROM " + broken + ".default." + TABLE))
                .hasMessageContaining("Table definition file " + file)
                .hasMessageContaining("is not valid JSON");
        assertThatThrownBy(() -> queryRunner.execute("DESCRIBE " + broken + ".default." + TABLE))
                .hasMessageContaining("Table definition file " + file);
        // the other tables of the catalog stay usable
        assertThat(queryRunner.execute("SHOW TABLES FROM " + broken + ".default").getOnlyColumnAsSet()).contains(TABLE);
    }

    @Test
    void testMalformedFileDoesNotHideTheOtherTablesColumns()
            throws IOException
    {
        Path file = brokenDefinition("listing", "{\"columns\": [");
        String broken = environment.catalog("pinot_cdc_definitions_listing", ImmutableMap.of("cdc.table-definition-dir", file.getParent().toString()));
        // tools read every table's columns at once: one broken file must not hide the other tables
        assertThat(queryRunner.execute("SELECT DISTINCT table_name FROM " + broken + ".information_schema.columns WHERE table_schema = 'default'").getOnlyColumnAsSet())
                .doesNotContain(TABLE);
    }

    @Test
    void testTypeTheEncodingCannotProduceIsAnErrorNamingFileAndColumn()
            throws IOException
    {
        Path file = brokenDefinition("mismatch", "{\"columns\": [{\"name\": \"day\", \"type\": \"date\", \"encoding\": \"uuid-string\"}]}");
        String broken = environment.catalog("pinot_cdc_definitions_mismatch", ImmutableMap.of("cdc.table-definition-dir", file.getParent().toString()));
        assertThatThrownBy(() -> queryRunner.execute("SELECT id FROM " + broken + ".default." + TABLE))
                .hasMessageContaining("Table definition file " + file)
                .hasMessageContaining("column 'day'")
                .hasMessageContaining("uuid-string");
    }

    @Test
    void testUnknownTypeIsAnErrorNamingFileAndColumn()
            throws IOException
    {
        Path file = brokenDefinition("unknown_type", "{\"columns\": [{\"name\": \"price\", \"type\": \"money\"}]}");
        String broken = environment.catalog("pinot_cdc_definitions_unknown_type", ImmutableMap.of("cdc.table-definition-dir", file.getParent().toString()));
        assertThatThrownBy(() -> queryRunner.execute("SELECT id FROM " + broken + ".default." + TABLE))
                .hasMessageContaining("Table definition file " + file)
                .hasMessageContaining("column 'price': unknown type 'money'");
    }

    private Path brokenDefinition(String kind, String content)
            throws IOException
    {
        Path directory = Files.createTempDirectory("definitions-" + kind);
        directory.toFile().deleteOnExit();
        Path file = directory.resolve(TABLE + ".json");
        Files.writeString(file, content);
        file.toFile().deleteOnExit();
        return file;
    }

    private static Map<String, String> comments(MaterializedResult describe)
    {
        Map<String, String> comments = new HashMap<>();
        for (MaterializedRow row : describe.getMaterializedRows()) {
            comments.put((String) row.getField(0), (String) row.getField(3));
        }
        return comments;
    }
}

package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.AdjustedCdcTable;
import dev.pinotcdc.trino.testing.CdcMessageDecoding;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.pinotcdc.trino.testing.SampleCdcTables.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Tables without Debezium's value schema: the types of their fields are inferred from the newest rows in a real
 * Pinot, for both ways of ingesting the messages (Pinot's lossy JSON decoder, the raw message text).
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcTypeInference
{
    /** Pinot's JSON decoder turns booleans into the strings "true" and "false". */
    private static final String DECODED = "infer_decoded";
    /** The raw message text keeps JSON booleans. */
    private static final String RAW = "infer_raw";
    private static final List<String> TABLES = List.of(DECODED, RAW);

    private static final List<Field> FIELDS = List.of(
            Field.required("id", "int64"),
            Field.optional("quantity", "int64"),
            Field.optional("ratio", "float64"),
            Field.optional("active", "boolean"),
            Field.optional("name", "string"),
            Field.optional("attrs", "struct"),
            Field.optional("tags", "array"),
            Field.optional("code", "string"),
            Field.optional("shape", "string"),
            Field.optional("flag", "boolean"));

    private QueryRunner queryRunner;
    private QueryAssertions assertions;
    private final Map<String, AdjustedCdcTable> tables = new HashMap<>();
    private final Map<String, DebeziumEventFactory> lateFieldEvents = new HashMap<>();

    @BeforeAll
    void setUp()
    {
        PinotCdcTestEnvironment environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();
        assertions = new QueryAssertions(queryRunner);
        for (String table : TABLES) {
            DebeziumEventFactory events = new DebeziumEventFactory("infer", table, FIELDS, List.of("id"));
            List<KafkaMessage> messages = List.of(
                    message(events.insert(row(1, 3L, 1.5, true, "one", Map.of("k", "v", "n", 1), List.of("x", "y"), 7L, Map.of("a", 1), true))),
                    message(events.insert(row(2, -4L, 2L, false, "two", Map.of("k", "w"), List.of("z"), "A7", "round", "yes"))),
                    message(events.insert(row(3, null, null, null, null, null, null, null, null, null))));
            AdjustedCdcTable pinotTable = AdjustedCdcTable.withoutValueSchema(
                    DebeziumCdcTable.builder(table)
                            .topic(events.topic())
                            .primaryKeyColumn("id", PinotColumnType.LONG)
                            .decoding(table.equals(RAW) ? CdcMessageDecoding.RAW_MESSAGE_TEXT : CdcMessageDecoding.PINOT_JSON_DECODER)
                            .build(),
                    environment.cluster());
            pinotTable.sendAndAwait(messages);
            tables.put(table, pinotTable);
            List<Field> withLateField = new ArrayList<>(FIELDS);
            withLateField.add(Field.optional("added_later", "string"));
            // the same topic: Debezium's events after an ALTER TABLE ADD COLUMN
            lateFieldEvents.put(table, new DebeziumEventFactory("infer", table, withLateField, List.of("id")));
        }
    }

    @Test
    void testTypesAreInferredFromTheRows()
    {
        for (String table : TABLES) {
            MaterializedResult describe = queryRunner.execute("DESCRIBE " + table);
            Map<String, String> types = new LinkedHashMap<>();
            for (MaterializedRow row : describe.getMaterializedRows()) {
                types.put((String) row.getField(0), (String) row.getField(1));
                if (!row.getField(0).equals("id")) {
                    assertThat((String) row.getField(3)).as(table + "." + row.getField(0)).contains("inferred from the newest rows");
                }
            }
            assertThat(types).as(table).containsAllEntriesOf(Map.of(
                    "id", "bigint",
                    "quantity", "bigint",
                    "ratio", "double",
                    "active", "boolean",
                    "name", "varchar",
                    "attrs", "json",
                    "tags", "json",
                    // seen as a number and as a string
                    "code", "varchar",
                    // seen as an object and as a string
                    "shape", "json",
                    // seen as a boolean and as a string
                    "flag", "varchar"));
        }
    }

    @Test
    void testValuesReadAsInferred()
    {
        // rows 1 to 3: testFieldOfNewerRowsShowsUp adds row 4
        for (String table : TABLES) {
            assertThat(assertions.query("SELECT id, quantity, ratio, active, name, json_format(attrs), json_format(tags), code, json_format(shape), flag FROM " + table + " WHERE id <= 3"))
                    .as(table)
                    .matches("""
                            VALUES
                            (BIGINT '1', BIGINT '3', DOUBLE '1.5', true, VARCHAR 'one', VARCHAR '{"k":"v","n":1}', VARCHAR '["x","y"]', VARCHAR '7', VARCHAR '{"a":1}', VARCHAR 'true'),
                            (BIGINT '2', BIGINT '-4', DOUBLE '2', false, VARCHAR 'two', VARCHAR '{"k":"w"}', VARCHAR '["z"]', VARCHAR 'A7', VARCHAR '"round"', VARCHAR 'yes'),
                            (BIGINT '3', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
                            """);
        }
    }

    @Test
    void testFiltersOnInferredColumnsGiveTheSameRowsBothWays()
    {
        Session pushdown = queryRunner.getDefaultSession();
        Session noPushdown = Session.builder(pushdown)
                .setCatalogSessionProperty("pinot_cdc", "pushdown_enabled", "false")
                .build();
        for (String table : TABLES) {
            for (String predicate : List.of(
                    "active",
                    "active = false",
                    "active IS NULL",
                    "quantity > 0",
                    "quantity = -4",
                    "ratio < 2",
                    "ratio = 2",
                    "name = 'one'",
                    "name LIKE 't%'",
                    "code = '7'",
                    "code IN ('A7', 'B7')",
                    "flag = 'true'",
                    "json_extract_scalar(attrs, '$.k') = 'w'")) {
                String query = "SELECT id FROM " + table + " WHERE " + predicate;
                List<MaterializedRow> expected = queryRunner.execute(noPushdown, query).getMaterializedRows();
                assertThat(expected).as(query).isNotEmpty();
                assertThat(queryRunner.execute(pushdown, query).getMaterializedRows()).as(query).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    @Test
    void testFieldOfNewerRowsShowsUp()
    {
        for (String table : TABLES) {
            assertThat(columnNames(table)).as(table).doesNotContain("added_later");
            Map<String, Object> row = row(4, 40L, 4.5, true, "four", Map.of(), List.of(), 4L, Map.of(), false);
            row.put("added_later", "late");
            tables.get(table).sendAndAwait(List.of(message(lateFieldEvents.get(table).insert(row))));
            // the catalog caches no metadata (pinot.metadata-cache-ttl=0s): the next query sees the field
            assertThat(queryRunner.execute("SELECT id, added_later FROM " + table + " WHERE added_later IS NOT NULL").getMaterializedRows())
                    .as(table)
                    .extracting(MaterializedRow::getFields)
                    .containsExactly(List.of(4L, "late"));
            assertThat(queryRunner.execute("SELECT count(*) FROM " + table).getOnlyValue()).isEqualTo(4L);
        }
    }

    private List<Object> columnNames(String table)
    {
        return queryRunner.execute("DESCRIBE " + table).getMaterializedRows().stream()
                .map(row -> row.getField(0))
                .toList();
    }

    private static Map<String, Object> row(long id, Object quantity, Object ratio, Object active, Object name, Object attrs, Object tags, Object code, Object shape, Object flag)
    {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("quantity", quantity);
        row.put("ratio", ratio);
        row.put("active", active);
        row.put("name", name);
        row.put("attrs", attrs);
        row.put("tags", tags);
        row.put("code", code);
        row.put("shape", shape);
        row.put("flag", flag);
        return row;
    }
}

package dev.pinotcdc.trino;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumEventFactory;
import dev.pinotcdc.trino.testing.DebeziumEventFactory.Event;
import dev.pinotcdc.trino.testing.DebeziumEventFactory.Field;
import dev.pinotcdc.trino.testing.KafkaMessage;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.SampleCdcTables;
import io.trino.Session;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Aggregations over source fields that hold values, JSON nulls, no key at all, and Debezium's placeholder for an
 * unchanged TOASTed value, over committed segments and the consuming one: Pinot's answer, merged and decoded, is
 * what Trino computes from the rows itself.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcSourceAggregations
{
    private static final String TABLE = "src_aggs";
    private static final String UNAVAILABLE = "__debezium_unavailable_value";
    /** Field names that need quoting in SQL, in JSON paths, or cannot be written inside JSON_MATCH at all. */
    private static final List<String> ODD_FIELDS = List.of("we'ird", "dollar$", "dot.ted", "ünïcødé", "\"quoted\"");
    /** In the schema, in no row's JSON. */
    private static final Set<String> NEVER_PRESENT = Set.of("ghost", "ghost_text");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PinotCdcTestEnvironment environment;
    private QueryRunner queryRunner;
    private Session pushdown;
    private Session noPushdown;

    @BeforeAll
    void setUp()
    {
        environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();
        pushdown = queryRunner.getDefaultSession();
        noPushdown = Session.builder(pushdown)
                .setCatalogSessionProperty("pinot_cdc", "pushdown_enabled", "false")
                .build();

        ImmutableList.Builder<Field> fields = ImmutableList.<Field>builder()
                .add(Field.required("id", "int64"))
                .add(Field.optional("grp", "int64"))
                .add(Field.optional("note", "string"))
                .add(Field.optional("label", "string"))
                .add(Field.optional("n", "int64"))
                .add(Field.decimal("price", 10, 2))
                .add(Field.logical("ts", "int64", "org.apache.kafka.connect.data.Timestamp"))
                .add(Field.optional("d", "float64"))
                .add(Field.optional("ghost", "int64"))
                .add(Field.optional("ghost_text", "string"));
        ODD_FIELDS.forEach(name -> fields.add(Field.optional(name, "string")));
        DebeziumEventFactory events = new DebeziumEventFactory("srcagg", TABLE, fields.build(), List.of("id"));

        Random random = new Random(23);
        Map<Long, Map<String, Object>> live = new LinkedHashMap<>();
        List<KafkaMessage> messages = new ArrayList<>();
        for (long id = 1; id <= 420; id++) {
            Set<String> absent = new HashSet<>(NEVER_PRESENT);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("grp", id % 23 == 0 ? null : 1 + id % 4);
            put(row, absent, "note", random, "x", "y", "", UNAVAILABLE);
            put(row, absent, "label", random, "p", "q", UNAVAILABLE);
            put(row, absent, "n", random, random.nextLong(-1000, 1000), random.nextLong(-10, 10));
            put(row, absent, "price", random, SampleCdcTables.decimalBase64(BigDecimal.valueOf(random.nextInt(20_000), 2)), UNAVAILABLE);
            put(row, absent, "ts", random, random.nextLong(-2_000_000_000_000L, 2_000_000_000_000L));
            // quarters: sums are exact in any order
            put(row, absent, "d", random, random.nextInt(-4000, 4000) / 4.0);
            for (String odd : ODD_FIELDS) {
                put(row, absent, odd, random, "o'k", "$.v", UNAVAILABLE);
            }
            messages.add(message(events.insert(row), absent));
            live.put(id, row);
        }
        // updates and deletes of keys whose earlier versions are in committed segments by now
        for (long id = 5; id <= 420; id += 5) {
            Map<String, Object> after = new LinkedHashMap<>(live.get(id));
            Set<String> absent = new HashSet<>(NEVER_PRESENT);
            put(after, absent, "note", random, "x", UNAVAILABLE);
            absent.add("n");
            after.put("n", null);
            messages.add(message(events.update(live.get(id), after), absent));
            live.put(id, after);
        }
        for (long id = 11; id <= 420; id += 11) {
            messages.add(SampleCdcTables.message(events.delete(live.remove(id))));
        }
        DebeziumCdcTable.builder(TABLE).topic(events.topic())
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .flushThresholdRows(50)
                .create(environment.cluster())
                .sendAndAwait(messages);
    }

    @Test
    void testGroupsByAFieldThatMayHoldThePlaceholder()
    {
        // the NULL group holds the rows without the field, with a JSON null, and with the placeholder
        List<MaterializedRow> groups = assertPushedAndSameBothWays("SELECT note, count(*) FROM " + TABLE + " GROUP BY note");
        assertThat(groups).extracting(row -> row.getField(0)).containsExactlyInAnyOrder("x", "y", "", null);
        assertPushedAndSameBothWays("SELECT note, count(*), count(note), count(n), sum(n), avg(n), min(n), max(n), min(ts), max(ts), sum(d), avg(d), min(d), max(d), count(price) FROM " + TABLE + " GROUP BY note");
        assertPushedAndSameBothWays("SELECT price, count(*), max(n), count(label) FROM " + TABLE + " GROUP BY price");
        assertPushedAndSameBothWays("SELECT note, count(*) FROM " + TABLE + " WHERE grp = 2 GROUP BY note");
        assertPushedAndSameBothWays("SELECT note, count(*), sum(n) FROM " + TABLE + " WHERE id > 100 AND label = 'p' GROUP BY note");
        assertPushedAndSameBothWays("SELECT note, count(*) FROM " + TABLE + " GROUP BY note HAVING count(*) > 30");

        String plan = explain("SELECT note, count(*) FROM " + TABLE + " GROUP BY note");
        // one extraction for the key, no CASE around it; beside it, the second extraction telling a missing note from
        // the text U+FFFF, which also counts the placeholder as missing
        assertThat(plan)
                .contains("Pinot SQL: SELECT JSONEXTRACTSCALAR(\"source\", '$[''note'']', 'STRING', '\uFFFF'), " + missingConfirmation("note") + ", COUNT(*) FROM")
                .contains("GROUP BY JSONEXTRACTSCALAR(\"source\", '$[''note'']', 'STRING', '\uFFFF'), " + missingConfirmation("note") + " LIMIT")
                .doesNotContain("CASE WHEN JSONEXTRACTSCALAR(\"source\", '$[''note'']', 'STRING', '\uFFFF')");
    }

    @Test
    void testMultiColumnGroupsMergePerCombination()
    {
        assertPushedAndSameBothWays("SELECT grp, note, count(*), sum(n), max(ts), min(d) FROM " + TABLE + " GROUP BY grp, note");
        assertPushedAndSameBothWays("SELECT note, label, count(*), count(n), avg(n) FROM " + TABLE + " GROUP BY note, label");
        assertPushedAndSameBothWays("SELECT note, label, price, count(*) FROM " + TABLE + " GROUP BY note, label, price");
        assertPushedAndSameBothWays("SELECT date_trunc('year', ts), note, count(*), count(ts) FROM " + TABLE + " GROUP BY 1, 2");
        for (String odd : ODD_FIELDS) {
            assertPushedAndSameBothWays("SELECT " + identifier(odd) + ", grp, count(*), count(" + identifier(odd) + ") FROM " + TABLE + " GROUP BY 1, 2");
        }
        assertThat(explain("SELECT grp, note, count(*) FROM " + TABLE + " GROUP BY grp, note"))
                .contains("GROUP BY JSONEXTRACTSCALAR(\"source\", '$[''grp'']', 'STRING', '\uFFFF'), JSONEXTRACTSCALAR(\"source\", '$[''note'']', 'STRING', '\uFFFF'), " + missingConfirmation("note") + " LIMIT")
                .doesNotContain("CASE WHEN JSONEXTRACTSCALAR(\"source\", '$[''grp'']', 'STRING', '\uFFFF')")
                .doesNotContain("CASE WHEN JSONEXTRACTSCALAR(\"source\", '$[''note'']', 'STRING', '\uFFFF')");
    }

    /** The group key that tells a missing text field from the text U+FFFF (or Debezium's placeholder) in Pinot SQL. */
    private static String missingConfirmation(String field)
    {
        return "CASE WHEN JSONEXTRACTSCALAR(\"source\", '$[''%s'']', 'STRING', '\uFFFE') IN ('\uFFFE', '%s') THEN 1 ELSE 0 END".formatted(field, UNAVAILABLE);
    }

    @Test
    void testDistinctCountKeepsThePlaceholderInTheNullGroupInPinot()
    {
        assertPushedAndSameBothWays("SELECT note, count(*), count(DISTINCT label) FROM " + TABLE + " GROUP BY note");
        assertPushedAndSameBothWays("SELECT note, grp, count(DISTINCT n), sum(n) FROM " + TABLE + " GROUP BY note, grp");
        assertThat(explain("SELECT note, count(*), count(DISTINCT label) FROM " + TABLE + " GROUP BY note"))
                .contains("GROUP BY CASE WHEN JSONEXTRACTSCALAR(\"source\", '$[''note'']', 'STRING', '\uFFFF') = '" + UNAVAILABLE + "'");
    }

    @Test
    void testAggregatesWithoutGroupByCountPresentValuesThroughTheJsonIndex()
    {
        // committed segments besides the consuming one: their JSON index is built anew
        assertThat(environment.cluster().broker().query("SELECT COUNT(*) FROM " + TABLE).json().path("numSegmentsQueried").asInt()).isGreaterThan(2);
        assertPushedAndSameBothWays("SELECT count(*), count(note), count(label), count(n), sum(n), avg(n), min(n), max(n), min(ts), max(ts), count(price), sum(d), avg(d), min(d), max(d) FROM " + TABLE);
        assertPushedAndSameBothWays("SELECT count(note), sum(n), max(ts) FROM " + TABLE + " WHERE grp = 3");
        assertPushedAndSameBothWays("SELECT count(note), count(n), min(n) FROM " + TABLE + " WHERE note = 'x'");
        assertPushedAndSameBothWays("SELECT count(note), max(n), avg(d) FROM " + TABLE + " WHERE id < 0");
        assertPushedAndSameBothWays("SELECT count(DISTINCT note), count(note), count(DISTINCT n), count(n) FROM " + TABLE);
        for (String odd : ODD_FIELDS) {
            assertPushedAndSameBothWays("SELECT count(" + identifier(odd) + "), count(*) FROM " + TABLE);
        }
        String plan = explain("SELECT count(*), count(note), sum(n), max(ts) FROM " + TABLE);
        assertThat(plan)
                .contains("COUNT(*) FILTER (WHERE (JSON_MATCH(\"source\", '\"$.note\" IS NOT NULL')) AND (JSON_MATCH(\"source\", '\"$.note\" <> ''" + UNAVAILABLE + "''')))")
                .contains("COUNT(*) FILTER (WHERE JSON_MATCH(\"source\", '\"$.n\" IS NOT NULL'))")
                // Debezium's numbers for PostgreSQL's infinities are no values
                .contains("COUNT(*) FILTER (WHERE (JSON_MATCH(\"source\", '\"$.ts\" IS NOT NULL')) AND (JSON_MATCH(\"source\", '\"$.ts\" NOT IN (''-9223372036854775808'', ")
                // no present count by extraction (MAX still maps the infinities to its absent value with a CASE)
                .doesNotContain("SUM(CASE")
                .doesNotContain("GROUP BY");
        // a path JSON_MATCH cannot hold keeps the count by extraction
        assertThat(explain("SELECT count(\"dot.ted\") FROM " + TABLE))
                .contains("SUM(CASE WHEN JSONEXTRACTSCALAR(\"source\", '$[''dot.ted'']', 'STRING'")
                .doesNotContain("FILTER");
        assertThat(explain("SELECT count(\"dollar$\"), count(\"ünïcødé\"), count(\"\"\"quoted\"\"\") FROM " + TABLE))
                .contains("JSON_MATCH(\"source\", '\"$.dollar$\" IS NOT NULL')")
                .contains("JSON_MATCH(\"source\", '\"$.ünïcødé\" IS NOT NULL')")
                .contains("JSON_MATCH(\"source\", '\"$.\"\"quoted\"\"\" IS NOT NULL')");
    }

    @Test
    void testAggregatesOverAFieldNoRowHoldsAreNull()
    {
        MaterializedRow row = assertPushedAndSameBothWays("SELECT count(ghost), sum(ghost), avg(ghost), min(ghost), max(ghost), count(ghost_text), count(*) FROM " + TABLE).getFirst();
        assertThat(row.getFields().subList(0, 6)).containsExactly(0L, null, null, null, null, 0L);
        assertThat((long) row.getField(6)).isPositive();
        assertPushedAndSameBothWays("SELECT note, count(ghost), sum(ghost), min(ghost) FROM " + TABLE + " GROUP BY note");
    }

    @Test
    void testTooManyGroupsAreRefusedAfterMerging()
    {
        // Pinot answers five groups for note (x, y, '', the placeholder, absent); they are four in Trino
        String fourRows = environment.catalog("src_aggs_four_rows", Map.of("pinot.max-rows-per-broker-query", "4"));
        String threeRows = environment.catalog("src_aggs_three_rows", Map.of("pinot.max-rows-per-broker-query", "3"));
        String query = "SELECT note, count(*) FROM %s.default." + TABLE + " GROUP BY note";
        assertThat(queryRunner.execute(pushdown, query.formatted(fourRows)).getMaterializedRows())
                .containsExactlyInAnyOrderElementsOf(queryRunner.execute(noPushdown, "SELECT note, count(*) FROM " + TABLE + " GROUP BY note").getMaterializedRows());
        assertThatThrownBy(() -> queryRunner.execute(pushdown, query.formatted(threeRows)))
                .hasMessageContaining("more than 3 rows");
    }

    private List<MaterializedRow> assertPushedAndSameBothWays(String query)
    {
        // every aggregation Pinot computes carries COUNT(*); without pushdown the scan sends none
        assertThat(explain(query)).as(query).contains("COUNT(*)");
        MaterializedResult expected = queryRunner.execute(noPushdown, query);
        MaterializedResult actual = queryRunner.execute(pushdown, query);
        assertThat(actual.getMaterializedRows()).as(query).containsExactlyInAnyOrderElementsOf(expected.getMaterializedRows());
        return actual.getMaterializedRows();
    }

    private String explain(String query)
    {
        return (String) queryRunner.execute(pushdown, "EXPLAIN " + query).getOnlyValue();
    }

    /** A value from the choices, a JSON null, or (recorded in {@code absent}) no key at all. */
    private static void put(Map<String, Object> row, Set<String> absent, String field, Random random, Object... choices)
    {
        int pick = random.nextInt(choices.length + 2);
        if (pick < choices.length) {
            row.put(field, choices[pick]);
            absent.remove(field);
            return;
        }
        row.put(field, null);
        if (pick == choices.length) {
            absent.add(field);
        }
        else {
            absent.remove(field);
        }
    }

    /** The event with the given fields taken out of its row image, as a row written before they existed. */
    private static KafkaMessage message(Event event, Set<String> absent)
    {
        try {
            ObjectNode value = (ObjectNode) JSON.readTree(event.value());
            ((ObjectNode) value.path("payload").path("after")).remove(absent);
            return KafkaMessage.of(event.key(), JSON.writeValueAsString(value));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String identifier(String name)
    {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}

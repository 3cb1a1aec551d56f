package dev.pinotcdc.trino;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.HashMultiset;
import com.google.common.collect.ImmutableMap;
import dev.pinotcdc.trino.cdc.FieldEncoding;
import dev.pinotcdc.trino.client.JsonIndexScope;
import dev.pinotcdc.trino.pushdown.JsonSourceCapabilities;
import dev.pinotcdc.trino.pushdown.PinotCdcColumnHandle;
import dev.pinotcdc.trino.pushdown.PinotFilterTranslator;
import dev.pinotcdc.trino.pushdown.PrefixMatch;
import dev.pinotcdc.trino.query.ColumnReference;
import dev.pinotcdc.trino.query.PinotFilter;
import dev.pinotcdc.trino.query.PinotSqlWriter;
import dev.pinotcdc.trino.query.StringLiteral;
import dev.pinotcdc.trino.templates.DebeziumType;
import dev.pinotcdc.trino.testing.AdjustedCdcTable;
import dev.pinotcdc.trino.testing.BrokerResponse;
import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumEventFactory;
import dev.pinotcdc.trino.testing.DebeziumEventFactory.Field;
import dev.pinotcdc.trino.testing.KafkaMessage;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.PinotTestCluster;
import io.trino.Session;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

import static dev.pinotcdc.trino.testing.SampleCdcTables.message;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Filters on fields of {@code source} give Trino's answer, whatever form reaches Pinot: every comparison, IN, NOT IN
 * and range shape on every pushed type, on tables with and without a JSON index, over committed and consuming
 * segments holding deletes (rows without a row image); and on fields typed by a definition file or by inference,
 * whose stored values need not be in the form Debezium's schema promises. The truth is the same query with pushdown
 * off.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcSourceFieldFilters
{
    private static final String INDEXED = "sff_indexed";
    private static final String UNINDEXED = "sff_unindexed";
    /** A JSON index whose options leave the field {@code s} out (Pinot 0.12+ options). */
    private static final String NARROWED = "sff_narrowed";
    private static final String LOOSE = "sff_loose";
    private static final String INFERRED = "sff_inferred";
    /** Case variants of the same texts in a text key, a source field and a promoted (native) copy of a field. */
    private static final String CASES = "sff_cases";
    private static final String CASES_UNINDEXED = "sff_cases_unindexed";
    private static final List<String> VARIANTS = List.of("abc", "ABC", "Abc", "aBC", "abcd", "ABCD", "ab", "xabc", "abd", "Abd");

    private static final List<Field> TYPED_FIELDS = List.of(
            Field.required("id", "int64"),
            Field.optional("r", "float32"),
            Field.optional("d", "float64"),
            Field.optional("n", "int64"),
            Field.logical("t", "int64", "io.debezium.time.MicroTimestamp"),
            Field.optional("s", "string"),
            Field.optional("b", "boolean"));

    private static final List<Float> REALS = List.of(1.5f, 2.25f, -0.5f, 0.0f, 100.125f);
    private static final List<Double> DOUBLES = List.of(1.5, 2.25, -0.5, 0.0, 1e10);
    private static final List<Long> LONGS = List.of(-3L, 0L, 7L, 42L, 1000L);
    private static final List<Long> MICROS = List.of(-1_000_000L, 0L, 1_700_000_000_123_456L, 1_700_000_000_123_457L, 1_800_000_000_000_000L);
    private static final List<String> TEXTS = List.of("a", "b", "paid", "new", "A");

    private final List<String> failures = new ArrayList<>();
    private QueryRunner queryRunner;
    private PinotTestCluster cluster;
    private Session pushdown;
    private Session noPushdown;
    private Session definitions;
    private Session definitionsNoPushdown;
    private Session inference;
    private Session inferenceNoPushdown;

    @BeforeAll
    void setUp()
            throws IOException
    {
        PinotCdcTestEnvironment environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();
        pushdown = queryRunner.getDefaultSession();
        noPushdown = withoutPushdown(pushdown);

        // the same changes into a table with the template's JSON index on source and one without it
        for (String table : List.of(INDEXED, UNINDEXED, NARROWED)) {
            DebeziumEventFactory events = new DebeziumEventFactory("sff", table, TYPED_FIELDS, List.of("id"));
            DebeziumCdcTable.Builder builder = DebeziumCdcTable.builder(table).topic(events.topic())
                    .primaryKeyColumn("id", PinotColumnType.LONG)
                    // committed segments and a consuming one
                    .flushThresholdRows(60);
            List<KafkaMessage> messages = typedChanges(events);
            if (table.equals(INDEXED)) {
                builder.create(environment.cluster()).sendAndAwait(messages);
            }
            else if (table.equals(UNINDEXED)) {
                AdjustedCdcTable.withIndexing(builder.build(), environment.cluster(), indexing -> indexing.putArray("jsonIndexColumns"))
                        .sendAndAwait(messages);
            }
            else {
                AdjustedCdcTable.withIndexing(builder.build(), environment.cluster(), indexing -> indexing.putObject("jsonIndexConfigs")
                                .putObject("source").putArray("excludeFields").add("s"))
                        .sendAndAwait(messages);
            }
        }

        // Debezium's schema says text or double; the definition file says BIGINT and VARCHAR(3)
        DebeziumEventFactory loose = new DebeziumEventFactory("sff", LOOSE, List.of(
                Field.required("id", "int64"),
                Field.optional("code", "string"),
                Field.optional("qty", "float64"),
                Field.optional("short", "string"),
                Field.optional("flag", "string")),
                List.of("id"));
        List<Object> codes = List.of("007", "7", 7, "12", "+7", 12, "x");
        List<Object> quantities = List.of(5.7, 7, 3, 7.0, 5, 6.5, 5);
        List<String> shorts = List.of("ab", "abc", "abcd", "ABC", "abcdef", "a", "ab");
        List<Object> flags = List.of("true", "TRUE", true, "false", false, "yes", "True");
        List<KafkaMessage> looseMessages = new ArrayList<>();
        for (int i = 0; i < 7 * 3; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", (long) i);
            row.put("code", codes.get(i % 7));
            row.put("qty", quantities.get((i / 3) % 7));
            row.put("short", shorts.get((i + 2) % 7));
            row.put("flag", flags.get((i / 2) % 7));
            looseMessages.add(message(loose.insert(row)));
            if (i % 5 == 4) {
                looseMessages.add(message(loose.delete(row)));
            }
        }
        DebeziumCdcTable.builder(LOOSE).topic(loose.topic())
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .create(environment.cluster())
                .sendAndAwait(looseMessages);
        Path directory = Files.createTempDirectory("sff-definitions");
        directory.toFile().deleteOnExit();
        Files.writeString(directory.resolve(LOOSE + ".json"), """
                {
                  "columns": [
                    {"name": "code", "type": "bigint"},
                    {"name": "qty", "type": "bigint"},
                    {"name": "short", "type": "varchar(3)"},
                    {"name": "flag", "type": "boolean"}
                  ]
                }
                """).toFile().deleteOnExit();
        definitions = Session.builder(pushdown)
                .setCatalog(environment.catalog("pinot_cdc_sff_definitions", ImmutableMap.of("cdc.table-definition-dir", directory.toString())))
                .build();
        definitionsNoPushdown = withoutPushdown(definitions);

        // older rows hold fractions where the newest rows, which inference samples, hold integers
        DebeziumEventFactory inferred = new DebeziumEventFactory("sff", INFERRED, List.of(
                Field.required("id", "int64"),
                Field.optional("qty", "float64")),
                List.of("id"));
        List<KafkaMessage> inferredMessages = new ArrayList<>();
        List<Object> oldQuantities = List.of(5.7, 5.0, 6.5, -0.5, 1e3);
        for (int i = 0; i < 15; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", (long) i);
            row.put("qty", i < 5 ? oldQuantities.get(i) : (Object) (long) (i % 7));
            inferredMessages.add(message(inferred.insert(row)));
        }
        AdjustedCdcTable.withoutValueSchema(
                        DebeziumCdcTable.builder(INFERRED).topic(inferred.topic()).primaryKeyColumn("id", PinotColumnType.LONG).build(),
                        environment.cluster())
                .sendAndAwait(inferredMessages);
        inference = Session.builder(pushdown)
                .setCatalog(environment.catalog("pinot_cdc_sff_inference", ImmutableMap.of("cdc.inference-sample-size", "5")))
                .build();
        inferenceNoPushdown = withoutPushdown(inference);

        createCaseTables(environment);
        cluster = environment.cluster();
    }

    private void createCaseTables(PinotCdcTestEnvironment environment)
    {
        for (String table : List.of(CASES, CASES_UNINDEXED)) {
            // fields named like the hidden columns of the op and LSN columns
            DebeziumEventFactory events = new DebeziumEventFactory("sff", table, List.of(
                    Field.required("k", "string"),
                    Field.optional("s", "string"),
                    Field.optional("p", "string"),
                    Field.optional("_op", "string"),
                    Field.optional("_lsn", "int64")),
                    List.of("k"));
            List<KafkaMessage> messages = new ArrayList<>();
            Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
            for (int i = 0; i < VARIANTS.size() * 2; i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("k", VARIANTS.get(i % VARIANTS.size()) + i);
                row.put("s", VARIANTS.get((i + 3) % VARIANTS.size()));
                row.put("p", VARIANTS.get((i + 6) % VARIANTS.size()));
                row.put("_op", i % 2 == 0 ? "C" : "x");
                row.put("_lsn", (long) i);
                messages.add(message(events.insert(row)));
                rows.put((String) row.get("k"), row);
            }
            Map<String, Object> updated = new LinkedHashMap<>(rows.get("ABC1"));
            updated.put("s", "abcz");
            messages.add(message(events.update(rows.get("ABC1"), updated)));
            messages.add(message(events.delete(rows.get("abc0"))));
            DebeziumCdcTable.Builder builder = DebeziumCdcTable.builder(table).topic(events.topic())
                    .primaryKeyColumn("k", PinotColumnType.STRING)
                    .promotedField("p", DebeziumType.of("string"));
            if (table.equals(CASES)) {
                builder.create(environment.cluster()).sendAndAwait(messages);
            }
            else {
                AdjustedCdcTable.withIndexing(builder.build(), environment.cluster(), indexing -> indexing.putArray("jsonIndexColumns"))
                        .sendAndAwait(messages);
            }
        }
    }

    private static Session withoutPushdown(Session session)
    {
        return Session.builder(session)
                .setCatalogSessionProperty(session.getCatalog().orElseThrow(), "pushdown_enabled", "false")
                .build();
    }

    /** Inserts, updates of a third of the rows, deletes of a fifth: deletes leave rows whose source is null. */
    private static List<KafkaMessage> typedChanges(DebeziumEventFactory events)
    {
        Random random = new Random(7);
        List<KafkaMessage> messages = new ArrayList<>();
        Map<Long, Map<String, Object>> live = new LinkedHashMap<>();
        for (long id = 1; id <= 200; id++) {
            Map<String, Object> row = typedRow(id, random);
            messages.add(message(events.insert(row)));
            live.put(id, row);
        }
        for (long id = 3; id <= 200; id += 3) {
            Map<String, Object> after = typedRow(id, random);
            messages.add(message(events.update(live.get(id), after)));
            live.put(id, after);
        }
        for (long id = 5; id <= 200; id += 5) {
            messages.add(message(events.delete(live.remove(id))));
        }
        return messages;
    }

    private static Map<String, Object> typedRow(long id, Random random)
    {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("r", pick(REALS, random));
        row.put("d", pick(DOUBLES, random));
        row.put("n", pick(LONGS, random));
        row.put("t", pick(MICROS, random));
        row.put("s", pick(TEXTS, random));
        row.put("b", random.nextInt(3) == 0 ? null : random.nextBoolean());
        return row;
    }

    private static <T> T pick(List<T> values, Random random)
    {
        // about one value in seven is NULL
        int index = random.nextInt(values.size() + 1);
        return index == values.size() ? null : values.get(index);
    }

    @Test
    void testEveryFilterShapeOnEveryTypeGivesTrinosAnswer()
    {
        Map<String, List<String>> literals = ImmutableMap.<String, List<String>>builder()
                .put("r", List.of("REAL '1.5'", "REAL '2.25'", "REAL '100.125'"))
                .put("d", List.of("DOUBLE '1.5'", "DOUBLE '-0.5'", "DOUBLE '1e10'"))
                .put("n", List.of("BIGINT '0'", "BIGINT '7'", "BIGINT '1000'"))
                .put("t", List.of("TIMESTAMP '1969-12-31 23:59:59.000000'", "TIMESTAMP '2023-11-14 22:13:20.123456'", "TIMESTAMP '2027-01-15 08:00:00.000000'"))
                .put("s", List.of("'a'", "'b'", "'paid'"))
                .buildOrThrow();
        for (String table : List.of(INDEXED, UNINDEXED)) {
            literals.forEach((field, values) -> {
                String one = values.get(0);
                String two = values.get(1);
                String three = values.get(2);
                for (String predicate : List.of(
                        "%1$s = %2$s",
                        "%1$s <> %2$s",
                        "%1$s IN (%2$s, %3$s)",
                        "%1$s IN (%2$s, %3$s, %4$s)",
                        "%1$s NOT IN (%2$s, %3$s)",
                        "NOT (%1$s NOT IN (%2$s, %3$s))",
                        "%1$s > %2$s",
                        "%1$s >= %2$s AND %1$s < %4$s",
                        "%1$s BETWEEN %2$s AND %4$s",
                        "%1$s < %2$s OR %1$s > %4$s",
                        "%1$s IN (%2$s, %3$s) OR %1$s > %4$s",
                        "%1$s = %2$s OR %1$s IS NULL",
                        "%1$s IS NULL",
                        "%1$s IS NOT NULL")) {
                    assertSameBothWays(pushdown, noPushdown, "SELECT id, %1$s FROM %5$s WHERE ".formatted(field, one, two, three, table) + predicate.formatted(field, one, two, three));
                }
            });
            for (String predicate : List.of("b", "NOT b", "b = true AND n > 0", "b IN (true, false)", "b IS NULL")) {
                assertSameBothWays(pushdown, noPushdown, "SELECT id, b FROM " + table + " WHERE " + predicate);
            }
            assertSameBothWays(pushdown, noPushdown, "SELECT count(*) FROM " + table + " WHERE r IN (REAL '1.5', REAL '2.25') AND d > 0 AND n NOT IN (7, 42)");
        }
    }

    @Test
    void testFieldsTypedByADefinitionFileGiveTrinosAnswer()
    {
        for (String predicate : List.of(
                "code = 7",
                "code IN (7, 12)",
                "code <> 7",
                "code NOT IN (7, 12)",
                "code > 5",
                "code BETWEEN 6 AND 8",
                "qty = 7",
                "qty = 5",
                "qty IN (5, 7)",
                "qty > 4",
                "qty BETWEEN 5 AND 6",
                "short = 'abc'",
                "short IN ('abc', 'ab')",
                "short = 'abcd'",
                "short IN ('abcd', 'ab')",
                "CAST(short AS varchar) = 'abcdef'",
                "short LIKE 'ab%'",
                "short > 'a'",
                "flag",
                "NOT flag",
                "flag = true")) {
            assertSameBothWays(definitions, definitionsNoPushdown, "SELECT id, code, qty, short, flag FROM " + LOOSE + " WHERE " + predicate);
        }
    }

    @Test
    void testFieldsTypedByInferenceGiveTrinosAnswer()
    {
        assertThat((String) queryRunner.execute(inference, "SELECT data_type FROM information_schema.columns WHERE table_name = '" + INFERRED + "' AND column_name = 'qty'").getOnlyValue())
                .isEqualTo("bigint");
        for (String predicate : List.of(
                "qty = 5",
                "qty = 6",
                "qty IN (5, 6)",
                "qty <> 5",
                "qty > 4",
                "qty BETWEEN 5 AND 6",
                "qty < 0",
                "qty = 1000")) {
            assertSameBothWays(inference, inferenceNoPushdown, "SELECT id, qty FROM " + INFERRED + " WHERE " + predicate);
        }
    }

    @Test
    void testJsonIndexOptionsThatLeaveFieldsOut()
    {
        // Pinot 0.11 has no JSON index options, and its controller drops them from the stored config (checked): the
        // connector then sees Pinot 0.11's complete index, which it is; a controller that keeps them narrows the index
        JsonNode stored = cluster.controller().tableConfig(NARROWED);
        boolean optionsKept = stored.toString().contains("excludeFields");
        String plan = (String) queryRunner.execute("EXPLAIN SELECT id FROM " + NARROWED + " WHERE s = 'a' AND n = 7").getOnlyValue();
        if (optionsKept) {
            assertThat(plan).doesNotContain("\"$.s\"").contains("\"$.n\" = ''7''");
        }
        for (String predicate : List.of("s = 'a'", "s IN ('a', 'paid')", "s LIKE 'pa%'", "n = 7", "s = 'b' AND n IN (0, 7)", "r IN (REAL '1.5', REAL '2.25')")) {
            assertSameBothWays(pushdown, noPushdown, "SELECT id, s, n FROM " + NARROWED + " WHERE " + predicate);
        }
        assertSameBothWays(pushdown, noPushdown, "SELECT count(s), count(n), count(*) FROM " + NARROWED);
    }

    @Test
    void testLikeIsCaseSensitiveOnKeysNativeColumnsAndSourceFields()
    {
        for (String table : List.of(CASES, CASES_UNINDEXED)) {
            for (String column : List.of("k", "s", "p", "__op", "_op")) {
                for (String pattern : List.of("abc%", "ABC%", "Abc%", "aB%", "C%", "x%")) {
                    assertSameBothWays(pushdown, noPushdown, "SELECT k, s, p FROM %s WHERE %s LIKE '%s'".formatted(table, column, pattern));
                }
            }
            assertSameBothWays(pushdown, noPushdown, "SELECT count(*) FROM " + table + " WHERE s LIKE 'ab%' AND k LIKE 'AB%'");
        }
    }

    /**
     * Pinot 0.11's LIKE ignores case: the filter the connector sends for {@code LIKE 'prefix%'} must be exact by
     * itself, not only because Trino also checks the range it derives from the pattern.
     */
    @Test
    void testPushedLikeAloneIsCaseSensitiveInPinot()
    {
        JsonSourceCapabilities source = new JsonSourceCapabilities(JsonIndexScope.COMPLETE, true);
        PinotFilter liveRows = new PinotFilter.In(new ColumnReference("op"), List.of(new StringLiteral("d"), new StringLiteral("t")), true);
        List<PinotCdcColumnHandle> columns = List.of(
                new PinotCdcColumnHandle("k", VARCHAR, "k", List.of(), FieldEncoding.NATIVE, OptionalInt.empty(), Optional.empty(), true, false, Optional.empty()),
                new PinotCdcColumnHandle("p", VARCHAR, "p", List.of(), FieldEncoding.NATIVE, OptionalInt.empty(), Optional.empty(), true, false, Optional.empty()),
                new PinotCdcColumnHandle("s", VARCHAR, "source", List.of("s"), FieldEncoding.NATIVE, OptionalInt.empty(), Optional.empty(), true, false, Optional.empty()));
        for (PinotCdcColumnHandle column : columns) {
            for (String prefix : List.of("abc", "ABC", "Abc", "aB")) {
                PinotFilter like = PinotFilterTranslator.prefixFilter(new PrefixMatch(column, prefix), source).orElseThrow();
                BrokerResponse answer = cluster.broker().query("SELECT k, " + (column.isSourceField() ? "JSONEXTRACTSCALAR(source, '$.s', 'STRING', '')" : column.pinotColumn())
                        + " FROM " + CASES + " WHERE " + PinotSqlWriter.filter(new PinotFilter.And(List.of(liveRows, like))) + " LIMIT 1000");
                assertThat(answer.hasExceptions()).as(answer.sql()).isFalse();
                assertThat(answer.rows()).as(answer.sql()).isNotEmpty();
                for (JsonNode row : answer.rows()) {
                    assertThat(row.get(1).asText()).as(answer.sql()).startsWith(prefix);
                }
            }
        }
    }

    @Test
    void testFieldsNamedLikeHiddenColumnsLeaveBothReachable()
    {
        for (String table : List.of(CASES, CASES_UNINDEXED)) {
            Map<String, String> comments = new LinkedHashMap<>();
            for (MaterializedRow row : queryRunner.execute("SHOW COLUMNS FROM " + table).getMaterializedRows()) {
                comments.put((String) row.getField(0), (String) row.getField(3));
            }
            // SHOW COLUMNS lists the visible columns: the fields keep their names
            assertThat(comments.keySet()).containsExactly("k", "s", "p", "_op", "_lsn");
            assertThat(comments.get("_op")).contains("$._op of source");
            assertThat(queryRunner.execute("SELECT count(*) FROM " + table + " WHERE __op = 'd'").getOnlyValue()).isEqualTo(0L);
            assertSameBothWays(pushdown, noPushdown, "SELECT k, _op, __op, _lsn, __lsn > 0, _ts_ms > 0 FROM " + table);
            assertSameBothWays(pushdown, noPushdown, "SELECT k FROM " + table + " WHERE _op = 'C' AND __op IN ('c', 'u')");
            assertSameBothWays(pushdown, noPushdown, "SELECT k FROM " + table + " WHERE _lsn BETWEEN 3 AND 12");
            assertSameBothWays(pushdown, noPushdown, "SELECT * FROM " + table);
        }
    }

    /** Collects every query whose answer differs, so that one run shows all the shapes that go wrong. */
    private void assertSameBothWays(Session withPushdown, Session withoutPushdown, String query)
    {
        MaterializedResult expected = queryRunner.execute(withoutPushdown, query);
        try {
            MaterializedResult actual = queryRunner.execute(withPushdown, query);
            if (!HashMultiset.create(actual.getMaterializedRows()).equals(HashMultiset.create(expected.getMaterializedRows()))) {
                failures.add(query + "\n    with pushdown: " + actual.getMaterializedRows() + "\n    without:       " + expected.getMaterializedRows());
            }
        }
        catch (RuntimeException e) {
            failures.add(query + "\n    fails with pushdown: " + e.getMessage());
        }
    }

    @BeforeEach
    void clearFailures()
    {
        failures.clear();
    }

    @AfterEach
    void reportFailures()
    {
        assertThat(failures).as("queries whose answer differs with pushdown").isEmpty();
    }
}

package dev.pinotcdc.trino;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pinotcdc.trino.templates.DebeziumType;
import dev.pinotcdc.trino.testing.AdjustedCdcTable;
import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumEventFactory;
import dev.pinotcdc.trino.testing.DebeziumEventFactory.Event;
import dev.pinotcdc.trino.testing.DebeziumEventFactory.Field;
import dev.pinotcdc.trino.testing.KafkaMessage;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import io.trino.Session;
import io.trino.testing.MaterializedResult;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Values at the edges of what Pinot computes for the connector: times exactly on and next to unit boundaries before
 * 1970 (date_trunc), Debezium's numbers for PostgreSQL's infinities (NULL to Trino), and promoted native columns,
 * whose rows without a value hold Pinot's stand-in while other rows hold the same value as data, or which do not hold
 * every value as it is (a STRING column's {@code maxLength} cuts longer text; an INT column wraps a BIGINT around).
 * Each query's truth is the same SQL with the pushdown off, where Trino decodes every row itself; over committed and
 * consuming segments.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcExactEdges
{
    private static final String TABLE = "exact_edges";
    /** The same boundary times, without infinities: what date_trunc must get right on its own. */
    private static final String TIMES = "exact_edge_times";
    /** A promoted text field in a STRING column with a maxLength of 8, and a BIGINT field in an INT column. */
    private static final String LIMITS = "exact_edge_limits";
    private static final int MAX_LENGTH = 8;
    /** 3,000,000,000 in an INT column, wrapped around. */
    private static final long WRAPPED = 3_000_000_000L - (1L << 32);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNAVAILABLE = "__debezium_unavailable_value";
    private static final List<String> UNITS = List.of("second", "minute", "hour", "day", "week", "month", "quarter", "year");
    /** U+FFFF, the default Pinot extracts a missing text as, and U+FFFE, the second extraction's default. */
    private static final String MARKER = "\uFFFF";
    private static final String SECOND_MARKER = "\uFFFE";
    /** Not a value: the field is left out of the row image. */
    private static final Object ABSENT = new Object();

    private QueryRunner queryRunner;
    private Session pushdown;
    private Session noPushdown;

    @BeforeAll
    void setUp()
    {
        PinotCdcTestEnvironment environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();
        pushdown = queryRunner.getDefaultSession();
        noPushdown = Session.builder(pushdown)
                .setCatalogSessionProperty("pinot_cdc", "pushdown_enabled", "false")
                .build();

        List<Field> fields = List.of(
                Field.required("id", "int64"),
                Field.optional("grp", "int64"),
                Field.logical("ts", "int64", DebeziumType.CONNECT_TIMESTAMP),
                Field.logical("tu", "int64", DebeziumType.MICRO_TIMESTAMP),
                Field.logical("dt", "int32", DebeziumType.CONNECT_DATE),
                Field.logical("pts", "int64", DebeziumType.CONNECT_TIMESTAMP),
                Field.logical("ptu", "int64", DebeziumType.MICRO_TIMESTAMP),
                Field.logical("pdt", "int32", DebeziumType.CONNECT_DATE),
                Field.logical("pz", "string", DebeziumType.ZONED_TIMESTAMP),
                Field.optional("pn", "int64"),
                Field.optional("pi", "int32"),
                Field.optional("pflag", "boolean"),
                Field.optional("pvc", "string"),
                Field.optional("pd", "float64"),
                Field.optional("pf", "float64"),
                Field.optional("vc", "string"));
        DebeziumEventFactory events = new DebeziumEventFactory("edges", TABLE, fields, List.of("id"));

        List<Object> millis = new ArrayList<>();
        List<Object> micros = new ArrayList<>();
        for (LocalDateTime boundary : List.of(
                LocalDateTime.of(1, 1, 1, 0, 0),
                LocalDateTime.of(1000, 12, 31, 0, 0),
                LocalDateTime.of(1500, 4, 1, 0, 0),
                LocalDateTime.of(1600, 3, 1, 0, 0),
                LocalDateTime.of(1683, 7, 1, 13, 0),
                LocalDateTime.of(1900, 1, 1, 0, 0),
                LocalDateTime.of(1969, 12, 29, 0, 0),
                LocalDateTime.of(1970, 1, 1, 0, 0),
                LocalDateTime.of(2262, 1, 1, 0, 0),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59))) {
            Instant instant = boundary.toInstant(ZoneOffset.UTC);
            long ms = instant.toEpochMilli();
            millis.addAll(List.of(ms, ms - 1, ms + 1));
            long us = Math.multiplyExact(instant.getEpochSecond(), 1_000_000L);
            micros.addAll(List.of(us, us - 1, us + 1, us - 999, us - 1000, us - 1001, us + 999));
        }
        List<Object> infiniteEpochs = List.of(9223372036825200000L, -9223372036832400000L, 9223372036825200L, -9223372036832400L, Long.MAX_VALUE, Long.MIN_VALUE);
        List<Object> days = new ArrayList<>(List.of(0L, -1L, 1L, LocalDate.of(1, 1, 1).toEpochDay(), LocalDate.of(1969, 12, 1).toEpochDay(), LocalDate.of(2024, 2, 29).toEpochDay()));
        List<Object> infiniteDays = List.of(-2147472692L, -2147472691L, -622191234L, -625821272L, 2146033979L, (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE);
        List<Object> zoned = List.of("2024-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "1969-12-31T23:59:59.999999Z", "9999-12-31T23:59:59.999999Z",
                "infinity", "-infinity", "1500-06-15T12:00:00.5Z");

        List<KafkaMessage> messages = new ArrayList<>();
        Map<Long, Map<String, Object>> live = new LinkedHashMap<>();
        int rows = 150;
        for (long id = 1; id <= rows; id++) {
            Map<String, Object> row = new LinkedHashMap<>();
            Set<String> absent = new HashSet<>();
            row.put("id", id);
            row.put("grp", id % 3);
            // every third row of the time fields holds an infinity, a null or nothing
            put(row, absent, "ts", pick(id, 1, millis, infiniteEpochs));
            put(row, absent, "tu", pick(id, 2, micros, infiniteEpochs));
            put(row, absent, "dt", pick(id, 3, days, infiniteDays));
            put(row, absent, "pts", pick(id, 4, millis, infiniteEpochs));
            put(row, absent, "ptu", pick(id, 5, micros, infiniteEpochs));
            put(row, absent, "pdt", pick(id, 6, days, infiniteDays));
            put(row, absent, "pz", pick(id, 7, zoned, List.of()));
            // stand-ins of Pinot as real values, beside NULLs and missing fields
            put(row, absent, "pn", choose(id, 8, Long.MIN_VALUE, 0L, -5L, 7L, Long.MAX_VALUE, null, ABSENT));
            put(row, absent, "pi", choose(id, 9, (long) Integer.MIN_VALUE, 0L, 3L, -3L, null, ABSENT));
            put(row, absent, "pflag", choose(id, 10, false, true, false, null, ABSENT));
            put(row, absent, "pvc", choose(id, 11, "null", "plain", "", "zeta", UNAVAILABLE, null, ABSENT, MARKER));
            // the texts the connector extracts as defaults, as values
            put(row, absent, "vc", choose(id, 13, MARKER, SECOND_MARKER, "", "a", UNAVAILABLE, MARKER + "x", null, ABSENT));
            put(row, absent, "pd", choose(id, 12, -1.5, 0.0, 2.25, 1e300, null, ABSENT));
            // what a sorted dictionary orders apart from Trino: NaN after +Infinity, -0.0 before 0.0
            put(row, absent, "pf", choose(id, 13, Double.NaN, -0.0, 0.0, 1.5, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2.5, -7.0, null, ABSENT, Double.NaN, -0.0));
            messages.add(message(events.insert(row), absent));
            live.put(id, row);
        }
        // updates into the consuming segment of rows whose first versions are committed by now
        for (long id = 3; id <= rows; id += 7) {
            Map<String, Object> after = new LinkedHashMap<>(live.get(id));
            after.put("pvc", "null");
            after.put("vc", id % 2 == 0 ? MARKER : null);
            after.put("pn", Long.MIN_VALUE);
            after.put("tu", 9223372036825200000L);
            messages.add(message(events.update(live.get(id), after), Set.of()));
            live.put(id, after);
        }
        for (long id = 10; id <= rows; id += 13) {
            messages.add(message(events.delete(live.remove(id)), Set.of()));
        }
        DebeziumEventFactory timeEvents = new DebeziumEventFactory("edges", TIMES, List.of(
                Field.required("id", "int64"),
                Field.logical("ts", "int64", DebeziumType.CONNECT_TIMESTAMP),
                Field.logical("tu", "int64", DebeziumType.MICRO_TIMESTAMP)), List.of("id"));
        List<KafkaMessage> timeMessages = new ArrayList<>();
        for (int index = 0; index < Math.max(millis.size(), micros.size()) + 2; index++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", (long) index);
            row.put("ts", index < millis.size() ? millis.get(index) : null);
            row.put("tu", index < micros.size() ? micros.get(index) : null);
            timeMessages.add(message(timeEvents.insert(row), Set.of()));
        }
        DebeziumCdcTable.builder(TIMES).topic(timeEvents.topic())
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .flushThresholdRows(30)
                .create(environment.cluster())
                .sendAndAwait(timeMessages);

        DebeziumCdcTable.builder(TABLE).topic(events.topic())
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .promotedField("pts", DebeziumType.of("int64", DebeziumType.CONNECT_TIMESTAMP))
                .promotedField("ptu", DebeziumType.of("int64", DebeziumType.MICRO_TIMESTAMP))
                .promotedField("pdt", DebeziumType.of("int32", DebeziumType.CONNECT_DATE))
                .promotedField("pz", DebeziumType.of("string", DebeziumType.ZONED_TIMESTAMP))
                .promotedField("pn", DebeziumType.of("int64"))
                .promotedField("pi", DebeziumType.of("int32"))
                .promotedField("pflag", DebeziumType.of("boolean"))
                .promotedField("pvc", DebeziumType.of("string"))
                .promotedField("pd", DebeziumType.of("float64"))
                .promotedField("pf", DebeziumType.of("float64"))
                .flushThresholdRows(40)
                .create(environment.cluster())
                .sendAndAwait(messages);

        DebeziumEventFactory limitEvents = new DebeziumEventFactory("limits", LIMITS, List.of(
                Field.required("id", "int64"),
                Field.optional("p", "string"),
                Field.optional("n", "int64")), List.of("id"));
        List<String> texts = List.of("short", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghij", "abcdefgX", "abcdefgh-and-more", "zz", "");
        List<Long> numbers = List.of(1L, 3_000_000_000L, WRAPPED, -3_000_000_000L, (long) Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, 0L, Long.MAX_VALUE, Long.MIN_VALUE);
        List<KafkaMessage> limitMessages = new ArrayList<>();
        for (int index = 0; index < texts.size(); index++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", (long) index);
            row.put("p", texts.get(index));
            row.put("n", numbers.get(index));
            limitMessages.add(message(limitEvents.insert(row), Set.of()));
        }
        AdjustedCdcTable.withFieldSpecs(
                        DebeziumCdcTable.builder(LIMITS).topic(limitEvents.topic())
                                .primaryKeyColumn("id", PinotColumnType.LONG)
                                .promotedField("p", DebeziumType.of("string"))
                                .promotedField("n", DebeziumType.of("int64"))
                                .flushThresholdRows(4)
                                .build(),
                        environment.cluster(),
                        Map.of(
                                "p", spec -> spec.put("maxLength", MAX_LENGTH),
                                "n", spec -> spec.put("dataType", "INT")))
                .sendAndAwait(limitMessages);
    }

    @Test
    void testTruncatedTimesOnAndNextToBoundaries()
    {
        for (String unit : UNITS) {
            for (String column : List.of("tu", "ts")) {
                assertSameBothWays("SELECT date_trunc('%s', %s), count(*), count(%s) FROM %s GROUP BY 1".formatted(unit, column, column, TIMES));
                assertSameBothWays("SELECT id, date_trunc('%s', %s) FROM %s".formatted(unit, column, TIMES));
            }
        }
        assertSameBothWays("SELECT date_trunc('day', ts), date_trunc('month', tu), count(*), min(ts), max(ts) FROM " + TIMES + " GROUP BY 1, 2");
        assertSameBothWays("SELECT date_trunc('year', tu), count(DISTINCT ts) FROM " + TIMES + " GROUP BY 1");
        assertThat((String) queryRunner.execute(pushdown, "EXPLAIN SELECT date_trunc('hour', tu), count(*) FROM " + TIMES + " GROUP BY 1").getOnlyValue())
                .contains("DATETRUNC('HOUR', SUB(DATETRUNC('MILLISECOND', JSONEXTRACTSCALAR(\"source\", '$[''tu'']', 'LONG', '0'), 'MICROSECONDS', 'UTC', 'MILLISECONDS'), 1)");
    }

    @Test
    void testInfinitiesAreNullUnderEveryPushedForm()
    {
        for (String unit : UNITS) {
            for (String column : List.of("ts", "tu", "pts", "ptu")) {
                assertSameBothWays("SELECT date_trunc('%s', %s), count(*), count(%s), min(id) FROM %s GROUP BY 1".formatted(unit, column, column, TABLE));
            }
        }
        assertSameBothWays("SELECT date_trunc('day', ts), date_trunc('month', tu), count(*), min(ts), max(ts), count(tu) FROM " + TABLE + " GROUP BY 1, 2");
        for (String column : List.of("ts", "tu", "dt", "pts", "ptu", "pdt", "pz")) {
            String literal = column.endsWith("dt") ? "DATE '2024-01-01'" : column.equals("pz") ? "TIMESTAMP '2024-01-01 00:00:00 UTC'" : "TIMESTAMP '2024-01-01 00:00:00'";
            String early = column.endsWith("dt") ? "DATE '1000-01-01'" : column.equals("pz") ? "TIMESTAMP '1001-01-01 00:00:00 UTC'" : "TIMESTAMP '1001-01-01 00:00:00'";
            for (String predicate : List.of(
                    column + " > " + literal,
                    column + " >= " + literal,
                    column + " < " + early,
                    column + " <= " + literal,
                    column + " <> " + literal,
                    column + " IS NULL",
                    column + " IS NOT NULL",
                    column + " NOT IN (" + literal + ", " + early + ")",
                    column + " BETWEEN " + early + " AND " + literal)) {
                assertSameBothWays("SELECT count(*) FROM " + TABLE + " WHERE " + predicate);
                assertSameBothWays("SELECT id FROM " + TABLE + " WHERE " + predicate);
            }
            assertSameBothWays("SELECT count(%1$s), count(DISTINCT %1$s), count(*) FROM %2$s".formatted(column, TABLE));
            assertSameBothWays("SELECT grp, count(%1$s), count(*) FROM %2$s GROUP BY grp".formatted(column, TABLE));
            // microseconds pass 2^53 before 1685 and after 2255: Pinot's MIN and MAX would answer doubles
            assertSameBothWays("SELECT min(%1$s), max(%1$s), count(%1$s), count(*) FROM %2$s".formatted(column, TABLE));
            assertSameBothWays("SELECT grp, min(%1$s), max(%1$s), count(%1$s), count(*) FROM %2$s GROUP BY grp".formatted(column, TABLE));
            assertSameBothWays("SELECT grp, count(DISTINCT %1$s) FROM %2$s GROUP BY grp".formatted(column, TABLE));
            assertSameBothWays("SELECT %1$s, count(*) FROM %2$s GROUP BY %1$s".formatted(column, TABLE));
            assertSameBothWays("SELECT %1$s, count(*), max(id) FROM %2$s GROUP BY %1$s".formatted(column, TABLE));
            for (String order : List.of("DESC NULLS LAST", "ASC NULLS FIRST", "DESC NULLS FIRST", "ASC NULLS LAST")) {
                assertSameBothWays("SELECT id, %1$s FROM %2$s ORDER BY %1$s %3$s, id LIMIT 4".formatted(column, TABLE, order));
            }
        }
    }

    @Test
    void testPromotedColumnsHoldingStandInsAndNulls()
    {
        for (String predicate : List.of(
                "pn = %d".formatted(Long.MIN_VALUE), "pn <> 0", "pn < 0", "pn >= -5", "pn IN (0, 7)", "pn NOT IN (0, 7)", "pn IS NULL", "pn IS NOT NULL",
                "pi = %d".formatted(Integer.MIN_VALUE), "pi < 0", "pi <> 3", "pi BETWEEN -3 AND 3",
                "pflag = false", "pflag = true", "pflag <> true", "NOT pflag", "pflag IS NULL",
                "pvc = 'null'", "pvc <> 'plain'", "pvc < 'p'", "pvc > 'a'", "pvc IN ('null', '')", "pvc NOT IN ('zeta')", "pvc LIKE 'nu%'", "pvc LIKE 'p%'", "pvc IS NULL",
                "pd < 0", "pd > -2", "pd = 0", "pd <> 2.25", "pd BETWEEN -10 AND 1e301",
                "pf > 1.5", "pf >= 2.5", "pf > -1e308", "pf < 1e308", "pf = 0", "pf <> 0", "pf > 0", "pf >= 0", "pf < 0", "pf <= 0",
                "pf IN (0, 2.5)", "pf NOT IN (0, 1.5)", "pf BETWEEN 0 AND 2", "pf BETWEEN -10 AND 0")) {
            assertSameBothWays("SELECT count(*) FROM " + TABLE + " WHERE " + predicate);
            assertSameBothWays("SELECT id FROM " + TABLE + " WHERE " + predicate);
        }
        for (String column : List.of("pn", "pi", "pflag", "pvc", "pd", "pf")) {
            assertSameBothWays("SELECT %1$s, count(*) FROM %2$s GROUP BY %1$s".formatted(column, TABLE));
            assertSameBothWays("SELECT grp, count(%1$s), count(DISTINCT %1$s), count(*) FROM %2$s GROUP BY grp".formatted(column, TABLE));
            assertSameBothWays("SELECT count(%1$s), count(DISTINCT %1$s) FROM %2$s".formatted(column, TABLE));
        }
        // pn holds Long.MIN_VALUE and Long.MAX_VALUE: beyond 2^53, where a double cannot hold them
        for (String column : List.of("pn", "pi", "pd")) {
            assertSameBothWays("SELECT min(%1$s), max(%1$s) FROM %2$s".formatted(column, TABLE));
            assertSameBothWays("SELECT grp, min(%1$s), max(%1$s) FROM %2$s GROUP BY grp".formatted(column, TABLE));
            for (String order : List.of("DESC NULLS LAST", "ASC NULLS FIRST", "ASC NULLS LAST")) {
                assertSameBothWays("SELECT id, %1$s FROM %2$s ORDER BY %1$s %3$s, id LIMIT 4".formatted(column, TABLE, order));
            }
        }
        assertSameBothWays("SELECT sum(pi), avg(pi), sum(pd), avg(pd) FROM " + TABLE);
        assertSameBothWays("SELECT grp, sum(pi), avg(pd) FROM " + TABLE + " GROUP BY grp");
        assertSameBothWays("SELECT DISTINCT pvc FROM " + TABLE);
        assertSameBothWays("SELECT DISTINCT pflag FROM " + TABLE);
    }

    @Test
    void testTextsEqualToTheAbsentMarkerAreValues()
    {
        for (String column : List.of("vc", "pvc")) {
            for (String predicate : List.of("true", "%s = U&'\\FFFF'", "%s IS NULL", "%s IS NOT NULL", "%s <> U&'\\FFFE'", "%s > 'a'")) {
                String where = predicate.formatted(column);
                assertSameBothWays("SELECT id, %1$s FROM %2$s WHERE %3$s".formatted(column, TABLE, where));
                assertSameBothWays("SELECT count(*), count(%1$s), count(DISTINCT %1$s) FROM %2$s WHERE %3$s".formatted(column, TABLE, where));
            }
            assertSameBothWays("SELECT %1$s, count(*) FROM %2$s GROUP BY %1$s".formatted(column, TABLE));
            assertSameBothWays("SELECT %1$s, grp, count(*), min(id) FROM %2$s GROUP BY %1$s, grp".formatted(column, TABLE));
            // a distinct count beside: Pinot itself puts Debezium's placeholder into the NULL group
            assertSameBothWays("SELECT %1$s, count(*), count(DISTINCT grp) FROM %2$s GROUP BY %1$s".formatted(column, TABLE));
            assertSameBothWays("SELECT grp, count(%1$s), count(DISTINCT %1$s), count(*) FROM %2$s GROUP BY grp".formatted(column, TABLE));
            assertSameBothWays("SELECT DISTINCT %1$s FROM %2$s".formatted(column, TABLE));
        }
        // the answers above came from Pinot's extractions
        assertThat((String) queryRunner.execute(pushdown, "EXPLAIN SELECT id, vc FROM " + TABLE).getOnlyValue())
                .contains("JSONEXTRACTSCALAR(\"source\", '$[''vc'']', 'STRING', '\uFFFF')")
                .contains("JSONEXTRACTSCALAR(\"source\", '$[''vc'']', 'STRING', '\uFFFE')");
        assertThat((String) queryRunner.execute(pushdown, "EXPLAIN SELECT vc, count(*) FROM " + TABLE + " GROUP BY vc").getOnlyValue())
                .contains("GROUP BY JSONEXTRACTSCALAR(\"source\", '$[''vc'']', 'STRING', '\uFFFF')");
    }

    @Test
    void testMinAndMaxOfWholeNumbersBeyondTwoToTheFiftyThirdArePushedExactly()
    {
        for (String column : List.of("pn", "tu", "ptu")) {
            String query = "SELECT grp, min(%1$s), max(%1$s), count(*) FROM %2$s GROUP BY grp".formatted(column, TABLE);
            assertThat((String) queryRunner.execute(pushdown, "EXPLAIN " + query).getOnlyValue()).as(query)
                    .contains("FIRSTWITHTIME(")
                    .contains("LASTWITHTIME(");
            assertSameBothWays(query);
            assertSameBothWays("SELECT min(%1$s), max(%1$s) FROM %2$s WHERE %1$s IS NOT NULL".formatted(column, TABLE));
        }
    }

    @Test
    void testCutTextIsComparedOnlyWhereTheCutCannotDecide()
    {
        for (String predicate : List.of(
                "p = 'abcdefgh'", "p = 'abcdefghi'", "p = 'abcdefgh-and-more'", "p IN ('abcdefgh', 'short')", "p IN ('abcdefg', 'short')",
                "p <> 'abcdefgh'", "p NOT IN ('abcdefgh', 'zz')", "p NOT IN ('abcdefg', 'zz')",
                "p > 'abcdefgh'", "p >= 'abcdefgh'", "p < 'abcdefgh'", "p <= 'abcdefgh'", "p BETWEEN 'abcdefg' AND 'abcdefgh'", "p BETWEEN 'a' AND 'b'", "p > 'abcdefgZ'",
                "p LIKE 'abcdefgh%'", "p LIKE 'abcdefgh-%'", "p LIKE 'abcdefg%'", "p LIKE 'abc%'", "p = 'short'", "p < 'b'")) {
            assertSameBothWays("SELECT id FROM " + LIMITS + " WHERE " + predicate);
            assertSameBothWays("SELECT count(*) FROM " + LIMITS + " WHERE " + predicate);
        }
        // texts shorter than the cut are still compared on the native column
        assertThat(explain("SELECT id FROM " + LIMITS + " WHERE p = 'short'")).contains("\"p\" = 'short'");
        assertThat(explain("SELECT id FROM " + LIMITS + " WHERE p < 'b'")).contains("\"p\" < 'b'");
        // a text as long as the cut, or longer, may be what a longer text became: Pinot compares the JSON, or Trino does
        assertThat(explain("SELECT id FROM " + LIMITS + " WHERE p = 'abcdefgh'")).doesNotContain("\"p\" =").doesNotContain("\"p\" IN");
        assertThat(explain("SELECT id FROM " + LIMITS + " WHERE p > 'abcdefgh'")).doesNotContain("\"p\" >");
        assertThat(explain("SELECT id FROM " + LIMITS + " WHERE p LIKE 'abcdefgh-%'")).doesNotContain("\"p\" LIKE");
        assertThat(queryRunner.execute(pushdown, "SELECT id FROM " + LIMITS + " WHERE p = 'abcdefgh-and-more'").getOnlyColumnAsSet()).containsExactly(6L);
    }

    @Test
    void testWholeNumbersWrappedByAnIntColumnAreNotFilteredThere()
    {
        for (String predicate : List.of(
                "n = 3000000000", "n = " + WRAPPED, "n > 0", "n < 0", "n BETWEEN -5 AND 5", "n IN (1, 3000000000)", "n <> 1", "n = 2147483648", "n >= 2147483647")) {
            assertSameBothWays("SELECT id FROM " + LIMITS + " WHERE " + predicate);
            assertSameBothWays("SELECT count(*) FROM " + LIMITS + " WHERE " + predicate);
        }
        assertThat(explain("SELECT id FROM " + LIMITS + " WHERE n = 3000000000")).doesNotContain("\"n\" =");
        assertThat(queryRunner.execute(pushdown, "SELECT id FROM " + LIMITS + " WHERE n = 3000000000").getOnlyColumnAsSet()).containsExactly(1L);
        assertThat(queryRunner.execute(pushdown, "SELECT id FROM " + LIMITS + " WHERE n = " + WRAPPED).getOnlyColumnAsSet()).containsExactly(2L);
    }

    private String explain(String query)
    {
        return (String) queryRunner.execute(pushdown, "EXPLAIN " + query).getOnlyValue();
    }

    private void assertSameBothWays(String query)
    {
        MaterializedResult expected = queryRunner.execute(noPushdown, query);
        MaterializedResult actual = queryRunner.execute(pushdown, query);
        assertThat(actual.getMaterializedRows()).as(query).containsExactlyInAnyOrderElementsOf(expected.getMaterializedRows());
    }

    /** Row by row: a value of the list, or (every third row) an infinity, a JSON null or no field. */
    private static Object pick(long id, int salt, List<Object> values, List<Object> infinities)
    {
        long position = id * 7 + salt * 13L;
        if (id % 3 == salt % 3) {
            long kind = (id / 3 + salt) % 4;
            if (kind == 0 || infinities.isEmpty()) {
                return kind % 2 == 0 ? null : ABSENT;
            }
            return kind == 1 ? ABSENT : infinities.get((int) (position % infinities.size()));
        }
        return values.get((int) (position % values.size()));
    }

    private static Object choose(long id, int salt, Object... values)
    {
        return values[(int) ((id * 5 + salt * 11L) % values.length)];
    }

    private static void put(Map<String, Object> row, Set<String> absent, String field, Object value)
    {
        if (value == ABSENT) {
            absent.add(field);
            row.put(field, null);
        }
        else {
            row.put(field, value);
        }
    }

    private static KafkaMessage message(Event event, Set<String> absent)
    {
        try {
            ObjectNode value = (ObjectNode) JSON.readTree(event.value());
            if (value.path("payload").path("after") instanceof ObjectNode after) {
                after.remove(absent);
            }
            return KafkaMessage.of(event.key(), JSON.writeValueAsString(value));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

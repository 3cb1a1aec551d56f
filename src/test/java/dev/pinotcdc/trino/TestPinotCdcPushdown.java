package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumEventFactory;
import dev.pinotcdc.trino.testing.KafkaMessage;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.SampleCdcTables;
import io.trino.Session;
import io.trino.execution.QueryInfo;
import io.trino.spi.QueryId;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.MaterializedResult;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.pinotcdc.trino.testing.SampleCdcTables.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Every query runs twice against the real Pinot, with pushdown and without, and must give the same rows; EXPLAIN
 * shows what reached Pinot.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcPushdown
{
    private static final String ORDERS = "push_orders";
    private static final String USERS = "push_users";
    /** A PostgreSQL timestamp as Debezium sends it: microseconds since the epoch. */
    private static final String EVENTS = "push_events";
    // the whole source document in a select list, as opposed to values extracted from it
    private static final String WHOLE_DOCUMENTS = "(SELECT|,) \"source\"(,| FROM)";

    private QueryRunner queryRunner;
    private Session pushdown;
    private Session noPushdown;
    private Session extractingEveryField;

    @BeforeAll
    void setUp()
    {
        PinotCdcTestEnvironment environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();
        pushdown = queryRunner.getDefaultSession();
        noPushdown = Session.builder(pushdown)
                .setCatalogSessionProperty("pinot_cdc", "pushdown_enabled", "false")
                .build();
        extractingEveryField = Session.builder(pushdown)
                .setCatalogSessionProperty("pinot_cdc", "max_extracted_source_fields", "1000")
                .build();

        Random random = new Random(11);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DebeziumEventFactory users = SampleCdcTables.usersFactory("push", USERS);
        List<KafkaMessage> userEvents = new ArrayList<>();
        for (long id = 1; id <= 60; id++) {
            userEvents.add(message(users.insert(SampleCdcTables.user(id, now.minus(random.nextInt(100), ChronoUnit.DAYS), random))));
        }
        DebeziumEventFactory orders = SampleCdcTables.ordersFactory("push", ORDERS);
        Map<Long, Map<String, Object>> live = new LinkedHashMap<>();
        List<KafkaMessage> orderEvents = new ArrayList<>();
        for (long id = 1; id <= 1500; id++) {
            Map<String, Object> order = SampleCdcTables.order(id, 1 + random.nextInt(60), now.minus(random.nextInt(60 * 24), ChronoUnit.HOURS), random);
            if (id % 17 == 0) {
                order.put("status", null);
            }
            orderEvents.add(message(orders.insert(order)));
            live.put(id, order);
        }
        // timestamps that are NULL, and ones across decades (before 1970 too), for date_trunc's coarse units
        for (long id = 1501; id <= 1560; id++) {
            Instant createdAt = LocalDateTime.of(1965 + random.nextInt(70), 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60))
                    .toInstant(ZoneOffset.UTC)
                    .plusMillis(random.nextInt(1000));
            Map<String, Object> order = SampleCdcTables.order(id, 1 + random.nextInt(60), createdAt, random);
            if (id % 4 == 0) {
                order.put("created_at", null);
            }
            orderEvents.add(message(orders.insert(order)));
            live.put(id, order);
        }
        for (long id = 1; id <= 1500; id += 3) {
            Map<String, Object> before = live.get(id);
            Map<String, Object> after = new LinkedHashMap<>(before);
            after.put("status", "paid");
            after.put("amount", SampleCdcTables.decimalBase64(BigDecimal.valueOf(random.nextInt(50_000), 2)));
            orderEvents.add(message(orders.update(before, after)));
            live.put(id, after);
        }
        for (long id = 5; id <= 1500; id += 10) {
            orderEvents.add(message(orders.delete(live.remove(id))));
        }
        DebeziumEventFactory events = new DebeziumEventFactory("push", EVENTS, List.of(
                DebeziumEventFactory.Field.required("id", "int64"),
                DebeziumEventFactory.Field.logical("happened_at", "int64", "io.debezium.time.MicroTimestamp")),
                List.of("id"));
        List<KafkaMessage> eventEvents = new ArrayList<>();
        // microseconds just below a unit's start, after and before 1970, where truncating to milliseconds first would differ
        List<Long> edges = List.of(-1_000_500L, -86_400_000_001L, -1L, 1_699_999_999_999_999L, 86_399_999_999L);
        for (long id = 1; id <= 200; id++) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("id", id);
            long micros = id <= edges.size() ? edges.get((int) id - 1) : (random.nextLong(4_000_000_000_000_000L) - 1_000_000_000_000_000L);
            event.put("happened_at", id % 9 == 0 ? null : micros);
            eventEvents.add(message(events.insert(event)));
        }
        DebeziumCdcTable.builder(EVENTS).topic(events.topic())
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .create(environment.cluster())
                .sendAndAwait(eventEvents);
        DebeziumCdcTable.builder(USERS).topic(users.topic())
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .create(environment.cluster())
                .sendAndAwait(userEvents);
        DebeziumCdcTable.builder(ORDERS).topic(orders.topic())
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .create(environment.cluster())
                .sendAndAwait(orderEvents);
    }

    @Test
    void testPredicatesGiveTheSameRowsBothWays()
    {
        for (String predicate : List.of(
                "id = 42",
                "id IN (1, 2, 3, 5, 700, 1499)",
                "id BETWEEN 100 AND 180",
                "id > 1400 OR id < 20",
                "id <> 7 AND id < 30",
                "user_id = 7",
                "user_id IN (3, 9) AND id < 900",
                "status = 'paid'",
                "status <> 'paid'",
                "status IN ('new', 'cancelled')",
                "status NOT IN ('new', 'paid')",
                "status IS NULL",
                "status IS NOT NULL AND id < 100",
                "status LIKE 'pa%'",
                "status LIKE 'c%' AND user_id < 30",
                "status = ''",
                "created_at >= now() - INTERVAL '30' DAY",
                "created_at < TIMESTAMP '2000-01-01 00:00:00'",
                "created_at BETWEEN current_timestamp - INTERVAL '10' DAY AND current_timestamp - INTERVAL '5' DAY",
                "created_at = TIMESTAMP '2024-01-01 00:00:00.000'",
                "amount > 100",
                "_op = 'u'",
                "_ts_ms > 0 AND _op IN ('c', 'r')")) {
            assertSameBothWays("SELECT id, user_id, amount, status, created_at FROM " + ORDERS + " WHERE " + predicate);
        }
    }

    @Test
    void testAggregationsLimitsAndJoinsGiveTheSameRowsBothWays()
    {
        for (String query : List.of(
                "SELECT count(*) FROM " + ORDERS,
                "SELECT count(*) FROM " + ORDERS + " WHERE created_at >= now() - INTERVAL '30' DAY",
                "SELECT status, count(*), sum(amount), min(created_at), max(user_id) FROM " + ORDERS + " GROUP BY status",
                "SELECT count(DISTINCT user_id), approx_distinct(user_id) FROM " + ORDERS,
                "SELECT count(status) FROM " + ORDERS,
                "SELECT u.name, count(*) AS orders FROM " + USERS + " u JOIN " + ORDERS + " o ON o.user_id = u.id " +
                        "WHERE o.created_at >= now() - INTERVAL '30' DAY GROUP BY u.name ORDER BY orders DESC, u.name LIMIT 10",
                "SELECT id FROM " + ORDERS + " ORDER BY created_at DESC, id LIMIT 7",
                "SELECT date_trunc('day', created_at) AS day, count(*) FROM " + ORDERS + " GROUP BY 1",
                "SELECT user_id, status, count(*), min(created_at), max(created_at), sum(user_id), avg(user_id), count(DISTINCT status) FROM " + ORDERS + " GROUP BY user_id, status",
                "SELECT _op, count(*) FROM " + ORDERS + " GROUP BY _op",
                "SELECT count(*), count(DISTINCT status) FROM " + ORDERS + " WHERE status LIKE 'pa%' OR status IS NULL")) {
            assertSameBothWays(query);
        }
        // a LIMIT without order returns some rows; both ways return as many
        assertThat(queryRunner.execute(pushdown, "SELECT id FROM " + ORDERS + " LIMIT 13").getRowCount()).isEqualTo(13);
    }

    @Test
    void testExplainShowsThePinotQuery()
    {
        String plan = explain("SELECT id, status FROM " + ORDERS + " WHERE status = 'paid' AND id > 10");
        assertThat(plan)
                .contains("Pinot SQL: SELECT")
                .contains("FROM \"" + ORDERS + "\"")
                .contains("\"op\" NOT IN")
                .contains("\"id\" >= 11")
                .contains("JSON_MATCH(\"source\", '\"$.status\" = ''paid''')");
    }

    @Test
    void testTimeWindowOnADecodedTimestampReachesPinot()
    {
        String plan = explain("SELECT count(*) FROM " + ORDERS + " WHERE created_at >= now() - INTERVAL '30' DAY");
        assertThat(plan).contains("Pinot SQL: ").contains("created_at");
        assertThat(plan).containsPattern("JSONEXTRACTSCALAR\\(\"source\", '\\$\\[''created_at''\\]', 'LONG'.*\\) >= \\d{13}");
    }

    @Test
    void testAggregationsReachPinot()
    {
        // the placeholder's group is merged into the NULL group by the connector, not by a CASE around the key; beside
        // the key, a second extraction with another default tells a missing status from the text U+FFFF
        assertThat(explain("SELECT status, count(*) FROM " + ORDERS + " GROUP BY status"))
                .contains("Pinot SQL: SELECT JSONEXTRACTSCALAR(\"source\", '$[''status'']', 'STRING'")
                .contains("COUNT(*)")
                .contains("GROUP BY JSONEXTRACTSCALAR(\"source\", '$[''status'']', 'STRING', '\uFFFF'), CASE WHEN JSONEXTRACTSCALAR(\"source\", '$[''status'']', 'STRING', '\uFFFE') IN ('\uFFFE', '__debezium_unavailable_value') THEN 1 ELSE 0 END")
                .doesNotContain("CASE WHEN JSONEXTRACTSCALAR(\"source\", '$[''status'']', 'STRING', '\uFFFF')");
        // a distinct count cannot be merged: Pinot puts the placeholder into the NULL group
        assertThat(explain("SELECT status, count(*), count(DISTINCT user_id) FROM " + ORDERS + " GROUP BY status"))
                .contains("'__debezium_unavailable_value'")
                .contains("GROUP BY CASE WHEN JSONEXTRACTSCALAR");
        assertThat(explain("SELECT count(*) FROM " + ORDERS + " WHERE created_at >= now() - INTERVAL '30' DAY"))
                .contains("Pinot SQL: SELECT COUNT(*) FROM");
        assertThat(explain("SELECT user_id, count(status), max(created_at), sum(user_id) FROM " + ORDERS + " GROUP BY user_id"))
                .contains("SUM(CASE WHEN JSONEXTRACTSCALAR(\"source\", '$[''status'']', 'STRING'")
                .contains("LASTWITHTIME(CASE WHEN JSONEXTRACTSCALAR(\"source\", '$[''created_at'']', 'LONG'")
                .contains("SUMPRECISION(");
    }

    @Test
    void testTruncatedTimesGiveTheSameRowsBothWays()
    {
        for (String unit : List.of("second", "minute", "hour", "day", "week", "month", "quarter", "year")) {
            assertSameBothWays("SELECT date_trunc('" + unit + "', created_at), count(*), count(created_at) FROM " + ORDERS + " GROUP BY 1");
        }
        for (String unit : List.of("second", "minute", "hour", "day", "week", "month", "quarter", "year")) {
            assertSameBothWays("SELECT date_trunc('" + unit + "', happened_at), count(*), count(happened_at) FROM " + EVENTS + " GROUP BY 1");
        }
        assertThat(explain("SELECT date_trunc('day', happened_at), count(*) FROM " + EVENTS + " GROUP BY 1"))
                .contains("DATETRUNC('DAY', JSONEXTRACTSCALAR(\"source\", '$[''happened_at'']', 'LONG', '0'), 'MICROSECONDS')")
                .contains("GROUP BY");
        for (String query : List.of(
                // what Superset's time grains send
                "SELECT date_trunc('week', created_at) AS __timestamp, count(*) AS count FROM " + ORDERS +
                        " WHERE created_at >= TIMESTAMP '1990-01-01 00:00:00' AND created_at < TIMESTAMP '2030-01-01 00:00:00' GROUP BY date_trunc('week', created_at) ORDER BY count DESC, __timestamp LIMIT 10",
                "SELECT date_trunc('day', created_at), count(*) FROM " + ORDERS + " WHERE created_at >= now() - INTERVAL '30' DAY GROUP BY 1",
                "SELECT date_trunc('month', created_at), count(*) FROM " + ORDERS + " WHERE created_at IS NULL GROUP BY 1",
                "SELECT status, date_trunc('MONTH', created_at), count(*), min(created_at), max(user_id) FROM " + ORDERS + " GROUP BY 1, 2",
                "SELECT date_trunc('year', created_at), date_trunc('quarter', created_at), count(DISTINCT user_id) FROM " + ORDERS + " GROUP BY 1, 2",
                "SELECT date_trunc('day', created_at), count(*) FROM " + ORDERS + " GROUP BY 1 HAVING count(*) > 20",
                "SELECT count(*) FROM " + ORDERS + " WHERE date_trunc('month', created_at) = TIMESTAMP '2001-05-01 00:00:00'",
                // without an aggregation the scan truncates the values it reads
                "SELECT id, date_trunc('week', created_at), date_trunc('second', created_at) FROM " + ORDERS + " WHERE id > 1400",
                // not a unit Pinot truncates the same way: stays in Trino
                "SELECT date_trunc('millisecond', created_at), count(*) FROM " + ORDERS + " GROUP BY 1")) {
            assertSameBothWays(query);
        }
    }

    @Test
    void testTruncatedTimeGroupByReachesPinot()
    {
        String truncated = "DATETRUNC('DAY', JSONEXTRACTSCALAR(\"source\", '$[''created_at'']', 'LONG', '0'), 'MILLISECONDS')";
        assertThat(explain("SELECT date_trunc('day', created_at), count(*) FROM " + ORDERS + " WHERE created_at >= now() - INTERVAL '30' DAY GROUP BY 1"))
                .contains("Pinot SQL: SELECT CASE WHEN JSONEXTRACTSCALAR(\"source\", '$[''created_at'']', 'STRING'")
                .contains(truncated)
                .contains("COUNT(*)")
                .containsPattern("GROUP BY CASE WHEN .*, DATETRUNC\\('DAY'")
                .containsPattern("JSONEXTRACTSCALAR\\(\"source\", '\\$\\[''created_at''\\]', 'LONG'.*\\) >= \\d{13}");
        assertThat(explain(noPushdown, "SELECT date_trunc('day', created_at), count(*) FROM " + ORDERS + " GROUP BY 1"))
                .doesNotContain("DATETRUNC")
                .doesNotContain("GROUP BY");
    }

    @Test
    void testAggregatesOverAbsentValuesAreNull()
    {
        assertSameBothWays("SELECT status IS NULL, count(status), min(created_at), count(DISTINCT status), sum(user_id), avg(user_id) FROM " + ORDERS + " GROUP BY status IS NULL");
        assertSameBothWays("SELECT status, max(user_id), min(user_id), avg(user_id) FROM " + ORDERS + " WHERE status IS NULL GROUP BY status");
        assertSameBothWays("SELECT count(*), sum(user_id), min(created_at), count(status) FROM " + ORDERS + " WHERE id < 0");
    }

    @Test
    void testPushdownOffSendsOnlyTheLatestStateQuery()
    {
        String plan = explain(noPushdown, "SELECT id FROM " + ORDERS + " WHERE status = 'paid' AND id > 10");
        assertThat(plan).contains("Pinot SQL: SELECT \"id\", \"source\", \"lsn\" FROM \"push_orders\" WHERE \"op\" NOT IN ('d', 't') LIMIT")
                .doesNotContain("\"id\" >=")
                .doesNotContain("JSON_MATCH");
    }

    @Test
    void testFewSourceFieldsAreExtractedInPinot()
    {
        // the catalog's default: one field is extracted, more come as whole documents
        assertThat(explain("SELECT id, status FROM " + ORDERS + " WHERE id > 10"))
                .contains("Pinot SQL: SELECT \"id\", JSONEXTRACTSCALAR(\"source\", '$[''status'']', 'STRING', '\uFFFF'), "
                        + "CASE WHEN JSONEXTRACTSCALAR(\"source\", '$[''status'']', 'STRING', '\uFFFE') = '\uFFFE' THEN 1 ELSE 0 END, \"lsn\" FROM");
        assertThat(explain("SELECT user_id, created_at FROM " + ORDERS))
                .contains("Pinot SQL: SELECT \"source\", \"id\", \"lsn\" FROM")
                .doesNotContain("JSONEXTRACTSCALAR");
        assertThat(explain(extractingEveryField, "SELECT user_id, created_at FROM " + ORDERS))
                .contains("JSONEXTRACTSCALAR(\"source\", '$[''user_id'']', 'STRING'")
                .contains("JSONEXTRACTSCALAR(\"source\", '$[''created_at'']', 'STRING'")
                .doesNotContainPattern(WHOLE_DOCUMENTS);
        assertThat(explain("SELECT id, user_id, amount, status, created_at FROM " + ORDERS))
                .contains("Pinot SQL: SELECT \"id\", \"source\", \"lsn\" FROM")
                .doesNotContain("JSONEXTRACTSCALAR");
        assertThat(explain(extractingEveryField, "SELECT id, user_id, amount, status, created_at FROM " + ORDERS))
                .contains("JSONEXTRACTSCALAR(\"source\", '$[''amount'']', 'STRING'")
                .doesNotContainPattern(WHOLE_DOCUMENTS);
        assertThat(explain(noPushdown, "SELECT status FROM " + ORDERS)).doesNotContain("JSONEXTRACTSCALAR");

        for (String query : List.of(
                "SELECT status FROM " + ORDERS,
                "SELECT id, amount FROM " + ORDERS,
                "SELECT user_id, created_at FROM " + ORDERS + " WHERE id < 700",
                "SELECT id, user_id, amount, status, created_at FROM " + ORDERS,
                "SELECT id, happened_at FROM " + EVENTS,
                "SELECT name, email, country FROM " + USERS,
                "SELECT o.id, u.name FROM " + ORDERS + " o JOIN " + USERS + " u ON o.user_id = u.id WHERE o.created_at >= now() - INTERVAL '30' DAY")) {
            assertSameBothWays(query);
        }
    }

    @Test
    void testJoinsDynamicFilterReachesPinot()
    {
        // by default a scan does not wait: it takes the dynamic filter only if the join's other side is done first
        Session waitingForDynamicFilters = Session.builder(pushdown)
                .setCatalogSessionProperty("pinot_cdc", "dynamic_filtering_wait_timeout", "30s")
                .build();
        Session withoutDynamicFilters = Session.builder(waitingForDynamicFilters)
                .setSystemProperty("enable_dynamic_filtering", "false")
                .build();
        for (String query : List.of(
                // the filter is on a source field of the probe side (a JSON_MATCH), then on its key
                "SELECT o.id, o.status, u.name FROM " + ORDERS + " o JOIN " + USERS + " u ON o.user_id = u.id WHERE u.name = 'user 7'",
                "SELECT u.id, u.name, o.id FROM " + USERS + " u JOIN " + ORDERS + " o ON u.id = o.user_id WHERE o.id IN (42, 43, 44)")) {
            assertSameBothWays(query);
            assertThat(queryRunner.execute(waitingForDynamicFilters, query).getMaterializedRows())
                    .containsExactlyInAnyOrderElementsOf(queryRunner.execute(noPushdown, query).getMaterializedRows());
            long narrowed = rowsFromPinot(waitingForDynamicFilters, query);
            long whole = rowsFromPinot(withoutDynamicFilters, query);
            assertThat(narrowed).as(query).isLessThan(100);
            assertThat(whole).as(query).isGreaterThan(narrowed);
        }
    }

    @Test
    void testGroupsWhoseColumnsTrinoDoesNotRead()
    {
        // only count(*) reads the pushed GROUP BY: Trino 483 asks the scan for no column and checks that its pages
        // hold none
        for (String query : List.of(
                "SELECT count(*) FROM (SELECT DISTINCT status, user_id FROM " + ORDERS + " LIMIT 10)",
                "SELECT count(*) FROM (SELECT user_id, count(*) FROM " + ORDERS + " GROUP BY user_id)")) {
            assertThat(explain(query)).as(query).contains("GROUP BY");
            assertSameBothWays(query);
        }
    }

    private long rowsFromPinot(Session session, String query)
    {
        QueryId queryId = queryRunner.executeWithPlan(session, query).queryId();
        QueryInfo info = ((DistributedQueryRunner) queryRunner).getCoordinator().getQueryManager().getFullQueryInfo(queryId);
        return info.getQueryStats().getPhysicalInputPositions();
    }

    private String explain(String query)
    {
        return explain(pushdown, query);
    }

    private String explain(Session session, String query)
    {
        return (String) queryRunner.execute(session, "EXPLAIN " + query).getOnlyValue();
    }

    /** The same rows with pushdown off, on, and on with every source field a scan reads extracted by Pinot. */
    private void assertSameBothWays(String query)
    {
        MaterializedResult expected = queryRunner.execute(noPushdown, query);
        for (Session session : List.of(pushdown, extractingEveryField)) {
            MaterializedResult actual = queryRunner.execute(session, query);
            if (query.contains("ORDER BY")) {
                assertThat(actual.getMaterializedRows()).as(query).containsExactlyElementsOf(expected.getMaterializedRows());
            }
            else {
                assertThat(actual.getMaterializedRows()).as(query).containsExactlyInAnyOrderElementsOf(expected.getMaterializedRows());
            }
        }
    }
}

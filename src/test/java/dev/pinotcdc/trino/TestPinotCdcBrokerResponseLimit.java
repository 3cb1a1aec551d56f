package dev.pinotcdc.trino;

import com.google.common.collect.ImmutableMap;
import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumEventFactory;
import dev.pinotcdc.trino.testing.KafkaMessage;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.PinotTestCluster;
import dev.pinotcdc.trino.testing.SampleCdcTables;
import io.trino.Session;
import io.trino.testing.MaterializedResult;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.pinotcdc.trino.testing.SampleCdcTables.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * A broker started with {@code pinot.broker.enable.query.limit.override=true} and a small
 * {@code pinot.broker.query.response.limit} lowers every larger LIMIT without a word. Every query over such a broker
 * either answers as the same query over an unlimited cluster holding the same data, or fails naming the table and
 * the broker setting; a query whose true answer holds more rows than the limit must fail.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcBrokerResponseLimit
{
    private static final int RESPONSE_LIMIT = 10;
    /** Several segments: a cut selection reads more documents than it returns. */
    private static final String SEGMENTS = "rowcap_orders";
    /** One consuming segment: a cut selection reads as many documents as it returns. */
    private static final String ONE_SEGMENT = "rowcap_single";
    private static final String CAPPED_CATALOG = "pinot_cdc_capped";

    private PinotTestCluster cappedCluster;
    private QueryRunner queryRunner;
    private Session truth;

    @BeforeAll
    void setUp()
    {
        PinotCdcTestEnvironment environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();
        cappedCluster = PinotTestCluster.start(Path.of("target").toAbsolutePath(), Map.of(
                "pinot.broker.enable.query.limit.override", "true",
                "pinot.broker.query.response.limit", Integer.toString(RESPONSE_LIMIT)));

        for (String table : List.of(SEGMENTS, ONE_SEGMENT)) {
            List<KafkaMessage> events = events(table);
            for (PinotTestCluster cluster : List.of(environment.cluster(), cappedCluster)) {
                DebeziumCdcTable.Builder builder = DebeziumCdcTable.builder(table).topic(SampleCdcTables.ordersFactory("rowcap", table).topic())
                        .primaryKeyColumn("id", PinotColumnType.LONG);
                if (table.equals(SEGMENTS)) {
                    builder.flushThresholdRows(12);
                }
                builder.create(cluster).sendAndAwait(events);
            }
        }
        truth = queryRunner.getDefaultSession();
        environment.catalog(CAPPED_CATALOG, ImmutableMap.of("pinot.controller-urls", cappedCluster.controllerUrl()));
    }

    @AfterAll
    void tearDown()
    {
        if (cappedCluster != null) {
            cappedCluster.close();
        }
    }

    /** 60 orders of 20 users, then updates and deletes: 47 live rows. */
    private static List<KafkaMessage> events(String table)
    {
        DebeziumEventFactory orders = SampleCdcTables.ordersFactory("rowcap", table);
        Random random = new Random(5);
        Instant now = Instant.parse("2026-11-01T10:15:30.123Z").truncatedTo(ChronoUnit.MILLIS);
        Map<Long, Map<String, Object>> live = new LinkedHashMap<>();
        List<KafkaMessage> events = new ArrayList<>();
        for (long id = 1; id <= 60; id++) {
            Map<String, Object> order = SampleCdcTables.order(id, 1 + id % 20, now.minus(id, ChronoUnit.HOURS), random);
            events.add(message(orders.insert(order)));
            live.put(id, order);
        }
        for (long id = 1; id <= 60; id += 4) {
            Map<String, Object> after = new LinkedHashMap<>(live.get(id));
            after.put("status", "paid");
            events.add(message(orders.update(live.get(id), after)));
            live.put(id, after);
        }
        for (long id = 3; id <= 60; id += 5) {
            events.add(message(orders.delete(live.remove(id))));
        }
        return events;
    }

    @Test
    void testScansLargerThanTheLimitFail()
    {
        for (String table : List.of(SEGMENTS, ONE_SEGMENT)) {
            for (int splits : List.of(1, 4)) {
                assertRefused(splits(splits), table, "SELECT * FROM " + table);
                assertRefused(splits(splits), table, "SELECT id, status FROM " + table + " WHERE status <> 'paid'");
            }
            assertRefused(noPushdown(), table, "SELECT * FROM " + table);
            // Trino needs every row to answer: refused though its own answer is small
            assertExactOrRefused(noPushdown(), table, "SELECT * FROM " + table + " WHERE id BETWEEN 20 AND 30");
        }
    }

    @Test
    void testScansWithinTheLimitAnswer()
    {
        for (String table : List.of(SEGMENTS, ONE_SEGMENT)) {
            for (int splits : List.of(1, 4)) {
                assertAnswers(splits(splits), "SELECT * FROM " + table + " WHERE id <= 9");
            }
            assertAnswers(truth, "SELECT id, amount FROM " + table + " WHERE user_id = 7");
        }
    }

    @Test
    void testLimitAndTopN()
    {
        for (String table : List.of(SEGMENTS, ONE_SEGMENT)) {
            assertRefused(truth, table, "SELECT id FROM " + table + " ORDER BY created_at DESC, id LIMIT 20");
            assertRefused(truth, table, "SELECT id FROM " + table + " LIMIT 20");
            assertAnswers(truth, "SELECT id, amount FROM " + table + " ORDER BY created_at DESC LIMIT 5");
            assertAnswers(truth, "SELECT count(*) FROM (SELECT id FROM " + table + " LIMIT 7)");
        }
    }

    @Test
    void testGroupsAndDistinctValues()
    {
        for (String table : List.of(SEGMENTS, ONE_SEGMENT)) {
            // 20 users, 3 statuses
            assertRefused(truth, table, "SELECT user_id, count(*) FROM " + table + " GROUP BY user_id");
            assertRefused(truth, table, "SELECT DISTINCT user_id FROM " + table);
            assertRefused(truth, table, "SELECT user_id, count(*), sum(amount) FROM " + table + " GROUP BY user_id");
            assertAnswers(truth, "SELECT status, count(*), max(user_id) FROM " + table + " GROUP BY status");
            assertAnswers(truth, "SELECT DISTINCT status FROM " + table);
            assertExactOrRefused(truth, table, "SELECT user_id, count(*) FROM " + table + " WHERE user_id < 6 GROUP BY user_id");
        }
    }

    @Test
    void testGlobalAggregatesAnswer()
    {
        for (String table : List.of(SEGMENTS, ONE_SEGMENT)) {
            assertAnswers(truth, "SELECT count(*), max(user_id), min(created_at), count(DISTINCT user_id) FROM " + table);
            assertAnswers(truth, "SELECT count(*) FROM " + table + " WHERE status = 'paid'");
            // a DECIMAL sum is Trino's: it needs every row
            assertExactOrRefused(truth, table, "SELECT sum(amount) FROM " + table);
        }
    }

    /** The true answer holds more rows than the broker's limit: the query must fail, naming the table and the setting. */
    private void assertRefused(Session settings, String table, String query)
    {
        assertThat(queryRunner.execute(settings, query).getRowCount()).as(query).isGreaterThan(RESPONSE_LIMIT);
        assertThatThrownBy(() -> queryRunner.execute(withCatalogProperties(settings), query))
                .as(query)
                .hasMessageContaining("Pinot table '" + table + "'")
                .hasMessageContaining("pinot.broker.query.response.limit");
    }

    /** Pinot answers this query in fewer rows than the limit: the capped cluster must answer as the other. */
    private void assertAnswers(Session settings, String query)
    {
        MaterializedResult expected = queryRunner.execute(settings, query);
        MaterializedResult actual = queryRunner.execute(withCatalogProperties(settings), query);
        if (query.contains("ORDER BY")) {
            assertThat(actual.getMaterializedRows()).as(query).containsExactlyElementsOf(expected.getMaterializedRows());
        }
        assertThat(actual.getMaterializedRows()).as(query).containsExactlyInAnyOrderElementsOf(expected.getMaterializedRows());
    }

    /** Either the same answer or a failure naming the setting: never fewer rows. */
    private void assertExactOrRefused(Session settings, String table, String query)
    {
        MaterializedResult expected = queryRunner.execute(settings, query);
        MaterializedResult actual;
        try {
            actual = queryRunner.execute(withCatalogProperties(settings), query);
        }
        catch (RuntimeException e) {
            assertThat(e).as(query)
                    .hasMessageContaining("Pinot table '" + table + "'")
                    .hasMessageContaining("pinot.broker.query.response.limit");
            return;
        }
        assertThat(actual.getMaterializedRows()).as(query).containsExactlyInAnyOrderElementsOf(expected.getMaterializedRows());
    }

    /** The same query settings, for the catalog of the capped cluster. */
    private Session withCatalogProperties(Session settings)
    {
        Session.SessionBuilder builder = Session.builder(settings).setCatalog(CAPPED_CATALOG);
        Map<String, String> properties = settings.getCatalogProperties().getOrDefault(truth.getCatalog().orElseThrow(), Map.of());
        properties.forEach((name, value) -> builder.setCatalogSessionProperty(CAPPED_CATALOG, name, value));
        return builder.build();
    }

    private Session splits(int count)
    {
        return Session.builder(truth)
                .setCatalogSessionProperty(truth.getCatalog().orElseThrow(), "scan_splits", Integer.toString(count))
                .build();
    }

    private Session noPushdown()
    {
        return Session.builder(truth)
                .setCatalogSessionProperty(truth.getCatalog().orElseThrow(), "pushdown_enabled", "false")
                .build();
    }
}

package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumEventFactory;
import dev.pinotcdc.trino.testing.KafkaMessage;
import dev.pinotcdc.trino.testing.PinotCdcQueryRunner;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.SampleCdcTables;
import io.trino.Session;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.pinotcdc.trino.testing.SampleCdcTables.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Events of a key that arrive out of order: the version (Debezium's LSN) decides, not arrival, in upsert tables and in
 * tables that keep every version.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcVersionOrder
{
    private static final String UPSERT = "order_upsert";
    private static final String APPEND_ONLY = "order_history";

    private QueryRunner queryRunner;

    @BeforeAll
    void setUp()
    {
        PinotCdcTestEnvironment environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();
        for (String table : List.of(UPSERT, APPEND_ONLY)) {
            DebeziumEventFactory orders = SampleCdcTables.ordersFactory("order", table);
            Random random = new Random(5);
            Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");
            // written in commit order, so each event has a newer LSN than the one before
            Map<String, Object> first = SampleCdcTables.order(1, 10, createdAt, random);
            Map<String, Object> firstPaid = new LinkedHashMap<>(first);
            firstPaid.put("status", "paid");
            Map<String, Object> second = SampleCdcTables.order(2, 20, createdAt, random);
            Map<String, Object> secondShipped = new LinkedHashMap<>(second);
            secondShipped.put("status", "shipped");
            List<KafkaMessage> inCommitOrder = List.of(
                    message(orders.insert(first)),
                    message(orders.update(first, firstPaid)),
                    message(orders.insert(second)),
                    message(orders.update(second, secondShipped)),
                    message(orders.delete(firstPaid)));
            // ... and they arrive newest first
            List<KafkaMessage> arrival = new ArrayList<>(inCommitOrder.reversed());
            DebeziumCdcTable.Builder builder = DebeziumCdcTable.builder(table).topic(orders.topic())
                    .primaryKeyColumn("id", PinotColumnType.LONG);
            if (table.equals(APPEND_ONLY)) {
                builder.appendOnly();
            }
            builder.create(environment.cluster()).sendAndAwait(arrival);
        }
    }

    @Test
    void testTruncateHidesOlderRowsInBothTableShapes()
    {
        for (String table : List.of("truncated_upsert", "truncated_history")) {
            DebeziumEventFactory orders = SampleCdcTables.ordersFactory("truncated", table);
            Random random = new Random(6);
            Instant createdAt = Instant.parse("2026-02-01T00:00:00Z");
            List<KafkaMessage> events = List.of(
                    message(orders.insert(SampleCdcTables.order(1, 10, createdAt, random))),
                    message(orders.insert(SampleCdcTables.order(2, 20, createdAt, random))),
                    message(orders.truncate()),
                    message(orders.insert(SampleCdcTables.order(3, 30, createdAt, random))));
            DebeziumCdcTable.Builder builder = DebeziumCdcTable.builder(table).topic(orders.topic())
                    .primaryKeyColumn("id", PinotColumnType.LONG);
            if (table.equals("truncated_history")) {
                builder.appendOnly();
            }
            builder.create(PinotCdcTestEnvironment.shared().cluster()).sendAndAwait(events);
            assertThat(queryRunner.execute("SELECT id FROM " + table).getMaterializedRows())
                    .as(table)
                    .extracting(row -> row.getField(0))
                    .containsExactly(3L);
        }
    }

    @Test
    void testNewestVersionWinsWhateverTheArrivalOrder()
    {
        for (String table : List.of(UPSERT, APPEND_ONLY)) {
            assertThat(queryRunner.execute("SELECT id, status FROM " + table).getMaterializedRows())
                    .as(table)
                    .extracting(row -> row.getField(0) + " " + row.getField(1))
                    .containsExactly("2 shipped");
        }
    }

    @Test
    void testKeyValidTwiceInPinotIsReadOnceInItsNewestVersion()
    {
        // Pinot holds a key valid in two segments for a moment when a query reads segments at different times while the
        // key changes; versions of one key in two Kafka partitions (each partition upserts on its own) make that lasting
        String table = "order_two_partitions";
        DebeziumEventFactory orders = SampleCdcTables.ordersFactory("two_partitions", table);
        Random random = new Random(7);
        Instant createdAt = Instant.parse("2026-03-01T00:00:00Z");
        Map<String, Object> first = SampleCdcTables.order(1, 10, createdAt, random);
        Map<String, Object> firstPaid = withStatus(first, "paid");
        Map<String, Object> second = SampleCdcTables.order(2, 20, createdAt, random);
        Map<String, Object> secondPaid = withStatus(second, "paid");
        Map<String, Object> secondShipped = withStatus(second, "shipped");
        Map<String, Object> third = SampleCdcTables.order(3, 30, createdAt, random);
        // in commit order: each event has a newer LSN than the one before
        KafkaMessage firstInserted = message(orders.insert(first));
        KafkaMessage secondInserted = message(orders.insert(second));
        KafkaMessage firstUpdated = message(orders.update(first, firstPaid));
        KafkaMessage secondUpdated = message(orders.update(second, secondPaid));
        KafkaMessage thirdInserted = message(orders.insert(third));
        KafkaMessage secondShippedAt = message(orders.update(secondPaid, secondShipped));
        DebeziumCdcTable cdcTable = DebeziumCdcTable.builder(table).topic(orders.topic())
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .topicPartitions(2)
                .create(PinotCdcTestEnvironment.shared().cluster());
        cdcTable.sendToPartition(0, List.of(firstInserted, secondInserted, secondShippedAt));
        cdcTable.sendToPartition(1, List.of(firstUpdated, secondUpdated, thirdInserted));
        cdcTable.awaitIngested();
        // Pinot itself answers keys 1 and 2 twice each
        assertThat(PinotCdcTestEnvironment.shared().cluster().broker().query("SELECT id FROM " + table + " WHERE op NOT IN ('d', 't') LIMIT 100").rows())
                .extracting(row -> row.get(0).asLong())
                .containsExactlyInAnyOrder(1L, 1L, 2L, 2L, 3L);

        List<String> newest = List.of("1 paid", "2 shipped", "3 " + third.get("status"));
        for (int splits : List.of(1, 4)) {
            for (boolean pushdown : List.of(true, false)) {
                Session session = Session.builder(queryRunner.getDefaultSession())
                        .setCatalogSessionProperty(PinotCdcQueryRunner.CATALOG, "scan_splits", Integer.toString(splits))
                        .setCatalogSessionProperty(PinotCdcQueryRunner.CATALOG, "pushdown_enabled", Boolean.toString(pushdown))
                        .build();
                String description = "%s splits, pushdown %s".formatted(splits, pushdown);
                assertThat(rows(session, "SELECT id, status FROM " + table)).as(description).containsExactlyInAnyOrderElementsOf(newest);
                assertThat(rows(session, "SELECT id, status FROM " + table + " ORDER BY id LIMIT 2")).as(description).containsExactly("1 paid", "2 shipped");
                assertThat(rows(session, "SELECT id, status FROM " + table + " WHERE id >= 2")).as(description).containsExactlyInAnyOrderElementsOf(newest.subList(1, 3));
            }
        }
    }

    private static Map<String, Object> withStatus(Map<String, Object> order, String status)
    {
        Map<String, Object> changed = new LinkedHashMap<>(order);
        changed.put("status", status);
        return changed;
    }

    private List<String> rows(Session session, String sql)
    {
        return queryRunner.execute(session, sql).getMaterializedRows().stream()
                .map(row -> row.getField(0) + " " + row.getField(1))
                .toList();
    }
}

package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumEventFactory;
import dev.pinotcdc.trino.testing.DebeziumFixtures;
import dev.pinotcdc.trino.testing.KafkaMessage;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.SampleCdcTables;
import io.trino.sql.query.QueryAssertions;
import io.trino.testing.MaterializedResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static dev.pinotcdc.trino.testing.SampleCdcTables.message;
import static java.time.ZoneOffset.UTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Typed latest-state tables over real Debezium messages and generated change streams in a real Pinot.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcLatestState
{
    private static final String PERSON = "latest_person";
    private static final String ORDERS = "latest_orders";

    private PinotCdcTestEnvironment environment;
    // never closed: QueryAssertions.close() closes the query runner, which the test classes of this JVM share
    private QueryAssertions assertions;
    /** The latest state the generated order events leave behind: order id to the row as Debezium sent it. */
    private final Map<Long, Map<String, Object>> expectedOrders = new TreeMap<>();

    @BeforeAll
    void setUp()
    {
        environment = PinotCdcTestEnvironment.shared();
        // not closed by this class: closing it would close the shared Trino
        assertions = new QueryAssertions(environment.queryRunner());

        List<KafkaMessage> personEvents = new ArrayList<>();
        for (String file : List.of("snapshot", "insert", "update", "pk-change", "delete")) {
            personEvents.addAll(DebeziumFixtures.read("connect-precise", file));
        }
        DebeziumCdcTable.builder(PERSON)
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .primaryKeyColumn("customer_id", PinotColumnType.LONG)
                .create(environment.cluster())
                .sendAndAwait(personEvents);

        DebeziumEventFactory orders = SampleCdcTables.ordersFactory("latest", ORDERS);
        Random random = new Random(7);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<KafkaMessage> events = new ArrayList<>();
        for (long id = 1; id <= 500; id++) {
            Map<String, Object> order = SampleCdcTables.order(id, 1 + random.nextInt(50), now.minus(random.nextInt(1000), ChronoUnit.HOURS), random);
            events.add(message(orders.insert(order)));
            expectedOrders.put(id, order);
        }
        // several versions of the same keys, then deletes of some of them
        for (int round = 0; round < 3; round++) {
            for (long id = 1; id <= 500; id += 1 + random.nextInt(4)) {
                Map<String, Object> before = expectedOrders.get(id);
                if (before == null) {
                    continue;
                }
                Map<String, Object> after = new LinkedHashMap<>(before);
                after.put("status", "round " + round);
                after.put("amount", SampleCdcTables.decimalBase64(BigDecimal.valueOf(random.nextInt(1_000_000), 2)));
                events.add(message(orders.update(before, after)));
                expectedOrders.put(id, after);
            }
        }
        for (long id = 3; id <= 500; id += 7) {
            events.add(message(orders.delete(expectedOrders.remove(id))));
        }
        DebeziumCdcTable.builder(ORDERS).topic(orders.topic())
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .create(environment.cluster())
                .sendAndAwait(events);
    }

    @Test
    void testRealDebeziumMessagesGiveTypedLatestState()
    {
        // PostgreSQL held these rows after the fixture's statements: an update, a primary-key change (3,200 -> 3,300)
        // and a delete (2,100)
        assertThat(assertions.query("SELECT id, customer_id, name, balance, birth, created_at, updated_at, active, uid, tags FROM " + PERSON))
                .matches("""
                        VALUES
                        (BIGINT '1', BIGINT '100', VARCHAR 'Alice Updated', CAST(0.01 AS DECIMAL(10, 2)), DATE '1990-05-17',
                         TIMESTAMP '2024-01-02 03:04:05.123', TIMESTAMP '2025-03-04 05:06:07.891000 UTC', true,
                         UUID 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', ARRAY[VARCHAR 'c']),
                        (BIGINT '3', BIGINT '300', VARCHAR 'Carol', CAST(99999999.99 AS DECIMAL(10, 2)), DATE '2000-02-29',
                         TIMESTAMP '2024-06-30 12:00:00.000', TIMESTAMP '2024-06-30 19:00:00.500000 UTC', true,
                         UUID 'c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a33', ARRAY[VARCHAR 'x', 'y z', '"q"']),
                        (BIGINT '4', BIGINT '200', VARCHAR 'Dave', CAST(NULL AS DECIMAL(10, 2)), DATE '2001-01-01',
                         TIMESTAMP '2001-01-01 00:00:00.000', CAST(NULL AS TIMESTAMP(6) WITH TIME ZONE), true,
                         CAST(NULL AS UUID), CAST(NULL AS ARRAY(VARCHAR)))
                        """);
        assertThat(assertions.query("SELECT id, json_extract_scalar(attrs, '$.tier'), json_extract_scalar(attrs, '$.k'), json_array_get(json_extract(attrs, '$.nested.a'), 1) FROM " + PERSON))
                .matches("VALUES (BIGINT '1', VARCHAR 'gold', CAST(NULL AS VARCHAR), CAST(NULL AS JSON)), (BIGINT '3', NULL, NULL, JSON '2'), (BIGINT '4', NULL, 'v', NULL)");
    }

    @Test
    void testColumnsAndTheirOrigin()
    {
        MaterializedResult columns = environment.queryRunner().execute("DESCRIBE " + PERSON);
        assertThat(columns.getMaterializedRows())
                .extracting(row -> row.getField(0) + " " + row.getField(1))
                .containsExactly(
                        "id bigint",
                        "customer_id bigint",
                        "name varchar",
                        "balance decimal(10,2)",
                        "birth date",
                        "created_at timestamp(3)",
                        "updated_at timestamp(6) with time zone",
                        "active boolean",
                        "attrs json",
                        "uid uuid",
                        "tags array(varchar)");
        assertThat((String) columns.getMaterializedRows().get(3).getField(3)).contains("Debezium value schema");
        assertThat((String) columns.getMaterializedRows().get(0).getField(3)).contains("Primary key");
    }

    @Test
    void testHiddenColumnsAreSelectableByName()
    {
        assertThat(assertions.query("SELECT id, _op, _lsn FROM " + PERSON + " WHERE customer_id = 100"))
                .matches("VALUES (BIGINT '1', VARCHAR 'u', BIGINT '31043744')");
        assertThat(assertions.query("SELECT count(*) FROM " + PERSON + " WHERE _op IN ('d', 't')"))
                .matches("VALUES BIGINT '0'");
    }

    @Test
    void testDeletedAndReplacedKeysAreGone()
    {
        assertThat(assertions.query("SELECT count(*) FROM " + PERSON + " WHERE id = 2 OR (id = 3 AND customer_id = 200)"))
                .matches("VALUES BIGINT '0'");
    }

    @Test
    void testGeneratedChangeStreamEndsInItsLatestState()
    {
        MaterializedResult rows = environment.queryRunner().execute("SELECT id, user_id, amount, status, created_at FROM " + ORDERS + " ORDER BY id");
        assertThat(rows.getRowCount()).isEqualTo(expectedOrders.size());
        int index = 0;
        for (Map.Entry<Long, Map<String, Object>> expected : expectedOrders.entrySet()) {
            List<Object> actual = rows.getMaterializedRows().get(index++).getFields();
            Map<String, Object> row = expected.getValue();
            assertThat(actual.get(0)).isEqualTo(expected.getKey());
            assertThat(actual.get(1)).isEqualTo(row.get("user_id"));
            assertThat(SampleCdcTables.decimalBase64((BigDecimal) actual.get(2))).isEqualTo(row.get("amount"));
            assertThat(actual.get(3)).isEqualTo(row.get("status"));
            assertThat(((LocalDateTime) actual.get(4)).toInstant(UTC).toEpochMilli()).isEqualTo(row.get("created_at"));
        }
    }
}

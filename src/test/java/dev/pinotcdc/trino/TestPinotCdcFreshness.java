package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumEventFactory;
import dev.pinotcdc.trino.testing.KafkaMessage;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.PinotTestCluster;
import dev.pinotcdc.trino.testing.SampleCdcTables;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.pinotcdc.trino.testing.SampleCdcTables.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * {@code "orders$freshness"}: how far behind a CDC table is, read from Pinot's broker and controller while changes
 * arrive, checked against what was sent to Kafka and when.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcFreshness
{
    private static final String TABLE = PinotTestCluster.uniqueTableName("fresh_orders");
    private static final String FRESHNESS = "\"%s$freshness\"".formatted(TABLE);

    private QueryRunner queryRunner;
    private DebeziumCdcTable table;
    private DebeziumEventFactory orders;
    private final Random random = new Random(11);
    private int nextId = 1;

    @BeforeAll
    void setUp()
    {
        PinotCdcTestEnvironment environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();
        orders = SampleCdcTables.ordersFactory("fresh", TABLE);
        table = DebeziumCdcTable.builder(TABLE).topic(orders.topic())
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .create(environment.cluster());
    }

    @Test
    void testFiguresFollowWhatWasSent()
    {
        Instant firstSent = Instant.now();
        sendOrders(20, true);
        Instant lastSent = Instant.now();
        MaterializedRow first = freshness();
        assertFigures(first, 20 + 1, firstSent, lastSent);

        Instant secondSent = Instant.now();
        sendOrders(5, false);
        Instant secondDone = Instant.now();
        MaterializedRow second = freshness();
        assertFigures(second, 20 + 1 + 5, secondSent, secondDone);
        // the versions the change log holds are the versions counted
        assertThat(queryRunner.execute("SELECT count(*), max(_ts_ms) FROM \"%s$changes\"".formatted(TABLE)).getMaterializedRows().getFirst().getFields())
                .containsExactly(second.getField(6), ((ZonedDateTime) second.getField(0)).toInstant().toEpochMilli());
    }

    @Test
    void testColumnsAndRefusals()
    {
        assertThat(queryRunner.execute("DESCRIBE " + FRESHNESS).getMaterializedRows())
                .extracting(row -> row.getField(0) + " " + row.getField(1))
                .containsExactly(
                        "newest_event timestamp(3) with time zone",
                        "event_lag_ms bigint",
                        "consumed_through timestamp(3) with time zone",
                        "consuming_lag_ms bigint",
                        "last_consumed timestamp(3) with time zone",
                        "records_behind bigint",
                        "versions bigint",
                        "checked_at timestamp(3) with time zone");
        assertThat(queryRunner.execute("SELECT count(*) FROM " + FRESHNESS).getOnlyValue()).isEqualTo(1L);
        assertThat(queryRunner.execute("SHOW TABLES").getMaterializedRows()).extracting(row -> (String) row.getField(0)).noneMatch(name -> name.contains("$"));
        assertThatThrownBy(() -> queryRunner.execute("SELECT * FROM \"no_such_table$freshness\""))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> queryRunner.execute("SELECT * FROM %s FOR VERSION AS OF 5".formatted(FRESHNESS)))
                .hasMessageContaining("A freshness table is read as it is now");
    }

    @Test
    void testScansReportTheConsumingSegmentsLag()
    {
        sendOrders(3, false);
        String analyzed = (String) queryRunner.execute("EXPLAIN ANALYZE VERBOSE SELECT id, status FROM " + TABLE).getOnlyValue();
        assertThat(analyzed).contains("pinot_cdc.consuming_freshness_lag_ms");
    }

    private void assertFigures(MaterializedRow figures, long versions, Instant sentFrom, Instant sentUntil)
    {
        Instant newestEvent = ((ZonedDateTime) figures.getField(0)).toInstant();
        long eventLag = (long) figures.getField(1);
        Instant consumedThrough = ((ZonedDateTime) figures.getField(2)).toInstant();
        long consumingLag = (long) figures.getField(3);
        Instant checkedAt = ((ZonedDateTime) figures.getField(7)).toInstant();

        assertThat(figures.getField(6)).isEqualTo(versions);
        // the newest event is the last one sent: Debezium's event factory stamps ts_ms when it makes each event
        assertThat(newestEvent).isBetween(sentFrom.minusMillis(1), sentUntil);
        assertThat(eventLag).isEqualTo(checkedAt.toEpochMilli() - newestEvent.toEpochMilli());
        assertThat(consumedThrough).isBetween(sentFrom.minusSeconds(1), checkedAt);
        assertThat(consumingLag).isEqualTo(checkedAt.toEpochMilli() - consumedThrough.toEpochMilli());
        // Pinot 0.11's controller reports offsets only: no moment of the last message consumed (it says 0), no
        // records behind; Pinot 1.x reports both (TestConsumingProgress reads its answer)
        assertThat(figures.getField(4)).isNull();
        assertThat(figures.getField(5)).isNull();
    }

    private MaterializedRow freshness()
    {
        return queryRunner.execute("SELECT * FROM " + FRESHNESS).getMaterializedRows().getFirst();
    }

    private void sendOrders(int count, boolean withDelete)
    {
        List<KafkaMessage> messages = new ArrayList<>();
        Map<String, Object> last = null;
        for (int i = 0; i < count; i++) {
            last = SampleCdcTables.order(nextId++, 10 + i, Instant.parse("2026-04-01T00:00:00Z"), random);
            messages.add(message(orders.insert(last)));
        }
        if (withDelete) {
            messages.add(message(orders.delete(last)));
        }
        table.sendAndAwait(messages);
    }
}

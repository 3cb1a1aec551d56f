package dev.pinotcdc.trino;

import com.google.common.collect.ImmutableMap;
import dev.pinotcdc.trino.testing.DebeziumCapture;
import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.PinotCdcQueryRunner;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.PinotTestCluster;
import dev.pinotcdc.trino.testing.PostgresRowCopy;
import dev.pinotcdc.trino.testing.PostgresTruth;
import dev.pinotcdc.trino.testing.TestingPostgreSql;
import io.trino.Session;
import io.trino.spi.type.TimeZoneKey;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * {@code FOR TIMESTAMP AS OF} and {@code FOR VERSION AS OF} against PostgreSQL's history: after each phase of changes
 * made through the real pipeline (PostgreSQL, Debezium, Kafka, Pinot), the table's rows are copied into the memory
 * connector, and the moment (wall clock; Debezium stamps each event's {@code ts_ms} when it reads it) and the WAL
 * position (PostgreSQL's {@code pg_current_wal_insert_lsn()}) are noted. Every query on the table as of a moment must
 * answer as the same query on that moment's copy, on an upsert table and on one that keeps every version of the
 * same topic, with one split and with several, with pushdown and without.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcTimeTravel
{
    private static final String DATABASE = "time_travel";
    private static final String PREFIX = "timetravel";
    private static final String UPSERT = PinotTestCluster.uniqueTableName("tt_orders");
    private static final String EVERY_VERSION = PinotTestCluster.uniqueTableName("tt_orders_history");
    private static final String TRUTH = "truth";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Map<String, String> TYPES = ImmutableMap.of(
            "id", "bigint",
            "status", "varchar",
            "amount", "decimal(10,2)",
            "created_at", "timestamp(3)");
    private static final List<String> QUERIES = List.of(
            "SELECT id, status, amount, created_at FROM %s",
            "SELECT count(*), sum(amount), max(created_at), count(DISTINCT status) FROM %s",
            "SELECT status, count(*), min(amount) FROM %s GROUP BY status",
            "SELECT id, amount FROM %s WHERE status = 'paid' AND id > 5",
            "SELECT id FROM %s WHERE id BETWEEN 3 AND 17 OR id > 45",
            "SELECT id, status FROM %s ORDER BY amount DESC, id LIMIT 5",
            "SELECT count(*) FROM %s WHERE created_at >= TIMESTAMP '2026-01-02 00:00:00'");

    /**
     * A moment of the history: when it was, PostgreSQL's WAL insert position then, and the copy of the table then.
     * The next change is written at the insert position: the newest change before the moment is below it.
     */
    private record Moment(Instant time, String walInsertPosition, String copy)
    {
        long lastVersion()
        {
            String[] halves = walInsertPosition.split("/");
            return ((Long.parseLong(halves[0], 16) << 32) | Long.parseLong(halves[1], 16)) - 1;
        }

        String lastVersionText()
        {
            return "%X/%X".formatted(lastVersion() >>> 32, lastVersion() & 0xFFFF_FFFFL);
        }
    }

    private PinotTestCluster cluster;
    private TestingPostgreSql postgres;
    private QueryRunner queryRunner;
    private DebeziumCapture capture;
    private final List<DebeziumCdcTable> tables = new ArrayList<>();
    private final List<Moment> moments = new ArrayList<>();

    @BeforeAll
    void setUp()
            throws Exception
    {
        cluster = PinotTestCluster.shared();
        postgres = TestingPostgreSql.shared();
        queryRunner = PinotCdcQueryRunner.builder(cluster.controllerUrl()).build();
        PostgresTruth.create(queryRunner, postgres, DATABASE, TRUTH, "history");
        postgres.createDatabase(DATABASE);
        postgres.execute(DATABASE,
                "CREATE TABLE orders (id bigint PRIMARY KEY, status text, amount numeric(10,2), created_at timestamp(3))",
                "INSERT INTO orders SELECT g, (ARRAY['new', 'paid', 'shipped'])[1 + g % 3], g * 1.25, TIMESTAMP '2026-01-01 00:00:00' + g * INTERVAL '1 hour' " +
                        "FROM generate_series(1, 40) g");
        String topic = PREFIX + ".public.orders";
        // segments of 25 rows: older versions sit in committed segments, as in a table that has run for a while
        tables.add(DebeziumCdcTable.builder(UPSERT).topic(topic).primaryKeyColumn("id", PinotColumnType.LONG).flushThresholdRows(25).create(cluster));
        tables.add(DebeziumCdcTable.builder(EVERY_VERSION).topic(topic).primaryKeyColumn("id", PinotColumnType.LONG).appendOnly().create(cluster));
        capture = DebeziumCapture.builder(postgres, DATABASE, cluster.kafkaBootstrapServers()).topicPrefix(PREFIX).start();
        noteMoment();

        changeAndNote(
                "UPDATE orders SET status = 'paid', amount = amount + 100 WHERE id % 4 = 0",
                "DELETE FROM orders WHERE id % 7 = 0",
                "INSERT INTO orders VALUES (41, 'new', 0.01, '1970-01-01 00:00:00'), (42, NULL, NULL, NULL), (43, 'paid', -5.50, '2099-12-31 23:59:59.999')",
                "UPDATE orders SET status = 'shipped' WHERE id = 4");
        changeAndNote(
                "DELETE FROM orders WHERE id = 41",
                "INSERT INTO orders VALUES (14, 'reborn', 14.14, '2026-06-01 00:00:00')",
                "UPDATE orders SET amount = NULL, status = 'paid' WHERE id BETWEEN 10 AND 20");
        changeAndNote(
                "TRUNCATE orders",
                "INSERT INTO orders VALUES (2, 'after truncate', 2.00, '2026-07-01 00:00:00'), (50, 'paid', 50.50, '2026-07-02 00:00:00')");
        changeAndNote(
                "UPDATE orders SET status = 'latest' WHERE id = 2",
                "INSERT INTO orders VALUES (51, 'new', 1.00, NULL)");
    }

    @AfterAll
    void tearDown()
    {
        if (capture != null) {
            capture.close();
        }
        if (queryRunner != null) {
            queryRunner.close();
        }
        // the Pinot tables stay until the cluster stops: dropping a consuming upsert table can crash Pinot 0.11's server
    }

    private void changeAndNote(String... statements)
            throws Exception
    {
        // every event of the next phase is stamped after the moment noted
        Thread.sleep(20);
        postgres.execute(DATABASE, statements);
        noteMoment();
    }

    private void noteMoment()
            throws SQLException, InterruptedException
    {
        capture.awaitCaughtUp(TIMEOUT);
        tables.forEach(DebeziumCdcTable::awaitTopicIngested);
        Instant time = Instant.now();
        String copy = "%s.history.orders_%s".formatted(TRUTH, moments.size());
        try (Connection connection = postgres.connect(DATABASE);
                Statement statement = connection.createStatement();
                // the insert position: every change committed so far lies before it (the write position may lag behind it)
                ResultSet position = statement.executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
            position.next();
            PostgresRowCopy.copy(connection, "orders", queryRunner, copy, TYPES, Set.of());
            moments.add(new Moment(time, position.getString(1), copy));
        }
        Thread.sleep(20);
    }

    @Test
    void testEveryMomentAnswersAsPostgreSqlThen()
    {
        for (Moment moment : moments) {
            for (String table : List.of(UPSERT, EVERY_VERSION)) {
                String asOfTime = "%s FOR TIMESTAMP AS OF TIMESTAMP '%s UTC'".formatted(table, utc(moment.time()));
                // as PostgreSQL writes an LSN, and as a number
                String asOfVersion = "%s FOR VERSION AS OF '%s'".formatted(table, moment.lastVersionText());
                String asOfVersionNumber = "%s FOR VERSION AS OF %s".formatted(table, moment.lastVersion());
                for (Session session : sessions()) {
                    // each way to name the moment once; each way to read (splits, pushdown) with the time
                    List<String> asOfs = session == queryRunner.getDefaultSession() ? List.of(asOfTime, asOfVersion, asOfVersionNumber) : List.of(asOfTime);
                    for (String query : QUERIES) {
                        List<MaterializedRow> expected = queryRunner.execute(query.formatted(moment.copy())).getMaterializedRows();
                        for (String asOf : asOfs) {
                            assertThat(queryRunner.execute(session, query.formatted(asOf)).getMaterializedRows())
                                    .as("%s as of %s, %s", query.formatted(asOf), moment, session.getCatalogProperties())
                                    .containsExactlyInAnyOrderElementsOf(expected);
                        }
                    }
                }
            }
        }
    }

    @Test
    void testLatestStateIsTheNewestMoment()
    {
        Moment newest = moments.getLast();
        // a snapshot read is the latest state too, read as of the newest version, in each way to read
        List<Session> sessions = new ArrayList<>(List.of(queryRunner.getDefaultSession()));
        sessions().stream().map(TestPinotCdcTimeTravel::snapshotReads).forEach(sessions::add);
        for (Session session : sessions) {
            for (String table : List.of(UPSERT, EVERY_VERSION)) {
                for (String query : QUERIES) {
                    assertThat(queryRunner.execute(session, query.formatted(table)).getMaterializedRows())
                            .as("%s, %s", query.formatted(table), session.getCatalogProperties())
                            .containsExactlyInAnyOrderElementsOf(queryRunner.execute(query.formatted(newest.copy())).getMaterializedRows());
                }
            }
        }
    }

    @Test
    void testSnapshotReadIsBoundedAtTheNewestVersion()
    {
        String plan = (String) queryRunner.execute(snapshotReads(queryRunner.getDefaultSession()), "EXPLAIN SELECT count(*) FROM " + UPSERT).getOnlyValue();
        long newestVersion = (long) queryRunner.execute("SELECT max(_lsn) FROM \"%s$changes\"".formatted(UPSERT)).getOnlyValue();
        // every version up to the newest, with skipUpsert: nothing Pinot ingests meanwhile moves them; counted in Trino
        assertThat(plan)
                .contains("\"lsn\" <= " + newestVersion)
                .contains("with query option skipUpsert=true")
                .doesNotContain("SELECT COUNT(*)");
        assertThat((String) queryRunner.execute("EXPLAIN SELECT count(*) FROM " + UPSERT).getOnlyValue())
                .doesNotContain("\"lsn\" <=")
                .contains("Pinot SQL: SELECT COUNT(*) FROM");
    }

    @Test
    void testTimestampWithoutZoneIsInTheSessionZone()
    {
        ZoneId zone = ZoneId.of("Asia/Kathmandu");
        Moment moment = moments.get(1);
        Session kathmandu = Session.builder(queryRunner.getDefaultSession()).setTimeZoneKey(TimeZoneKey.getTimeZoneKey(zone.getId())).build();
        String local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").format(moment.time().atZone(zone));
        String query = "SELECT id, status, amount FROM %s";
        assertThat(queryRunner.execute(kathmandu, query.formatted(UPSERT + " FOR TIMESTAMP AS OF TIMESTAMP '" + local + "'")).getMaterializedRows())
                .containsExactlyInAnyOrderElementsOf(queryRunner.execute(query.formatted(moment.copy())).getMaterializedRows());
    }

    @Test
    void testExplainShowsTheBoundAndEveryVersionRead()
    {
        Moment moment = moments.get(2);
        String plan = (String) queryRunner.execute("EXPLAIN SELECT id, status FROM %s FOR TIMESTAMP AS OF TIMESTAMP '%s UTC' WHERE id = 14".formatted(UPSERT, utc(moment.time())))
                .getOnlyValue();
        assertThat(plan)
                .containsPattern("\"ts_ms\" <= \\d{13}")
                .contains("\"id\" = 14")
                .contains("with query option skipUpsert=true")
                .doesNotContain("\"op\" NOT IN");
        assertThat((String) queryRunner.execute("EXPLAIN SELECT id FROM %s FOR VERSION AS OF 9223372036854775807".formatted(EVERY_VERSION)).getOnlyValue())
                .contains("\"lsn\" <= 9223372036854775807")
                .doesNotContain("skipUpsert");
    }

    @Test
    void testMomentsBeforeTheOldestVersionAreRefused()
    {
        for (String table : List.of(UPSERT, EVERY_VERSION)) {
            assertThatThrownBy(() -> queryRunner.execute("SELECT count(*) FROM %s FOR TIMESTAMP AS OF TIMESTAMP '2000-01-01 00:00:00 UTC'".formatted(table)))
                    .hasMessageMatching("Pinot table '%s' holds versions from \\d{4}-.* on \\(its oldest ts_ms\\); 2000-01-01T00:00:00Z \\(946684800000 ms\\) is older, and the table's state then is not known".formatted(table));
            assertThatThrownBy(() -> queryRunner.execute("SELECT count(*) FROM %s FOR VERSION AS OF 0".formatted(table)))
                    .hasMessageMatching("Pinot table '%s' holds versions from version \\d+ on \\(its oldest lsn\\); version 0 is older, and the table's state then is not known".formatted(table));
        }
        assertThatThrownBy(() -> queryRunner.execute("SELECT count(*) FROM %s FOR VERSION AS OF 'yesterday'".formatted(UPSERT)))
                .hasMessageContaining("Not a version: 'yesterday'");
        assertThatThrownBy(() -> queryRunner.execute("SELECT count(*) FROM %s FOR VERSION AS OF -1".formatted(UPSERT)))
                .hasMessageContaining("not negative");
        assertThatThrownBy(() -> queryRunner.execute("SELECT count(*) FROM %s FOR VERSION AS OF 1.5e0".formatted(UPSERT)))
                .hasMessageContaining("FOR VERSION AS OF takes an integer or text");
    }

    @Test
    void testMomentAfterTheNewestVersionIsTheLatestState()
    {
        // Trino refuses moments in the future; a moment after the last change reads the latest state
        String query = "SELECT id, status, amount, created_at FROM %s";
        assertThat(queryRunner.execute(query.formatted(UPSERT + " FOR TIMESTAMP AS OF current_timestamp - INTERVAL '1' SECOND")).getMaterializedRows())
                .containsExactlyInAnyOrderElementsOf(queryRunner.execute(query.formatted(moments.getLast().copy())).getMaterializedRows());
        assertThat(queryRunner.execute(query.formatted(EVERY_VERSION + " FOR VERSION AS OF 9223372036854775807")).getMaterializedRows())
                .containsExactlyInAnyOrderElementsOf(queryRunner.execute(query.formatted(moments.getLast().copy())).getMaterializedRows());
    }

    @Test
    void testChangeLogRebuildsEveryMoment()
    {
        // the latest state as of each moment, computed in SQL from the change log, is PostgreSQL's table then
        String rebuilt = """
                SELECT id, status, amount, created_at FROM (
                    SELECT id, status, amount, created_at, _op, row_number() OVER (PARTITION BY id ORDER BY _lsn DESC) AS newest
                    FROM "%1$s$changes"
                    WHERE _ts_ms <= %2$s AND _op <> 't'
                        AND _lsn > coalesce((SELECT max(_lsn) FROM "%1$s$changes" WHERE _op = 't' AND _ts_ms <= %2$s), -1))
                WHERE newest = 1 AND _op <> 'd'""";
        for (String table : List.of(UPSERT, EVERY_VERSION)) {
            for (Moment moment : moments) {
                assertThat(queryRunner.execute(rebuilt.formatted(table, moment.time().toEpochMilli())).getMaterializedRows())
                        .as("%s as of %s", table, moment)
                        .containsExactlyInAnyOrderElementsOf(queryRunner.execute("SELECT id, status, amount, created_at FROM " + moment.copy()).getMaterializedRows());
            }
        }
    }

    @Test
    void testChangeLogHoldsEveryMessageAndTheDeletesOfEachPhase()
    {
        for (String table : List.of(UPSERT, EVERY_VERSION)) {
            String changes = "\"%s$changes\"".formatted(table);
            assertThat((long) queryRunner.execute("SELECT count(*) FROM " + changes).getOnlyValue())
                    .isEqualTo(cluster.kafka().messageCount(tables.getFirst().topic()));
            for (int phase = 1; phase < moments.size(); phase++) {
                Moment before = moments.get(phase - 1);
                Moment after = moments.get(phase);
                // keys that were there before the phase and not after it, other than by a truncate
                List<MaterializedRow> gone = queryRunner.execute("SELECT id FROM %s EXCEPT SELECT id FROM %s".formatted(before.copy(), after.copy())).getMaterializedRows();
                long truncates = (long) queryRunner.execute("SELECT count(*) FROM %s WHERE _op = 't' AND _ts_ms > %s AND _ts_ms <= %s"
                        .formatted(changes, before.time().toEpochMilli(), after.time().toEpochMilli())).getOnlyValue();
                List<MaterializedRow> deleted = queryRunner.execute("SELECT id FROM %s WHERE _op = 'd' AND _lsn > %s AND _lsn <= %s"
                        .formatted(changes, before.lastVersion(), after.lastVersion())).getMaterializedRows();
                if (truncates == 0) {
                    assertThat(deleted).as("phase %s of %s", phase, table).containsExactlyInAnyOrderElementsOf(gone);
                }
                else {
                    assertThat(queryRunner.execute("SELECT count(*) FROM " + after.copy()).getOnlyValue()).as("phase %s of %s", phase, table)
                            .isEqualTo(queryRunner.execute("SELECT count(*) FROM %s WHERE _op = 'c' AND _ts_ms > %s AND _ts_ms <= %s"
                                    .formatted(changes, before.time().toEpochMilli(), after.time().toEpochMilli())).getOnlyValue());
                }
            }
            // a delete has no row image
            MaterializedRow counts = queryRunner.execute("SELECT count(*), count(status), count(amount) FROM %s WHERE _op IN ('d', 't')".formatted(changes)).getMaterializedRows().getFirst();
            assertThat((long) counts.getField(0)).isPositive();
            assertThat(List.of(counts.getField(1), counts.getField(2))).containsOnly(0L);
        }
    }

    @Test
    void testChangeLogColumnsAndPushdown()
    {
        String changes = "\"%s$changes\"".formatted(UPSERT);
        assertThat(queryRunner.execute("DESCRIBE " + changes).getMaterializedRows())
                .extracting(row -> row.getField(0))
                .containsSubsequence("id", "status", "amount", "created_at")
                .contains("_op", "_lsn", "_ts_ms");
        assertThat(queryRunner.execute("SELECT * FROM " + changes + " LIMIT 1").getColumnNames()).contains("_op", "_lsn", "_ts_ms");
        assertThat(queryRunner.execute("DESCRIBE " + UPSERT).getMaterializedRows()).extracting(row -> row.getField(0)).doesNotContain("_op");
        String plan = (String) queryRunner.execute("EXPLAIN SELECT id, status FROM %s WHERE _lsn > 100 AND _op = 'u' AND id < 30 AND status = 'paid'".formatted(changes)).getOnlyValue();
        assertThat(plan)
                .contains("\"lsn\" >= 101")
                .contains("\"op\" = 'u'")
                .contains("\"id\" <= 29")
                .contains("with query option skipUpsert=true")
                .doesNotContain("JSON_MATCH")
                .doesNotContain("\"op\" NOT IN");
        // aggregations over native columns run in Pinot, over every version; the same computed by Trino from the rows
        Session noPushdown = Session.builder(queryRunner.getDefaultSession()).setCatalogSessionProperty(PinotCdcQueryRunner.CATALOG, "pushdown_enabled", "false").build();
        for (String table : List.of(UPSERT, EVERY_VERSION)) {
            for (String query : List.of(
                    "SELECT _op, count(*), min(_lsn), max(_ts_ms), count(DISTINCT id) FROM \"%s$changes\" GROUP BY _op",
                    "SELECT count(*), max(_lsn), sum(id) FROM \"%s$changes\" WHERE _op IN ('d', 't')",
                    "SELECT id, count(*) FROM \"%s$changes\" WHERE id BETWEEN 1 AND 20 GROUP BY id",
                    "SELECT status, count(*) FROM \"%s$changes\" GROUP BY status")) {
                assertThat(queryRunner.execute(query.formatted(table)).getMaterializedRows())
                        .as(query.formatted(table))
                        .containsExactlyInAnyOrderElementsOf(queryRunner.execute(noPushdown, query.formatted(table)).getMaterializedRows());
            }
        }
        assertThat((String) queryRunner.execute("EXPLAIN SELECT _op, count(*) FROM %s GROUP BY _op".formatted(changes)).getOnlyValue())
                .contains("COUNT(*)")
                .contains("GROUP BY \"op\"")
                .contains("with query option skipUpsert=true");
        // a field of the row image is grouped in Trino
        assertThat((String) queryRunner.execute("EXPLAIN SELECT status, count(*) FROM %s GROUP BY status".formatted(changes)).getOnlyValue())
                .doesNotContain("COUNT(*)");
        assertThatThrownBy(() -> queryRunner.execute("SELECT * FROM %s FOR VERSION AS OF 5".formatted(changes)))
                .hasMessageContaining("A change log holds every version already");
        assertThat(queryRunner.execute("SHOW TABLES").getMaterializedRows()).extracting(row -> (String) row.getField(0)).noneMatch(name -> name.contains("$"));
    }

    private List<Session> sessions()
    {
        Session defaults = queryRunner.getDefaultSession();
        return List.of(
                defaults,
                Session.builder(defaults).setCatalogSessionProperty(PinotCdcQueryRunner.CATALOG, "scan_splits", "4").build(),
                Session.builder(defaults).setCatalogSessionProperty(PinotCdcQueryRunner.CATALOG, "pushdown_enabled", "false").build());
    }

    private static Session snapshotReads(Session session)
    {
        return Session.builder(session).setCatalogSessionProperty(PinotCdcQueryRunner.CATALOG, "snapshot_reads", "true").build();
    }

    private static String utc(Instant time)
    {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").format(time.atOffset(ZoneOffset.UTC));
    }
}

package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.ChangingTable;
import dev.pinotcdc.trino.testing.LiveScans;
import dev.pinotcdc.trino.testing.PinotCdcQueryRunner;
import io.trino.Session;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * {@code snapshot_reads}: while Pinot ingests a steady stream of changes, every answer (full scans in several splits
 * and in one, counts, lookups by key) is the table at one version, with each key exactly once. Without it, Pinot 0.11
 * can miss a key changing during a query or count it twice ({@link TestPinotCdcLiveIngestionScans} reports that).
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcSnapshotReads
{
    private static final int KEYS = 1_000;
    private static final int CHANGES_PER_SECOND = 200;
    private static final int CLIENTS = 2;
    private static final Duration DURATION = Duration.ofSeconds(30);

    private ChangingTablePair live;
    private QueryRunner queryRunner;
    private List<ChangingTable> tables;

    @BeforeAll
    void setUp()
            throws Exception
    {
        live = ChangingTablePair.create("snapshot", KEYS, CHANGES_PER_SECOND);
        queryRunner = live.queryRunner();
        tables = live.tables();
    }

    @AfterAll
    void tearDown()
    {
        if (live != null) {
            live.close();
        }
    }

    @Test
    void testEveryAnswerIsExactWhileRowsChange()
            throws Exception
    {
        Session snapshot = Session.builder(queryRunner.getDefaultSession())
                .setCatalogSessionProperty(PinotCdcQueryRunner.CATALOG, "snapshot_reads", "true")
                .setCatalogSessionProperty(PinotCdcQueryRunner.CATALOG, "scan_splits", "4")
                .build();
        tables.forEach(ChangingTable::startChanging);
        LiveScans.Report report = new LiveScans(queryRunner, snapshot, tables, false).run(CLIENTS, DURATION);
        // a query naming a table twice reads both at one version, however fast the table changes meanwhile: no key
        // differs from itself
        for (ChangingTable table : tables) {
            String selfJoin = "SELECT count(*) FROM %1$s a JOIN %1$s b ON a.id = b.id AND a.status <> b.status".formatted(table.tableName());
            String plan = (String) queryRunner.execute(snapshot, "EXPLAIN " + selfJoin).getOnlyValue();
            List<String> bounds = Pattern.compile("\"lsn\" <= (-?\\d+)").matcher(plan).results().map(match -> match.group(1)).toList();
            assertThat(bounds).as(plan).hasSize(2);
            assertThat(bounds.getFirst()).as(plan).isEqualTo(bounds.getLast());
            assertThat(queryRunner.execute(snapshot, selfJoin).getOnlyValue()).as(selfJoin).isEqualTo(0L);
        }
        tables.forEach(ChangingTable::stopAndAwaitIngested);
        System.out.println(report.describe());

        for (ChangingTable table : tables) {
            assertThat(table.failure()).as(table.tableName()).isEmpty();
            assertThat(table.changesSent()).as(table.tableName()).isGreaterThan(KEYS / 2);
        }
        assertThat(report.errorMessages()).isEmpty();
        assertThat(report.errors()).isZero();
        assertThat(report.inexactAnswerDescriptions()).isEmpty();
        assertThat(report.inexactAnswers()).isZero();
        assertThat(report.fullScans()).isGreaterThanOrEqualTo(4);
        assertThat(report.questions()).isGreaterThan(report.fullScans());

        // once Pinot holds every change, the snapshot is the latest state, value for value
        for (ChangingTable table : tables) {
            String query = "SELECT id, status, changes FROM " + table.tableName();
            assertThat(queryRunner.execute(snapshot, query).getMaterializedRows())
                    .as(table.tableName())
                    .containsExactlyInAnyOrderElementsOf(queryRunner.execute(query).getMaterializedRows())
                    .hasSize(KEYS);
        }
    }
}

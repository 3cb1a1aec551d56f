package dev.pinotcdc.trino.benchmark;

import dev.pinotcdc.trino.testing.PinotTestCluster;
import dev.pinotcdc.trino.testing.TrinoServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's code at a tiny size: every way must answer every question, with the same rows. Timing is not
 * checked; the benchmark itself reports it.
 */
final class TestPinotCdcBenchmark
{
    @Test
    void testThreeWaysGiveTheSameAnswers()
            throws Exception
    {
        BenchmarkSettings settings = BenchmarkSettings.tiny();
        BenchmarkReport report;
        try (TrinoServer trino = PinotCdcBenchmark.startTrino(settings.trinoHeap())) {
            report = new PinotCdcBenchmark(settings, PinotTestCluster.shared(), trino).run(MachineLoad.now());
        }
        System.out.println(report.markdown());

        assertThat(report.problems()).isEmpty();
        assertThat(report.variants()).hasSize(2);
        for (PinotCdcBenchmark.VariantResult variant : report.variants()) {
            assertThat(variant.queries()).hasSize(7);
            for (QueryResult query : variant.queries()) {
                for (WayResult way : List.of(query.plugin(), query.view(), query.nativePinot())) {
                    assertThat(way.failure()).as("%s / %s", variant.variant().label(), query.query().name()).isEmpty();
                }
                assertThat(query.agree()).as("%s / %s", variant.variant().label(), query.query().name()).contains(true);
            }
            // the answers are the generated latest state, not merely the same mistake three times
            assertThat(answer(variant, "full scan: every live row").size()).isEqualTo(report.ingestion().liveOrders());
            assertThat(answer(variant, "point lookup by key").size()).isEqualTo(1);
            assertThat(answer(variant, "full scan: count, sum, max").rows().getFirst().getFirst()).isEqualTo(Long.toString(report.ingestion().liveOrders()));
            assertThat(answer(variant, "top 10 users, last 30 days (join)").size()).isEqualTo(10);
            // the plugin's answers came from Pinot: its scans report what they read
            assertThat(variant.queries().getFirst().plugin().input().orElseThrow().bytes()).isPositive();
        }
        // both ways of reading source fields: the same rows, and the extracting scans did extract
        assertThat(report.extraction()).hasSize(6);
        for (ExtractionComparison comparison : report.extraction()) {
            assertThat(comparison.agree()).as(comparison.name()).contains(true);
            assertThat(comparison.extractedPinotSql()).as(comparison.name()).contains("JSONEXTRACTSCALAR").doesNotContainPattern("(SELECT|,) \"source\"(,| FROM)");
        }
        assertThat(report.extraction().getFirst().wholeDocuments().answer().orElseThrow().size()).isEqualTo(report.ingestion().liveOrders());
        // every number of splits: the same live rows
        assertThat(report.splits()).extracting(SplitComparison::splits).containsExactly(1, 2, 4, 8, 0);
        for (SplitComparison comparison : report.splits()) {
            assertThat(comparison.result().answer().orElseThrow().sameAs(report.splits().getFirst().result().answer().orElseThrow())).as("%s splits", comparison.splits()).isTrue();
            assertThat(comparison.result().answer().orElseThrow().size()).isEqualTo(report.ingestion().liveOrders());
        }
        // the past and the snapshot read of the latest state: the plugin and hand-written Pinot SQL over every version
        // agree (problems() above), and the change log holds every order event
        assertThat(report.history()).extracting(HistoryComparison::name).containsExactly(
                "count by status, as of the middle version",
                "count by status, latest state with snapshot_reads",
                "changes per operation (change log)",
                "changes after the middle version (change log)");
        for (HistoryComparison comparison : report.history()) {
            assertThat(comparison.agree()).as(comparison.name()).contains(true);
        }
        assertThat(report.history().get(2).plugin().answer().orElseThrow().rows().stream().mapToLong(row -> Long.parseLong(row.get(1))).sum())
                .isEqualTo(report.ingestion().orderEvents());
        assertThat(report.history().getFirst().plugin().answer().orElseThrow().size()).isPositive();
    }

    private static ResultRows answer(PinotCdcBenchmark.VariantResult variant, String queryName)
    {
        return variant.queries().stream()
                .filter(query -> query.query().name().equals(queryName))
                .findFirst()
                .orElseThrow()
                .nativePinot()
                .answer()
                .orElseThrow();
    }
}

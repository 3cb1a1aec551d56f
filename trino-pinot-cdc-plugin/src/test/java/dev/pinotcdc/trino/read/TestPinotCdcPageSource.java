package dev.pinotcdc.trino.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinotcdc.trino.client.PinotCdcStats;
import dev.pinotcdc.trino.pushdown.DecodingProblems;
import dev.pinotcdc.trino.pushdown.RowDecoder;
import dev.pinotcdc.trino.read.PinotCdcPageSource.BrokerAnswer;
import io.airlift.units.Duration;
import io.trino.plugin.base.metrics.TDigestHistogram;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.SourcePage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

final class TestPinotCdcPageSource
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void testReportsWhatTheRowsNotYetReturnedRetain()
            throws Exception
    {
        // a broker answer's rows as Pinot sends them: 10,000 rows, three pages
        StringBuilder answer = new StringBuilder("[");
        for (int row = 0; row < 10_000; row++) {
            answer.append(row == 0 ? "" : ",").append("[%s, \"{\\\"name\\\": \\\"customer %s\\\"}\", 1.5]".formatted(row, row));
        }
        List<JsonNode> rows = new ArrayList<>();
        MAPPER.readTree(answer.append("]").toString()).forEach(rows::add);
        DecodingProblems problems = new DecodingProblems("orders", false);
        PinotCdcPageSource source = new PinotCdcPageSource(
                _ -> new BrokerAnswer(rows, 1000, new RowDecoder(List.of(), -1, problems), OptionalLong.of(1234)),
                problems,
                new PinotCdcStats(),
                DynamicFilter.EMPTY,
                new Duration(0, SECONDS));
        // nothing is held before the query ran
        assertThat(source.getMemoryUsage()).isZero();

        List<Long> usage = new ArrayList<>();
        long rowsReturned = 0;
        while (!source.isFinished()) {
            SourcePage page = source.getNextSourcePage();
            rowsReturned += page.getPositionCount();
            usage.add(source.getMemoryUsage());
        }
        assertThat(rowsReturned).isEqualTo(10_000);
        assertThat(usage).hasSize(3);
        // each row retains at least its text, its nodes and its array: some hundred bytes
        assertThat(usage.getFirst()).isGreaterThan(100L * (10_000 - 4096));
        assertThat(usage.get(1)).isPositive().isLessThan(usage.getFirst());
        assertThat(usage.getLast()).isZero();
        // the consuming segments' lag the broker reported, for EXPLAIN ANALYZE VERBOSE
        assertThat(((TDigestHistogram) source.getMetrics().getMetrics().get(PinotCdcPageSource.CONSUMING_LAG_METRIC)).getMax()).isEqualTo(1234.0);
    }

    @Test
    void testReleasesTheAnswerOnClose()
            throws Exception
    {
        List<JsonNode> rows = new ArrayList<>();
        for (int row = 0; row < 5000; row++) {
            rows.add(MAPPER.readTree("[%s, \"some text of a row\"]".formatted(row)));
        }
        DecodingProblems problems = new DecodingProblems("orders", false);
        PinotCdcPageSource source = new PinotCdcPageSource(
                _ -> new BrokerAnswer(rows, 1000, new RowDecoder(List.of(), -1, problems), OptionalLong.empty()),
                problems,
                new PinotCdcStats(),
                DynamicFilter.EMPTY,
                new Duration(0, SECONDS));
        source.getNextSourcePage();
        assertThat(source.getMemoryUsage()).isGreaterThan(RetainedJsonSize.of(rows.getLast()) * (5000 - 4096) - 1);
        assertThat(source.getMemoryUsage()).isEqualTo(rows.subList(4096, 5000).stream().mapToLong(RetainedJsonSize::of).sum());
        source.close();
        assertThat(source.getMemoryUsage()).isZero();
        assertThat(source.isFinished()).isTrue();
        // no consuming segment read: no lag to report
        assertThat(source.getMetrics().getMetrics()).doesNotContainKey(PinotCdcPageSource.CONSUMING_LAG_METRIC);
    }

    @Test
    void testSizesOfJsonNodes()
            throws Exception
    {
        long small = RetainedJsonSize.of(MAPPER.readTree("{\"a\": \"x\"}"));
        long larger = RetainedJsonSize.of(MAPPER.readTree("{\"a\": \"" + "x".repeat(1000) + "\"}"));
        assertThat(small).isPositive();
        assertThat(larger - small).isGreaterThanOrEqualTo(999);
        assertThat(RetainedJsonSize.of(MAPPER.readTree("[true, null]"))).isEqualTo(RetainedJsonSize.of(MAPPER.readTree("[false, false]")));
    }
}

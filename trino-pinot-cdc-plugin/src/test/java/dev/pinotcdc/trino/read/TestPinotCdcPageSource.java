package dev.pinotcdc.trino.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinotcdc.trino.client.PinotCdcStats;
import dev.pinotcdc.trino.config.PinotCdcScanConfig;
import dev.pinotcdc.trino.pushdown.DecodingProblems;
import dev.pinotcdc.trino.pushdown.RowDecoder;
import dev.pinotcdc.trino.read.PinotCdcPageSource.BrokerAnswer;
import io.airlift.units.Duration;
import io.trino.plugin.base.metrics.TDigestHistogram;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.SourcePage;
import io.trino.spi.predicate.TupleDomain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static com.google.common.util.concurrent.Uninterruptibles.awaitUninterruptibly;
import static io.trino.spi.StandardErrorCode.GENERIC_INTERNAL_ERROR;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

@TestInstance(PER_CLASS)
final class TestPinotCdcPageSource
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BrokerQueryExecutor executor = new BrokerQueryExecutor(new PinotCdcScanConfig().setMaxConcurrentBrokerQueries(2));

    @AfterAll
    void tearDown()
    {
        executor.shutdown();
    }

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
                executor,
                problems,
                new PinotCdcStats(),
                DynamicFilter.EMPTY,
                new Duration(0, SECONDS));
        // nothing is held before the query ran
        assertThat(source.getMemoryUsage()).isZero();

        List<Long> usage = new ArrayList<>();
        long rowsReturned = 0;
        while (!source.isFinished()) {
            SourcePage page = nextPage(source);
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
                executor,
                problems,
                new PinotCdcStats(),
                DynamicFilter.EMPTY,
                new Duration(0, SECONDS));
        nextPage(source);
        assertThat(source.getMemoryUsage()).isGreaterThan(RetainedJsonSize.of(rows.getLast()) * (5000 - 4096) - 1);
        assertThat(source.getMemoryUsage()).isEqualTo(rows.subList(4096, 5000).stream().mapToLong(RetainedJsonSize::of).sum());
        source.close();
        assertThat(source.getMemoryUsage()).isZero();
        assertThat(source.isFinished()).isTrue();
        // no consuming segment read: no lag to report
        assertThat(source.getMetrics().getMetrics()).doesNotContainKey(PinotCdcPageSource.CONSUMING_LAG_METRIC);
    }

    @Test
    void testTheDriverIsBlockedOnTheCallNotInsideIt()
            throws Exception
    {
        CountDownLatch answer = new CountDownLatch(1);
        PinotCdcPageSource source = pageSource(_ -> {
            awaitUninterruptibly(answer);
            return emptyAnswer();
        });
        assertThat(source.getNextSourcePage()).isNull();
        CompletableFuture<?> blocked = source.isBlocked();
        assertThat(blocked).isNotDone();
        assertThat(source.isFinished()).isFalse();
        answer.countDown();
        blocked.get(10, SECONDS);
        assertThat(source.getNextSourcePage().getPositionCount()).isZero();
        assertThat(source.isFinished()).isTrue();
        assertThat(source.getReadTimeNanos()).isPositive();
    }

    @Test
    void testCloseInterruptsTheCallAtOnce()
            throws Exception
    {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        PinotCdcPageSource source = pageSource(_ -> {
            started.countDown();
            try {
                // a broker that does not answer
                Thread.sleep(60_000);
                interrupted.complete(false);
            }
            catch (InterruptedException e) {
                interrupted.complete(true);
            }
            return emptyAnswer();
        });
        assertThat(source.getNextSourcePage()).isNull();
        assertThat(started.await(10, SECONDS)).isTrue();
        long start = System.nanoTime();
        source.close();
        assertThat(interrupted.get(10, SECONDS)).isTrue();
        assertThat(System.nanoTime() - start).isLessThan(SECONDS.toNanos(5));
        assertThat(source.isFinished()).isTrue();
        assertThat(source.isBlocked()).isDone();
    }

    @Test
    void testTheCallsFailureReachesTheDriverAsItIs()
    {
        TrinoException failure = new TrinoException(GENERIC_INTERNAL_ERROR, "Pinot table 'orders': broker answered HTTP 500");
        PinotCdcPageSource source = pageSource(_ -> {
            throw failure;
        });
        assertThatThrownBy(() -> nextPage(source)).isSameAs(failure);
    }

    @Test
    void testAtMostTheConfiguredNumberOfCallsRunAtOnce()
            throws Exception
    {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<PinotCdcPageSource> sources = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sources.add(pageSource(_ -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                awaitUninterruptibly(release);
                running.decrementAndGet();
                return emptyAnswer();
            }));
        }
        sources.forEach(PinotCdcPageSource::getNextSourcePage);
        // the two that run are held; the other four wait their turn
        long deadline = System.nanoTime() + SECONDS.toNanos(10);
        while (running.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(200);
        assertThat(running.get()).isEqualTo(2);
        assertThat(sources.stream().filter(source -> !source.isBlocked().isDone()).count()).isEqualTo(6);
        release.countDown();
        for (PinotCdcPageSource source : sources) {
            source.isBlocked().get(10, SECONDS);
            assertThat(source.getNextSourcePage().getPositionCount()).isZero();
        }
        assertThat(mostAtOnce.get()).isEqualTo(2);
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

    private PinotCdcPageSource pageSource(Function<TupleDomain<ColumnHandle>, BrokerAnswer> query)
    {
        DecodingProblems problems = new DecodingProblems("orders", false);
        return new PinotCdcPageSource(query, executor, problems, new PinotCdcStats(), DynamicFilter.EMPTY, new Duration(0, SECONDS));
    }

    private static BrokerAnswer emptyAnswer()
    {
        return new BrokerAnswer(List.of(), 0, new RowDecoder(List.of(), -1, new DecodingProblems("orders", false)), OptionalLong.empty());
    }

    /** The next page, as a driver gets it: waiting while the page source is blocked. */
    private static SourcePage nextPage(PinotCdcPageSource source)
            throws Exception
    {
        while (true) {
            source.isBlocked().get(10, SECONDS);
            SourcePage page = source.getNextSourcePage();
            if (page != null) {
                return page;
            }
        }
    }
}

package dev.pinotcdc.trino.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinotcdc.trino.client.PinotCdcStats;
import dev.pinotcdc.trino.pushdown.DecodingProblems;
import dev.pinotcdc.trino.pushdown.RowDecoder;
import io.airlift.units.Duration;
import io.trino.plugin.base.metrics.TDigestHistogram;
import io.trino.spi.Page;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.SourcePage;
import io.trino.spi.metrics.Metrics;
import io.trino.spi.predicate.TupleDomain;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static com.google.common.base.Throwables.throwIfUnchecked;
import static com.google.common.util.concurrent.Futures.getDone;
import static java.util.Objects.requireNonNull;

/**
 * Returns the answer of one broker query as pages. The query starts on the first call, with the join's dynamic filter
 * as it stands then; on the probe side of a join it first waits a while for that filter to be complete. It runs on a
 * thread of the {@link BrokerQueryExecutor}: the driver is blocked on it, not inside it, and closing the page source
 * (the Trino query ended or was cancelled) interrupts the call, which aborts its HTTP exchange. The rows
 * are decoded a page at a time, so only the broker's answer, not a second copy of it, is held in memory; the memory
 * reported to Trino is what the rows not yet returned retain, from the moment the answer arrived until the last
 * page (or close) lets them go.
 */
final class PinotCdcPageSource
        implements ConnectorPageSource
{
    private static final int ROWS_PER_PAGE = 4096;
    /** Shown by EXPLAIN ANALYZE VERBOSE: how far behind now the consuming segments each split read were. */
    static final String CONSUMING_LAG_METRIC = "pinot_cdc.consuming_freshness_lag_ms";

    private final Function<TupleDomain<ColumnHandle>, BrokerAnswer> query;
    private final BrokerQueryExecutor executor;
    private final DecodingProblems problems;
    private final PinotCdcStats stats;
    private final DynamicFilter dynamicFilter;
    private final long dynamicFilterDeadlineNanos;

    private BrokerQueryExecutor.Call<TimedAnswer> call;
    private CompletableFuture<?> answerArrived;
    private RowDecoder decoder;
    private List<JsonNode> rows;
    private long answerBytes;
    private OptionalLong consumingLagMillis = OptionalLong.empty();
    // retainedBefore[i]: what rows 0..i-1 retain; the rows from nextRow on retain the rest
    private long[] retainedBefore = new long[1];
    private int nextRow;
    private long readTimeNanos;
    private boolean closed;

    /**
     * @param query runs the scan's broker query, narrowed by the given dynamic filter
     * @param executor where the query runs
     */
    PinotCdcPageSource(
            Function<TupleDomain<ColumnHandle>, BrokerAnswer> query,
            BrokerQueryExecutor executor,
            DecodingProblems problems,
            PinotCdcStats stats,
            DynamicFilter dynamicFilter,
            Duration dynamicFilterWait)
    {
        this.executor = requireNonNull(executor, "executor is null");
        this.stats = requireNonNull(stats, "stats is null");
        this.query = requireNonNull(query, "query is null");
        this.problems = requireNonNull(problems, "problems is null");
        this.dynamicFilter = requireNonNull(dynamicFilter, "dynamicFilter is null");
        this.dynamicFilterDeadlineNanos = System.nanoTime() + dynamicFilterWait.roundTo(TimeUnit.NANOSECONDS);
    }

    @Override
    public CompletableFuture<?> isBlocked()
    {
        if (awaitingAnswer()) {
            return answerArrived;
        }
        if (!awaitingDynamicFilter()) {
            return NOT_BLOCKED;
        }
        // a new future: Trino's must not be completed by the timeout
        return dynamicFilter.isBlocked()
                .thenApply(ignored -> null)
                .completeOnTimeout(null, Math.max(0, dynamicFilterDeadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private boolean awaitingDynamicFilter()
    {
        return call == null && !closed && dynamicFilter.isAwaitable() && System.nanoTime() - dynamicFilterDeadlineNanos < 0;
    }

    private boolean awaitingAnswer()
    {
        return rows == null && call != null && !call.isDone() && !closed;
    }

    @Override
    public SourcePage getNextSourcePage()
    {
        if (isFinished() || awaitingDynamicFilter()) {
            return null;
        }
        if (rows == null) {
            if (call == null) {
                TupleDomain<ColumnHandle> predicate = dynamicFilter.getCurrentPredicate();
                call = executor.submit(() -> timed(predicate));
                // a future of its own: Trino may cancel what isBlocked returns
                answerArrived = call.finished().thenApply(_ -> null);
            }
            if (!call.isDone()) {
                return null;
            }
            accept(answer(call));
        }
        long start = System.nanoTime();
        int end = Math.min(rows.size(), nextRow + ROWS_PER_PAGE);
        Page page = decoder.decode(rows, nextRow, end);
        nextRow = end;
        if (nextRow >= rows.size()) {
            // let the answer be collected while Trino still holds the pages
            release();
        }
        readTimeNanos += System.nanoTime() - start;
        return SourcePage.create(page);
    }

    private TimedAnswer timed(TupleDomain<ColumnHandle> predicate)
    {
        long start = System.nanoTime();
        BrokerAnswer answer = query.apply(predicate);
        return new TimedAnswer(answer, System.nanoTime() - start);
    }

    private static TimedAnswer answer(Future<TimedAnswer> call)
    {
        try {
            return getDone(call);
        }
        catch (ExecutionException e) {
            throwIfUnchecked(e.getCause());
            throw new RuntimeException(e.getCause());
        }
    }

    private void accept(TimedAnswer timed)
    {
        BrokerAnswer answer = timed.answer();
        rows = answer.rows();
        answerBytes = answer.bytes();
        consumingLagMillis = answer.consumingLagMillis();
        decoder = answer.decoder();
        retainedBefore = retainedSizes(rows);
        readTimeNanos += timed.nanos();
    }

    @Override
    public boolean isFinished()
    {
        return closed || (rows != null && nextRow >= rows.size());
    }

    @Override
    public long getCompletedBytes()
    {
        return answerBytes;
    }

    @Override
    public OptionalLong getCompletedPositions()
    {
        return OptionalLong.of(nextRow);
    }

    @Override
    public long getReadTimeNanos()
    {
        return readTimeNanos;
    }

    @Override
    public long getMemoryUsage()
    {
        if (rows == null) {
            return 0;
        }
        return retainedBefore[retainedBefore.length - 1] - retainedBefore[Math.min(nextRow, retainedBefore.length - 1)];
    }

    private static long[] retainedSizes(List<JsonNode> rows)
    {
        long[] before = new long[rows.size() + 1];
        for (int row = 0; row < rows.size(); row++) {
            before[row + 1] = before[row] + RetainedJsonSize.of(rows.get(row));
        }
        return before;
    }

    private void release()
    {
        rows = List.of();
        retainedBefore = new long[1];
    }

    @Override
    public Metrics getMetrics()
    {
        Metrics metrics = problems.toMetrics();
        if (consumingLagMillis.isEmpty()) {
            return metrics;
        }
        // a distribution: Trino merges each split's figure into one for the scan
        return metrics.mergeWith(new Metrics(Map.of(CONSUMING_LAG_METRIC, TDigestHistogram.fromValue(consumingLagMillis.getAsLong()))));
    }

    @Override
    public void close()
    {
        if (!closed) {
            stats.valuesNulled(problems.nulledValues());
        }
        closed = true;
        if (call != null) {
            // interrupts a call under way, which aborts its HTTP exchange
            call.cancel(true);
        }
        release();
    }

    private record TimedAnswer(BrokerAnswer answer, long nanos) {}

    /**
     * The rows of a checked broker answer, its size on the wire, how its rows become pages, and how far behind the
     * consuming segments it read were.
     */
    record BrokerAnswer(List<JsonNode> rows, long bytes, RowDecoder decoder, OptionalLong consumingLagMillis)
    {
        BrokerAnswer
        {
            rows = requireNonNull(rows, "rows is null");
            requireNonNull(decoder, "decoder is null");
            requireNonNull(consumingLagMillis, "consumingLagMillis is null");
        }
    }
}

package dev.pinotcdc.trino.read;

import com.google.inject.Inject;
import dev.pinotcdc.trino.config.PinotCdcScanConfig;
import io.airlift.concurrent.BoundedExecutor;
import jakarta.annotation.PreDestroy;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;

import static io.airlift.concurrent.Threads.daemonThreadsNamed;
import static java.util.concurrent.Executors.newCachedThreadPool;

/**
 * Runs this node's broker queries on threads of their own, at most {@code pinot.max-concurrent-broker-queries} at
 * once. A driver thread only starts a query and is told when its answer is there, so a slow or stopped Pinot holds no
 * driver thread; and a cancelled Trino query interrupts the thread of its call, which aborts the HTTP exchange at once
 * instead of at the read timeout.
 */
public class BrokerQueryExecutor
{
    private final ExecutorService threads = newCachedThreadPool(daemonThreadsNamed("pinot-cdc-broker-query-%s"));
    private final BoundedExecutor bounded;

    @Inject
    public BrokerQueryExecutor(PinotCdcScanConfig config)
    {
        this.bounded = new BoundedExecutor(threads, config.getMaxConcurrentBrokerQueries());
    }

    /** Queues the call; it runs when one of the bounded threads is free. */
    <T> Call<T> submit(Callable<T> call)
    {
        Call<T> task = new Call<>(call);
        bounded.execute(task);
        return task;
    }

    @PreDestroy
    public void shutdown()
    {
        threads.shutdownNow();
    }

    /**
     * A broker call under way: {@code cancel(true)} interrupts it while it runs and keeps it from starting while it
     * waits; {@link #finished()} completes once it ended either way.
     */
    static final class Call<T>
            extends FutureTask<T>
    {
        private final CompletableFuture<Void> finished = new CompletableFuture<>();

        private Call(Callable<T> callable)
        {
            super(callable);
        }

        CompletableFuture<Void> finished()
        {
            return finished;
        }

        @Override
        protected void done()
        {
            finished.complete(null);
        }
    }
}

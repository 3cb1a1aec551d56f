package dev.pinotcdc.trino.benchmark;

import java.util.Locale;

/**
 * The size and shape of one benchmark run, from {@code -Dbench.*} system properties.
 *
 * @param events order change events (inserts, updates, deletes) written to Kafka
 * @param keys distinct order ids; every id is inserted once, most are updated several times, a few are deleted
 * @param users user rows (inserts and a few updates), the other side of the top-users join
 * @param partitions partitions of each topic: Pinot consumes each partition on a thread of its own
 * @param flushThresholdRows rows of a consuming segment before Pinot commits it (per partition)
 * @param warmups unmeasured runs of each query in each way
 * @param runs measured runs of each query in each way (fewer for a way whose warm-up run is slow, see {@link #slowQueryMillis})
 * @param slowQueryMillis a way that takes longer than this in warm-up is measured {@link #slowQueryRuns} times
 * @param pinotHeap the Pinot cluster JVM's -Xmx
 * @param trinoHeap the Trino server's -Xmx
 * @param seed the seed of the generated data
 */
public record BenchmarkSettings(
        int events,
        int keys,
        int users,
        int partitions,
        int flushThresholdRows,
        int warmups,
        int runs,
        long slowQueryMillis,
        int slowQueryRuns,
        String pinotHeap,
        String trinoHeap,
        long seed)
{
    public BenchmarkSettings
    {
        if (keys < 10 || events < keys) {
            throw new IllegalArgumentException("Need at least 10 keys and at least one event per key: bench.events=%s bench.keys=%s".formatted(events, keys));
        }
        if (users < 10 || partitions < 1 || flushThresholdRows < 1 || warmups < 0 || runs < 1 || slowQueryRuns < 1) {
            throw new IllegalArgumentException("Invalid benchmark settings: " + BenchmarkSettings.class.getSimpleName());
        }
    }

    public static BenchmarkSettings fromSystemProperties()
    {
        int events = intProperty("bench.events", 1_000_000);
        int keys = intProperty("bench.keys", Math.max(10, events / 5));
        return new BenchmarkSettings(
                events,
                keys,
                intProperty("bench.users", Math.max(10, keys / 4)),
                intProperty("bench.partitions", 2),
                intProperty("bench.flush-rows", 250_000),
                intProperty("bench.warmups", 2),
                intProperty("bench.runs", 7),
                intProperty("bench.slow-query-ms", 3_000),
                intProperty("bench.slow-query-runs", 3),
                stringProperty("bench.pinot-heap", events > 200_000 ? "5g" : "2g"),
                stringProperty("bench.trino-heap", "3g"),
                Long.parseLong(stringProperty("bench.seed", "20261122")));
    }

    /**
     * A run small enough for a test: a few thousand events, one measured run, no warm-up.
     */
    public static BenchmarkSettings tiny()
    {
        return new BenchmarkSettings(3_000, 600, 150, 2, 1_000, 0, 1, 3_000, 1, "1g", "1G", 7);
    }

    public String describe()
    {
        return String.format(Locale.ROOT, "%,d order events over %,d keys, %,d users, %d partitions, segments of %,d rows, %d warm-up + %d runs",
                events, keys, users, partitions, flushThresholdRows, warmups, runs);
    }

    private static int intProperty(String name, int defaultValue)
    {
        return Integer.parseInt(stringProperty(name, Integer.toString(defaultValue)).replace("_", "").replace(",", ""));
    }

    // the Maven profile passes every property, empty when not given
    private static String stringProperty(String name, String defaultValue)
    {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }
}

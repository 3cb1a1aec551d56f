package dev.pinotcdc.trino.soak;

import dev.pinotcdc.trino.testing.ChangingTable;
import dev.pinotcdc.trino.testing.ChangingTable.KeyKind;
import dev.pinotcdc.trino.testing.LiveScans;
import dev.pinotcdc.trino.testing.PinotCdcQueryRunner;
import dev.pinotcdc.trino.testing.PinotTestCluster;
import io.trino.Session;
import io.trino.testing.QueryRunner;

import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The live-ingestion soak: clients keep reading CDC tables (full scans in several splits, counts, key lookups) while
 * their rows change at a high rate, and every answer is checked against the live state. Prints the questions asked,
 * keys seen twice or missing, errors, latency per question, and this JVM's heap and threads (Trino runs in it) at the
 * start and the end. Settings ({@code -Dsoak.*}): clients (32), minutes (10), keys per table (20000), changes per
 * second per table (50), splits (4). See README "Under live ingestion".
 */
public final class LiveIngestionSoak
{
    private static final Duration IDLE = Duration.ofSeconds(90);

    private LiveIngestionSoak() {}

    public static void main(String[] args)
            throws Exception
    {
        int clients = Integer.parseInt(property("soak.clients", "32"));
        double minutes = Double.parseDouble(property("soak.minutes", "10"));
        int keys = Integer.parseInt(property("soak.keys", "20000"));
        int changesPerSecond = Integer.parseInt(property("soak.changes-per-second", "50"));
        int splits = Integer.parseInt(property("soak.splits", "4"));
        System.out.printf(Locale.ROOT, "Soak: %d clients, %.1f minutes, %,d keys per table, %,d changes/s per table, %d splits%n", clients, minutes, keys, changesPerSecond, splits);

        PinotTestCluster cluster = PinotTestCluster.start(Path.of("target", "soak").toAbsolutePath());
        try (QueryRunner queryRunner = PinotCdcQueryRunner.builder(cluster.controllerUrl()).nodeCount(3)
                .catalogProperty("pinot.metadata-cache-ttl", "1m")
                .build();
                ChangingTable numbers = ChangingTable.create(cluster, "soak_orders", KeyKind.INTEGRAL, keys, changesPerSecond, 100_000);
                ChangingTable texts = ChangingTable.create(cluster, "soak_codes", KeyKind.TEXT, keys, changesPerSecond, 100_000)) {
            Session session = Session.builder(queryRunner.getDefaultSession())
                    .setCatalogSessionProperty(PinotCdcQueryRunner.CATALOG, "scan_splits", Integer.toString(splits))
                    .build();
            LiveScans scans = new LiveScans(queryRunner, session, List.of(numbers, texts), false);
            // a short warm-up before the figures at the start, so that they show what the run added, not the start-up
            new LiveScans(queryRunner, session, List.of(numbers, texts), false).run(Math.min(clients, 4), Duration.ofSeconds(10));
            String start = jvmState();
            Map<String, Long> poolsAtStart = threadPools();
            numbers.startChanging();
            texts.startChanging();
            LiveScans.Report report = scans.run(clients, Duration.ofMillis((long) (minutes * 60_000)));
            numbers.close();
            texts.close();
            String end = jvmState();
            Map<String, Long> poolsAtEnd = threadPools();
            // Trino's and the connector's pools let idle threads go after a minute: what stays after that is growth
            Thread.sleep(IDLE.toMillis());
            String idle = jvmState();
            Map<String, Long> poolsIdle = threadPools();
            System.out.println();
            System.out.println(report.describe());
            System.out.printf("changes sent: %,d%n", numbers.changesSent() + texts.changesSent());
            numbers.failure().ifPresent(failure -> System.out.println("change thread failed: " + failure));
            texts.failure().ifPresent(failure -> System.out.println("change thread failed: " + failure));
            System.out.println("start: " + start);
            System.out.println("end:   " + end);
            System.out.printf("after %s s idle: %s%n", IDLE.toSeconds(), idle);
            System.out.println("thread pools that grew (start / end / idle):");
            poolsAtEnd.entrySet().stream()
                    .filter(pool -> pool.getValue() > poolsAtStart.getOrDefault(pool.getKey(), 0L))
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(12)
                    .forEach(pool -> System.out.printf("  %s: %d / %d / %d%n", pool.getKey(), poolsAtStart.getOrDefault(pool.getKey(), 0L), pool.getValue(), poolsIdle.getOrDefault(pool.getKey(), 0L)));
            System.out.println("connector metrics (JMX, catalog " + PinotCdcQueryRunner.CATALOG + "):");
            connectorMetrics().forEach((name, value) -> System.out.printf("  %s = %s%n", name, value));
            if (report.inexactAnswers() > 0 || report.errors() > 0) {
                System.exit(1);
            }
        }
        finally {
            cluster.close();
        }
    }

    /** The Maven profile passes every property, empty when not set on its command line. */
    private static String property(String name, String defaultValue)
    {
        String value = System.getProperty(name, "");
        return value.isBlank() ? defaultValue : value;
    }

    /** Live threads by name, numbers taken out, so that a pool's threads count together. */
    private static Map<String, Long> threadPools()
    {
        return Thread.getAllStackTraces().keySet().stream()
                .collect(Collectors.groupingBy(thread -> thread.getName().replaceAll("[0-9]+", "#"), TreeMap::new, Collectors.counting()));
    }

    /**
     * The catalog's counters and timings as the connector exports them over JMX (one node's: the nodes of the
     * in-process Trino share one MBean server), those that moved: totals and all-time count and percentiles.
     */
    private static Map<String, Object> connectorMetrics()
            throws JMException
    {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Map<String, Object> metrics = new TreeMap<>();
        for (ObjectName name : server.queryNames(new ObjectName("trino.plugin.pinot_cdc.*:name=" + PinotCdcQueryRunner.CATALOG + ",*"), null)) {
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                if (!attribute.getName().endsWith("TotalCount") && !attribute.getName().matches(".*AllTime\\.(Count|P50|P99)")) {
                    continue;
                }
                Object value = server.getAttribute(name, attribute.getName());
                if (value instanceof Number number && number.doubleValue() != 0 && !Double.isNaN(number.doubleValue())) {
                    metrics.put(name.getKeyProperty("type") + "." + attribute.getName(), value);
                }
            }
        }
        return metrics;
    }

    private static String jvmState()
    {
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return String.format(Locale.ROOT, "heap used %,d MB (after GC) of %,d MB; threads %d",
                heap.getUsed() >> 20, heap.getMax() >> 20, ManagementFactory.getThreadMXBean().getThreadCount());
    }
}

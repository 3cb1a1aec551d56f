package dev.pinotcdc.trino.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * A real Pinot 0.11 cluster (ZooKeeper, Kafka 2.8, controller, broker, server) for the tests, started once per test
 * JVM in a JVM of its own and stopped when the test JVM exits.
 *
 * <pre>{@code
 * PinotTestCluster pinot = PinotTestCluster.shared();
 * pinot.kafka().createTopic("events");
 * pinot.controller().addSchema(schemaJson);
 * pinot.broker().query("SELECT COUNT(*) FROM events");
 * }</pre>
 */
public final class PinotTestCluster
        implements AutoCloseable
{
    private static final AtomicLong TABLE_NAMES = new AtomicLong();

    private static PinotTestCluster shared;
    private static RuntimeException startFailure;

    private volatile PinotClusterProcess process;
    private final Duration startTime;
    private final TestingPinotController controller;
    private final TestingPinotBroker broker;
    private final TestingKafka kafka;

    private PinotTestCluster(PinotClusterProcess process, Duration startTime, Optional<String> adminAuthorization)
    {
        this.process = requireNonNull(process, "process is null");
        this.startTime = requireNonNull(startTime, "startTime is null");
        PinotClusterEndpoints endpoints = process.endpoints();
        this.controller = new TestingPinotController(endpoints.controllerUrl(), adminAuthorization, this::explainFailure);
        this.broker = new TestingPinotBroker(endpoints.brokerUrl(), adminAuthorization, this::explainFailure);
        this.kafka = new TestingKafka(endpoints.kafkaBootstrapServers());
    }

    /**
     * The cluster of this test JVM, started on first use (about 10 s).
     */
    public static synchronized PinotTestCluster shared()
    {
        if (startFailure != null) {
            // one failed start is enough: every later test class fails at once with the same cause
            throw new IllegalStateException("The Pinot test cluster failed to start earlier in this JVM", startFailure);
        }
        if (shared == null) {
            try {
                shared = start(Path.of("target").toAbsolutePath());
            }
            catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            PinotTestCluster cluster = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "pinot-test-cluster-stop"));
        }
        return shared;
    }

    /**
     * A cluster of its own, for a program that stops it itself with {@link #close()} (its data goes, its log
     * stays under {@code baseDirectory}). The child JVM also stops when this JVM dies.
     */
    public static PinotTestCluster start(Path baseDirectory)
    {
        return start(baseDirectory, PinotClusterOptions.DEFAULT);
    }

    /**
     * A cluster of its own whose broker also has the given settings (for example a response limit), for a test that
     * stops it with {@link #close()}.
     */
    public static PinotTestCluster start(Path baseDirectory, Map<String, String> brokerProperties)
    {
        return start(baseDirectory, PinotClusterOptions.brokerProperties(brokerProperties));
    }

    /**
     * A cluster of its own configured by {@code options} (for example {@link PinotBasicAuthentication}), for a test
     * that stops it with {@link #close()}. The harness's own controller and broker calls send the options' admin
     * credentials.
     */
    public static PinotTestCluster start(Path baseDirectory, PinotClusterOptions options)
    {
        long startNanos = System.nanoTime();
        try {
            PinotClusterProcess process = PinotClusterProcess.start(baseDirectory, options);
            return new PinotTestCluster(process, Duration.ofNanos(System.nanoTime() - startNanos), options.adminAuthorization());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Pinot test cluster", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the Pinot test cluster", e);
        }
    }

    /**
     * A table name no other test of this JVM gets: the cluster is shared and Pinot refuses a second table of the
     * same name.
     */
    public static String uniqueTableName(String prefix)
    {
        return prefix + "_" + TABLE_NAMES.incrementAndGet();
    }

    public String controllerUrl()
    {
        return process.endpoints().controllerUrl();
    }

    public String brokerUrl()
    {
        return process.endpoints().brokerUrl();
    }

    /**
     * The controller's https listener, for a cluster started {@link PinotClusterOptions#withHttps with https}.
     */
    public String controllerHttpsUrl()
    {
        return process.endpoints().controllerHttpsUrl().orElseThrow(() -> new IllegalStateException("The cluster was started without https"));
    }

    /**
     * The broker's https listener, for a cluster started {@link PinotClusterOptions#withHttps with https}. The
     * broker registers this port, so brokers discovered through the controller answer on https only.
     */
    public String brokerHttpsUrl()
    {
        return process.endpoints().brokerHttpsUrl().orElseThrow(() -> new IllegalStateException("The cluster was started without https"));
    }

    public String kafkaBootstrapServers()
    {
        return process.endpoints().kafkaBootstrapServers();
    }

    public String zookeeperAddress()
    {
        return process.endpoints().zookeeperAddress();
    }

    public TestingPinotController controller()
    {
        return controller;
    }

    public TestingPinotBroker broker()
    {
        return broker;
    }

    public TestingKafka kafka()
    {
        return kafka;
    }

    /**
     * Pinot restarted the hard way: the cluster's JVM is killed (SIGKILL) and a new one started on its files and
     * ports, resuming its tables, segments and topics. Returns once the new one answers queries (about as long as a
     * first start); tables need a little longer to be served again.
     */
    public synchronized void restart()
    {
        try {
            process = process.restart();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot restart the Pinot test cluster", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while restarting the Pinot test cluster", e);
        }
    }

    private RuntimeException explainFailure(RuntimeException failure)
    {
        return process.explainFailure(failure);
    }

    /**
     * The process id of the cluster's JVM.
     */
    public long pid()
    {
        return process.pid();
    }

    /**
     * From launching the JVM to the first answered broker query.
     */
    public Duration startTime()
    {
        return startTime;
    }

    /**
     * The cluster's log file; it stays after the run.
     */
    public Path logFile()
    {
        return process.logFile();
    }

    @Override
    public void close()
    {
        kafka.close();
        process.close();
    }
}

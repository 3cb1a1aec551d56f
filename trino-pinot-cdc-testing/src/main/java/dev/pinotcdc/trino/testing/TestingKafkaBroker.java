package dev.pinotcdc.trino.testing;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * A single-node Kafka 4.3 (KRaft, broker and controller in one) inside the test JVM, on free loopback ports with
 * a private log directory. For tests of the CDC pipeline that do not need the Pinot cluster's own Kafka.
 */
public final class TestingKafkaBroker
        implements AutoCloseable
{
    private static TestingKafkaBroker shared;

    private final KafkaRaftServer server;
    private final Path logDirectory;
    private final String bootstrapServers;
    private final Duration startTime;

    private TestingKafkaBroker(KafkaRaftServer server, Path logDirectory, String bootstrapServers, Duration startTime)
    {
        this.server = requireNonNull(server, "server is null");
        this.logDirectory = requireNonNull(logDirectory, "logDirectory is null");
        this.bootstrapServers = requireNonNull(bootstrapServers, "bootstrapServers is null");
        this.startTime = requireNonNull(startTime, "startTime is null");
    }

    /**
     * The broker of this JVM: started on first use, stopped when the JVM exits.
     */
    public static synchronized TestingKafkaBroker shared()
    {
        if (shared == null) {
            TestingKafkaBroker started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-testing-kafka"));
            shared = started;
        }
        return shared;
    }

    public static TestingKafkaBroker start()
    {
        long startNanos = System.nanoTime();
        try {
            Path logDirectory = Files.createTempDirectory("pinotcdc-kafka-");
            int brokerPort = LoopbackPorts.freePort();
            int controllerPort = LoopbackPorts.freePort();
            KafkaConfig config = new KafkaConfig(serverProperties(logDirectory, brokerPort, controllerPort), false);
            format(config, logDirectory);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            return new TestingKafkaBroker(server, logDirectory, "127.0.0.1:" + brokerPort, Duration.ofNanos(System.nanoTime() - startNanos));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not start Kafka", e);
        }
    }

    private static Properties serverProperties(Path logDirectory, int brokerPort, int controllerPort)
    {
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", "1");
        properties.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.setProperty("listeners", "PLAINTEXT://127.0.0.1:%s,CONTROLLER://127.0.0.1:%s".formatted(brokerPort, controllerPort));
        properties.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.setProperty("log.dirs", logDirectory.toString());
        properties.setProperty("num.partitions", "1");
        properties.setProperty("auto.create.topics.enable", "true");
        // one node: every internal topic with a single replica
        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("offsets.topic.num.partitions", "1");
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
        properties.setProperty("share.coordinator.state.topic.min.isr", "1");
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        properties.setProperty("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return properties;
    }

    private static void format(KafkaConfig config, Path logDirectory)
    {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(output, true, UTF_8))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setNodeId(config.nodeId())
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDirectory.toString()))
                    .setMetadataLogDirectory(logDirectory.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        }
        catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka's log directory: " + output.toString(UTF_8), e);
        }
    }

    public String bootstrapServers()
    {
        return bootstrapServers;
    }

    public Duration startTime()
    {
        return startTime;
    }

    @Override
    public void close()
    {
        server.shutdown();
        server.awaitShutdown();
        ChildProcess.deleteRecursively(logDirectory);
    }
}

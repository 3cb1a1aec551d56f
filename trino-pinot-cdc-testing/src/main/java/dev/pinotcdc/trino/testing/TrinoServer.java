package dev.pinotcdc.trino.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A real Trino server started from a {@link TrinoServerInstallation} with {@code bin/launcher run} as a child
 * process of the test JVM. Closing it stops the server (SIGTERM, then SIGKILL if it does not exit); a shutdown
 * hook does the same if the test JVM exits first, so an aborted run leaves no server behind.
 */
public final class TrinoServer
        implements AutoCloseable
{
    public static final String USER = "test";

    private static final int LOG_TAIL_LINES = 40;
    private static final int ERROR_CONTEXT_LINES = 8;
    private static final Pattern FAILED_CATALOG = Pattern.compile("-- Failed to load catalog (\\S+) using connector ");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path installationDirectory;
    private final int httpPort;
    private final ChildProcess process;
    private final TrinoCli cli;
    private final Thread shutdownHook;
    private boolean closed;

    private TrinoServer(Path installationDirectory, int httpPort, ChildProcess process, TrinoCli cli)
    {
        this.installationDirectory = requireNonNull(installationDirectory, "installationDirectory is null");
        this.httpPort = httpPort;
        this.process = requireNonNull(process, "process is null");
        this.cli = requireNonNull(cli, "cli is null");
        this.shutdownHook = new Thread(this::stopProcess, "stop Trino server " + installationDirectory.getFileName());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static TrinoServer launch(Path installationDirectory, int httpPort, Path javaHome, TrinoCli cliTemplate)
    {
        // where the launcher puts the log in daemon mode; in run mode the log is the process output
        Path serverLog = installationDirectory.resolve("data/var/log/server.log");
        ChildProcess process = ChildProcess.start(
                "Trino server " + installationDirectory.getFileName(),
                List.of(installationDirectory.resolve("bin/launcher").toString(), "run"),
                installationDirectory,
                serverLog,
                Map.of("JAVA_HOME", javaHome.toString()));
        return new TrinoServer(installationDirectory, httpPort, process, cliTemplate.withServer(uriOf(httpPort)));
    }

    /**
     * Ready means a query works: the HTTP port opens long before start-up ends (queries fail with "Trino server
     * is still initializing" until then), and every catalog of the installation loaded.
     */
    void awaitReady(Duration timeout, Set<String> catalogs, Optional<String> readinessQuery)
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitSelectOne(timeout);
        // with dynamic catalog management a catalog that fails to load does not stop the server
        Set<String> missing = new TreeSet<>(catalogs);
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("SELECT catalog_name FROM system.metadata.catalogs")) {
            while (resultSet.next()) {
                missing.remove(resultSet.getString(1));
            }
        }
        catch (SQLException e) {
            throw startFailure("The Trino server cannot list its catalogs", e);
        }
        // a catalog that failed to load is still listed, so its failure is looked up in the log
        Matcher failed = FAILED_CATALOG.matcher(serverLogText());
        while (failed.find()) {
            missing.add(failed.group(1));
        }
        if (!missing.isEmpty()) {
            throw startFailure("The Trino server did not load the catalogs " + missing, null);
        }
        readinessQuery.ifPresent(sql -> awaitScansScheduled(sql, deadline));
    }

    /**
     * With static catalogs, a scan fails with "No nodes available to run query" until the node's announcement of
     * its catalogs has reached the scheduler, seconds after queries of system tables already work.
     */
    private void awaitScansScheduled(String sql, long deadline)
    {
        while (true) {
            try (Connection connection = connect();
                    Statement statement = connection.createStatement();
                    ResultSet resultSet = statement.executeQuery(sql)) {
                while (resultSet.next()) {
                    // drained: the query must run to its end
                }
                return;
            }
            catch (SQLException e) {
                if (!isNoNodesAvailable(e)) {
                    throw startFailure("The Trino server failed the readiness query " + sql, e);
                }
                if (System.nanoTime() > deadline) {
                    throw startFailure("The Trino server still had no nodes for the readiness query " + sql, e);
                }
            }
            sleep(Duration.ofMillis(250));
        }
    }

    public static boolean isNoNodesAvailable(SQLException e)
    {
        return String.valueOf(e.getMessage()).contains("No nodes available to run query");
    }

    private void awaitSelectOne(Duration timeout)
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException lastFailure = null;
        while (true) {
            if (!process.isAlive()) {
                throw startFailure("The Trino server exited with code %s while starting".formatted(process.exitValue()), lastFailure);
            }
            try (Connection connection = connect();
                    Statement statement = connection.createStatement();
                    ResultSet resultSet = statement.executeQuery("SELECT 1")) {
                if (resultSet.next() && resultSet.getInt(1) == 1) {
                    return;
                }
            }
            catch (SQLException e) {
                lastFailure = e;
            }
            if (System.nanoTime() > deadline) {
                throw startFailure("The Trino server did not answer SELECT 1 within " + timeout, lastFailure);
            }
            sleep(Duration.ofMillis(250));
        }
    }

    public URI uri()
    {
        return uriOf(httpPort);
    }

    public int httpPort()
    {
        return httpPort;
    }

    public String jdbcUrl()
    {
        return "jdbc:trino://127.0.0.1:" + httpPort;
    }

    public long pid()
    {
        return process.pid();
    }

    public Path installationDirectory()
    {
        return installationDirectory;
    }

    /**
     * The plugin directories of the installation, as the server saw them at start.
     */
    public List<String> installedPlugins()
    {
        try (Stream<Path> plugins = Files.list(installationDirectory.resolve("plugin"))) {
            return plugins.map(plugin -> plugin.getFileName().toString()).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path serverLog()
    {
        return process.logFile();
    }

    public String serverLogText()
    {
        try {
            return Files.readString(process.logFile(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String serverLogTail(int lines)
    {
        try {
            List<String> all = Files.readAllLines(process.logFile(), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
        catch (IOException e) {
            return "(cannot read %s: %s)".formatted(process.logFile(), e);
        }
    }

    /**
     * The real trino-cli, pointed at this server; set catalog and schema with its {@code with...} methods.
     */
    public TrinoCli cli()
    {
        return cli;
    }

    public Connection connect()
            throws SQLException
    {
        return DriverManager.getConnection(jdbcUrl(), connectionProperties());
    }

    public Connection connect(String catalog, String schema)
            throws SQLException
    {
        return DriverManager.getConnection("%s/%s/%s".formatted(jdbcUrl(), catalog, schema), connectionProperties());
    }

    public boolean isRunning()
    {
        return process.isAlive();
    }

    /**
     * Stops the server and removes the copied binaries and plugins; etc/ and the server log stay for
     * inspection until {@code mvn clean}.
     */
    @Override
    public synchronized void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        long start = System.nanoTime();
        stop();
        System.out.printf("Trino server %s stopped in %.1f s%n", installationDirectory.getFileName(), (System.nanoTime() - start) / 1e9);
        ChildProcess.deleteRecursively(installationDirectory.resolve("plugin"));
        ChildProcess.deleteRecursively(installationDirectory.resolve("bin"));
    }

    /**
     * Stops the process but keeps the installation, to start again in it.
     */
    void stop()
    {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (IllegalStateException ignored) {
            // the JVM is already shutting down and runs the hook itself
        }
    }

    private void stopProcess()
    {
        // the launcher replaces itself with the server JVM; anything it may have left as a child is stopped too
        process.stop(STOP_TIMEOUT, false);
    }

    private TrinoServerStartException startFailure(String problem, Throwable cause)
    {
        return new TrinoServerStartException(problem, installationDirectory, serverLogExcerpt(), cause);
    }

    /**
     * The errors logged (the reason a start fails is often far from the end, behind the start-up queries
     * the readiness check ran) and the last lines.
     */
    private String serverLogExcerpt()
    {
        List<String> lines;
        try {
            lines = Files.readAllLines(process.logFile(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            return "(cannot read %s: %s)".formatted(process.logFile(), e);
        }
        StringBuilder excerpt = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\tERROR\t")) {
                lines.subList(i, Math.min(lines.size(), i + ERROR_CONTEXT_LINES)).forEach(line -> excerpt.append(line).append('\n'));
                excerpt.append("...\n");
            }
        }
        lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()).forEach(line -> excerpt.append(line).append('\n'));
        return excerpt.toString();
    }

    private static Properties connectionProperties()
    {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        return properties;
    }

    private static URI uriOf(int httpPort)
    {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    private static void sleep(Duration duration)
    {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }
}

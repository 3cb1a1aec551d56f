package dev.pinotcdc.trino.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * Runs the real trino-cli executable jar in a JVM of its own, one {@code --execute} per call, as a user's
 * script does. Immutable: the {@code with...} methods return a changed copy.
 */
public final class TrinoCli
{
    public static final String CSV = "CSV";
    public static final String CSV_HEADER = "CSV_HEADER";

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final Path javaExecutable;
    private final Path cliJar;
    private final Optional<URI> server;
    private final Optional<String> catalog;
    private final Optional<String> schema;
    private final Map<String, String> sessionProperties;

    private TrinoCli(Path javaExecutable, Path cliJar, Optional<URI> server, Optional<String> catalog, Optional<String> schema, Map<String, String> sessionProperties)
    {
        this.javaExecutable = requireNonNull(javaExecutable, "javaExecutable is null");
        this.cliJar = requireNonNull(cliJar, "cliJar is null");
        this.server = requireNonNull(server, "server is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.sessionProperties = Map.copyOf(sessionProperties);
    }

    /**
     * The CLI jar of the build, run by the JDK that runs the tests (trino-cli 476 needs Java 17 or newer).
     */
    public static TrinoCli of(TrinoArtifacts artifacts)
    {
        return new TrinoCli(Path.of(System.getProperty("java.home"), "bin", "java"), artifacts.requireCliJar(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    }

    public TrinoCli withServer(URI server)
    {
        return new TrinoCli(javaExecutable, cliJar, Optional.of(server), catalog, schema, sessionProperties);
    }

    public TrinoCli withCatalog(String catalog)
    {
        return new TrinoCli(javaExecutable, cliJar, server, Optional.of(catalog), schema, sessionProperties);
    }

    public TrinoCli withSchema(String schema)
    {
        return new TrinoCli(javaExecutable, cliJar, server, catalog, Optional.of(schema), sessionProperties);
    }

    /**
     * A session property for every statement, as {@code --session name=value}; catalog session properties are
     * named {@code catalog.property}.
     */
    public TrinoCli withSessionProperty(String name, String value)
    {
        Map<String, String> properties = new LinkedHashMap<>(sessionProperties);
        properties.put(name, value);
        return new TrinoCli(javaExecutable, cliJar, server, catalog, schema, properties);
    }

    /**
     * Runs the statements (separated by semicolons) and prints the rows as CSV: every value quoted, no header.
     */
    public CliResult execute(String sql)
    {
        return execute(sql, CSV);
    }

    public CliResult execute(String sql, String outputFormat)
    {
        List<String> command = new ArrayList<>(List.of(javaExecutable.toString(), "-jar", cliJar.toString()));
        command.add("--server=" + server.orElseThrow(() -> new IllegalStateException("No server: use withServer or TrinoServer.cli()")));
        command.add("--user=" + TrinoServer.USER);
        catalog.ifPresent(value -> command.add("--catalog=" + value));
        schema.ifPresent(value -> command.add("--schema=" + value));
        sessionProperties.forEach((name, value) -> command.add("--session=%s=%s".formatted(name, value)));
        command.add("--output-format=" + outputFormat);
        command.add("--execute=" + sql);
        return run(command);
    }

    private static CliResult run(List<String> command)
    {
        Path stdout = null;
        Path stderr = null;
        Process process = null;
        try {
            // files rather than pipes: a large result cannot block the CLI while nobody reads its other stream
            stdout = Files.createTempFile("trino-cli-", ".out");
            stderr = Files.createTempFile("trino-cli-", ".err");
            process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("trino-cli did not finish within %s: %s".formatted(TIMEOUT, command));
            }
            return new CliResult(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new RuntimeException(e);
        }
        finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static void deleteQuietly(Path file)
    {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            }
            catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }
}

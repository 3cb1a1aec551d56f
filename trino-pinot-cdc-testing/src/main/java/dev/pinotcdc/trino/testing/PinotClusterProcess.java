package dev.pinotcdc.trino.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The Pinot 0.11 cluster's JVM (module trino-pinot-cdc-testing/pinot-cluster). Pinot 0.11 cannot share a classloader with the
 * plugin's libraries, so it runs as a child process; it stops itself when its standard input closes, which also
 * happens when this JVM dies without running its shutdown hooks.
 */
final class PinotClusterProcess
        implements AutoCloseable
{
    static final String JVM_OPTIONS_PROPERTY = "pinotcdc.pinot.cluster.jvm.options";

    private static final String MAIN_CLASS = "dev.pinotcdc.pinotcluster.PinotClusterMain";
    private static final String READY_FILE = "ready.json";
    private static final String LOG_FILE = "pinot-cluster.log";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 80;
    // a few small tables need far less; -Xmx1g leaves room for the 100k-row tests
    private static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Xmx1g",
            "-XX:+UseSerialGC",
            // the cluster lives for one test run: fast start matters more than peak speed
            "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError",
            // the controller's JAXB reflects into java.lang
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "-Dlog4j2.configurationFile=pinot-cluster-log4j2.xml");

    private static final Duration EXIT_WAIT = Duration.ofSeconds(2);
    private static final int SIGKILL_EXIT_CODE = 128 + 9;

    private final ChildProcess process;
    private final List<String> command;
    private final Path runDirectory;
    private final Path workDirectory;
    private final PinotClusterEndpoints endpoints;

    private PinotClusterProcess(ChildProcess process, List<String> command, Path runDirectory, Path workDirectory, PinotClusterEndpoints endpoints)
    {
        this.process = requireNonNull(process, "process is null");
        this.command = List.copyOf(requireNonNull(command, "command is null"));
        this.runDirectory = requireNonNull(runDirectory, "runDirectory is null");
        this.workDirectory = requireNonNull(workDirectory, "workDirectory is null");
        this.endpoints = requireNonNull(endpoints, "endpoints is null");
    }

    static PinotClusterProcess start(Path baseDirectory, PinotClusterOptions options)
            throws IOException, InterruptedException
    {
        // absolute: the cluster's JVM runs in its own directory and is given these paths as arguments
        Path base = baseDirectory.toAbsolutePath();
        Files.createDirectories(base);
        Path runDirectory = Files.createTempDirectory(base, "pinot-cluster-");
        Path workDirectory = runDirectory.resolve("data");
        Files.createDirectories(workDirectory.resolve("tmp"));

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(DEFAULT_JVM_OPTIONS);
        command.add(ChildProcess.errorFileOption(runDirectory));
        ClusterClasspath classpath = ClusterClasspath.find();
        command.addAll(classpath.classDataSharingOptions());
        command.addAll(extraJvmOptions());
        command.add("-Djava.io.tmpdir=" + workDirectory.resolve("tmp"));
        command.add("-cp");
        command.add(classpath.classpath());
        command.add(MAIN_CLASS);
        command.add(workDirectory.toString());
        options.launcherArguments().forEach(command::add);

        return launch(command, runDirectory, workDirectory);
    }

    private static PinotClusterProcess launch(List<String> command, Path runDirectory, Path workDirectory)
            throws IOException, InterruptedException
    {
        ChildProcess process = ChildProcess.start("Pinot cluster", command, runDirectory, runDirectory.resolve(LOG_FILE), Map.of());
        try {
            PinotClusterEndpoints endpoints = awaitReadyFile(process, workDirectory.resolve(READY_FILE));
            return new PinotClusterProcess(process, command, runDirectory, workDirectory, endpoints);
        }
        catch (IOException | InterruptedException | RuntimeException e) {
            process.kill();
            ChildProcess.deleteRecursively(workDirectory);
            throw e;
        }
    }

    /**
     * Kills the cluster's JVM (SIGKILL: nothing is stopped cleanly, its files stay) and starts a new one on the same
     * directory, which listens on the same ports and resumes the tables, segments and topics (see the launcher's
     * {@code ClusterPorts}). Returns the new process; this one is dead.
     */
    PinotClusterProcess restart()
            throws IOException, InterruptedException
    {
        process.kill();
        if (process.isAlive()) {
            throw new IllegalStateException("The Pinot cluster's JVM (pid %s) survived SIGKILL".formatted(process.pid()));
        }
        Files.deleteIfExists(workDirectory.resolve(READY_FILE));
        PinotClusterProcess restarted = launch(command, runDirectory, workDirectory);
        if (!restarted.endpoints.equals(endpoints)) {
            restarted.close();
            throw new IllegalStateException("The restarted Pinot cluster answers at %s, not at %s".formatted(restarted.endpoints, endpoints));
        }
        return restarted;
    }

    PinotClusterEndpoints endpoints()
    {
        return endpoints;
    }

    long pid()
    {
        return process.pid();
    }

    Path logFile()
    {
        return process.logFile();
    }

    /**
     * The failure of a harness call, or, when the cluster's JVM has died, a {@link PinotClusterDiedException} naming
     * its pid, exit code, crash dump and log, and what likely killed it.
     */
    RuntimeException explainFailure(RuntimeException failure)
    {
        if (failure instanceof PinotClusterDiedException) {
            return failure;
        }
        // only a broken connection may mean a dying JVM worth waiting for; an answer with an error status never does
        boolean dead = !process.isAlive() || (failure instanceof UncheckedIOException && process.awaitExit(EXIT_WAIT));
        if (!dead) {
            return failure;
        }
        int exitCode = process.exitValue();
        Optional<Path> crashDump = process.crashDump(runDirectory);
        String cause;
        if (crashDump.isPresent()) {
            // the crash the suite used to leave behind: see docs/development.md
            cause = "The JVM crashed. A SIGSEGV in DirectByteBuffer.get under ConcurrentMapPartitionUpsertMetadataManager.removeSegment "
                    + "(ImmutableSegmentImpl.destroy, BaseTableDataManager.releaseSegment) is Pinot 0.11 reading the primary keys of an "
                    + "upsert table's committed segment it has already unmapped: the table was dropped while a query still held the segment. "
                    + "Drop upsert tables only when no query on them is running";
        }
        else if (exitCode == SIGKILL_EXIT_CODE) {
            cause = "It was killed (SIGKILL): by a test, the kernel's OOM killer (see dmesg), or a JVM shutdown without its hooks";
        }
        else {
            cause = "See the end of its log";
        }
        return new PinotClusterDiedException("The Pinot test cluster's JVM (pid %s) is dead, exit code %s; crash dump: %s; log: %s. %s. The call that failed: %s%nLog ends with:%n%s"
                .formatted(process.pid(), exitCode, crashDump.map(Path::toString).orElse("none (" + runDirectory.resolve("hs_err_pid" + process.pid() + ".log") + " does not exist)"),
                        process.logFile(), cause, failure.getMessage(), process.logTail(20)),
                failure);
    }

    @Override
    public void close()
    {
        // end of input is the child's signal to stop cleanly
        process.stop(STOP_TIMEOUT, true);
        // the data goes, the log (and a crash dump, if any) stays beside it for a look after a failed run
        try {
            ChildProcess.deleteRecursively(workDirectory);
        }
        catch (UncheckedIOException e) {
            System.err.println(e.getMessage() + ": " + e.getCause());
        }
    }

    private static PinotClusterEndpoints awaitReadyFile(ChildProcess process, Path readyFile)
            throws IOException, InterruptedException
    {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.exists(readyFile)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Pinot cluster exited with code %s before it was ready. Log %s ends with:%n%s"
                        .formatted(process.exitValue(), process.logFile(), process.logTail(LOG_TAIL_LINES)));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Pinot cluster not ready after %s. Log %s ends with:%n%s"
                        .formatted(START_TIMEOUT, process.logFile(), process.logTail(LOG_TAIL_LINES)));
            }
            Thread.sleep(50);
        }
        JsonNode ready = new ObjectMapper().readTree(readyFile.toFile());
        return new PinotClusterEndpoints(
                ready.get("controllerUrl").asText(),
                ready.get("brokerUrl").asText(),
                ready.get("serverAdminUrl").asText(),
                ready.get("kafkaBootstrapServers").asText(),
                ready.get("zookeeperAddress").asText(),
                optionalText(ready, "controllerHttpsUrl"),
                optionalText(ready, "brokerHttpsUrl"));
    }

    private static Optional<String> optionalText(JsonNode ready, String field)
    {
        JsonNode value = ready.path(field);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static List<String> extraJvmOptions()
    {
        String options = System.getProperty(JVM_OPTIONS_PROPERTY, "").strip();
        return options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+"));
    }
}

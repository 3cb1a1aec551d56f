package dev.pinotcdc.trino.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A long-lived process of the harness (the Pinot cluster's JVM, a Trino server): started in a working directory of
 * its own with its output appended to one log file, so whatever it leaves behind (a JVM crash dump among them) stays
 * beside its log and never lands in the directory the tests run from.
 */
final class ChildProcess
{
    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile)
    {
        this.name = requireNonNull(name, "name is null");
        this.process = requireNonNull(process, "process is null");
        this.logFile = requireNonNull(logFile, "logFile is null");
    }

    /**
     * Starts the command in {@code workingDirectory}. Relative paths (the directory, the log, a program named by its
     * path) are taken from this JVM's directory, as the caller wrote them, not from the child's.
     */
    static ChildProcess start(String name, List<String> command, Path workingDirectory, Path logFile, Map<String, String> environment)
    {
        Path directory = workingDirectory.toAbsolutePath();
        Path log = logFile.toAbsolutePath();
        List<String> absoluteCommand = new ArrayList<>(command);
        if (absoluteCommand.getFirst().contains("/")) {
            absoluteCommand.set(0, Path.of(absoluteCommand.getFirst()).toAbsolutePath().toString());
        }
        try {
            Files.createDirectories(directory);
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(absoluteCommand)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return new ChildProcess(name, builder.start(), log);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + absoluteCommand.getFirst(), e);
        }
    }

    /** Where a JVM child writes its crash dump: its working directory, beside its log. */
    static String errorFileOption(Path workingDirectory)
    {
        return "-XX:ErrorFile=" + workingDirectory.toAbsolutePath().resolve("hs_err_pid%p.log");
    }

    long pid()
    {
        return process.pid();
    }

    boolean isAlive()
    {
        return process.isAlive();
    }

    int exitValue()
    {
        return process.exitValue();
    }

    /** Waits a little for the process to end: a request that just failed may have seen it dying. */
    boolean awaitExit(Duration timeout)
    {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** The crash dump {@link #errorFileOption} names for this process, if the JVM wrote one. */
    Optional<Path> crashDump(Path workingDirectory)
    {
        Path dump = workingDirectory.toAbsolutePath().resolve("hs_err_pid" + process.pid() + ".log");
        return Files.exists(dump) ? Optional.of(dump) : Optional.empty();
    }

    Path logFile()
    {
        return logFile;
    }

    String logText()
    {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        }
        catch (IOException | UncheckedIOException e) {
            return "(cannot read %s: %s)".formatted(logFile, e);
        }
    }

    List<String> logLines()
    {
        try {
            return Files.readAllLines(logFile, StandardCharsets.UTF_8);
        }
        catch (IOException | UncheckedIOException e) {
            return List.of("(cannot read %s: %s)".formatted(logFile, e));
        }
    }

    String logTail(int lines)
    {
        List<String> all = logLines();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /**
     * Stops the process and anything it started: first the gentle way (end of its standard input when
     * {@code closeInputFirst}, then SIGTERM), SIGKILL after {@code timeout}.
     */
    void stop(Duration timeout, boolean closeInputFirst)
    {
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            boolean exited = false;
            if (closeInputFirst) {
                try {
                    process.getOutputStream().close();
                    exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                }
                catch (IOException e) {
                    // the pipe is already gone: go on with SIGTERM
                }
            }
            if (!exited) {
                process.destroy();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    void kill()
    {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes a tree without following links: a linked directory loses its link, never its files. */
    static void deleteRecursively(Path root)
    {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root, e);
        }
    }

    @Override
    public String toString()
    {
        return name + " (pid " + process.pid() + ")";
    }
}

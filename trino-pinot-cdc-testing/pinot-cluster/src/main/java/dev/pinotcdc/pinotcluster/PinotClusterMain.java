package dev.pinotcdc.pinotcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Starts a Pinot 0.11 cluster in this JVM for the tests, writes {@value #READY_FILE} into the work directory once
 * it answers queries, and stops it when standard input reaches its end (the parent process died or closed the
 * pipe) or on SIGTERM.
 */
public final class PinotClusterMain
{
    public static final String READY_FILE = "ready.json";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private PinotClusterMain() {}

    public static void main(String[] args)
    {
        if (args.length < 1) {
            System.err.println("Usage: PinotClusterMain <work directory> [[controller:|broker:|server:|client:]property=value ...]");
            System.exit(2);
        }
        Path workDirectory = Path.of(args[0]).toAbsolutePath();
        ClusterSettings settings;
        try {
            settings = ClusterSettings.parse(Arrays.asList(args).subList(1, args.length));
        }
        catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        long startNanos = System.nanoTime();
        PinotCluster cluster;
        try {
            Files.createDirectories(workDirectory);
            cluster = PinotCluster.start(workDirectory, settings);
        }
        catch (Throwable e) {
            System.err.println("Pinot cluster failed to start");
            e.printStackTrace();
            // Pinot leaves non-daemon threads behind: only halt ends the process for sure
            Runtime.getRuntime().halt(1);
            return;
        }

        AtomicBoolean stopped = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(cluster, workDirectory, stopped), "pinot-cluster-stop"));

        try {
            writeReadyFile(workDirectory, cluster.endpoints());
        }
        catch (IOException e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.out.printf("Pinot cluster ready in %d ms: %s%n", Duration.ofNanos(System.nanoTime() - startNanos).toMillis(), cluster.endpoints());
        System.out.flush();

        try {
            while (System.in.read() != -1) {
                // the parent never writes; it only keeps the pipe open while it lives
            }
        }
        catch (IOException e) {
            // a broken pipe means the parent is gone too
        }
        System.exit(0);
    }

    private static void stop(PinotCluster cluster, Path workDirectory, AtomicBoolean stopped)
    {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        long startNanos = System.nanoTime();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(STOP_TIMEOUT.toMillis());
                System.err.println("Pinot cluster did not stop within " + STOP_TIMEOUT + ", halting");
                Runtime.getRuntime().halt(3);
            }
            catch (InterruptedException ignored) {
                // stopped in time
            }
        }, "pinot-cluster-stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        cluster.close();
        // the parent deletes it too, unless it died first
        deleteRecursively(workDirectory);
        watchdog.interrupt();
        System.out.printf("Pinot cluster stopped in %d ms%n", Duration.ofNanos(System.nanoTime() - startNanos).toMillis());
        System.out.flush();
    }

    private static void deleteRecursively(Path directory)
    {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException | UncheckedIOException e) {
            System.err.println("Cannot delete " + directory + ": " + e);
        }
    }

    private static void writeReadyFile(Path workDirectory, ClusterEndpoints endpoints)
            throws IOException
    {
        // written aside and moved, so a reader never sees half a file
        Path temporary = workDirectory.resolve(READY_FILE + ".tmp");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), endpoints);
        Files.move(temporary, workDirectory.resolve(READY_FILE), StandardCopyOption.ATOMIC_MOVE);
    }
}

package dev.pinotcdc.trino.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the demo checks before it starts anything, so that a port in use, an old JDK or a full disk is one clear
 * sentence rather than a stack trace half-way through the start.
 */
final class DemoPreflight
{
    static final int MINIMUM_JAVA_VERSION = 24;
    // the unpacked trino-server tarball (about 1.5 GB, once per build), Pinot's segments, PostgreSQL's data
    static final long MINIMUM_FREE_BYTES = 3L << 30;
    static final long MINIMUM_FREE_TEMP_BYTES = 256L << 20;

    private DemoPreflight() {}

    static void check(int trinoPort, Path workDirectory, boolean trinoUnpacked)
    {
        checkJava(Runtime.version().feature());
        checkPortFree(trinoPort);
        checkFreeSpace(workDirectory, trinoUnpacked ? MINIMUM_FREE_BYTES / 3 : MINIMUM_FREE_BYTES);
        checkFreeSpace(Path.of(System.getProperty("java.io.tmpdir")), MINIMUM_FREE_TEMP_BYTES);
    }

    static void checkJava(int featureVersion)
    {
        if (featureVersion < MINIMUM_JAVA_VERSION) {
            throw new DemoProblem(("The demo runs Trino 476, which needs Java %s or newer; this is Java %s. " +
                    "Run it with ./demo (it picks a JDK %s+ under /usr/lib/jvm or JAVA_HOME), or install one, e.g. Temurin 25.")
                    .formatted(MINIMUM_JAVA_VERSION, featureVersion, MINIMUM_JAVA_VERSION));
        }
    }

    /**
     * Trino binds all interfaces' port unless told otherwise; a program already listening on any of them wins.
     */
    static void checkPortFree(int port)
    {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        }
        catch (IOException e) {
            throw new DemoProblem("Port %s is already in use (another Trino?). Stop that program or pick another port: ./demo --port %s"
                    .formatted(port, port == 8080 ? 8081 : port + 1));
        }
    }

    static void checkFreeSpace(Path directory, long minimumBytes)
    {
        Path existing = directory.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        long free;
        try {
            free = Files.getFileStore(existing).getUsableSpace();
        }
        catch (IOException e) {
            throw new DemoProblem("Cannot tell the free disk space under %s: %s".formatted(existing, e.getMessage()), e);
        }
        if (free < minimumBytes) {
            throw new DemoProblem("Not enough disk space under %s: %s free, the demo needs about %s. Free some space (./mvnw clean removes old builds) and start again."
                    .formatted(existing, megabytes(free), megabytes(minimumBytes)));
        }
    }

    private static String megabytes(long bytes)
    {
        return "%,d MB".formatted(bytes >> 20);
    }
}

package dev.pinotcdc.trino.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * Unpacks the trino-server tarball once per build directory. The tarball stores each jar that several plugins
 * share once and every other copy as a hard link (5,700 of them in 476); tar recreates those links, while the
 * Maven dependency plugin's unpack writes them as empty files, hence tar here. The whole tarball is unpacked:
 * a plugin's hard link may point into another plugin's directory. Installations then pick the plugins they need.
 */
final class TrinoServerTarball
{
    private static final String MARKER = ".unpacked";

    private TrinoServerTarball() {}

    /**
     * Returns the server directory inside {@code unpackDirectory}, unpacking the tarball first unless a
     * previous run of the same build finished doing so.
     */
    static synchronized Path unpackOnce(Path tarball, Path unpackDirectory)
    {
        String fileName = tarball.getFileName().toString();
        if (!fileName.endsWith(".tar.gz")) {
            throw new IllegalArgumentException("Not a .tar.gz: " + tarball);
        }
        Path serverDirectory = unpackDirectory.resolve(fileName.substring(0, fileName.length() - ".tar.gz".length()));
        Path marker = unpackDirectory.resolve(MARKER);
        String expectedMarker = "%s %s\n".formatted(tarball, sizeOf(tarball));
        try {
            Files.createDirectories(unpackDirectory.getParent());
            // another test JVM of the same build may be unpacking right now
            try (FileChannel lockFile = FileChannel.open(unpackDirectory.resolveSibling(unpackDirectory.getFileName() + ".lock"), CREATE, WRITE);
                    FileLock ignored = lockFile.lock()) {
                if (Files.isRegularFile(marker) && Files.readString(marker).equals(expectedMarker) && Files.isDirectory(serverDirectory)) {
                    return serverDirectory;
                }
                // an unpack that was interrupted, or of another tarball
                ChildProcess.deleteRecursively(unpackDirectory);
                Files.createDirectories(unpackDirectory);
                long start = System.nanoTime();
                untar(tarball, unpackDirectory);
                System.out.printf("Unpacked %s in %.1f s%n", tarball.getFileName(), (System.nanoTime() - start) / 1e9);
                if (!Files.isRegularFile(serverDirectory.resolve("bin/launcher"))) {
                    throw new IllegalStateException("%s did not contain %s/bin/launcher".formatted(tarball, serverDirectory.getFileName()));
                }
                Files.writeString(marker, expectedMarker);
                return serverDirectory;
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack %s into %s".formatted(tarball, unpackDirectory), e);
        }
    }

    private static void untar(Path tarball, Path directory)
            throws IOException
    {
        Path errors = Files.createTempFile("tar-", ".err");
        try {
            Process tar = new ProcessBuilder("tar", "--extract", "--gzip", "--no-same-owner", "--file", tarball.toString(), "--directory", directory.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile())
                    .start();
            if (!tar.waitFor(10, TimeUnit.MINUTES)) {
                tar.destroyForcibly();
                throw new IOException("tar did not finish within 10 minutes");
            }
            if (tar.exitValue() != 0) {
                throw new IOException("tar exited with %s: %s".formatted(tar.exitValue(), Files.readString(errors, StandardCharsets.UTF_8)));
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while unpacking " + tarball, e);
        }
        finally {
            Files.deleteIfExists(errors);
        }
    }

    private static long sizeOf(Path tarball)
    {
        try {
            return Files.size(tarball);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Missing the trino-server tarball (Maven resolves it as a dependency of the module that runs the harness)", e);
        }
    }
}

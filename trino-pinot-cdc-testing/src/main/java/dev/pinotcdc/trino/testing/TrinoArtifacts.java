package dev.pinotcdc.trino.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Where the build put the real Trino artifacts and our packaged plugin. src/test/pom.xml resolves the
 * trino-server tarball into the local Maven repository and copies the trino-cli jar under target/, and hands
 * every location to the tests as a system property; the defaults below are the same paths seen from src/test,
 * for runs outside Maven.
 *
 * @param serverTarball the trino-server-NNN.tar.gz in the local Maven repository
 * @param serverUnpackDirectory where the tarball is unpacked once per build; shared, never written to after that
 * @param cliJar the trino-cli executable jar
 * @param pluginZip the zip the trino-maven-plugin builds, what a user unpacks into plugin/
 * @param pluginDirectory the same plugin as a directory
 * @param workDirectory where private server installations are created
 * @param javaHome the JDK that runs the server (Trino 476 needs 24 or newer)
 */
public record TrinoArtifacts(
        Path serverTarball,
        Path serverUnpackDirectory,
        Path cliJar,
        Path pluginZip,
        Path pluginDirectory,
        Path workDirectory,
        Path javaHome)
{
    private static final int MINIMUM_SERVER_JAVA_VERSION = 24;
    private static final Pattern RELEASE_JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    public TrinoArtifacts
    {
        requireNonNull(serverTarball, "serverTarball is null");
        requireNonNull(serverUnpackDirectory, "serverUnpackDirectory is null");
        requireNonNull(cliJar, "cliJar is null");
        requireNonNull(pluginZip, "pluginZip is null");
        requireNonNull(pluginDirectory, "pluginDirectory is null");
        requireNonNull(workDirectory, "workDirectory is null");
        requireNonNull(javaHome, "javaHome is null");
    }

    public static TrinoArtifacts fromBuild()
    {
        String version = trinoVersion();
        return new TrinoArtifacts(
                location("pinotcdc.trino.server.tarball", System.getProperty("user.home") + "/.m2/repository/io/trino/trino-server/%s/trino-server-%s.tar.gz".formatted(version, version)),
                location("pinotcdc.trino.server.unpack.dir", "target/trino-server"),
                location("pinotcdc.trino.cli.jar", "target/trino-cli/trino-cli-%s-executable.jar".formatted(version)),
                location("pinotcdc.plugin.zip", "../../trino-pinot-cdc-plugin/target/trino-pinot-cdc-plugin-trino-476-0.1.0-SNAPSHOT.zip"),
                location("pinotcdc.plugin.dir", "../../trino-pinot-cdc-plugin/target/trino-pinot-cdc-plugin-trino-476-0.1.0-SNAPSHOT"),
                location("pinotcdc.trino.work.dir", "target/trino-servers"),
                location("pinotcdc.trino.java.home", System.getProperty("java.home")));
    }

    /**
     * The unpacked trino-server-NNN directory (bin, lib, plugin), unpacked by the first caller of the build.
     */
    /**
     * The Trino version the build selected ({@code trino.version} in the root pom).
     */
    public static String trinoVersion()
    {
        return System.getProperty("pinotcdc.trino.version", "476");
    }

    public Path serverDistribution()
    {
        return TrinoServerTarball.unpackOnce(serverTarball, serverUnpackDirectory);
    }

    public Path bundledPlugin(String name)
    {
        return requireExists(serverDistribution().resolve("plugin").resolve(name), "Trino's bundled plugin '%s'".formatted(name));
    }

    public Path requirePluginZip()
    {
        return requireExists(pluginZip, "the packaged plugin zip (it is built by the package phase: run ./mvnw verify, not only test)");
    }

    public Path requirePluginDirectory()
    {
        return requireExists(pluginDirectory, "the packaged plugin directory (it is built by the package phase: run ./mvnw verify, not only test)");
    }

    public Path requireCliJar()
    {
        return requireExists(cliJar, "the trino-cli executable jar (src/test/pom.xml copies it at generate-test-resources)");
    }

    public Path javaExecutable()
    {
        return javaHome.resolve("bin/java");
    }

    /**
     * The server refuses to start on an older JDK, but only after its launcher has started a JVM: failing
     * here says why in one line.
     */
    public Path requireServerJavaHome()
    {
        int version = javaFeatureVersion(javaHome)
                .orElseThrow(() -> new IllegalStateException("Not a JDK (no readable 'release' file): " + javaHome));
        if (version < MINIMUM_SERVER_JAVA_VERSION) {
            throw new IllegalStateException("Trino %s needs Java %s or newer, %s is Java %s: set -Dpinotcdc.trino.java.home"
                    .formatted(trinoVersion(), MINIMUM_SERVER_JAVA_VERSION, javaHome, version));
        }
        return javaHome;
    }

    private static Optional<Integer> javaFeatureVersion(Path javaHome)
    {
        Path release = javaHome.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Matcher matcher = RELEASE_JAVA_VERSION.matcher(Files.readString(release));
            return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path location(String systemProperty, String defaultPath)
    {
        return Path.of(System.getProperty(systemProperty, defaultPath)).toAbsolutePath().normalize();
    }

    private static Path requireExists(Path path, String description)
    {
        if (!Files.exists(path)) {
            throw new IllegalStateException("Missing %s: %s".formatted(description, path));
        }
        return path;
    }
}

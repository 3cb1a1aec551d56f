package dev.pinotcdc.trino.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The classpath of the Pinot cluster's JVM, from the build of module trino-pinot-cdc-testing/pinot-cluster: its classes (the
 * module jar when it is up to date) and the dependency list its build wrote.
 */
record ClusterClasspath(String classpath, Optional<Path> classDataSharingArchive)
{
    static final String CLUSTER_DIR_PROPERTY = "pinotcdc.pinot.cluster.dir";

    private static final String JAR_PREFIX = "trino-pinot-cdc-pinot-cluster-";
    private static final String CLASSPATH_FILE = "pinot-cluster.classpath";
    private static final String ARCHIVE_FILE = "pinot-cluster.jsa";

    ClusterClasspath
    {
        requireNonNull(classpath, "classpath is null");
        requireNonNull(classDataSharingArchive, "classDataSharingArchive is null");
    }

    static ClusterClasspath find()
            throws IOException
    {
        String clusterDirectory = System.getProperty(CLUSTER_DIR_PROPERTY);
        if (clusterDirectory == null) {
            throw new IllegalStateException("System property %s is not set: it must name the target directory of trino-pinot-cdc-testing/pinot-cluster (the Surefire configuration sets it)"
                    .formatted(CLUSTER_DIR_PROPERTY));
        }
        Path targetDirectory = Path.of(clusterDirectory);
        Path classes = targetDirectory.resolve("classes");
        Path classpathFile = targetDirectory.resolve(CLASSPATH_FILE);
        if (!Files.isDirectory(classes) || !Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException("%s or %s is missing: build the module trino-pinot-cdc-testing/pinot-cluster first (./mvnw -pl src/test -am verify does)"
                    .formatted(classes, classpathFile));
        }
        String dependencies = Files.readString(classpathFile).strip();

        // Class data sharing (about a third off the start) takes jars only, so the module jar is used when it is
        // current; a build that stopped before packaging runs from the classes without it
        Optional<Path> jar = moduleJar(targetDirectory);
        if (jar.isPresent() && newestFileTime(classes).compareTo(Files.getLastModifiedTime(jar.orElseThrow())) <= 0) {
            return new ClusterClasspath(jar.orElseThrow() + File.pathSeparator + dependencies, Optional.of(targetDirectory.resolve(ARCHIVE_FILE)));
        }
        return new ClusterClasspath(classes + File.pathSeparator + dependencies, Optional.empty());
    }

    /**
     * The first run writes the archive when its JVM exits; later runs map it. The JVM checks that the archive
     * matches the classpath and rewrites it when it does not.
     */
    List<String> classDataSharingOptions()
    {
        return classDataSharingArchive
                .map(archive -> List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"))
                .orElse(List.of());
    }

    private static Optional<Path> moduleJar(Path targetDirectory)
            throws IOException
    {
        try (Stream<Path> files = Files.list(targetDirectory)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(JAR_PREFIX) && name.endsWith(".jar");
            }).findFirst();
        }
    }

    private static FileTime newestFileTime(Path directory)
            throws IOException
    {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(ClusterClasspath::lastModified)
                    .max(FileTime::compareTo)
                    .orElse(FileTime.fromMillis(0));
        }
    }

    private static FileTime lastModified(Path file)
    {
        try {
            return Files.getLastModifiedTime(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.pinotcdc.trino.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static java.util.Objects.requireNonNull;

/**
 * A private installation of the real trino-server tarball, laid out as a user installs it: bin/ and lib/ of
 * the distribution, etc/ with node, config, JVM and catalog files, and plugin/ holding our plugin unpacked from
 * its zip beside only the bundled plugins asked for (each bundled plugin costs start time and heap). The
 * unpacked distribution is shared and never written to; lib/ and bundled plugins are symbolic links into it,
 * bin/ is copied because the launcher finds the installation from its own real path.
 *
 * <pre>{@code
 * try (TrinoServer server = TrinoServerInstallation.builder()
 *         .withPinotCdcPlugin()
 *         .withBundledPlugins("tpch")
 *         .withCatalog("tpch", Map.of("connector.name", "tpch"))
 *         .build()
 *         .start()) {
 *     CliResult result = server.cli().withCatalog("tpch").withSchema("tiny").execute("SELECT count(*) FROM nation");
 * }
 * }</pre>
 */
public final class TrinoServerInstallation
{
    public static final String PINOT_CDC_PLUGIN_NAME = "pinot-cdc";

    private static final Pattern CATALOG_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern PLUGIN_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]*");
    private static final int START_ATTEMPTS = 3;

    private final TrinoArtifacts artifacts;
    private final String name;
    private final Map<String, Path> plugins;
    private final Set<String> bundledPlugins;
    private final Map<String, Map<String, String>> catalogs;
    private final Map<String, String> catalogFiles;
    private final boolean staticCatalogs;
    private final Optional<String> readinessQuery;
    private final OptionalInt httpPort;
    private final Map<String, String> configProperties;
    private final String maxHeap;
    private final List<String> jvmOptions;
    private final Duration startTimeout;

    private TrinoServerInstallation(Builder builder)
    {
        this.artifacts = builder.artifacts;
        this.name = builder.name;
        this.plugins = Map.copyOf(builder.plugins);
        this.bundledPlugins = Set.copyOf(builder.bundledPlugins);
        this.catalogs = Map.copyOf(builder.catalogs);
        this.catalogFiles = Map.copyOf(builder.catalogFiles);
        this.staticCatalogs = builder.staticCatalogs;
        this.readinessQuery = builder.readinessQuery;
        this.httpPort = builder.httpPort;
        this.configProperties = Map.copyOf(builder.configProperties);
        this.maxHeap = builder.maxHeap;
        this.jvmOptions = List.copyOf(builder.jvmOptions);
        this.startTimeout = builder.startTimeout;
    }

    public static Builder builder()
    {
        return new Builder(TrinoArtifacts.fromBuild());
    }

    public static Builder builder(TrinoArtifacts artifacts)
    {
        return new Builder(artifacts);
    }

    public Set<String> catalogNames()
    {
        Set<String> names = new TreeSet<>(catalogs.keySet());
        names.addAll(catalogFiles.keySet());
        return names;
    }

    /**
     * Installs into a new directory under the work directory and starts the server with {@code bin/launcher run},
     * returning once it answers {@code SELECT 1} (and the readiness query, if one was given). Free ports are picked
     * before the server binds them, so a port taken in between is retried with another one; a port chosen with
     * {@link Builder#withHttpPort} is not.
     */
    public TrinoServer start()
    {
        Path javaHome = artifacts.requireServerJavaHome();
        long start = System.nanoTime();
        Path directory = install();
        TrinoCli cliTemplate = TrinoCli.of(artifacts);
        for (int attempt = 1; ; attempt++) {
            int port = httpPort.orElseGet(TrinoServerInstallation::freeLoopbackPort);
            writeConfigProperties(directory, port);
            TrinoServer server = TrinoServer.launch(directory, port, javaHome, cliTemplate);
            try {
                server.awaitReady(startTimeout, catalogNames(), readinessQuery);
                System.out.printf("Trino server %s answers on %s, %.1f s after install began%n", directory.getFileName(), server.uri(), (System.nanoTime() - start) / 1e9);
                return server;
            }
            catch (TrinoServerStartException e) {
                if (attempt < START_ATTEMPTS && e.portInUse() && httpPort.isEmpty()) {
                    server.stop();
                    continue;
                }
                server.close();
                throw e;
            }
        }
    }

    private Path install()
    {
        try {
            Files.createDirectories(artifacts.workDirectory());
            Path directory = Files.createTempDirectory(artifacts.workDirectory(), name + "-");
            Path distribution = artifacts.serverDistribution();
            copyDirectory(distribution.resolve("bin"), directory.resolve("bin"));
            Files.createSymbolicLink(directory.resolve("lib"), distribution.resolve("lib"));
            Path secretsPlugins = distribution.resolve("secrets-plugin");
            if (Files.isDirectory(secretsPlugins)) {
                Files.createSymbolicLink(directory.resolve("secrets-plugin"), secretsPlugins);
            }

            Path pluginDirectory = Files.createDirectories(directory.resolve("plugin"));
            for (String bundled : bundledPlugins) {
                Files.createSymbolicLink(pluginDirectory.resolve(bundled), artifacts.bundledPlugin(bundled));
            }
            for (Map.Entry<String, Path> plugin : plugins.entrySet()) {
                installPlugin(plugin.getValue(), pluginDirectory.resolve(plugin.getKey()));
            }

            Path etc = Files.createDirectories(directory.resolve("etc"));
            Files.writeString(etc.resolve("node.properties"), propertiesText(nodeProperties(directory)));
            Files.writeString(etc.resolve("jvm.config"), String.join("\n", jvmConfig()) + "\n");
            Path catalogDirectory = Files.createDirectories(etc.resolve("catalog"));
            for (Map.Entry<String, Map<String, String>> catalog : catalogs.entrySet()) {
                Files.writeString(catalogDirectory.resolve(catalog.getKey() + ".properties"), propertiesText(catalog.getValue()));
            }
            for (Map.Entry<String, String> catalogFile : catalogFiles.entrySet()) {
                Files.writeString(catalogDirectory.resolve(catalogFile.getKey() + ".properties"), catalogFile.getValue());
            }
            return directory;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot install the Trino server under " + artifacts.workDirectory(), e);
        }
    }

    private Map<String, String> nodeProperties(Path directory)
    {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("node.environment", "pinotcdc_test");
        properties.put("node.id", name + "-" + UUID.randomUUID());
        properties.put("node.data-dir", directory.resolve("data").toString());
        properties.put("node.bind-ip", "127.0.0.1");
        properties.put("node.internal-address", "127.0.0.1");
        return properties;
    }

    private void writeConfigProperties(Path directory, int httpPort)
    {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("coordinator", "true");
        properties.put("node-scheduler.include-coordinator", "true");
        properties.put("http-server.http.port", Integer.toString(httpPort));
        properties.put("discovery.uri", "http://127.0.0.1:" + httpPort);
        // With static catalogs (Trino's default, and what users run) the scheduler learns which node serves a
        // catalog from the node's announcement, which reaches it up to about 8 s after SELECT 1 already works: a
        // table scan then fails with "No nodes available to run query". Dynamic catalogs run every catalog on every
        // node, which a single node does anyway; catalogs still come from etc/catalog, and tests may CREATE CATALOG
        // variants without a restart. Installations that keep the stock setting wait with a readiness query instead.
        if (!staticCatalogs) {
            properties.put("catalog.management", "dynamic");
        }
        // the HTTP request log would only fill the disk
        properties.put("http-server.log.enabled", "false");
        properties.putAll(configProperties);
        try {
            Files.writeString(directory.resolve("etc/config.properties"), propertiesText(properties));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> jvmConfig()
    {
        List<String> options = new ArrayList<>();
        options.add("-server");
        options.add("-Xmx" + maxHeap);
        options.add("-XX:+ExitOnOutOfMemoryError");
        options.add("-XX:-OmitStackTraceInFastThrow");
        options.add("-XX:ReservedCodeCacheSize=256M");
        options.add("-Dfile.encoding=UTF-8");
        // Trino measures object sizes with JOL, which attaches an agent to its own JVM: JDK 21+ asks for these
        options.add("-Djdk.attach.allowAttachSelf=true");
        options.add("-XX:+EnableDynamicAgentLoading");
        // the compression libraries call native code through the FFM API: JDK 24+ warns without this
        options.add("--enable-native-access=ALL-UNNAMED");
        options.addAll(jvmOptions);
        return options;
    }

    private static void installPlugin(Path source, Path target)
            throws IOException
    {
        if (Files.isDirectory(source)) {
            copyDirectory(source, target);
        }
        else if (source.getFileName().toString().endsWith(".zip")) {
            unzipPlugin(source, target);
        }
        else {
            throw new IllegalArgumentException("A plugin is a directory or a zip: " + source);
        }
    }

    /**
     * The trino-maven-plugin zips the plugin inside one top-level directory named after the artifact; a user
     * unpacks it and names the directory in plugin/ as they like, which is what this does.
     */
    private static void unzipPlugin(Path zip, Path target)
            throws IOException
    {
        Files.createDirectories(target);
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = zipFile.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String entryName = entry.getName();
                int slash = entryName.indexOf('/');
                if (slash < 0 || slash == entryName.length() - 1) {
                    continue;
                }
                Path file = target.resolve(entryName.substring(slash + 1)).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("Zip entry outside the plugin directory: " + entryName);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                try (InputStream input = zipFile.getInputStream(entry)) {
                    Files.copy(input, file);
                }
            }
        }
    }

    private static void copyDirectory(Path source, Path target)
            throws IOException
    {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                // COPY_ATTRIBUTES keeps the launcher executable
                Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static String propertiesText(Map<String, String> properties)
    {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(properties).forEach((key, value) -> text.append(key).append('=').append(escapeValue(value)).append('\n'));
        return text.toString();
    }

    // java.util.Properties reads these files: a backslash or a line break in a value must be escaped
    private static String escapeValue(String value)
    {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static int freeLoopbackPort()
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final class Builder
    {
        private final TrinoArtifacts artifacts;
        private String name = "trino";
        private final Map<String, Path> plugins = new LinkedHashMap<>();
        private final Set<String> bundledPlugins = new LinkedHashSet<>();
        private final Map<String, Map<String, String>> catalogs = new LinkedHashMap<>();
        private final Map<String, String> catalogFiles = new LinkedHashMap<>();
        private boolean staticCatalogs;
        private Optional<String> readinessQuery = Optional.empty();
        private OptionalInt httpPort = OptionalInt.empty();
        private final Map<String, String> configProperties = new LinkedHashMap<>();
        private String maxHeap = "1G";
        private final List<String> jvmOptions = new ArrayList<>();
        private Duration startTimeout = Duration.ofMinutes(3);

        private Builder(TrinoArtifacts artifacts)
        {
            this.artifacts = requireNonNull(artifacts, "artifacts is null");
        }

        /**
         * Names the installation directory and the node: a name per test setup keeps the logs apart.
         */
        public Builder withName(String name)
        {
            this.name = requireName(name, PLUGIN_NAME, "installation");
            return this;
        }

        /**
         * Our plugin as users get it: the zip the build produces, unpacked into plugin/pinot-cdc.
         */
        public Builder withPinotCdcPlugin()
        {
            return withPlugin(PINOT_CDC_PLUGIN_NAME, artifacts.requirePluginZip());
        }

        /**
         * Installs a plugin, given as a zip with one top-level directory or as a directory, as plugin/{name}.
         */
        public Builder withPlugin(String name, Path zipOrDirectory)
        {
            requireName(name, PLUGIN_NAME, "plugin");
            if (!Files.exists(zipOrDirectory)) {
                throw new IllegalArgumentException("No plugin at " + zipOrDirectory);
            }
            plugins.put(name, zipOrDirectory);
            return this;
        }

        /**
         * Plugins shipped in the tarball's plugin/ to keep (all others are left out), for example tpch, memory
         * or pinot (Trino's own Pinot connector).
         */
        public Builder withBundledPlugins(String... names)
        {
            for (String bundled : names) {
                artifacts.bundledPlugin(requireName(bundled, PLUGIN_NAME, "plugin"));
                bundledPlugins.add(bundled);
            }
            return this;
        }

        /**
         * Writes etc/catalog/{name}.properties; the properties must name the connector.
         */
        public Builder withCatalog(String name, Map<String, String> properties)
        {
            requireName(name, CATALOG_NAME, "catalog");
            if (!properties.containsKey("connector.name")) {
                throw new IllegalArgumentException("Catalog %s has no connector.name".formatted(name));
            }
            catalogs.put(name, Map.copyOf(properties));
            return this;
        }

        /**
         * Writes etc/catalog/{name}.properties with exactly this text, comments and all, as a user who copied and
         * edited a catalog file has it.
         */
        public Builder withCatalogFile(String name, String text)
        {
            requireName(name, CATALOG_NAME, "catalog");
            Properties properties = new Properties();
            try {
                properties.load(Reader.of(text));
            }
            catch (IOException e) {
                throw new IllegalArgumentException("Catalog file %s cannot be read as properties".formatted(name), e);
            }
            if (properties.getProperty("connector.name") == null) {
                throw new IllegalArgumentException("Catalog file %s has no connector.name".formatted(name));
            }
            catalogFiles.put(name, text);
            return this;
        }

        /**
         * Keeps Trino's default static catalog management, as a stock etc/config.properties has it. Give a
         * {@link #withReadinessQuery readiness query} that scans a table: for a few seconds after start-up scans
         * fail with "No nodes available to run query".
         */
        public Builder withStaticCatalogs()
        {
            this.staticCatalogs = true;
            return this;
        }

        /**
         * A query the server must answer before it counts as started; it is retried while it fails with "No nodes
         * available to run query", and any other failure fails the start.
         */
        public Builder withReadinessQuery(String sql)
        {
            this.readinessQuery = Optional.of(requireNonNull(sql, "sql is null"));
            return this;
        }

        /**
         * Binds this port instead of a free one; a port in use then fails the start.
         */
        public Builder withHttpPort(int port)
        {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("Invalid HTTP port: " + port);
            }
            this.httpPort = OptionalInt.of(port);
            return this;
        }

        /**
         * Adds to or overrides etc/config.properties (the port and addresses are always set by the installation).
         */
        public Builder withConfigProperty(String key, String value)
        {
            configProperties.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
            return this;
        }

        public Builder withMaxHeap(String maxHeap)
        {
            this.maxHeap = requireNonNull(maxHeap, "maxHeap is null");
            return this;
        }

        public Builder withJvmOption(String option)
        {
            jvmOptions.add(requireNonNull(option, "option is null"));
            return this;
        }

        public Builder withStartTimeout(Duration startTimeout)
        {
            this.startTimeout = requireNonNull(startTimeout, "startTimeout is null");
            return this;
        }

        public TrinoServerInstallation build()
        {
            return new TrinoServerInstallation(this);
        }

        private static String requireName(String name, Pattern pattern, String kind)
        {
            requireNonNull(name, kind + " name is null");
            if (!pattern.matcher(name).matches()) {
                throw new IllegalArgumentException("Invalid %s name: '%s'".formatted(kind, name));
            }
            return name;
        }
    }
}

package dev.pinotcdc.trino.testing;

import com.google.inject.Key;
import io.trino.metadata.HandleResolver;
import io.trino.server.PluginClassLoader;
import io.trino.server.PluginManager;
import io.trino.server.testing.TestingTrinoServer;
import io.trino.spi.Plugin;
import io.trino.spi.classloader.ThreadContextClassLoader;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.QueryRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Installs plugins of the real trino-server tarball (for example {@code postgresql}, {@code memory}) into an
 * in-process query runner, each in a class loader of its own, as the server does: Trino's own
 * {@link PluginClassLoader} over the jars of the plugin directory, with the SPI from the test class path, and the
 * plugins found by {@link ServiceLoader}. Trino's {@code postgresql} connector cannot be resolved from Maven here;
 * the tarball has it.
 */
public final class BundledTrinoPlugins
{
    private static final Map<QueryRunner, Set<String>> INSTALLED = new IdentityHashMap<>();

    private BundledTrinoPlugins() {}

    /**
     * Installs the named plugins of the tarball, in order, once per query runner.
     */
    public static synchronized void install(QueryRunner queryRunner, List<String> pluginNames)
    {
        requireNonNull(queryRunner, "queryRunner is null");
        Set<String> installed = INSTALLED.computeIfAbsent(queryRunner, _ -> new HashSet<>());
        TrinoArtifacts artifacts = TrinoArtifacts.fromBuild();
        for (String name : pluginNames) {
            if (installed.contains(name)) {
                continue;
            }
            PluginClassLoader classLoader = PluginManager.createClassLoader(name, jars(artifacts.bundledPlugin(name)));
            // the server's plugin manager does this when it loads a plugin directory; installPlugin does not: without
            // it, a worker cannot read the plugin's handles (coordinator and workers exchange them as JSON)
            if (queryRunner instanceof DistributedQueryRunner distributed) {
                for (TestingTrinoServer server : distributed.getServers()) {
                    server.getInstance(Key.get(HandleResolver.class)).registerClassLoader(classLoader);
                }
            }
            int plugins = 0;
            try (ThreadContextClassLoader _ = new ThreadContextClassLoader(classLoader)) {
                for (Plugin plugin : ServiceLoader.load(Plugin.class, classLoader)) {
                    queryRunner.installPlugin(plugin);
                    plugins++;
                }
            }
            if (plugins == 0) {
                throw new IllegalStateException("No Trino plugin in the tarball's plugin/" + name);
            }
            installed.add(name);
        }
    }

    private static List<URL> jars(Path directory)
    {
        try (Stream<Path> files = Files.list(directory)) {
            List<URL> urls = files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .map(BundledTrinoPlugins::url)
                    .toList();
            if (urls.isEmpty()) {
                throw new IllegalStateException("No jars in " + directory);
            }
            return Collections.unmodifiableList(urls);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    private static URL url(Path file)
    {
        try {
            return file.toUri().toURL();
        }
        catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

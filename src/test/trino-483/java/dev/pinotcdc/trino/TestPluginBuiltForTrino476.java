package dev.pinotcdc.trino;

import io.trino.server.PluginClassLoader;
import io.trino.server.PluginManager;
import io.trino.spi.Plugin;
import io.trino.spi.classloader.ThreadContextClassLoader;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import static io.trino.testing.TestingSession.testSessionBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Trino loads a plugin without checking which SPI it was built for. The plugin for Trino 476 installed into Trino 483
 * must fail when a catalog is created, naming both versions, before any query can meet a removed method.
 */
final class TestPluginBuiltForTrino476
{
    @Test
    void testCatalogCreationFailsNamingBothVersions()
            throws Exception
    {
        PluginClassLoader classLoader = PluginManager.createClassLoader("pinot-cdc-trino-476", jars(Path.of(System.getProperty("pinotcdc.plugin.dir.476"))));
        try (QueryRunner queryRunner = DistributedQueryRunner.builder(testSessionBuilder().build()).setWorkerCount(0).build()) {
            int plugins = 0;
            try (ThreadContextClassLoader _ = new ThreadContextClassLoader(classLoader)) {
                for (Plugin plugin : ServiceLoader.load(Plugin.class, classLoader)) {
                    queryRunner.installPlugin(plugin);
                    plugins++;
                }
            }
            assertThat(plugins).isEqualTo(1);
            assertThatThrownBy(() -> queryRunner.createCatalog("pinot_cdc_476", "pinot_cdc", Map.of("pinot.controller-urls", "http://127.0.0.1:9")))
                    .hasStackTraceContaining("Trino SPI version 483 does not match the version 476 connector pinot_cdc was compiled for");
        }
    }

    private static List<URL> jars(Path directory)
            throws IOException
    {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .map(TestPluginBuiltForTrino476::url)
                    .toList();
        }
    }

    private static URL url(Path file)
    {
        try {
            return file.toUri().toURL();
        }
        catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}

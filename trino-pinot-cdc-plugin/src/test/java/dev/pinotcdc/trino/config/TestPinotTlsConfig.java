package dev.pinotcdc.trino.config;

import com.google.common.collect.ImmutableMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.airlift.configuration.testing.ConfigAssertions.assertFullMapping;
import static io.airlift.configuration.testing.ConfigAssertions.assertRecordedDefaults;
import static io.airlift.configuration.testing.ConfigAssertions.recordDefaults;

final class TestPinotTlsConfig
{
    @Test
    void testDefaults()
    {
        assertRecordedDefaults(recordDefaults(PinotTlsConfig.class)
                .setTruststorePath(null)
                .setTruststorePassword(null)
                .setTruststoreType("JKS"));
    }

    @Test
    void testExplicitPropertyMappings(@TempDir Path directory)
            throws IOException
    {
        Path truststore = Files.createFile(directory.resolve("truststore.p12"));
        Map<String, String> properties = ImmutableMap.<String, String>builder()
                .put("pinot.tls.truststore-path", truststore.toString())
                .put("pinot.tls.truststore-password", "changeit")
                .put("pinot.tls.truststore-type", "PKCS12")
                .buildOrThrow();

        PinotTlsConfig expected = new PinotTlsConfig()
                .setTruststorePath(truststore.toFile())
                .setTruststorePassword("changeit")
                .setTruststoreType("PKCS12");

        assertFullMapping(properties, expected);
    }
}

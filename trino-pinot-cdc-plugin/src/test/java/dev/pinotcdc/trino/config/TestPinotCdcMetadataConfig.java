package dev.pinotcdc.trino.config;

import com.google.common.collect.ImmutableMap;
import io.airlift.units.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.airlift.configuration.testing.ConfigAssertions.assertFullMapping;
import static io.airlift.configuration.testing.ConfigAssertions.assertRecordedDefaults;
import static io.airlift.configuration.testing.ConfigAssertions.recordDefaults;
import static java.util.concurrent.TimeUnit.SECONDS;

final class TestPinotCdcMetadataConfig
{
    @Test
    void testDefaults()
    {
        assertRecordedDefaults(recordDefaults(PinotCdcMetadataConfig.class)
                .setMetadataCacheTtl(new Duration(30, SECONDS))
                .setTableDefinitionDirectory(null)
                .setInferenceSampleSize(1000));
    }

    @Test
    void testExplicitPropertyMappings(@TempDir Path directory)
    {
        Map<String, String> properties = ImmutableMap.<String, String>builder()
                .put("pinot.metadata-cache-ttl", "5s")
                .put("cdc.table-definition-dir", directory.toString())
                .put("cdc.inference-sample-size", "50")
                .buildOrThrow();

        PinotCdcMetadataConfig expected = new PinotCdcMetadataConfig()
                .setMetadataCacheTtl(new Duration(5, SECONDS))
                .setTableDefinitionDirectory(directory.toFile())
                .setInferenceSampleSize(50);

        assertFullMapping(properties, expected);
    }
}

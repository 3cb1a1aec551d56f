package dev.pinotcdc.trino.config;

import com.google.common.collect.ImmutableMap;
import io.airlift.units.DataSize;
import io.airlift.units.Duration;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.airlift.configuration.testing.ConfigAssertions.assertFullMapping;
import static io.airlift.configuration.testing.ConfigAssertions.assertRecordedDefaults;
import static io.airlift.configuration.testing.ConfigAssertions.recordDefaults;
import static java.util.concurrent.TimeUnit.SECONDS;

final class TestPinotCdcScanConfig
{
    @Test
    void testDefaults()
    {
        assertRecordedDefaults(recordDefaults(PinotCdcScanConfig.class)
                .setMaxRowsPerBrokerQuery(1_000_000)
                .setMaxBytesPerBrokerQuery(DataSize.of(256, DataSize.Unit.MEGABYTE))
                .setScanSplits(4)
                .setMaxExtractedSourceFields(1)
                .setDynamicFilteringWaitTimeout(new Duration(0, SECONDS))
                .setStrictDecoding(false)
                .setSnapshotReads(false)
                .setMaxConcurrentBrokerQueries(16));
    }

    @Test
    void testExplicitPropertyMappings()
    {
        Map<String, String> properties = ImmutableMap.<String, String>builder()
                .put("pinot.max-rows-per-broker-query", "5000")
                .put("pinot.max-bytes-per-broker-query", "64MB")
                .put("pinot.scan-splits", "16")
                .put("pinot.max-extracted-source-fields", "5")
                .put("pinot.dynamic-filtering-wait-timeout", "3s")
                .put("cdc.strict-decoding", "true")
                .put("cdc.snapshot-reads", "true")
                .put("pinot.max-concurrent-broker-queries", "4")
                .buildOrThrow();

        PinotCdcScanConfig expected = new PinotCdcScanConfig()
                .setMaxRowsPerBrokerQuery(5000)
                .setMaxBytesPerBrokerQuery(DataSize.of(64, DataSize.Unit.MEGABYTE))
                .setScanSplits(16)
                .setMaxExtractedSourceFields(5)
                .setDynamicFilteringWaitTimeout(new Duration(3, SECONDS))
                .setStrictDecoding(true)
                .setSnapshotReads(true)
                .setMaxConcurrentBrokerQueries(4);

        assertFullMapping(properties, expected);
    }
}

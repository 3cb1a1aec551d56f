package dev.pinotcdc.trino.config;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.airlift.configuration.testing.ConfigAssertions.assertFullMapping;
import static io.airlift.configuration.testing.ConfigAssertions.assertRecordedDefaults;
import static io.airlift.configuration.testing.ConfigAssertions.recordDefaults;
import static org.assertj.core.api.Assertions.assertThat;

final class TestCdcLayoutConfig
{
    @Test
    void testDefaults()
    {
        assertRecordedDefaults(recordDefaults(CdcLayoutConfig.class)
                .setSourceColumn("source")
                .setOpColumn("op")
                .setTimeColumn("ts_ms")
                .setDeleteOpCodes("d")
                .setTruncateOpCode("t")
                .setValueSchemaColumn("source_schema")
                .setVersionColumn("lsn"));
    }

    @Test
    void testExplicitPropertyMappings()
    {
        Map<String, String> properties = ImmutableMap.<String, String>builder()
                .put("cdc.source-column", "payload")
                .put("cdc.op-column", "operation")
                .put("cdc.time-column", "event_ms")
                .put("cdc.delete-op-codes", "d, D")
                .put("cdc.truncate-op-code", "T")
                .put("cdc.value-schema-column", "after_schema")
                .put("cdc.version-column", "commit_lsn")
                .buildOrThrow();

        CdcLayoutConfig expected = new CdcLayoutConfig()
                .setSourceColumn("payload")
                .setOpColumn("operation")
                .setTimeColumn("event_ms")
                .setDeleteOpCodes("d,D")
                .setTruncateOpCode("T")
                .setValueSchemaColumn("after_schema")
                .setVersionColumn("commit_lsn");

        assertFullMapping(properties, expected);
    }

    @Test
    void testParsedDeleteOpCodes()
    {
        assertThat(new CdcLayoutConfig().setDeleteOpCodes("d,,x ").getDeleteOpCodes()).isEqualTo(ImmutableSet.of("d", "x"));
    }
}

package dev.pinotcdc.trino.config;

import io.airlift.units.DataSize;
import io.airlift.units.Duration;
import io.trino.spi.TrinoException;
import io.trino.spi.session.PropertyMetadata;
import org.junit.jupiter.api.Test;

import static io.trino.spi.StandardErrorCode.INVALID_SESSION_PROPERTY;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TestPinotCdcSessionProperties
{
    private final PinotCdcSessionProperties properties = new PinotCdcSessionProperties(
            new PinotCdcScanConfig().setScanSplits(8),
            new PinotClientConfig().setReadTimeout(new Duration(30, SECONDS)));

    @Test
    void testEveryValuedPropertyHasBounds()
    {
        // a boolean has its two values; every other property is checked against bounds below
        assertThat(properties.getSessionProperties())
                .extracting(PropertyMetadata::getName)
                .containsExactlyInAnyOrder("pushdown_enabled", "strict_decoding", "snapshot_reads", "scan_splits", "max_bytes_per_broker_query", "max_extracted_source_fields", "dynamic_filtering_wait_timeout", "query_timeout");
    }

    @Test
    void testScanSplitsTakesTheConfigBounds()
    {
        assertThat(property("scan_splits").getDefaultValue()).isEqualTo(8);
        assertThat(property("scan_splits").decode(PinotCdcScanConfig.MIN_SCAN_SPLITS)).isEqualTo(PinotCdcScanConfig.MIN_SCAN_SPLITS);
        assertThat(property("scan_splits").decode(PinotCdcScanConfig.MAX_SCAN_SPLITS)).isEqualTo(PinotCdcScanConfig.MAX_SCAN_SPLITS);
        assertInvalid("scan_splits", PinotCdcScanConfig.MIN_SCAN_SPLITS - 1, "scan_splits must be between 1 and 256");
        assertInvalid("scan_splits", PinotCdcScanConfig.MAX_SCAN_SPLITS + 1, "scan_splits must be between 1 and 256");
    }

    @Test
    void testMaxBytesPerBrokerQueryTakesTheConfigBounds()
    {
        assertThat(property("max_bytes_per_broker_query").getDefaultValue()).isEqualTo(DataSize.of(256, DataSize.Unit.MEGABYTE));
        assertThat(property("max_bytes_per_broker_query").decode("1GB")).isEqualTo(DataSize.of(1, DataSize.Unit.GIGABYTE));
        assertInvalid("max_bytes_per_broker_query", "1025MB", "max_bytes_per_broker_query must be between 1kB and 1GB");
        assertInvalid("max_bytes_per_broker_query", "1023B", "max_bytes_per_broker_query must be between 1kB and 1GB");
    }

    @Test
    void testMaxExtractedSourceFieldsTakesTheConfigBounds()
    {
        assertThat(property("max_extracted_source_fields").decode(PinotCdcScanConfig.MAX_EXTRACTED_SOURCE_FIELDS)).isEqualTo(PinotCdcScanConfig.MAX_EXTRACTED_SOURCE_FIELDS);
        assertInvalid("max_extracted_source_fields", PinotCdcScanConfig.MIN_EXTRACTED_SOURCE_FIELDS - 1, "max_extracted_source_fields must be between 0 and 1000");
        assertInvalid("max_extracted_source_fields", PinotCdcScanConfig.MAX_EXTRACTED_SOURCE_FIELDS + 1, "max_extracted_source_fields must be between 0 and 1000");
    }

    @Test
    void testDynamicFilteringWaitTimeoutTakesTheConfigBounds()
    {
        assertThat(property("dynamic_filtering_wait_timeout").decode("0s")).isEqualTo(new Duration(0, SECONDS));
        assertThat(property("dynamic_filtering_wait_timeout").decode(PinotCdcScanConfig.MAX_DYNAMIC_FILTERING_WAIT_TIMEOUT))
                .isEqualTo(Duration.valueOf(PinotCdcScanConfig.MAX_DYNAMIC_FILTERING_WAIT_TIMEOUT));
        assertInvalid("dynamic_filtering_wait_timeout", "61m", "dynamic_filtering_wait_timeout must be between 0ms and 1h");
    }

    @Test
    void testQueryTimeoutIsAtMostTheReadTimeout()
    {
        assertThat(property("query_timeout").getDefaultValue()).isEqualTo(new Duration(30, SECONDS));
        assertThat(property("query_timeout").decode("30s")).isEqualTo(new Duration(30, SECONDS));
        assertThat(property("query_timeout").decode("1ms")).isEqualTo(Duration.valueOf("1ms"));
        assertInvalid("query_timeout", "31s", "query_timeout must be between 1ms and the catalog's pinot.read-timeout, 30.00s");
        assertInvalid("query_timeout", "0s", "query_timeout must be between 1ms and the catalog's pinot.read-timeout, 30.00s");
    }

    private void assertInvalid(String name, Object value, String message)
    {
        assertThatThrownBy(() -> property(name).decode(value))
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(INVALID_SESSION_PROPERTY.toErrorCode()))
                .hasMessage(message);
    }

    private PropertyMetadata<?> property(String name)
    {
        return properties.getSessionProperties().stream()
                .filter(property -> property.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }
}

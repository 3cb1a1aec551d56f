package dev.pinotcdc.trino.config;

import com.google.common.collect.ImmutableList;
import com.google.inject.Inject;
import io.airlift.units.DataSize;
import io.airlift.units.Duration;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.session.PropertyMetadata;

import java.util.List;

import static io.trino.plugin.base.session.PropertyMetadataUtil.dataSizeProperty;
import static io.trino.plugin.base.session.PropertyMetadataUtil.durationProperty;
import static io.trino.spi.StandardErrorCode.INVALID_SESSION_PROPERTY;
import static io.trino.spi.session.PropertyMetadata.booleanProperty;
import static io.trino.spi.session.PropertyMetadata.integerProperty;

public final class PinotCdcSessionProperties
{
    private static final String PUSHDOWN_ENABLED = "pushdown_enabled";
    private static final String STRICT_DECODING = "strict_decoding";
    private static final String SNAPSHOT_READS = "snapshot_reads";
    private static final String QUERY_TIMEOUT = "query_timeout";
    private static final String SCAN_SPLITS = "scan_splits";
    private static final String MAX_EXTRACTED_SOURCE_FIELDS = "max_extracted_source_fields";
    private static final String DYNAMIC_FILTERING_WAIT_TIMEOUT = "dynamic_filtering_wait_timeout";
    public static final String MAX_BYTES_PER_BROKER_QUERY = "max_bytes_per_broker_query";

    private final List<PropertyMetadata<?>> sessionProperties;

    @Inject
    public PinotCdcSessionProperties(PinotCdcScanConfig config, PinotClientConfig clientConfig)
    {
        sessionProperties = ImmutableList.of(
                booleanProperty(
                        PUSHDOWN_ENABLED,
                        "Send filters, projections, limits and aggregations to Pinot; false reads the latest state and does all of it in Trino",
                        true,
                        false),
                booleanProperty(
                        STRICT_DECODING,
                        "Fail the query on a stored value that does not fit its column, instead of returning NULL and counting it",
                        config.isStrictDecoding(),
                        false),
                booleanProperty(
                        SNAPSHOT_READS,
                        "Read the latest state of a CDC table as of its newest version when the query starts: exact while Pinot ingests, reading every version",
                        config.isSnapshotReads(),
                        false),
                boundedIntegerProperty(
                        SCAN_SPLITS,
                        "Broker queries a full scan is divided into, run in parallel by Trino's workers",
                        config.getScanSplits(),
                        PinotCdcScanConfig.MIN_SCAN_SPLITS,
                        PinotCdcScanConfig.MAX_SCAN_SPLITS),
                boundedDataSizeProperty(
                        MAX_BYTES_PER_BROKER_QUERY,
                        "Longest answer one broker query may return; a longer one fails the query unread",
                        config.getMaxBytesPerBrokerQuery(),
                        DataSize.valueOf(PinotCdcScanConfig.MIN_BYTES_PER_BROKER_QUERY),
                        DataSize.valueOf(PinotCdcScanConfig.MAX_BYTES_PER_BROKER_QUERY)),
                boundedIntegerProperty(
                        MAX_EXTRACTED_SOURCE_FIELDS,
                        "A scan reading at most this many fields of the source JSON has Pinot extract them; more fields ship whole documents (0: always whole documents)",
                        config.getMaxExtractedSourceFields(),
                        PinotCdcScanConfig.MIN_EXTRACTED_SOURCE_FIELDS,
                        PinotCdcScanConfig.MAX_EXTRACTED_SOURCE_FIELDS),
                boundedDurationProperty(
                        DYNAMIC_FILTERING_WAIT_TIMEOUT,
                        "How long a scan on the probe side of a join waits for the join's dynamic filter, which it sends to Pinot",
                        config.getDynamicFilteringWaitTimeout(),
                        PinotCdcScanConfig.MIN_DYNAMIC_FILTERING_WAIT_TIMEOUT,
                        Duration.valueOf(PinotCdcScanConfig.MAX_DYNAMIC_FILTERING_WAIT_TIMEOUT),
                        PinotCdcScanConfig.MAX_DYNAMIC_FILTERING_WAIT_TIMEOUT),
                boundedDurationProperty(
                        QUERY_TIMEOUT,
                        "Time Pinot may take for one broker query; at most pinot.read-timeout",
                        clientConfig.getReadTimeout(),
                        PinotClientConfig.MIN_READ_TIMEOUT,
                        clientConfig.getReadTimeout(),
                        "the catalog's pinot.read-timeout, " + clientConfig.getReadTimeout()));
    }

    private static PropertyMetadata<Integer> boundedIntegerProperty(String name, String description, int defaultValue, int min, int max)
    {
        return integerProperty(
                name,
                description,
                defaultValue,
                value -> {
                    if (value < min || value > max) {
                        throw new TrinoException(INVALID_SESSION_PROPERTY, "%s must be between %s and %s".formatted(name, min, max));
                    }
                },
                false);
    }

    private static PropertyMetadata<DataSize> boundedDataSizeProperty(String name, String description, DataSize defaultValue, DataSize min, DataSize max)
    {
        return dataSizeProperty(
                name,
                description,
                defaultValue,
                value -> {
                    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                        throw new TrinoException(INVALID_SESSION_PROPERTY, "%s must be between %s and %s".formatted(name, min, max));
                    }
                },
                false);
    }

    /**
     * @param maxText how the error names the upper bound
     */
    private static PropertyMetadata<Duration> boundedDurationProperty(String name, String description, Duration defaultValue, String minText, Duration max, String maxText)
    {
        Duration min = Duration.valueOf(minText);
        return durationProperty(
                name,
                description,
                defaultValue,
                value -> {
                    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                        throw new TrinoException(INVALID_SESSION_PROPERTY, "%s must be between %s and %s".formatted(name, minText, maxText));
                    }
                },
                false);
    }

    public List<PropertyMetadata<?>> getSessionProperties()
    {
        return sessionProperties;
    }

    public static boolean isPushdownEnabled(ConnectorSession session)
    {
        return session.getProperty(PUSHDOWN_ENABLED, Boolean.class);
    }

    public static boolean isSnapshotReads(ConnectorSession session)
    {
        return session.getProperty(SNAPSHOT_READS, Boolean.class);
    }

    public static int getScanSplits(ConnectorSession session)
    {
        return session.getProperty(SCAN_SPLITS, Integer.class);
    }

    public static DataSize getMaxBytesPerBrokerQuery(ConnectorSession session)
    {
        return session.getProperty(MAX_BYTES_PER_BROKER_QUERY, DataSize.class);
    }

    public static int getMaxExtractedSourceFields(ConnectorSession session)
    {
        return session.getProperty(MAX_EXTRACTED_SOURCE_FIELDS, Integer.class);
    }

    public static Duration getDynamicFilteringWaitTimeout(ConnectorSession session)
    {
        return session.getProperty(DYNAMIC_FILTERING_WAIT_TIMEOUT, Duration.class);
    }

    public static Duration getQueryTimeout(ConnectorSession session)
    {
        return session.getProperty(QUERY_TIMEOUT, Duration.class);
    }

    public static boolean isStrictDecoding(ConnectorSession session)
    {
        return session.getProperty(STRICT_DECODING, Boolean.class);
    }
}

package dev.pinotcdc.trino.config;

import io.airlift.configuration.Config;
import io.airlift.configuration.ConfigDescription;
import io.airlift.units.DataSize;
import io.airlift.units.Duration;
import io.airlift.units.MaxDataSize;
import io.airlift.units.MaxDuration;
import io.airlift.units.MinDataSize;
import io.airlift.units.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import static java.util.concurrent.TimeUnit.SECONDS;

/**
 * How a scan queries Pinot and reads the answer; the session properties of the same names start from these values.
 */
public class PinotCdcScanConfig
{
    // the bounds of the properties that are session properties too, for both checks
    public static final int MIN_SCAN_SPLITS = 1;
    public static final int MAX_SCAN_SPLITS = 256;
    public static final int MIN_EXTRACTED_SOURCE_FIELDS = 0;
    public static final int MAX_EXTRACTED_SOURCE_FIELDS = 1000;
    public static final String MIN_DYNAMIC_FILTERING_WAIT_TIMEOUT = "0ms";
    public static final String MAX_DYNAMIC_FILTERING_WAIT_TIMEOUT = "1h";
    public static final String MIN_BYTES_PER_BROKER_QUERY = "1kB";
    // the answer is parsed into a tree a few times its size: a bound well below any one array's
    public static final String MAX_BYTES_PER_BROKER_QUERY = "1GB";

    private int maxRowsPerBrokerQuery = 1_000_000;
    private DataSize maxBytesPerBrokerQuery = DataSize.of(256, DataSize.Unit.MEGABYTE);
    private int scanSplits = 4;
    private int maxExtractedSourceFields = 1;
    private Duration dynamicFilteringWaitTimeout = new Duration(0, SECONDS);
    private boolean strictDecoding;
    private boolean snapshotReads;
    private int maxConcurrentBrokerQueries = 16;

    @Min(1)
    @Max(100_000_000)
    public int getMaxRowsPerBrokerQuery()
    {
        return maxRowsPerBrokerQuery;
    }

    @Config("pinot.max-rows-per-broker-query")
    @ConfigDescription("Most rows one broker query may return; a split that would return more fails and says how to narrow the query")
    public PinotCdcScanConfig setMaxRowsPerBrokerQuery(int maxRowsPerBrokerQuery)
    {
        this.maxRowsPerBrokerQuery = maxRowsPerBrokerQuery;
        return this;
    }

    @NotNull
    @MinDataSize(MIN_BYTES_PER_BROKER_QUERY)
    @MaxDataSize(MAX_BYTES_PER_BROKER_QUERY)
    public DataSize getMaxBytesPerBrokerQuery()
    {
        return maxBytesPerBrokerQuery;
    }

    @Config("pinot.max-bytes-per-broker-query")
    @ConfigDescription("Longest answer one broker query may return; a split whose answer is longer fails, unread, and says how to narrow the query")
    public PinotCdcScanConfig setMaxBytesPerBrokerQuery(DataSize maxBytesPerBrokerQuery)
    {
        this.maxBytesPerBrokerQuery = maxBytesPerBrokerQuery;
        return this;
    }

    @Min(MIN_SCAN_SPLITS)
    @Max(MAX_SCAN_SPLITS)
    public int getScanSplits()
    {
        return scanSplits;
    }

    @Config("pinot.scan-splits")
    @ConfigDescription("Broker queries a full scan is divided into, run in parallel by Trino's workers")
    public PinotCdcScanConfig setScanSplits(int scanSplits)
    {
        this.scanSplits = scanSplits;
        return this;
    }

    @Min(MIN_EXTRACTED_SOURCE_FIELDS)
    @Max(MAX_EXTRACTED_SOURCE_FIELDS)
    public int getMaxExtractedSourceFields()
    {
        return maxExtractedSourceFields;
    }

    @Config("pinot.max-extracted-source-fields")
    @ConfigDescription("A scan reading at most this many fields of the source JSON has Pinot extract them; a scan reading more receives whole documents (0: always whole documents)")
    public PinotCdcScanConfig setMaxExtractedSourceFields(int maxExtractedSourceFields)
    {
        this.maxExtractedSourceFields = maxExtractedSourceFields;
        return this;
    }

    @MinDuration(MIN_DYNAMIC_FILTERING_WAIT_TIMEOUT)
    @MaxDuration(MAX_DYNAMIC_FILTERING_WAIT_TIMEOUT)
    public Duration getDynamicFilteringWaitTimeout()
    {
        return dynamicFilteringWaitTimeout;
    }

    @Config("pinot.dynamic-filtering-wait-timeout")
    @ConfigDescription("How long a scan on the probe side of a join waits for the join's dynamic filter, which it sends to Pinot")
    public PinotCdcScanConfig setDynamicFilteringWaitTimeout(Duration dynamicFilteringWaitTimeout)
    {
        this.dynamicFilteringWaitTimeout = dynamicFilteringWaitTimeout;
        return this;
    }

    public boolean isStrictDecoding()
    {
        return strictDecoding;
    }

    @Config("cdc.strict-decoding")
    @ConfigDescription("Fail a query on a stored value that does not fit its column, instead of returning NULL and counting it")
    public PinotCdcScanConfig setStrictDecoding(boolean strictDecoding)
    {
        this.strictDecoding = strictDecoding;
        return this;
    }

    public boolean isSnapshotReads()
    {
        return snapshotReads;
    }

    @Config("cdc.snapshot-reads")
    @ConfigDescription("Read the latest state of a CDC table as of its newest version when the query starts, from every version Pinot holds: " +
            "exact while Pinot ingests, at the cost of reading every version and aggregating in Trino")
    public PinotCdcScanConfig setSnapshotReads(boolean snapshotReads)
    {
        this.snapshotReads = snapshotReads;
        return this;
    }

    @Min(1)
    @Max(1024)
    public int getMaxConcurrentBrokerQueries()
    {
        return maxConcurrentBrokerQueries;
    }

    @Config("pinot.max-concurrent-broker-queries")
    @ConfigDescription("Broker queries one Trino node runs at once; further splits wait their turn without holding a driver thread")
    public PinotCdcScanConfig setMaxConcurrentBrokerQueries(int maxConcurrentBrokerQueries)
    {
        this.maxConcurrentBrokerQueries = maxConcurrentBrokerQueries;
        return this;
    }
}

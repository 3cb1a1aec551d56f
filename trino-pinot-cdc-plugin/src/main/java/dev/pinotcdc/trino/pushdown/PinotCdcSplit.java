package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.trino.spi.connector.ConnectorSplit;

import java.util.Map;
import java.util.OptionalLong;

import static io.airlift.slice.SizeOf.instanceSize;
import static java.util.Objects.requireNonNull;

/**
 * One broker query's share of a table scan.
 *
 * @param partition which share of the rows this split reads
 * @param partitionCount how many splits share the scan
 * @param truncatedAt the version of the newest truncate: older versions are gone
 */
public record PinotCdcSplit(int partition, int partitionCount, OptionalLong truncatedAt)
        implements ConnectorSplit
{
    private static final int INSTANCE_SIZE = instanceSize(PinotCdcSplit.class);

    @JsonCreator
    public PinotCdcSplit(
            @JsonProperty("partition") int partition,
            @JsonProperty("partitionCount") int partitionCount,
            @JsonProperty("truncatedAt") OptionalLong truncatedAt)
    {
        if (partitionCount < 1 || partition < 0 || partition >= partitionCount) {
            throw new IllegalArgumentException("Invalid partition " + partition + " of " + partitionCount);
        }
        this.partition = partition;
        this.partitionCount = partitionCount;
        this.truncatedAt = requireNonNull(truncatedAt, "truncatedAt is null");
    }

    public static PinotCdcSplit whole(OptionalLong truncatedAt)
    {
        return new PinotCdcSplit(0, 1, truncatedAt);
    }

    // shown by Trino 476 (EXPLAIN ANALYZE VERBOSE, the web UI); Trino 478 removed it from the SPI and does not call it
    public Map<String, String> getSplitInfo()
    {
        return Map.of("partition", partition + " of " + partitionCount);
    }

    @Override
    public long getRetainedSizeInBytes()
    {
        return INSTANCE_SIZE;
    }
}

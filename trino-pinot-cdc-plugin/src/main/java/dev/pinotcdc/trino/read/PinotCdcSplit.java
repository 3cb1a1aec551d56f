package dev.pinotcdc.trino.read;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.trino.spi.connector.ConnectorSplit;

import java.util.Map;

import static io.airlift.slice.SizeOf.instanceSize;

/**
 * One broker query's share of a table scan.
 *
 * @param partition which share of the rows this split reads, or 0 of 1 for all of them
 * @param partitionCount how many splits share the scan
 */
public record PinotCdcSplit(int partition, int partitionCount)
        implements ConnectorSplit
{
    private static final int INSTANCE_SIZE = instanceSize(PinotCdcSplit.class);

    @JsonCreator
    public PinotCdcSplit(@JsonProperty("partition") int partition, @JsonProperty("partitionCount") int partitionCount)
    {
        if (partitionCount < 1 || partition < 0 || partition >= partitionCount) {
            throw new IllegalArgumentException("Invalid partition " + partition + " of " + partitionCount);
        }
        this.partition = partition;
        this.partitionCount = partitionCount;
    }

    public static PinotCdcSplit whole()
    {
        return new PinotCdcSplit(0, 1);
    }

    @Override
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

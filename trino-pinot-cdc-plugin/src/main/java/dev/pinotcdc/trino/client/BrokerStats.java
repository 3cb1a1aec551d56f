package dev.pinotcdc.trino.client;

import org.apache.pinot.client.ExecutionStats;

/** The statistics of one broker answer; -1 where the broker did not report a number. */
public record BrokerStats(
        int numServersQueried,
        int numServersResponded,
        long numSegmentsQueried,
        long numSegmentsProcessed,
        long numSegmentsMatched,
        long numConsumingSegmentsQueried,
        long numDocsScanned,
        long numEntriesScannedInFilter,
        long numEntriesScannedPostFilter,
        long totalDocs,
        long timeUsedMs,
        boolean numGroupsLimitReached,
        boolean partialResult)
{
    static BrokerStats from(ExecutionStats stats)
    {
        return new BrokerStats(
                stats.getNumServersQueried(),
                stats.getNumServersResponded(),
                stats.getNumSegmentsQueried(),
                stats.getNumSegmentsProcessed(),
                stats.getNumSegmentsMatched(),
                stats.getNumConsumingSegmentsQueried(),
                stats.getNumDocsScanned(),
                stats.getNumEntriesScannedInFilter(),
                stats.getNumEntriesScannedPostFilter(),
                stats.getTotalDocs(),
                stats.getTimeUsedMs(),
                stats.isNumGroupsLimitReached(),
                // Pinot 1.x only; 0.11 reports the same situations as exceptions
                stats.isPartialResult());
    }
}

package dev.pinotcdc.trino.client;

import com.fasterxml.jackson.databind.JsonNode;

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
        boolean partialResult,
        long minConsumingFreshnessTimeMs)
{
    /** Reads the statistics at the top level of a broker answer. */
    static BrokerStats from(JsonNode answer)
    {
        return new BrokerStats(
                (int) number(answer, "numServersQueried"),
                (int) number(answer, "numServersResponded"),
                number(answer, "numSegmentsQueried"),
                number(answer, "numSegmentsProcessed"),
                number(answer, "numSegmentsMatched"),
                number(answer, "numConsumingSegmentsQueried"),
                number(answer, "numDocsScanned"),
                number(answer, "numEntriesScannedInFilter"),
                number(answer, "numEntriesScannedPostFilter"),
                number(answer, "totalDocs"),
                number(answer, "timeUsedMs"),
                answer.path("numGroupsLimitReached").asBoolean(false),
                // Pinot 1.x only; 0.11 reports the same situations as exceptions
                answer.path("partialResult").asBoolean(false),
                // epoch millis up to which the consuming segments queried hold data
                number(answer, "minConsumingFreshnessTimeMs"));
    }

    private static long number(JsonNode answer, String field)
    {
        JsonNode value = answer.get(field);
        return value == null ? -1 : value.asLong();
    }
}

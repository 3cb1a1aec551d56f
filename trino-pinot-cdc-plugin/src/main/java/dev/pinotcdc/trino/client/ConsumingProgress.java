package dev.pinotcdc.trino.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * How far a realtime table's consumers have come, as the controller reports it
 * ({@code GET /tables/{table}/consumingSegmentsInfo}).
 *
 * @param lastConsumed the newest wall-clock moment (epoch millis) at which a server consumed a message, if any
 * @param recordsBehind the messages in the stream not yet consumed, summed over partitions, where the controller
 *         reports it (Pinot 1.x; Pinot 0.11 reports offsets only)
 */
public record ConsumingProgress(OptionalLong lastConsumed, OptionalLong recordsBehind)
{
    public ConsumingProgress
    {
        requireNonNull(lastConsumed, "lastConsumed is null");
        requireNonNull(recordsBehind, "recordsBehind is null");
    }

    static ConsumingProgress parse(JsonNode answer)
    {
        long lastConsumed = Long.MIN_VALUE;
        long recordsBehind = 0;
        boolean lagReported = false;
        // the field's name differs between Pinot releases
        JsonNode segments = answer.has("_segmentToConsumingInfoMap") ? answer.path("_segmentToConsumingInfoMap") : answer.path("segmentToConsumingInfoMap");
        for (Map.Entry<String, JsonNode> segment : segments.properties()) {
            boolean segmentLagCounted = false;
            for (JsonNode server : segment.getValue()) {
                JsonNode consumed = server.path("lastConsumedTimestamp");
                if (consumed.canConvertToLong() && consumed.asLong() > 0) {
                    lastConsumed = Math.max(lastConsumed, consumed.asLong());
                }
                if (segmentLagCounted) {
                    // replicas consume the same messages: one replica's lag is the partition's
                    continue;
                }
                for (Map.Entry<String, JsonNode> partition : server.path("partitionOffsetInfo").path("recordsLagMap").properties()) {
                    String lag = partition.getValue().asText();
                    if (lag.matches("\\d+")) {
                        segmentLagCounted = true;
                        recordsBehind += Long.parseLong(lag);
                    }
                }
                lagReported |= segmentLagCounted;
            }
        }
        return new ConsumingProgress(
                lastConsumed == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(lastConsumed),
                lagReported ? OptionalLong.of(recordsBehind) : OptionalLong.empty());
    }
}

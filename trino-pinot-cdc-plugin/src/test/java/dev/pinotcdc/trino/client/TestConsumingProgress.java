package dev.pinotcdc.trino.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

final class TestConsumingProgress
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void testOffsetsOnlyAsPinot011Reports()
            throws Exception
    {
        ConsumingProgress progress = ConsumingProgress.parse(MAPPER.readTree("""
                {"_segmentToConsumingInfoMap": {
                    "orders__0__3__20261206T1500Z": [{"serverName": "Server_a", "consumerState": "CONSUMING", "lastConsumedTimestamp": 1765033200000, "partitionToOffsetMap": {"0": "42"}}],
                    "orders__1__2__20261206T1500Z": [{"serverName": "Server_a", "consumerState": "CONSUMING", "lastConsumedTimestamp": 1765033260000, "partitionToOffsetMap": {"1": "7"}}]}}
                """));
        assertThat(progress.lastConsumed()).hasValue(1_765_033_260_000L);
        assertThat(progress.recordsBehind()).isEmpty();
    }

    @Test
    void testRecordsLagCountedOncePerSegmentWhateverTheReplicas()
            throws Exception
    {
        ConsumingProgress progress = ConsumingProgress.parse(MAPPER.readTree("""
                {"segmentToConsumingInfoMap": {
                    "orders__0__3__20261206T1500Z": [
                        {"serverName": "Server_a", "consumerState": "CONSUMING", "lastConsumedTimestamp": 1765033200000,
                         "partitionOffsetInfo": {"currentOffsetsMap": {"0": "42"}, "latestUpstreamOffsetMap": {"0": "50"}, "recordsLagMap": {"0": "8"}, "availabilityLagMsMap": {"0": "120"}}},
                        {"serverName": "Server_b", "consumerState": "CONSUMING", "lastConsumedTimestamp": 1765033201000,
                         "partitionOffsetInfo": {"recordsLagMap": {"0": "9"}}}],
                    "orders__1__2__20261206T1500Z": [
                        {"serverName": "Server_a", "consumerState": "NOT_CONSUMING", "lastConsumedTimestamp": 0,
                         "partitionOffsetInfo": {"recordsLagMap": {"1": "UNKNOWN"}}},
                        {"serverName": "Server_b", "consumerState": "CONSUMING", "lastConsumedTimestamp": 1765033100000,
                         "partitionOffsetInfo": {"recordsLagMap": {"1": "5"}}}]},
                 "serversFailingToRespond": 0, "serversUnparsableRespond": 0}
                """));
        assertThat(progress.lastConsumed()).hasValue(1_765_033_201_000L);
        assertThat(progress.recordsBehind()).isEqualTo(OptionalLong.of(13));
    }

    @Test
    void testNoConsumingSegments()
            throws Exception
    {
        ConsumingProgress progress = ConsumingProgress.parse(MAPPER.readTree("{\"_segmentToConsumingInfoMap\": {}}"));
        assertThat(progress.lastConsumed()).isEmpty();
        assertThat(progress.recordsBehind()).isEmpty();
    }
}

package dev.pinotcdc.trino.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinotcdc.trino.client.BrokerResponseLimit.Completeness;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How an answer a broker cut to its response limit ({@code pinot.broker.enable.query.limit.override}) is noticed:
 * from the answer where it shows, from the broker's configuration where it does not.
 */
class TestBrokerResponseLimit
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final URI BROKER = URI.create("http://127.0.0.1:8099");

    @Test
    void answerOfTheQueriesOwnLimitOrOfNoRowIsComplete()
    {
        assertThat(BrokerResponseLimit.check("orders", BROKER, new RequestedRows(10, true), 10, stats(500))).isEqualTo(Completeness.COMPLETE);
        assertThat(BrokerResponseLimit.check("orders", BROKER, new RequestedRows(10, false), 10, stats(500))).isEqualTo(Completeness.COMPLETE);
        assertThat(BrokerResponseLimit.check("orders", BROKER, new RequestedRows(50_001, true), 0, stats(0))).isEqualTo(Completeness.COMPLETE);
        assertThat(BrokerResponseLimit.check("orders", BROKER, new RequestedRows(50_001, false), 0, stats(300))).isEqualTo(Completeness.COMPLETE);
    }

    @Test
    void selectionWithFewerRowsThanDocumentsReadWasCut()
    {
        // four segments read ten documents each for LIMIT 10 (lowered from 50001); the broker kept ten
        assertThatThrownBy(() -> BrokerResponseLimit.check("orders", BROKER, new RequestedRows(50_001, true), 10, stats(38)))
                .isInstanceOf(PinotPartialResultException.class)
                .hasMessageContaining("Pinot table 'orders'")
                .hasMessageContaining("returned 10 rows although its servers read 38 matching documents")
                .hasMessageContaining("pinot.broker.enable.query.limit.override=true and pinot.broker.query.response.limit=10");
    }

    @Test
    void answerThatShowsNothingDependsOnTheBrokersLimit()
    {
        // every row from one segment: as many documents read as rows
        assertThat(BrokerResponseLimit.check("orders", BROKER, new RequestedRows(50_001, true), 10, stats(10))).isEqualTo(Completeness.UNLESS_CAPPED);
        // a GROUP BY reads documents, not groups
        assertThat(BrokerResponseLimit.check("orders", BROKER, new RequestedRows(50_001, false), 10, stats(47))).isEqualTo(Completeness.UNLESS_CAPPED);
    }

    @Test
    void answerThatReachedTheBrokersLimitMayBeCut()
    {
        assertThatThrownBy(() -> BrokerResponseLimit.checkCap("orders", BROKER, new RequestedRows(50_001, false), 10, OptionalInt.of(10)))
                .isInstanceOf(PinotPartialResultException.class)
                .hasMessageContaining("Pinot table 'orders'")
                .hasMessageContaining("answers at most 10 rows (pinot.broker.enable.query.limit.override=true, pinot.broker.query.response.limit=10)");
        // below the limit nothing was cut; a LIMIT the broker keeps is the query's own; no limit, no cut
        BrokerResponseLimit.checkCap("orders", BROKER, new RequestedRows(50_001, false), 9, OptionalInt.of(10));
        BrokerResponseLimit.checkCap("orders", BROKER, new RequestedRows(10, false), 10, OptionalInt.of(10));
        BrokerResponseLimit.checkCap("orders", BROKER, new RequestedRows(50_001, false), 10, OptionalInt.empty());
    }

    @Test
    void readsTheLimitFromTheBrokersConfiguration()
    {
        assertThat(BrokerResponseLimit.capOf(json("""
                {"pinotConfig": {"pinot.broker.enable.query.limit.override": "true", "pinot.broker.query.response.limit": "10", "pinot.zk.server": "x"}}
                """))).hasValue(10);
        // values may be typed; Pinot reads names in any case
        assertThat(BrokerResponseLimit.capOf(json("""
                {"pinotConfig": {"pinot.broker.enable.query.limit.override": true, "pinot.broker.query.response.limit": 25}}
                """))).hasValue(25);
        assertThat(BrokerResponseLimit.capOf(json("""
                {"pinotConfig": {"pinot.broker.enable.query.limit.override": "TRUE", "Pinot.Broker.Query.Response.Limit": " 7 "}}
                """))).hasValue(7);
    }

    @Test
    void noLimitWithoutTheOverride()
    {
        // without the override a larger LIMIT fails with Pinot's own error instead
        assertThat(BrokerResponseLimit.capOf(json("""
                {"pinotConfig": {"pinot.broker.query.response.limit": "10"}}
                """))).isEmpty();
        assertThat(BrokerResponseLimit.capOf(json("""
                {"pinotConfig": {"pinot.broker.enable.query.limit.override": "false", "pinot.broker.query.response.limit": "10"}}
                """))).isEmpty();
        // the default limit is Integer.MAX_VALUE, which no LIMIT exceeds
        assertThat(BrokerResponseLimit.capOf(json("""
                {"pinotConfig": {"pinot.broker.enable.query.limit.override": "true"}}
                """))).isEmpty();
        assertThat(BrokerResponseLimit.capOf(json("""
                {"pinotConfig": {"pinot.broker.enable.query.limit.override": "true", "pinot.broker.query.response.limit": "0"}}
                """))).isEmpty();
        assertThatThrownBy(() -> BrokerResponseLimit.capOf(json("{\"systemConfig\": {}}")))
                .isInstanceOf(PinotInvalidResponseException.class);
    }

    private static BrokerStats stats(long numDocsScanned)
    {
        return new BrokerStats(1, 1, 4, 4, 4, 1, numDocsScanned, 0, numDocsScanned, 47, 3, false, false, -1);
    }

    private static JsonNode json(String text)
    {
        try {
            return MAPPER.readTree(text);
        }
        catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

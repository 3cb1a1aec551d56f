package dev.pinotcdc.trino.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The answer checks, over broker answers shaped as Pinot 0.11's BrokerResponseNative writes them (field names and
 * order from its {@code @JsonPropertyOrder}, exception codes and messages from its QueryException and request
 * handlers) and, for {@code partialResult}, as Pinot 1.x adds it.
 */
class TestBrokerResponseCheck
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    // stats of a healthy two-server answer; each case replaces what it needs
    private static final String STATS = """
            "numServersQueried": 2, "numServersResponded": 2, "numSegmentsQueried": 4, "numSegmentsProcessed": 4,
            "numSegmentsMatched": 3, "numConsumingSegmentsQueried": 2, "numDocsScanned": 120, "numEntriesScannedInFilter": 0,
            "numEntriesScannedPostFilter": 240, "numGroupsLimitReached": false, "totalDocs": 500, "timeUsedMs": 12,
            "offlineThreadCpuTimeNs": 0, "realtimeThreadCpuTimeNs": 0, "offlineSystemActivitiesCpuTimeNs": 0,
            "realtimeSystemActivitiesCpuTimeNs": 0, "offlineResponseSerializationCpuTimeNs": 0,
            "realtimeResponseSerializationCpuTimeNs": 0, "offlineTotalCpuTimeNs": 0, "realtimeTotalCpuTimeNs": 0,
            "segmentStatistics": [], "traceInfo": {}, "minConsumingFreshnessTimeMs": 1732170000000, "numRowsResultSet": 2
            """;

    private static final String RESULT_TABLE = """
            "resultTable": {
              "dataSchema": {"columnNames": ["id", "op", "source"], "columnDataTypes": ["LONG", "STRING", "JSON"]},
              "rows": [[1, "c", "{\\"id\\":1,\\"name\\":\\"a\\"}"], [2, "u", "{\\"id\\":2,\\"name\\":\\"b\\"}"]]
            }
            """;

    @Test
    void acceptsHealthyAnswerAndReadsIt()
    {
        JsonNode response = response("{" + RESULT_TABLE + ", \"exceptions\": [], " + STATS + "}");

        BrokerResponseCheck.check("orders", response, 60_000);
        BrokerResult result = BrokerResult.from("orders", URI.create("http://127.0.0.1:8099"), response);

        assertThat(result.columnNames()).containsExactly("id", "op", "source");
        assertThat(result.columnDataTypes()).containsExactly("LONG", "STRING", "JSON");
        assertThat(result.rowCount()).isEqualTo(2);
        assertThat(result.rows().get(1).get(0).asLong()).isEqualTo(2);
        assertThat(result.rows().get(1).get(2).textValue()).isEqualTo("{\"id\":2,\"name\":\"b\"}");
        assertThat(result.stats().numServersQueried()).isEqualTo(2);
        assertThat(result.stats().numDocsScanned()).isEqualTo(120);
        assertThat(result.stats().totalDocs()).isEqualTo(500);
        assertThat(result.stats().timeUsedMs()).isEqualTo(12);
        assertThat(result.stats().numGroupsLimitReached()).isFalse();
        assertThat(result.stats().partialResult()).isFalse();
        String compactResultTable = """
                {"dataSchema":{"columnNames":["id","op","source"],"columnDataTypes":["LONG","STRING","JSON"]},\
                "rows":[[1,"c","{\\"id\\":1,\\"name\\":\\"a\\"}"],[2,"u","{\\"id\\":2,\\"name\\":\\"b\\"}"]]}""";
        assertThat(result.resultTableJsonBytes()).isEqualTo(compactResultTable.length());
    }

    @Test
    void sqlParsingErrorFailsWithPinotsMessage()
    {
        // 0.11 answers a query it cannot parse with no result table and nothing queried
        JsonNode response = response("""
                {"exceptions": [{"errorCode": 150, "message": "SQLParsingError:\\norg.apache.pinot.sql.parsers.SqlCompilationException: \
                Caught exception while parsing query: SELEC id FROM orders\\n\\tat org.apache.pinot.sql.parsers.CalciteSqlParser.compileToSqlNodeAndOptions(CalciteSqlParser.java:136)\\n\\tat org.apache.pinot.broker.requesthandler.BaseBrokerRequestHandler.handleRequest(BaseBrokerRequestHandler.java:230)"}],
                 "numServersQueried": 0, "numServersResponded": 0, "numSegmentsQueried": 0, "numSegmentsProcessed": 0,
                 "numSegmentsMatched": 0, "numConsumingSegmentsQueried": 0, "numDocsScanned": 0, "numEntriesScannedInFilter": 0,
                 "numEntriesScannedPostFilter": 0, "numGroupsLimitReached": false, "totalDocs": 0, "timeUsedMs": 1,
                 "segmentStatistics": [], "traceInfo": {}, "minConsumingFreshnessTimeMs": 0}
                """);

        assertThatThrownBy(() -> BrokerResponseCheck.check("orders", response, 60_000))
                .isInstanceOfSatisfying(PinotQueryException.class, e -> {
                    assertThat(e.getErrors()).extracting(PinotQueryError::errorCode).containsExactly(150);
                    assertThat(e.getMessage())
                            .startsWith("Pinot table 'orders': the query failed: Pinot error 150: SQLParsingError:")
                            .contains("Caught exception while parsing query: SELEC id FROM orders")
                            .doesNotContain("BaseBrokerRequestHandler");
                });
    }

    @Test
    void serverSideErrorFails()
    {
        JsonNode response = response("{" + RESULT_TABLE + """
                , "exceptions": [{"errorCode": 200, "message": "QueryExecutionError:\\njava.lang.IllegalStateException: Caught exception while reading json: json can not be null"}],
                """ + STATS + "}");

        assertThatThrownBy(() -> BrokerResponseCheck.check("orders", response, 60_000))
                .isInstanceOf(PinotQueryException.class)
                .hasMessageContaining("Pinot table 'orders': the query failed: Pinot error 200: QueryExecutionError:")
                .hasMessageContaining("json can not be null");
    }

    @Test
    void fewerServersRespondedThanQueriedIsPartial()
    {
        // 0.11 SingleConnectionBrokerRequestHandler: the rows of the responding server, and a 427 exception
        JsonNode response = response("{" + RESULT_TABLE + """
                , "exceptions": [{"errorCode": 427, "message": "1 servers [Server_127.0.0.1_8098_R] not responded"}],
                """ + STATS.replace("\"numServersResponded\": 2", "\"numServersResponded\": 1") + "}");

        assertThatThrownBy(() -> BrokerResponseCheck.check("orders", response, 60_000))
                .isInstanceOf(PinotPartialResultException.class)
                .hasMessage("Pinot table 'orders': 1 of 2 servers responded; refusing a partial result");
    }

    @Test
    void fewerServersRespondedWithoutAnExceptionIsPartial()
    {
        JsonNode response = response("{" + RESULT_TABLE + ", \"exceptions\": [], "
                + STATS.replace("\"numServersQueried\": 2", "\"numServersQueried\": 3") + "}");

        assertThatThrownBy(() -> BrokerResponseCheck.check("orders", response, 60_000))
                .isInstanceOf(PinotPartialResultException.class)
                .hasMessage("Pinot table 'orders': 2 of 3 servers responded; refusing a partial result");
    }

    @Test
    void unavailableSegmentsArePartial()
    {
        JsonNode response = response("{" + RESULT_TABLE + """
                , "exceptions": [{"errorCode": 305, "message": "2 segments [orders__0__3__20241121T0600Z, orders__1__3__20241121T0600Z] unavailable"}],
                """ + STATS + "}");

        assertThatThrownBy(() -> BrokerResponseCheck.check("orders", response, 60_000))
                .isInstanceOf(PinotPartialResultException.class)
                .hasMessage("Pinot table 'orders': refusing a partial result: Pinot error 305: 2 segments [orders__0__3__20241121T0600Z, orders__1__3__20241121T0600Z] unavailable");
    }

    @Test
    void partialResultFlagOfPinot1IsPartial()
    {
        JsonNode response = response("{" + RESULT_TABLE + ", \"exceptions\": [], \"partialResult\": true, " + STATS + "}");

        assertThatThrownBy(() -> BrokerResponseCheck.check("orders", response, 60_000))
                .isInstanceOf(PinotPartialResultException.class)
                .hasMessage("Pinot table 'orders': the broker flagged the result as partial; refusing it");
    }

    @Test
    void groupsLimitReachedFails()
    {
        JsonNode response = response("""
                {"resultTable": {"dataSchema": {"columnNames": ["customer_id", "count(*)"], "columnDataTypes": ["LONG", "LONG"]},
                 "rows": [[7, 12], [9, 3]]},
                 "exceptions": [],
                """ + STATS.replace("\"numGroupsLimitReached\": false", "\"numGroupsLimitReached\": true") + "}");

        assertThatThrownBy(() -> BrokerResponseCheck.check("orders", response, 60_000))
                .isInstanceOf(PinotGroupsLimitReachedException.class)
                .hasMessageStartingWith("Pinot table 'orders': the GROUP BY reached Pinot's numGroupsLimit and groups were dropped");
    }

    @Test
    void executionTimeoutFailsAsTimeout()
    {
        // a server that ran out of time also leaves the broker short of a response: the timeout is the cause to report
        JsonNode response = response("{" + RESULT_TABLE + """
                , "exceptions": [
                  {"errorCode": 250, "message": "ExecutionTimeoutError:\\nQuery timed out (time spent: 10003ms, timeout: 10000ms) for table: orders_REALTIME before scheduling"},
                  {"errorCode": 427, "message": "1 servers [Server_127.0.0.1_8098_R] not responded"}],
                """ + STATS.replace("\"numServersResponded\": 2", "\"numServersResponded\": 1") + "}");

        assertThatThrownBy(() -> BrokerResponseCheck.check("orders", response, 10_000))
                .isInstanceOf(PinotTimeoutException.class)
                .hasMessageStartingWith("Pinot table 'orders': the query timed out (timeoutMs=10000): Pinot error 250: ExecutionTimeoutError:")
                .hasMessageNotContaining("427");
    }

    @Test
    void brokerTimeoutFailsAsTimeout()
    {
        JsonNode response = response("""
                {"exceptions": [{"errorCode": 400, "message": "BrokerTimeoutError:\\nQuery timed out (time spent: 1003ms, timeout: 1000ms) for table: orders_REALTIME before scattering the request"}],
                """ + STATS + "}");

        assertThatThrownBy(() -> BrokerResponseCheck.check("orders", response, 1_000))
                .isInstanceOf(PinotTimeoutException.class)
                .hasMessageContaining("Pinot error 400: BrokerTimeoutError:");
    }

    @Test
    void answerWithoutResultTableIsAnEmptyResult()
    {
        // 0.11 answers this way (BrokerResponseNative.EMPTY_RESULT) when the table has no segment to ask
        JsonNode response = response("{\"exceptions\": [], " + STATS.replace("\"numServersQueried\": 2", "\"numServersQueried\": 0")
                .replace("\"numServersResponded\": 2", "\"numServersResponded\": 0")
                .replace("\"numSegmentsQueried\": 4", "\"numSegmentsQueried\": 0") + "}");

        BrokerResponseCheck.check("orders", response, 60_000);
        BrokerResult result = BrokerResult.from("orders", URI.create("http://127.0.0.1:8099"), response);

        assertThat(result.rowCount()).isZero();
        assertThat(result.columnNames()).isEmpty();
    }

    @Test
    void answerWithoutResultTableAfterQueryingServersIsInvalid()
    {
        // servers were asked, so the rows went missing on the way: never read as an empty table
        JsonNode response = response("{\"exceptions\": [], " + STATS + "}");

        BrokerResponseCheck.check("orders", response, 60_000);
        assertThatThrownBy(() -> BrokerResult.from("orders", URI.create("http://127.0.0.1:8099"), response))
                .isInstanceOf(PinotInvalidResponseException.class)
                .hasMessageContaining("Pinot table 'orders'")
                .hasMessageContaining("without a result table although it queried 2 servers and 4 segments");

        // an answer whose statistics are missing is no proof that nothing was asked
        JsonNode bare = response("{\"exceptions\": []}");
        assertThatThrownBy(() -> BrokerResult.from("orders", URI.create("http://127.0.0.1:8099"), bare))
                .isInstanceOf(PinotInvalidResponseException.class);
    }

    @Test
    void segmentsPrunedByTheServersAreNotPartial()
    {
        // a server skips segments its pruners rule out (numSegmentsProcessed < numSegmentsQueried): every row is there
        JsonNode response = response("{" + RESULT_TABLE + ", \"exceptions\": [], " + STATS
                .replace("\"numSegmentsProcessed\": 4", "\"numSegmentsProcessed\": 1")
                .replace("\"numSegmentsMatched\": 3", "\"numSegmentsMatched\": 1") + "}");

        BrokerResponseCheck.check("orders", response, 60_000);
        assertThat(BrokerResult.from("orders", URI.create("http://127.0.0.1:8099"), response).rowCount()).isEqualTo(2);
    }

    @Test
    void malformedResultTableIsInvalid()
    {
        JsonNode response = response("""
                {"resultTable": {"dataSchema": {"columnNames": ["id", "op"], "columnDataTypes": ["LONG"]}, "rows": []}, "exceptions": [],
                """ + STATS + "}");

        assertThatThrownBy(() -> BrokerResult.from("orders", URI.create("http://127.0.0.1:8099"), response))
                .isInstanceOf(PinotInvalidResponseException.class)
                .hasMessageContaining("Pinot table 'orders'");
    }

    private static JsonNode response(String json)
    {
        try {
            return MAPPER.readTree(json);
        }
        catch (Exception e) {
            throw new AssertionError("Bad test JSON: " + json, e);
        }
    }
}

package dev.pinotcdc.trino.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinotcdc.trino.client.PinotAuthentication.BasicAuthentication;
import dev.pinotcdc.trino.client.PinotAuthentication.BearerToken;
import dev.pinotcdc.trino.client.RecordingHttpServer.RecordedRequest;
import io.airlift.http.client.HttpClient;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the broker client behaves over HTTP: what it posts, auth headers,
 * spreading over brokers, skipping unreachable ones, timeouts, status codes.
 */
class TestPinotBrokerClientHttp
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ANSWER = """
            {"resultTable": {"dataSchema": {"columnNames": ["id"], "columnDataTypes": ["LONG"]}, "rows": [[1], [2]]},
             "exceptions": [], "numServersQueried": 1, "numServersResponded": 1, "numDocsScanned": 2, "totalDocs": 2,
             "numGroupsLimitReached": false, "timeUsedMs": 3}
            """;

    @Test
    void postsSqlWithQueryOptionsAndToken()
            throws Exception
    {
        try (RecordingHttpServer broker = new RecordingHttpServer().answer("/query/sql", 200, ANSWER);
                PinotBrokerClient client = client(List.of(broker.url()), new BearerToken("tok-9"), Duration.ofSeconds(30))) {
            BrokerResult result = client.execute(BrokerQuery.of("orders", "SELECT id FROM orders LIMIT 10").withOption("skipUpsert", "true"));

            assertThat(result.rowCount()).isEqualTo(2);
            assertThat(result.brokerUrl()).isEqualTo(broker.url());
            RecordedRequest request = broker.requests().getFirst();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.pathAndQuery()).isEqualTo("/query/sql");
            assertThat(request.protocol()).isEqualTo("HTTP/1.1");
            assertThat(request.header("Authorization")).isEqualTo("Bearer tok-9");
            JsonNode body = MAPPER.readTree(request.body());
            // the catalog read timeout travels as Pinot's timeoutMs
            assertThat(body.path("sql").textValue()).isEqualTo("SET skipUpsert = 'true'; SET timeoutMs = '30000'; SELECT id FROM orders LIMIT 10");
            assertThat(body.path("queryOptions").textValue()).isEqualTo("groupByMode=sql;responseFormat=sql");
        }
    }

    @Test
    void queryTimeoutOptionOverridesTheReadTimeout()
            throws Exception
    {
        try (RecordingHttpServer broker = new RecordingHttpServer().answer("/query/sql", 200, ANSWER);
                PinotBrokerClient client = client(List.of(broker.url()), new BasicAuthentication("reader", "pw"), Duration.ofSeconds(30))) {
            client.execute(BrokerQuery.of("orders", "SELECT id FROM orders").withOption(BrokerQuery.TIMEOUT_MS, "1500"));

            RecordedRequest request = broker.requests().getFirst();
            assertThat(MAPPER.readTree(request.body()).path("sql").textValue()).isEqualTo("SET timeoutMs = '1500'; SELECT id FROM orders");
            assertThat(request.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString("reader:pw".getBytes(UTF_8)));
        }
    }

    @Test
    void keepsThePathPrefixOfTheBrokerUrl()
    {
        try (RecordingHttpServer broker = new RecordingHttpServer().answer("/pinot-broker/query/sql", 200, ANSWER);
                PinotBrokerClient client = client(List.of(URI.create(broker.url() + "/pinot-broker/")), PinotAuthentication.none(), Duration.ofSeconds(30))) {
            assertThat(client.execute(BrokerQuery.of("orders", "SELECT id FROM orders")).rowCount()).isEqualTo(2);
        }
    }

    @Test
    void spreadsQueriesOverTheBrokers()
    {
        try (RecordingHttpServer first = new RecordingHttpServer().answer("/query/sql", 200, ANSWER);
                RecordingHttpServer second = new RecordingHttpServer().answer("/query/sql", 200, ANSWER);
                PinotBrokerClient client = client(List.of(first.url(), second.url()), PinotAuthentication.none(), Duration.ofSeconds(30))) {
            for (int i = 0; i < 4; i++) {
                client.execute(BrokerQuery.of("orders", "SELECT id FROM orders"));
            }

            assertThat(first.requests()).hasSize(2);
            assertThat(second.requests()).hasSize(2);
        }
    }

    @Test
    void skipsAnUnreachableBroker()
    {
        URI down = RecordingHttpServer.closedPortUrl();
        try (RecordingHttpServer broker = new RecordingHttpServer().answer("/query/sql", 200, ANSWER);
                PinotBrokerClient client = client(List.of(down, broker.url()), PinotAuthentication.none(), Duration.ofSeconds(30))) {
            for (int i = 0; i < 2; i++) {
                assertThat(client.execute(BrokerQuery.of("orders", "SELECT id FROM orders")).brokerUrl()).isEqualTo(broker.url());
            }
        }
    }

    @Test
    void unreachableBrokersAreNamed()
    {
        URI first = RecordingHttpServer.closedPortUrl();
        URI second = RecordingHttpServer.closedPortUrl();
        try (PinotBrokerClient client = client(List.of(first, second), PinotAuthentication.none(), Duration.ofSeconds(30))) {
            assertThatThrownBy(() -> client.execute(BrokerQuery.of("orders", "SELECT id FROM orders")))
                    .isInstanceOfSatisfying(PinotUnreachableException.class, e -> assertThat(e.getUrlsTried()).containsExactlyInAnyOrder(first, second))
                    .hasMessageStartingWith("Pinot table 'orders': cannot reach any of its brokers: ")
                    .hasMessageContaining(first + " (ConnectException")
                    .hasMessageContaining(second + " (ConnectException");
        }
    }

    @Test
    void answerLongerThanTheQueryMayReadFailsUnread()
    {
        try (RecordingHttpServer broker = new RecordingHttpServer().answer("/query/sql", 200, ANSWER);
                PinotBrokerClient client = client(List.of(broker.url()), PinotAuthentication.none(), Duration.ofSeconds(30))) {
            long length = ANSWER.getBytes(UTF_8).length;
            assertThat(client.execute(BrokerQuery.of("orders", "SELECT id FROM orders").withMaxAnswerBytes(length)).rowCount()).isEqualTo(2);
            assertThatThrownBy(() -> client.execute(BrokerQuery.of("orders", "SELECT id FROM orders").withMaxAnswerBytes(length - 1)))
                    .isInstanceOfSatisfying(PinotAnswerTooLargeException.class, e -> assertThat(e.getMaxAnswerBytes()).isEqualTo(length - 1))
                    .hasMessage("Pinot table 'orders': the answer of broker %s is larger than %s bytes; none of it was used".formatted(broker.url(), length - 1));
            assertThat(PinotErrors.toTrinoException(new PinotAnswerTooLargeException("x", 1, null)).getErrorCode()).isEqualTo(PinotCdcErrorCode.PINOT_RESULT_TOO_LARGE.toErrorCode());
        }
        // without a Content-Length the body is read up to the bound and no further
        try (RecordingHttpServer broker = new RecordingHttpServer().answerChunked("/query/sql", 200, ANSWER);
                PinotBrokerClient client = client(List.of(broker.url()), PinotAuthentication.none(), Duration.ofSeconds(30))) {
            long length = ANSWER.getBytes(UTF_8).length;
            assertThat(client.execute(BrokerQuery.of("orders", "SELECT id FROM orders").withMaxAnswerBytes(length)).rowCount()).isEqualTo(2);
            assertThatThrownBy(() -> client.execute(BrokerQuery.of("orders", "SELECT id FROM orders").withMaxAnswerBytes(length - 1)))
                    .isInstanceOf(PinotAnswerTooLargeException.class);
        }
    }

    @Test
    void brokerThatDoesNotAnswerTimesOut()
    {
        // the HTTP wait is the read timeout plus a 2 s grace for Pinot's own timeout answer
        try (RecordingHttpServer broker = new RecordingHttpServer().answer("/query/sql", 200, ANSWER, Duration.ofSeconds(6));
                PinotBrokerClient client = client(List.of(broker.url()), PinotAuthentication.none(), Duration.ofMillis(200))) {
            assertThatThrownBy(() -> client.execute(BrokerQuery.of("orders", "SELECT id FROM orders")))
                    .isInstanceOf(PinotTimeoutException.class)
                    .hasMessage("Pinot table 'orders': broker %s did not answer within 2200 ms".formatted(broker.url()));
        }
    }

    @Test
    void answerWithoutResultTableAfterQueryingServersFails()
    {
        String noTable = """
                {"exceptions": [], "numServersQueried": 1, "numServersResponded": 1, "numSegmentsQueried": 3, "numDocsScanned": 0,
                 "totalDocs": 40, "numGroupsLimitReached": false, "timeUsedMs": 3}
                """;
        try (RecordingHttpServer broker = new RecordingHttpServer().answer("/query/sql", 200, noTable);
                PinotBrokerClient client = client(List.of(broker.url()), PinotAuthentication.none(), Duration.ofSeconds(30))) {
            assertThatThrownBy(() -> client.execute(BrokerQuery.of("orders", "SELECT id FROM orders LIMIT 100")))
                    .isInstanceOf(PinotInvalidResponseException.class)
                    .hasMessageContaining("Pinot table 'orders': broker %s answered without a result table".formatted(broker.url()));
        }
    }

    @Test
    void selectionTheBrokerCutFails()
    {
        // LIMIT 100 lowered to 2 by the broker: three segments read two documents each, two rows are left
        String cut = ANSWER.replace("\"numDocsScanned\": 2", "\"numDocsScanned\": 6");
        try (RecordingHttpServer broker = new RecordingHttpServer().answer("/query/sql", 200, cut);
                PinotBrokerClient client = client(List.of(broker.url()), PinotAuthentication.none(), Duration.ofSeconds(30))) {
            BrokerQuery query = BrokerQuery.of("orders", "SELECT id FROM orders LIMIT 100").withRequestedRows(new RequestedRows(100, true));
            assertThatThrownBy(() -> client.execute(query))
                    .isInstanceOf(PinotPartialResultException.class)
                    .hasMessageContaining("Pinot table 'orders'")
                    .hasMessageContaining("pinot.broker.query.response.limit");
            // the answer proves it: the broker's configuration is not read
            assertThat(broker.requests()).extracting(RecordedRequest::pathAndQuery).containsExactly("/query/sql");
        }
    }

    @Test
    void groupsReachingTheBrokersResponseLimitFail()
    {
        String config = """
                {"systemConfig": {}, "pinotConfig": {"pinot.broker.enable.query.limit.override": "true", "pinot.broker.query.response.limit": "2"}}
                """;
        try (RecordingHttpServer broker = new RecordingHttpServer().answer("/query/sql", 200, ANSWER).answer("/appconfigs", 200, config);
                PinotBrokerClient client = client(List.of(broker.url()), new BearerToken("tok-3"), Duration.ofSeconds(30))) {
            BrokerQuery groups = BrokerQuery.of("orders", "SELECT id, COUNT(*) FROM orders GROUP BY id LIMIT 100").withRequestedRows(new RequestedRows(100, false));
            assertThatThrownBy(() -> client.execute(groups))
                    .isInstanceOf(PinotPartialResultException.class)
                    .hasMessageContaining("Pinot table 'orders': broker %s answers at most 2 rows".formatted(broker.url()));
            RecordedRequest configRequest = broker.requests().get(1);
            assertThat(configRequest.method()).isEqualTo("GET");
            assertThat(configRequest.pathAndQuery()).isEqualTo("/appconfigs");
            assertThat(configRequest.header("Authorization")).isEqualTo("Bearer tok-3");

            // a LIMIT the broker keeps is the query's own; the configuration is read once
            assertThat(client.execute(BrokerQuery.of("orders", "SELECT id FROM orders LIMIT 2").withRequestedRows(new RequestedRows(2, false))).rowCount()).isEqualTo(2);
            assertThatThrownBy(() -> client.execute(groups)).isInstanceOf(PinotPartialResultException.class);
            assertThat(broker.requests()).extracting(RecordedRequest::pathAndQuery).containsExactly("/query/sql", "/appconfigs", "/query/sql", "/query/sql");
        }
    }

    @Test
    void brokerWithoutResponseLimitOrUnreadableConfigurationAnswers()
    {
        String config = """
                {"pinotConfig": {"pinot.broker.query.response.limit": "2"}}
                """;
        BrokerQuery groups = BrokerQuery.of("orders", "SELECT id, COUNT(*) FROM orders GROUP BY id LIMIT 100").withRequestedRows(new RequestedRows(100, false));
        try (RecordingHttpServer broker = new RecordingHttpServer().answer("/query/sql", 200, ANSWER).answer("/appconfigs", 200, config);
                PinotBrokerClient client = client(List.of(broker.url()), PinotAuthentication.none(), Duration.ofSeconds(30))) {
            assertThat(client.execute(groups).rowCount()).isEqualTo(2);
        }
        try (RecordingHttpServer broker = new RecordingHttpServer().answer("/query/sql", 200, ANSWER);
                PinotBrokerClient client = client(List.of(broker.url()), PinotAuthentication.none(), Duration.ofSeconds(30))) {
            assertThat(client.execute(groups).rowCount()).isEqualTo(2);
        }
    }

    @Test
    void unauthorizedIsAnHttpStatusError()
    {
        try (RecordingHttpServer broker = new RecordingHttpServer().answer("/query/sql", 401, "");
                PinotBrokerClient client = client(List.of(broker.url()), new BearerToken("wrong"), Duration.ofSeconds(30))) {
            assertThatThrownBy(() -> client.execute(BrokerQuery.of("orders", "SELECT id FROM orders")))
                    .isInstanceOfSatisfying(PinotHttpStatusException.class, e -> assertThat(e.getStatusCode()).isEqualTo(401))
                    .hasMessage("Pinot table 'orders': broker %s answered HTTP 401 (check pinot.broker.authentication.*)".formatted(broker.url()));
        }
    }

    @Test
    void anAnswerFromNoServerIsNoRowsOnlyForATableWithoutSegments()
    {
        // what a Pinot broker answers when it reaches no server: its servers gone, or a table without segments
        String noServer = """
                {"exceptions": [], "numServersQueried": 0, "numServersResponded": 0, "numSegmentsQueried": 0, "numDocsScanned": 0,
                 "totalDocs": 0, "numGroupsLimitReached": false, "timeUsedMs": 1}
                """;
        try (RecordingHttpServer broker = new RecordingHttpServer().answer("/query/sql", 200, noServer);
                RecordingHttpServer controller = new RecordingHttpServer().answer("/segments/orders", 200, "[{\"REALTIME\": [\"orders__0__3__20261206T1200Z\"]}]");
                PinotControllerClient controllerClient = new PinotControllerClient(settings(List.of(controller.url())));
                HttpClient httpClient = PinotBrokerClient.createHttpClient(settings(List.of(controller.url())));
                PinotBrokerClient client = new PinotBrokerClient(settings(List.of(controller.url())), _ -> List.of(broker.url()), httpClient, new PinotCdcStats(), controllerClient::hasSegments)) {
            assertThatThrownBy(() -> client.execute(BrokerQuery.of("orders", "SELECT COUNT(*) FROM orders")))
                    .isInstanceOf(PinotPartialResultException.class)
                    .hasMessageContaining("Pinot table 'orders': broker %s asked no server although the table has segments".formatted(broker.url()));

            controller.answer("/segments/orders", 200, "[{\"REALTIME\": []}]");
            assertThat(client.execute(BrokerQuery.of("orders", "SELECT COUNT(*) FROM orders")).rowCount()).isZero();
        }
    }

    @Test
    void aBrokerThatDoesNotRouteTheTableYetIsSkippedAndNamed()
    {
        // Pinot 0.11's answer while a new table's broker resource has not reached the broker
        String notRouted = """
                {"exceptions": [{"errorCode": 410, "message": "BrokerResourceMissingError"}], "numServersQueried": 0, "numServersResponded": 0,
                 "numSegmentsQueried": 0, "numDocsScanned": 0, "totalDocs": 0, "numGroupsLimitReached": false, "timeUsedMs": 0}
                """;
        try (RecordingHttpServer behind = new RecordingHttpServer().answer("/query/sql", 200, notRouted);
                RecordingHttpServer routing = new RecordingHttpServer().answer("/query/sql", 200, ANSWER);
                PinotBrokerClient client = client(List.of(behind.url(), routing.url()), PinotAuthentication.none(), Duration.ofSeconds(30))) {
            for (int i = 0; i < 2; i++) {
                assertThat(client.execute(BrokerQuery.of("orders", "SELECT id FROM orders")).brokerUrl()).isEqualTo(routing.url());
            }
            assertThat(behind.requests()).hasSize(1);

            routing.answer("/query/sql", 200, notRouted);
            assertThatThrownBy(() -> client.execute(BrokerQuery.of("orders", "SELECT id FROM orders")))
                    .isInstanceOf(PinotTableNotRoutedException.class)
                    .hasMessage("Pinot table 'orders': the broker does not route the table yet (Pinot error 410: BrokerResourceMissingError); " +
                            "a table just created, or a broker starting, is routed within seconds. Retry shortly");
            assertThat(PinotErrors.toTrinoException(new PinotTableNotRoutedException("x")).getErrorCode()).isEqualTo(PinotCdcErrorCode.PINOT_UNAVAILABLE.toErrorCode());
        }
    }

    private static PinotClientSettings settings(List<URI> controllers)
    {
        return new PinotClientSettings(controllers, List.of(), PinotAuthentication.none(), PinotAuthentication.none(), Optional.empty(), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private static PinotBrokerClient client(List<URI> brokers, PinotAuthentication authentication, Duration readTimeout)
    {
        PinotClientSettings settings = new PinotClientSettings(
                List.of(URI.create("http://127.0.0.1:1")),
                brokers,
                PinotAuthentication.none(),
                authentication,
                Optional.empty(),
                Duration.ofSeconds(2),
                readTimeout);
        return new PinotBrokerClient(settings, BrokerLocator.create(settings, null));
    }
}

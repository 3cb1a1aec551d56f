package dev.pinotcdc.trino.client;

import io.airlift.http.client.HttpClient;
import org.junit.jupiter.api.Test;
import org.weakref.jmx.MBeanExporter;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the clients count into the catalog's stats, and how the stats read over JMX. */
class TestPinotCdcStats
{
    private static final String ANSWER = """
            {"resultTable": {"dataSchema": {"columnNames": ["id"], "columnDataTypes": ["LONG"]}, "rows": [[1], [2], [3]]},
             "exceptions": [], "numServersQueried": 1, "numServersResponded": 1, "numDocsScanned": 3, "totalDocs": 3,
             "numGroupsLimitReached": false, "timeUsedMs": 3}
            """;

    @Test
    void answeredBrokerQueryCountsRowsAndBytes()
    {
        PinotCdcStats stats = new PinotCdcStats();
        try (RecordingHttpServer broker = new RecordingHttpServer().answer("/query/sql", 200, ANSWER)) {
            execute(broker.url(), stats, 2);
        }
        assertThat(stats.getBrokerQueryCount().getTotalCount()).isEqualTo(2);
        assertThat(stats.getBrokerRowsRead().getTotalCount()).isEqualTo(6);
        assertThat(stats.getBrokerBytesRead().getTotalCount()).isEqualTo(2L * ANSWER.getBytes(UTF_8).length);
        assertThat(errors(stats)).isZero();
    }

    @Test
    void failedBrokerQueriesAreCountedByKind()
    {
        PinotCdcStats stats = new PinotCdcStats();
        try (RecordingHttpServer broker = new RecordingHttpServer().answer("/query/sql", 403, "")) {
            assertThatThrownBy(() -> execute(broker.url(), stats, 1)).isInstanceOf(PinotHttpStatusException.class);
        }
        try (RecordingHttpServer broker = new RecordingHttpServer().answer("/query/sql", 200, "<html>not json</html>")) {
            assertThatThrownBy(() -> execute(broker.url(), stats, 1)).isInstanceOf(PinotInvalidResponseException.class);
        }
        try (RecordingHttpServer broker = new RecordingHttpServer().answer("/query/sql", 500, "")) {
            assertThatThrownBy(() -> execute(broker.url(), stats, 1)).isInstanceOf(PinotHttpStatusException.class);
        }
        assertThatThrownBy(() -> execute(RecordingHttpServer.closedPortUrl(), stats, 1)).isInstanceOf(PinotUnreachableException.class);

        assertThat(stats.getBrokerQueryCount().getTotalCount()).isEqualTo(4);
        assertThat(stats.getPermissionDenied().getTotalCount()).isEqualTo(1);
        assertThat(stats.getInvalidResponses().getTotalCount()).isEqualTo(1);
        assertThat(stats.getOtherErrors().getTotalCount()).isEqualTo(1);
        assertThat(stats.getUnreachable().getTotalCount()).isEqualTo(1);
        assertThat(stats.getBrokerRowsRead().getTotalCount()).isZero();
    }

    @Test
    void everyKindOfFailureHasItsCounter()
    {
        PinotCdcStats stats = new PinotCdcStats();
        stats.failed(new PinotTimeoutException("t"));
        stats.failed(new PinotQueryException("q", List.of()));
        stats.failed(new PinotPartialResultException("p"));
        stats.failed(new PinotHttpStatusException("401", 401));
        stats.failed(new PinotGroupsLimitReachedException("g"));
        stats.failed(new PinotTableNotFoundException("orders", "missing"));

        assertThat(stats.getTimeouts().getTotalCount()).isEqualTo(1);
        assertThat(stats.getQueryErrors().getTotalCount()).isEqualTo(1);
        assertThat(stats.getPartialResults().getTotalCount()).isEqualTo(1);
        assertThat(stats.getPermissionDenied().getTotalCount()).isEqualTo(1);
        assertThat(stats.getOtherErrors().getTotalCount()).isEqualTo(2);
    }

    @Test
    void controllerRequestsAreCounted()
    {
        PinotCdcStats stats = new PinotCdcStats();
        try (RecordingHttpServer controller = new RecordingHttpServer().answer("/tables", 200, "{\"tables\": [\"orders\"]}")) {
            PinotClientSettings settings = settings(List.of(controller.url()), List.of());
            try (HttpClient httpClient = PinotControllerClient.createHttpClient(settings)) {
                PinotControllerClient client = new PinotControllerClient(settings, httpClient, stats);
                assertThat(client.listTables()).containsExactly("orders");
                assertThatThrownBy(() -> client.getTableSchema("missing")).isInstanceOf(PinotClientException.class);
            }
        }
        assertThat(stats.getControllerRequestCount().getTotalCount()).isEqualTo(2);
        assertThat(errors(stats)).isEqualTo(1);
    }

    @Test
    void statsReadOverJmx()
            throws Exception
    {
        PinotCdcStats stats = new PinotCdcStats();
        stats.brokerQueryTook(Duration.ofMillis(5));
        stats.brokerQueryAnswered(7, 100);
        stats.failed(new PinotTimeoutException("t"));
        stats.valuesNulled(3);
        stats.metadataCacheHit();
        stats.metadataCacheMiss();
        stats.metadataCacheMiss();

        MBeanServer server = MBeanServerFactory.newMBeanServer();
        ObjectName name = new ObjectName("trino.plugin.pinot_cdc.client:type=PinotCdcStats,name=pinot");
        new MBeanExporter(server).export(name.toString(), stats);

        assertThat(server.getAttribute(name, "BrokerQueryCount.TotalCount")).isEqualTo(1L);
        assertThat(server.getAttribute(name, "BrokerRowsRead.TotalCount")).isEqualTo(7L);
        assertThat(server.getAttribute(name, "BrokerBytesRead.TotalCount")).isEqualTo(100L);
        assertThat(server.getAttribute(name, "Timeouts.TotalCount")).isEqualTo(1L);
        assertThat(server.getAttribute(name, "NulledValues.TotalCount")).isEqualTo(3L);
        assertThat(server.getAttribute(name, "MetadataCacheHits.TotalCount")).isEqualTo(1L);
        assertThat(server.getAttribute(name, "MetadataCacheMisses.TotalCount")).isEqualTo(2L);
    }

    private static void execute(URI broker, PinotCdcStats stats, int times)
    {
        PinotClientSettings settings = settings(List.of(URI.create("http://127.0.0.1:1")), List.of(broker));
        try (HttpClient httpClient = PinotBrokerClient.createHttpClient(settings)) {
            PinotBrokerClient client = new PinotBrokerClient(settings, BrokerLocator.create(settings, null), httpClient, stats);
            for (int i = 0; i < times; i++) {
                client.execute(BrokerQuery.of("orders", "SELECT id FROM orders LIMIT 10"));
            }
        }
    }

    private static long errors(PinotCdcStats stats)
    {
        return stats.getTimeouts().getTotalCount()
                + stats.getUnreachable().getTotalCount()
                + stats.getQueryErrors().getTotalCount()
                + stats.getPartialResults().getTotalCount()
                + stats.getPermissionDenied().getTotalCount()
                + stats.getInvalidResponses().getTotalCount()
                + stats.getOtherErrors().getTotalCount();
    }

    private static PinotClientSettings settings(List<URI> controllers, List<URI> brokers)
    {
        return new PinotClientSettings(
                controllers,
                brokers,
                PinotAuthentication.none(),
                PinotAuthentication.none(),
                Optional.empty(),
                Duration.ofSeconds(2),
                Duration.ofSeconds(10));
    }
}

package dev.pinotcdc.trino.client;

import dev.pinotcdc.trino.client.PinotAuthentication.BasicAuthentication;
import dev.pinotcdc.trino.client.PinotAuthentication.BearerToken;
import dev.pinotcdc.trino.client.RecordingHttpServer.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the controller client behaves over HTTP: auth headers, HTTP/1.1, failover, timeouts, status codes. */
class TestPinotControllerClientHttp
{
    private static final String TABLES = "{\"tables\": [\"orders\", \"customers\"]}";

    @Test
    void sendsBasicAuthenticationOverHttp11()
    {
        try (RecordingHttpServer controller = new RecordingHttpServer().answer("/tables", 200, TABLES);
                PinotControllerClient client = new PinotControllerClient(settings(List.of(controller.url()), new BasicAuthentication("admin", "s3cret"), Duration.ofSeconds(5)))) {
            assertThat(client.listTables()).containsExactly("orders", "customers");

            RecordedRequest request = controller.requests().getFirst();
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.pathAndQuery()).isEqualTo("/tables");
            assertThat(request.protocol()).isEqualTo("HTTP/1.1");
            assertThat(request.header("Upgrade")).isNull();
            assertThat(request.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString("admin:s3cret".getBytes(UTF_8)));
            assertThat(request.header("Accept")).isEqualTo("application/json");
        }
    }

    @Test
    void sendsBearerToken()
    {
        try (RecordingHttpServer controller = new RecordingHttpServer().answer("/tables", 200, TABLES);
                PinotControllerClient client = new PinotControllerClient(settings(List.of(controller.url()), new BearerToken("tok-1"), Duration.ofSeconds(5)))) {
            client.listTables();

            assertThat(controller.requests().getFirst().header("Authorization")).isEqualTo("Bearer tok-1");
        }
    }

    @Test
    void sendsNoAuthorizationWithoutCredentials()
    {
        try (RecordingHttpServer controller = new RecordingHttpServer().answer("/tables", 200, TABLES);
                PinotControllerClient client = new PinotControllerClient(settings(List.of(controller.url()), PinotAuthentication.none(), Duration.ofSeconds(5)))) {
            client.listTables();

            assertThat(controller.requests().getFirst().header("Authorization")).isNull();
        }
    }

    @Test
    void failsOverToTheNextControllerAndStaysThere()
    {
        URI down = RecordingHttpServer.closedPortUrl();
        try (RecordingHttpServer controller = new RecordingHttpServer().answer("/tables", 200, TABLES);
                PinotControllerClient client = new PinotControllerClient(settings(List.of(down, controller.url()), PinotAuthentication.none(), Duration.ofSeconds(5)))) {
            assertThat(client.listTables()).containsExactly("orders", "customers");
            assertThat(client.listTables()).containsExactly("orders", "customers");

            assertThat(controller.requests()).hasSize(2);
        }
    }

    @Test
    void unreachableControllersAreNamed()
    {
        URI first = RecordingHttpServer.closedPortUrl();
        URI second = RecordingHttpServer.closedPortUrl();
        try (PinotControllerClient client = new PinotControllerClient(settings(List.of(first, second), PinotAuthentication.none(), Duration.ofSeconds(5)))) {
            assertThatThrownBy(client::listTables)
                    .isInstanceOfSatisfying(PinotUnreachableException.class, e -> assertThat(e.getUrlsTried()).containsExactly(first, second))
                    .hasMessageStartingWith("Cannot reach any Pinot controller: ")
                    .hasMessageContaining(first + "/tables (ConnectException")
                    .hasMessageContaining(second + "/tables (ConnectException");
        }
    }

    @Test
    void failuresAboutATableNameTheTableAndWhatToDo()
    {
        try (RecordingHttpServer controller = new RecordingHttpServer().answer("/tables/orders/schema", 200, "{}", Duration.ofSeconds(3));
                PinotControllerClient client = new PinotControllerClient(settings(List.of(controller.url()), PinotAuthentication.none(), Duration.ofMillis(300)))) {
            assertThatThrownBy(() -> client.getTableSchema("orders"))
                    .isInstanceOf(PinotTimeoutException.class)
                    .hasMessage("Pinot table 'orders': Pinot controller %s/tables/orders/schema did not answer within 300 ms. The controller may be overloaded or stopped: retry, or raise pinot.read-timeout".formatted(controller.url()));
        }
        URI closed = RecordingHttpServer.closedPortUrl();
        try (PinotControllerClient client = new PinotControllerClient(settings(List.of(closed), PinotAuthentication.none(), Duration.ofSeconds(5)))) {
            assertThatThrownBy(() -> client.getTableConfig("orders"))
                    .isInstanceOfSatisfying(PinotUnreachableException.class, e -> assertThat(e.getUrlsTried()).containsExactly(closed))
                    .hasMessageStartingWith("Pinot table 'orders': Cannot reach any Pinot controller: ")
                    .hasMessageEndingWith("Check that a Pinot controller is running at pinot.controller-urls");
        }
    }

    @Test
    void readTimeoutNamesTheController()
    {
        try (RecordingHttpServer controller = new RecordingHttpServer().answer("/tables", 200, TABLES, Duration.ofSeconds(3));
                PinotControllerClient client = new PinotControllerClient(settings(List.of(controller.url()), PinotAuthentication.none(), Duration.ofMillis(300)))) {
            long start = System.nanoTime();
            assertThatThrownBy(client::listTables)
                    .isInstanceOf(PinotTimeoutException.class)
                    .hasMessage("Pinot controller %s/tables did not answer within 300 ms".formatted(controller.url()));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void keepsThePathPrefixOfTheControllerUrl()
    {
        try (RecordingHttpServer controller = new RecordingHttpServer().answer("/pinot/tables", 200, TABLES);
                PinotControllerClient client = new PinotControllerClient(settings(List.of(URI.create(controller.url() + "/pinot/")), PinotAuthentication.none(), Duration.ofSeconds(5)))) {
            assertThat(client.listTables()).hasSize(2);
            assertThat(controller.requests().getFirst().pathAndQuery()).isEqualTo("/pinot/tables");
        }
    }

    @Test
    void missingSchemaIsTableNotFound()
    {
        try (RecordingHttpServer controller = new RecordingHttpServer()
                .answer("/tables/nope/schema", 404, "{\"code\": 404, \"error\": \"Schema not found for table: nope\"}");
                PinotControllerClient client = new PinotControllerClient(settings(List.of(controller.url()), PinotAuthentication.none(), Duration.ofSeconds(5)))) {
            assertThatThrownBy(() -> client.getTableSchema("nope"))
                    .isInstanceOf(PinotTableNotFoundException.class)
                    .hasMessage("Pinot table 'nope' has no schema on the controller (HTTP 404: Schema not found for table: nope)");
        }
    }

    @Test
    void unauthorizedIsAnHttpStatusError()
    {
        try (RecordingHttpServer controller = new RecordingHttpServer().answer("/tables", 401, "{\"code\": 401, \"error\": \"HTTP 401 Unauthorized\"}");
                PinotControllerClient client = new PinotControllerClient(settings(List.of(controller.url()), PinotAuthentication.none(), Duration.ofSeconds(5)))) {
            assertThatThrownBy(client::listTables)
                    .isInstanceOfSatisfying(PinotHttpStatusException.class, e -> assertThat(e.getStatusCode()).isEqualTo(401))
                    .hasMessage("Pinot controller %s/tables answered HTTP 401 for the table list: HTTP 401: HTTP 401 Unauthorized".formatted(controller.url()));
        }
    }

    @Test
    void fallsBackToTheOlderBrokerEndpoint()
    {
        // a controller without /v2/brokers answers 404 there; /brokers/tables lists instance names
        try (RecordingHttpServer controller = new RecordingHttpServer()
                .answer("/brokers/tables/orders", 200, "[\"Broker_127.0.0.1_8099\"]");
                PinotControllerClient client = new PinotControllerClient(settings(List.of(controller.url()), PinotAuthentication.none(), Duration.ofSeconds(5)))) {
            assertThat(client.getBrokers("orders")).containsExactly(URI.create("http://127.0.0.1:8099"));
            assertThat(controller.requests()).extracting(RecordedRequest::pathAndQuery)
                    .containsExactly("/v2/brokers/tables/orders?state=ONLINE", "/brokers/tables/orders?state=ONLINE");
        }
    }

    @Test
    void discoveredBrokersTakeTheSchemeOfTheControllerThatAnnouncedThem()
    {
        // the first controller URL is https and down: the brokers the second (http) one announces are http ones
        URI down = URI.create("https://127.0.0.1:" + RecordingHttpServer.closedPortUrl().getPort());
        try (RecordingHttpServer controller = new RecordingHttpServer()
                .answer("/v2/brokers/tables/orders", 200, "[{\"host\": \"127.0.0.1\", \"port\": 8099}]");
                PinotControllerClient client = new PinotControllerClient(settings(List.of(down, controller.url()), PinotAuthentication.none(), Duration.ofSeconds(5)))) {
            assertThat(client.getBrokers("orders")).containsExactly(URI.create("http://127.0.0.1:8099"));
        }
        // and the other way round: an https controller's brokers are never spoken to over http
        PinotClientSettings mixed = settings(List.of(URI.create("http://c1:9000"), URI.create("https://c2:9443")), PinotAuthentication.none(), Duration.ofSeconds(5));
        assertThat(mixed.brokerScheme(URI.create("https://c2:9443/v2/brokers/tables/orders?state=ONLINE"))).isEqualTo("https");
        assertThat(mixed.brokerScheme(URI.create("http://c1:9000/v2/brokers/tables/orders?state=ONLINE"))).isEqualTo("http");
        assertThat(mixed.mayUseHttpsForBrokers()).isTrue();
    }

    private static PinotClientSettings settings(List<URI> controllers, PinotAuthentication authentication, Duration readTimeout)
    {
        return new PinotClientSettings(controllers, List.of(), authentication, PinotAuthentication.none(), Optional.empty(), Duration.ofSeconds(2), readTimeout);
    }
}

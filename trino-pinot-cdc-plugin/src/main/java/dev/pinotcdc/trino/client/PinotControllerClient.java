package dev.pinotcdc.trino.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airlift.http.client.HttpClient;
import io.airlift.http.client.Request;
import jakarta.annotation.PreDestroy;

import java.net.URI;
import java.net.URLEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static com.google.common.net.HttpHeaders.ACCEPT;
import static com.google.common.net.HttpHeaders.AUTHORIZATION;
import static io.airlift.http.client.Request.Builder.prepareGet;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * Reads metadata from the Pinot controllers over their public REST API: table names, schemas, table configs and
 * the brokers serving a table. A controller that cannot be connected to is skipped for the next one; the one that
 * last answered is asked first. Speaks through airlift's HTTP client, with the catalog's controller credentials and,
 * for https, its truststore.
 */
public class PinotControllerClient
        implements AutoCloseable
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_ERROR_BODY_LENGTH = 500;

    private final List<URI> controllerUrls;
    private final PinotAuthentication authentication;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final PinotClientSettings settings;
    private final HttpClient httpClient;
    private final Optional<HttpClient> ownedHttpClient;
    private final AtomicInteger preferredController = new AtomicInteger();
    private final PinotCdcStats stats;

    /** A client with its own HTTP client, closed with it: for callers without an injector. */
    public PinotControllerClient(PinotClientSettings settings)
    {
        this(settings, createHttpClient(settings), true, new PinotCdcStats());
    }

    /** A client speaking through the given HTTP client, which its owner closes. */
    public PinotControllerClient(PinotClientSettings settings, HttpClient httpClient)
    {
        this(settings, httpClient, new PinotCdcStats());
    }

    /** As above, counting requests and failures into the catalog's stats. */
    public PinotControllerClient(PinotClientSettings settings, HttpClient httpClient, PinotCdcStats stats)
    {
        this(settings, httpClient, false, stats);
    }

    private PinotControllerClient(PinotClientSettings settings, HttpClient httpClient, boolean owned, PinotCdcStats stats)
    {
        this.stats = requireNonNull(stats, "stats is null");
        requireNonNull(settings, "settings is null");
        this.controllerUrls = settings.controllerUrls();
        this.authentication = settings.controllerAuthentication();
        this.connectTimeout = settings.connectTimeout();
        this.readTimeout = settings.readTimeout();
        this.settings = settings;
        this.httpClient = requireNonNull(httpClient, "httpClient is null");
        this.ownedHttpClient = owned ? Optional.of(httpClient) : Optional.empty();
    }

    /** The HTTP client for the controllers: an answer may take the read timeout. */
    public static HttpClient createHttpClient(PinotClientSettings settings)
    {
        boolean https = settings.controllerUrls().stream().anyMatch(url -> PinotClientSettings.scheme(url).equals("https"));
        return PinotHttpClients.create("pinot-controller", settings, settings.readTimeout(), https);
    }

    /** The raw names (without _REALTIME or _OFFLINE) of every table: {@code GET /tables}. */
    public List<String> listTables()
    {
        return recorded(() -> {
            ControllerAnswer answer = get("/tables");
            JsonNode tables = answer.json("the table list").path("tables");
            if (!tables.isArray()) {
                throw new PinotInvalidResponseException("Controller %s: the table list has no 'tables' array".formatted(answer.url()));
            }
            List<String> names = new ArrayList<>();
            tables.forEach(table -> names.add(table.asText()));
            return List.copyOf(names);
        });
    }

    /** {@code GET /tables/{table}/schema}. */
    public PinotTableSchema getTableSchema(String tableName)
    {
        return recorded(tableName, () -> {
            ControllerAnswer answer = get("/tables/" + encode(tableName) + "/schema");
            if (answer.status() == 404) {
                throw new PinotTableNotFoundException(tableName, "Pinot table '%s' has no schema on the controller (%s)".formatted(tableName, answer.errorText()));
            }
            return TableSchemaParser.parse(tableName, answer.json("the schema of table '" + tableName + "'"));
        });
    }

    /**
     * Whether the table has a segment ({@code GET /segments/{table}}, which lists them by table type): a broker that
     * answers without asking any server may then have lost its servers, not found an empty table.
     */
    public boolean hasSegments(String tableName)
    {
        return recorded(tableName, () -> {
            ControllerAnswer answer = get("/segments/" + encode(tableName));
            if (answer.status() == 404) {
                return false;
            }
            JsonNode byType = answer.json("the segments of table '" + tableName + "'");
            for (JsonNode entry : byType) {
                for (JsonNode segments : entry) {
                    if (segments.isArray() && !segments.isEmpty()) {
                        return true;
                    }
                }
            }
            return false;
        });
    }

    /** {@code GET /tables/{table}}: the REALTIME and OFFLINE configs, merged. */
    public PinotTableConfig getTableConfig(String tableName)
    {
        return recorded(tableName, () -> {
            ControllerAnswer answer = get("/tables/" + encode(tableName));
            if (answer.status() == 404) {
                throw new PinotTableNotFoundException(tableName, "Pinot table '%s' does not exist (%s)".formatted(tableName, answer.errorText()));
            }
            return TableConfigParser.parse(tableName, answer.json("the config of table '" + tableName + "'"));
        });
    }

    /**
     * The online brokers serving a table, as base URLs: {@code GET /v2/brokers/tables/{table}?state=ONLINE}, or
     * the older {@code GET /brokers/tables/{table}?state=ONLINE} where the first is missing. Pinot announces brokers
     * by host and port only: the scheme is that of the controller that answered (see {@link PinotClientSettings#brokerScheme}).
     */
    public List<URI> getBrokers(String tableName)
    {
        return recorded(tableName, () -> {
            ControllerAnswer answer = get("/v2/brokers/tables/" + encode(tableName) + "?state=ONLINE");
            if (answer.status() == 404) {
                answer = get("/brokers/tables/" + encode(tableName) + "?state=ONLINE");
            }
            if (answer.status() == 404) {
                throw new PinotTableNotFoundException(tableName, "Pinot table '%s' does not exist (%s)".formatted(tableName, answer.errorText()));
            }
            List<String> brokers = BrokerListParser.parse(tableName, answer.json("the brokers of table '" + tableName + "'"));
            if (brokers.isEmpty()) {
                throw new PinotClientException("Pinot table '%s': no online broker serves it (asked %s); a broker that is restarting registers again within seconds: retry shortly".formatted(tableName, answer.url()));
            }
            String scheme = settings.brokerScheme(answer.url());
            return brokers.stream()
                    .map(hostAndPort -> URI.create(scheme + "://" + hostAndPort))
                    .toList();
        });
    }

    /** {@code GET /tables/{table}/consumingSegmentsInfo}: how far the table's consumers have come. */
    public ConsumingProgress getConsumingProgress(String tableName)
    {
        return recorded(tableName, () -> {
            ControllerAnswer answer = get("/tables/" + encode(tableName) + "/consumingSegmentsInfo");
            if (answer.status() == 404) {
                throw new PinotTableNotFoundException(tableName, "Pinot table '%s' has no consuming segments on the controller (%s)".formatted(tableName, answer.errorText()));
            }
            return ConsumingProgress.parse(answer.json("the consuming segments of table '" + tableName + "'"));
        });
    }

    /**
     * The JSON a controller answers to {@code GET pathAndQuery}, or empty where it answers 404: for readers of what
     * the connector does not keep (the templates command's table check reads ingestion transforms and indexes).
     *
     * @param what names the answer in error messages, for example "the schema of table 'orders'"
     */
    public Optional<JsonNode> getJson(String pathAndQuery, String what)
    {
        return recorded(() -> {
            ControllerAnswer answer = get(pathAndQuery);
            if (answer.status() == 404) {
                return Optional.empty();
            }
            return Optional.of(answer.json(what));
        });
    }

    /**
     * A request about one table: a controller that does not answer, or cannot be reached, is reported naming the table
     * the query needed and what to do.
     */
    private <T> T recorded(String tableName, Supplier<T> request)
    {
        try {
            return recorded(request);
        }
        catch (PinotTimeoutException e) {
            throw new PinotTimeoutException("Pinot table '%s': %s. The controller may be overloaded or stopped: retry, or raise pinot.read-timeout".formatted(tableName, e.getMessage()), e);
        }
        catch (PinotUnreachableException e) {
            throw new PinotUnreachableException("Pinot table '%s': %s. Check that a Pinot controller is running at pinot.controller-urls".formatted(tableName, e.getMessage()), e.getUrlsTried(), e);
        }
    }

    private <T> T recorded(Supplier<T> request)
    {
        long start = System.nanoTime();
        try {
            return request.get();
        }
        catch (PinotClientException e) {
            stats.failed(e);
            throw e;
        }
        finally {
            stats.controllerRequestTook(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    @PreDestroy
    @Override
    public void close()
    {
        ownedHttpClient.ifPresent(HttpClient::close);
    }

    private ControllerAnswer get(String pathAndQuery)
    {
        int first = preferredController.get();
        List<String> failures = new ArrayList<>();
        Throwable lastFailure = null;
        for (int attempt = 0; attempt < controllerUrls.size(); attempt++) {
            int index = (first + attempt) % controllerUrls.size();
            URI url = resolve(controllerUrls.get(index), pathAndQuery);
            Request.Builder request = prepareGet()
                    .setUri(url)
                    .setHeader(ACCEPT, "application/json");
            authentication.authorizationHeader().ifPresent(value -> request.setHeader(AUTHORIZATION, value));
            try {
                PinotHttp.Answer answer = PinotHttp.send(httpClient, request.build());
                preferredController.set(index);
                return new ControllerAnswer(url, answer.status(), answer.text());
            }
            catch (PinotHttp.Failure e) {
                switch (e.kind()) {
                    case CONNECT_TIMEOUT -> {
                        // the request timeout also bounds connecting, so the smaller of the two is what ran out
                        long waitedMillis = Math.min(connectTimeout.toMillis(), readTimeout.toMillis());
                        failures.add(url + " (no connection within " + waitedMillis + " ms)");
                    }
                    // connected but no answer: a stuck controller, not a missing one; asking the next would double the wait
                    case TIMEOUT -> throw new PinotTimeoutException("Pinot controller %s did not answer within %s ms".formatted(url, readTimeout.toMillis()), e.getCause());
                    case INTERRUPTED -> throw new PinotClientException("Interrupted while waiting for Pinot controller " + url, e.getCause());
                    case CONNECT, OTHER -> failures.add(url + " (" + e.describe() + ")");
                }
                lastFailure = e.getCause();
            }
        }
        throw new PinotUnreachableException(
                "Cannot reach any Pinot controller: " + String.join(", ", failures),
                controllerUrls,
                lastFailure);
    }

    static URI resolve(URI base, String pathAndQuery)
    {
        String prefix = base.toString();
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return URI.create(prefix + pathAndQuery);
    }

    private static String encode(String pathSegment)
    {
        return URLEncoder.encode(pathSegment, UTF_8).replace("+", "%20");
    }

    private record ControllerAnswer(URI url, int status, String body)
    {
        JsonNode json(String what)
        {
            if (status / 100 != 2) {
                throw new PinotHttpStatusException("Pinot controller %s answered HTTP %s for %s: %s".formatted(url, status, what, errorText()), status);
            }
            try {
                return MAPPER.readTree(body);
            }
            catch (JsonProcessingException e) {
                throw new PinotInvalidResponseException("Pinot controller %s did not answer JSON for %s: %s".formatted(url, what, shorten(body)), e);
            }
        }

        /** Pinot's error answers are {@code {"code": 404, "error": "..."}}; anything else is shown shortened. */
        String errorText()
        {
            try {
                JsonNode error = MAPPER.readTree(body).path("error");
                if (error.isTextual()) {
                    return "HTTP " + status + ": " + error.textValue();
                }
            }
            catch (JsonProcessingException | RuntimeException ignored) {
                // not JSON: show the body itself
            }
            return "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + shorten(body));
        }

        private static String shorten(String text)
        {
            String flat = text.strip().replaceAll("\\s+", " ");
            return flat.length() > MAX_ERROR_BODY_LENGTH ? flat.substring(0, MAX_ERROR_BODY_LENGTH) + "..." : flat;
        }
    }
}

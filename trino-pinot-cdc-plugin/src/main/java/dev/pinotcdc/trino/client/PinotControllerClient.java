package dev.pinotcdc.trino.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static java.net.http.HttpClient.Redirect.NEVER;
import static java.net.http.HttpClient.Version.HTTP_1_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.joining;

/**
 * Reads metadata from the Pinot controllers over their public REST API: table names, schemas, table configs and
 * the brokers serving a table. A controller that cannot be connected to is skipped for the next one; the one that
 * last answered is asked first.
 */
public class PinotControllerClient
        implements AutoCloseable
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_ERROR_BODY_LENGTH = 500;

    private final List<URI> controllerUrls;
    private final PinotAuthentication authentication;
    private final Duration readTimeout;
    private final String brokerScheme;
    private final HttpClient httpClient;
    private final AtomicInteger preferredController = new AtomicInteger();

    public PinotControllerClient(PinotClientSettings settings)
    {
        requireNonNull(settings, "settings is null");
        this.controllerUrls = settings.controllerUrls();
        this.authentication = settings.controllerAuthentication();
        this.readTimeout = settings.readTimeout();
        this.brokerScheme = settings.brokerScheme();
        HttpClient.Builder builder = HttpClient.newBuilder()
                // the HTTP/2 upgrade attempt against Pinot's Jersey servers stalls; Pinot speaks HTTP/1.1
                .version(HTTP_1_1)
                .followRedirects(NEVER)
                .connectTimeout(settings.connectTimeout());
        if (controllerUrls.stream().anyMatch(url -> PinotClientSettings.scheme(url).equals("https"))) {
            builder.sslContext(settings.sslContext());
        }
        this.httpClient = builder.build();
    }

    /** The raw names (without _REALTIME or _OFFLINE) of every table: {@code GET /tables}. */
    public List<String> listTables()
    {
        ControllerAnswer answer = get("/tables");
        JsonNode tables = answer.json("the table list").path("tables");
        if (!tables.isArray()) {
            throw new PinotInvalidResponseException("Controller %s: the table list has no 'tables' array".formatted(answer.url()));
        }
        List<String> names = new ArrayList<>();
        tables.forEach(table -> names.add(table.asText()));
        return List.copyOf(names);
    }

    /** {@code GET /tables/{table}/schema}. */
    public PinotTableSchema getTableSchema(String tableName)
    {
        ControllerAnswer answer = get("/tables/" + encode(tableName) + "/schema");
        if (answer.status() == 404) {
            throw new PinotTableNotFoundException(tableName, "Pinot table '%s' has no schema on the controller (%s)".formatted(tableName, answer.errorText()));
        }
        return TableSchemaParser.parse(tableName, answer.json("the schema of table '" + tableName + "'"));
    }

    /** {@code GET /tables/{table}}: the REALTIME and OFFLINE configs, merged. */
    public PinotTableConfig getTableConfig(String tableName)
    {
        ControllerAnswer answer = get("/tables/" + encode(tableName));
        if (answer.status() == 404) {
            throw new PinotTableNotFoundException(tableName, "Pinot table '%s' does not exist (%s)".formatted(tableName, answer.errorText()));
        }
        return TableConfigParser.parse(tableName, answer.json("the config of table '" + tableName + "'"));
    }

    /**
     * The online brokers serving a table, as base URLs: {@code GET /v2/brokers/tables/{table}?state=ONLINE}, or
     * the older {@code GET /brokers/tables/{table}?state=ONLINE} where the first is missing. The scheme is the
     * settings' broker scheme, since Pinot announces brokers by host and port only.
     */
    public List<URI> getBrokers(String tableName)
    {
        ControllerAnswer answer = get("/v2/brokers/tables/" + encode(tableName) + "?state=ONLINE");
        if (answer.status() == 404) {
            answer = get("/brokers/tables/" + encode(tableName) + "?state=ONLINE");
        }
        if (answer.status() == 404) {
            throw new PinotTableNotFoundException(tableName, "Pinot table '%s' does not exist (%s)".formatted(tableName, answer.errorText()));
        }
        List<String> brokers = BrokerListParser.parse(tableName, answer.json("the brokers of table '" + tableName + "'"));
        if (brokers.isEmpty()) {
            throw new PinotClientException("Pinot table '%s': no online broker serves it (asked %s)".formatted(tableName, answer.url()));
        }
        return brokers.stream()
                .map(hostAndPort -> URI.create(brokerScheme + "://" + hostAndPort))
                .toList();
    }

    @PreDestroy
    @Override
    public void close()
    {
        httpClient.close();
    }

    private ControllerAnswer get(String pathAndQuery)
    {
        int first = preferredController.get();
        List<String> failures = new ArrayList<>();
        IOException lastFailure = null;
        for (int attempt = 0; attempt < controllerUrls.size(); attempt++) {
            int index = (first + attempt) % controllerUrls.size();
            URI url = resolve(controllerUrls.get(index), pathAndQuery);
            HttpRequest.Builder request = HttpRequest.newBuilder(url)
                    .GET()
                    .timeout(readTimeout)
                    .header("Accept", "application/json");
            authentication.authorizationHeader().ifPresent(value -> request.header("Authorization", value));
            try {
                HttpResponse<String> response = httpClient.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
                preferredController.set(index);
                return new ControllerAnswer(url, response.statusCode(), response.body());
            }
            catch (HttpConnectTimeoutException e) {
                // the request timeout also bounds connecting, so the smaller of the two is what ran out
                long waitedMillis = Math.min(httpClient.connectTimeout().orElseThrow().toMillis(), readTimeout.toMillis());
                failures.add(url + " (no connection within " + waitedMillis + " ms)");
                lastFailure = e;
            }
            catch (HttpTimeoutException e) {
                // connected but no answer: a stuck controller, not a missing one; asking the next would double the wait
                throw new PinotTimeoutException("Pinot controller %s did not answer within %s ms".formatted(url, readTimeout.toMillis()), e);
            }
            catch (IOException e) {
                failures.add(url + " (" + describe(e) + ")");
                lastFailure = e;
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PinotClientException("Interrupted while waiting for Pinot controller " + url, e);
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

    private static String describe(Throwable failure)
    {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null && messages.size() < 3; cause = cause.getCause()) {
            String message = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            if (!messages.contains(message)) {
                messages.add(message);
            }
        }
        return messages.stream().collect(joining(", caused by "));
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

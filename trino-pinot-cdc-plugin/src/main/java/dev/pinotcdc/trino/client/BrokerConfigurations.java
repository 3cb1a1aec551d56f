package dev.pinotcdc.trino.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airlift.http.client.HttpClient;
import io.airlift.http.client.Request;
import io.airlift.log.Logger;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

import static com.google.common.net.HttpHeaders.ACCEPT;
import static com.google.common.net.HttpHeaders.AUTHORIZATION;
import static io.airlift.http.client.Request.Builder.prepareGet;
import static java.util.Objects.requireNonNull;

/**
 * Reads the response limit of each broker from its configuration ({@code GET /appconfigs}, with the catalog's broker
 * credentials) when an answer needs it, and keeps it a while: a broker reads its configuration when it starts.
 */
public class BrokerConfigurations
{
    private static final Logger log = Logger.get(BrokerConfigurations.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration KEEP = Duration.ofMinutes(5);
    private static final Duration KEEP_FAILURE = Duration.ofMinutes(1);

    private final PinotAuthentication authentication;
    private final HttpClient httpClient;
    private final Map<URI, Known> caps = new ConcurrentHashMap<>();

    private record Known(OptionalInt cap, long expiresNanos) {}

    /**
     * @param httpClient the brokers' HTTP client, which its owner closes
     */
    public BrokerConfigurations(PinotClientSettings settings, HttpClient httpClient)
    {
        this.authentication = requireNonNull(settings, "settings is null").brokerAuthentication();
        this.httpClient = requireNonNull(httpClient, "httpClient is null");
    }

    /**
     * The number of rows the broker cuts every larger answer to; empty where it does not, or where its
     * configuration cannot be read (logged).
     */
    public OptionalInt responseLimit(URI broker)
    {
        Known known = caps.get(broker);
        if (known != null && known.expiresNanos() - System.nanoTime() > 0) {
            return known.cap();
        }
        OptionalInt cap;
        Duration keep = KEEP;
        try {
            cap = BrokerResponseLimit.capOf(read(broker));
        }
        catch (IOException | RuntimeException e) {
            log.warn("Cannot read the configuration of Pinot broker %s, so a response limit it may apply to answers is not known: %s", broker, e.getMessage());
            cap = OptionalInt.empty();
            keep = KEEP_FAILURE;
        }
        catch (PinotHttp.Failure e) {
            if (e.kind() == PinotHttp.FailureKind.INTERRUPTED) {
                throw new PinotClientException("Interrupted while reading the configuration of broker " + broker, e.getCause());
            }
            log.warn("Cannot read the configuration of Pinot broker %s, so a response limit it may apply to answers is not known: %s", broker, e.describe());
            cap = OptionalInt.empty();
            keep = KEEP_FAILURE;
        }
        caps.put(broker, new Known(cap, System.nanoTime() + keep.toNanos()));
        return cap;
    }

    private JsonNode read(URI broker)
            throws IOException, PinotHttp.Failure
    {
        String base = broker.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        Request.Builder request = prepareGet()
                .setUri(URI.create(base + "/appconfigs"))
                .setHeader(ACCEPT, "application/json");
        authentication.authorizationHeader().ifPresent(value -> request.setHeader(AUTHORIZATION, value));
        PinotHttp.Answer answer = PinotHttp.send(httpClient, request.build());
        if (answer.status() != 200) {
            throw new IOException("HTTP " + answer.status());
        }
        return MAPPER.readTree(answer.body());
    }
}

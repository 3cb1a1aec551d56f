package dev.pinotcdc.trino.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airlift.log.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

import static java.net.http.HttpClient.Redirect.NEVER;
import static java.net.http.HttpClient.Version.HTTP_1_1;
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

    private final PinotClientSettings settings;
    private final Duration readTimeout;
    private final HttpClient httpClient;
    private final Map<URI, Known> caps = new ConcurrentHashMap<>();

    private record Known(OptionalInt cap, long expiresNanos) {}

    public BrokerConfigurations(PinotClientSettings settings)
    {
        this.settings = requireNonNull(settings, "settings is null");
        this.readTimeout = settings.readTimeout();
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HTTP_1_1)
                .followRedirects(NEVER)
                .connectTimeout(settings.connectTimeout());
        if (settings.brokerScheme().equals("https")) {
            builder.sslContext(settings.sslContext());
        }
        this.httpClient = builder.build();
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
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PinotClientException("Interrupted while reading the configuration of broker " + broker, e);
        }
        caps.put(broker, new Known(cap, System.nanoTime() + keep.toNanos()));
        return cap;
    }

    private JsonNode read(URI broker)
            throws IOException, InterruptedException
    {
        String base = broker.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/appconfigs"))
                .timeout(readTimeout)
                .header("Accept", "application/json")
                .GET();
        settings.brokerAuthentication().authorizationHeader().ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response = httpClient.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return MAPPER.readTree(response.body());
    }
}

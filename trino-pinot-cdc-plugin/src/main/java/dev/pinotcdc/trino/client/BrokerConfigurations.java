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
 * A read that fails is tried again at once, a few times; when it still fails, the limit last read from that broker
 * stands, so a passing failure never lets a cut answer through as whole.
 */
public class BrokerConfigurations
{
    private static final Logger log = Logger.get(BrokerConfigurations.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int ATTEMPTS = 3;
    private static final Duration BETWEEN_ATTEMPTS = Duration.ofMillis(200);

    private final PinotAuthentication authentication;
    private final HttpClient httpClient;
    private final Map<URI, Known> caps = new ConcurrentHashMap<>();
    private final Duration keep;
    private final Duration keepFailure;

    private record Known(OptionalInt cap, long expiresNanos, boolean read) {}

    /**
     * @param httpClient the brokers' HTTP client, which its owner closes
     */
    public BrokerConfigurations(PinotClientSettings settings, HttpClient httpClient)
    {
        this(settings, httpClient, Duration.ofMinutes(5), Duration.ofSeconds(10));
    }

    /**
     * @param keep how long a limit read stays
     * @param keepFailure how long after a failed read the next one is tried
     */
    BrokerConfigurations(PinotClientSettings settings, HttpClient httpClient, Duration keep, Duration keepFailure)
    {
        this.keep = requireNonNull(keep, "keep is null");
        this.keepFailure = requireNonNull(keepFailure, "keepFailure is null");
        this.authentication = requireNonNull(settings, "settings is null").brokerAuthentication();
        this.httpClient = requireNonNull(httpClient, "httpClient is null");
    }

    /**
     * The number of rows the broker cuts every larger answer to; empty where it does not, or where its
     * configuration was never read (logged).
     */
    public OptionalInt responseLimit(URI broker)
    {
        Known known = caps.get(broker);
        if (known != null && known.expiresNanos() - System.nanoTime() > 0) {
            return known.cap();
        }
        String failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                OptionalInt cap = BrokerResponseLimit.capOf(read(broker));
                caps.put(broker, new Known(cap, System.nanoTime() + keep.toNanos(), true));
                return cap;
            }
            catch (IOException | RuntimeException e) {
                failure = String.valueOf(e.getMessage());
            }
            catch (PinotHttp.Failure e) {
                if (e.kind() == PinotHttp.FailureKind.INTERRUPTED) {
                    throw new PinotClientException("Interrupted while reading the configuration of broker " + broker, e.getCause());
                }
                failure = e.describe();
            }
            if (attempt < ATTEMPTS) {
                pause();
            }
        }
        // the limit last read stands: a broker that stopped answering this request has most likely not restarted
        boolean everRead = known != null && known.read();
        OptionalInt cap = everRead ? known.cap() : OptionalInt.empty();
        log.warn("Cannot read the configuration of Pinot broker %s (%s attempts), so %s: %s",
                broker,
                ATTEMPTS,
                everRead ? "the response limit last read from it stands" : "a response limit it may apply to answers is not known",
                failure);
        caps.put(broker, new Known(cap, System.nanoTime() + keepFailure.toNanos(), everRead));
        return cap;
    }

    private static void pause()
    {
        try {
            Thread.sleep(BETWEEN_ATTEMPTS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PinotClientException("Interrupted while reading the configuration of a broker", e);
        }
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

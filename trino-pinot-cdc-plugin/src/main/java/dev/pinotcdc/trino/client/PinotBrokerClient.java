package dev.pinotcdc.trino.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airlift.http.client.HttpClient;
import io.airlift.http.client.Request;
import jakarta.annotation.PreDestroy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static com.google.common.net.HttpHeaders.ACCEPT;
import static com.google.common.net.HttpHeaders.AUTHORIZATION;
import static com.google.common.net.HttpHeaders.CONTENT_TYPE;
import static io.airlift.http.client.Request.Builder.preparePost;
import static io.airlift.http.client.StaticBodyGenerator.createStaticBodyGenerator;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * Runs SQL on a table's brokers ({@code POST /query/sql}) through airlift's HTTP client, with the catalog's broker
 * credentials and, for https, its truststore. Queries go round-robin over the table's brokers, and skip to the next
 * broker when one cannot be connected to. Every answer goes through {@link BrokerResponseCheck}.
 */
public class PinotBrokerClient
        implements AutoCloseable
{
    // Pinot stops the query at timeoutMs; the HTTP wait is a little longer so Pinot's own timeout error arrives
    private static final Duration HTTP_GRACE = Duration.ofSeconds(2);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    // what pinot-java-client sent: SQL semantics for GROUP BY and the answer as one result table
    private static final String QUERY_OPTIONS = "groupByMode=sql;responseFormat=sql";
    private static final int MAX_ERROR_BODY_LENGTH = 500;

    private final BrokerLocator brokerLocator;
    private final PinotAuthentication authentication;
    private final long defaultTimeoutMs;
    private final long httpTimeoutMs;
    private final HttpClient httpClient;
    private final Optional<HttpClient> ownedHttpClient;
    private final BrokerConfigurations brokerConfigurations;
    private final AtomicInteger nextBroker = new AtomicInteger();
    private final PinotCdcStats stats;
    private final Predicate<String> tableHasSegments;

    /** A client with its own HTTP client, closed with it: for callers without an injector. */
    public PinotBrokerClient(PinotClientSettings settings, BrokerLocator brokerLocator)
    {
        this(settings, brokerLocator, createHttpClient(settings), true, new PinotCdcStats(), _ -> false);
    }

    /** A client speaking through the given HTTP client (see {@link #createHttpClient}), which its owner closes. */
    public PinotBrokerClient(PinotClientSettings settings, BrokerLocator brokerLocator, HttpClient httpClient)
    {
        this(settings, brokerLocator, httpClient, new PinotCdcStats());
    }

    /** As above, counting queries, answers and failures into the catalog's stats. */
    public PinotBrokerClient(PinotClientSettings settings, BrokerLocator brokerLocator, HttpClient httpClient, PinotCdcStats stats)
    {
        this(settings, brokerLocator, httpClient, false, stats, _ -> false);
    }

    /**
     * As above; an answer in which the broker asked no server is read as no rows only where {@code tableHasSegments}
     * says the table has none (a broker whose servers are restarting answers that way too).
     */
    public PinotBrokerClient(PinotClientSettings settings, BrokerLocator brokerLocator, HttpClient httpClient, PinotCdcStats stats, Predicate<String> tableHasSegments)
    {
        this(settings, brokerLocator, httpClient, false, stats, tableHasSegments);
    }

    private PinotBrokerClient(PinotClientSettings settings, BrokerLocator brokerLocator, HttpClient httpClient, boolean owned, PinotCdcStats stats, Predicate<String> tableHasSegments)
    {
        this.tableHasSegments = requireNonNull(tableHasSegments, "tableHasSegments is null");
        this.stats = requireNonNull(stats, "stats is null");
        requireNonNull(settings, "settings is null");
        this.brokerLocator = requireNonNull(brokerLocator, "brokerLocator is null");
        this.authentication = settings.brokerAuthentication();
        this.defaultTimeoutMs = settings.readTimeout().toMillis();
        this.httpTimeoutMs = httpTimeout(settings).toMillis();
        this.httpClient = requireNonNull(httpClient, "httpClient is null");
        this.ownedHttpClient = owned ? Optional.of(httpClient) : Optional.empty();
        this.brokerConfigurations = new BrokerConfigurations(settings, httpClient);
    }

    /** The HTTP client for the brokers: an answer may take the read timeout (Pinot's query timeout) and a grace. */
    public static HttpClient createHttpClient(PinotClientSettings settings)
    {
        return PinotHttpClients.create("pinot-broker", settings, httpTimeout(settings), settings.mayUseHttpsForBrokers());
    }

    private static Duration httpTimeout(PinotClientSettings settings)
    {
        return settings.readTimeout().plus(HTTP_GRACE);
    }

    /**
     * Runs the query on one of the table's brokers.
     *
     * @throws PinotClientException a subclass saying what failed: unreachable brokers, HTTP status, timeout,
     *         query error, partial result, group limit
     */
    public BrokerResult execute(BrokerQuery query)
    {
        long start = System.nanoTime();
        try {
            return run(query);
        }
        catch (PinotClientException e) {
            stats.failed(e);
            throw e;
        }
        finally {
            stats.brokerQueryTook(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private BrokerResult run(BrokerQuery query)
    {
        Map<String, String> options = new HashMap<>(query.queryOptions());
        options.putIfAbsent(BrokerQuery.TIMEOUT_MS, Long.toString(defaultTimeoutMs));
        long timeoutMs = parseTimeout(query.tableName(), options.get(BrokerQuery.TIMEOUT_MS));
        String sql = QueryOptionStatements.prepend(options, query.sql());

        List<URI> brokers = brokerLocator.brokers(query.tableName());
        int first = Math.floorMod(nextBroker.getAndIncrement(), brokers.size());
        List<String> failures = new ArrayList<>();
        Throwable lastFailure = null;
        for (int attempt = 0; attempt < brokers.size(); attempt++) {
            URI broker = brokers.get((first + attempt) % brokers.size());
            PinotHttp.Answer answer;
            try {
                answer = post(query.tableName(), broker, sql, query.maxAnswerBytes().orElse(PinotHttp.MAX_BODY_BYTES));
            }
            catch (PinotHttp.Failure e) {
                if (e.kind() == PinotHttp.FailureKind.CONNECT || e.kind() == PinotHttp.FailureKind.CONNECT_TIMEOUT) {
                    // the query never reached this broker, so another one may run it
                    failures.add(broker + " (" + rootMessage(e) + ")");
                    lastFailure = e.getCause();
                    continue;
                }
                throw translate(query.tableName(), broker, e);
            }
            JsonNode json = parse(query.tableName(), broker, answer);
            try {
                BrokerResponseCheck.check(query.tableName(), json, timeoutMs);
            }
            catch (PinotTableNotRoutedException e) {
                // the query did not run on this broker, and another one may already route the table
                if (attempt + 1 < brokers.size()) {
                    continue;
                }
                throw e;
            }
            BrokerResult result = BrokerResult.from(query.tableName(), broker, json);
            if (result.askedNoServer() && tableHasSegments.test(query.tableName())) {
                throw new PinotPartialResultException((
                        "Pinot table '%s': broker %s asked no server although the table has segments (its servers may be restarting or not yet " +
                        "registered again); refusing to read that as no rows. Retry shortly").formatted(query.tableName(), broker));
            }
            query.requestedRows().ifPresent(requested -> checkNotCut(query.tableName(), broker, requested, result));
            stats.brokerQueryAnswered(result.rowCount(), answer.body().length);
            return result;
        }
        brokerLocator.invalidate(query.tableName());
        throw new PinotUnreachableException(
                "Pinot table '%s': cannot reach any of its brokers: %s".formatted(query.tableName(), String.join(", ", failures)),
                brokers,
                lastFailure);
    }

    /** A broker may lower the query's LIMIT to its response limit without a word: such an answer is refused. */
    private void checkNotCut(String tableName, URI broker, RequestedRows requested, BrokerResult result)
    {
        if (BrokerResponseLimit.check(tableName, broker, requested, result.rowCount(), result.stats()) == BrokerResponseLimit.Completeness.UNLESS_CAPPED) {
            BrokerResponseLimit.checkCap(tableName, broker, requested, result.rowCount(), brokerConfigurations.responseLimit(broker));
        }
    }

    @PreDestroy
    @Override
    public void close()
    {
        ownedHttpClient.ifPresent(HttpClient::close);
    }

    /** The answer's bytes, at most {@code maxAnswerBytes}: parsed by the caller, and garbage once it has counted them. */
    private PinotHttp.Answer post(String tableName, URI broker, String sql, long maxAnswerBytes)
            throws PinotHttp.Failure
    {
        ObjectNode body = MAPPER.createObjectNode()
                .put("sql", sql)
                .put("queryOptions", QUERY_OPTIONS);
        Request.Builder request = preparePost()
                .setUri(queryUrl(broker))
                .setHeader(CONTENT_TYPE, "application/json; charset=utf-8")
                .setHeader(ACCEPT, "application/json")
                .setBodyGenerator(createStaticBodyGenerator(body.toString().getBytes(UTF_8)));
        authentication.authorizationHeader().ifPresent(value -> request.setHeader(AUTHORIZATION, value));
        PinotHttp.Answer answer = PinotHttp.send(httpClient, request.build(), maxAnswerBytes);
        if (answer.status() != 200) {
            String hint = answer.status() == 401 || answer.status() == 403 ? " (check pinot.broker.authentication.*)" : "";
            // Pinot sends the cause of an HTTP 500 (a query it failed to plan, say) in the body
            String text = shorten(answer.text());
            String detail = text.isEmpty() ? "" : ": " + text;
            throw new PinotHttpStatusException("Pinot table '%s': broker %s answered HTTP %s%s%s".formatted(tableName, broker, answer.status(), hint, detail), answer.status());
        }
        return answer;
    }

    private static JsonNode parse(String tableName, URI broker, PinotHttp.Answer answer)
    {
        try {
            return MAPPER.readTree(answer.body());
        }
        catch (JsonProcessingException e) {
            throw new PinotInvalidResponseException("Pinot table '%s': broker %s did not answer JSON: %s".formatted(tableName, broker, shorten(answer.text())), e);
        }
        catch (IOException e) {
            throw new PinotClientException("Pinot table '%s': cannot read the answer of broker %s".formatted(tableName, broker), e);
        }
    }

    /** The broker's base URL, with any path prefix, and {@code /query/sql}. */
    static URI queryUrl(URI broker)
    {
        String base = broker.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/query/sql");
    }

    private PinotClientException translate(String tableName, URI broker, PinotHttp.Failure failure)
    {
        return switch (failure.kind()) {
            case TIMEOUT -> new PinotTimeoutException("Pinot table '%s': broker %s did not answer within %s ms".formatted(tableName, broker, httpTimeoutMs), failure.getCause());
            case INTERRUPTED -> new PinotClientException("Interrupted while waiting for Pinot broker " + broker, failure.getCause());
            case TOO_LARGE -> tooLarge(tableName, broker, failure);
            case CONNECT, CONNECT_TIMEOUT, OTHER ->
                    new PinotClientException("Pinot table '%s': the query to broker %s failed: %s".formatted(tableName, broker, rootMessage(failure)), failure.getCause());
        };
    }

    private static PinotAnswerTooLargeException tooLarge(String tableName, URI broker, PinotHttp.Failure failure)
    {
        long maxBytes = PinotHttp.MAX_BODY_BYTES;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PinotHttp.AnswerTooLargeException tooLarge) {
                maxBytes = tooLarge.maxBodyBytes();
                break;
            }
        }
        return new PinotAnswerTooLargeException(
                "Pinot table '%s': the answer of broker %s is larger than %s bytes; none of it was used".formatted(tableName, broker, maxBytes),
                maxBytes,
                failure.getCause());
    }

    private static String shorten(String text)
    {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() > MAX_ERROR_BODY_LENGTH ? flat.substring(0, MAX_ERROR_BODY_LENGTH) + "..." : flat;
    }

    private static long parseTimeout(String tableName, String value)
    {
        try {
            return Long.parseLong(value);
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("Pinot table '%s': query option timeoutMs is not a number: '%s'".formatted(tableName, value), e);
        }
    }

    private static String rootMessage(Throwable failure)
    {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}

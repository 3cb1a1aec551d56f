package dev.pinotcdc.trino.client;

import org.apache.pinot.client.BrokerResponse;
import org.apache.pinot.client.JsonAsyncHttpPinotClientTransportFactory;
import org.apache.pinot.client.PinotClientTransport;
import jakarta.annotation.PreDestroy;

import java.net.ConnectException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Runs SQL on a table's brokers through pinot-java-client. One transport (one HTTP connection pool with the
 * catalog's auth header, scheme, TLS context and timeouts) serves the whole catalog; ConnectionFactory's
 * shared static transport is never used. Queries go round-robin over the table's brokers, and skip to the
 * next broker when one cannot be connected to. Every answer goes through {@link BrokerResponseCheck}.
 *
 * <p>The transport is called directly, which is what {@code Connection.execute(tableName, sql)} does, because
 * the Connection wraps the answer in result sets that keep neither Pinot's error codes nor the typed JSON
 * values. Nothing here parses SQL, so pinot-common's Calcite is never loaded.
 */
public class PinotBrokerClient
        implements AutoCloseable
{
    // Pinot stops the query at timeoutMs; the HTTP wait is a little longer so Pinot's own timeout error arrives
    private static final Duration HTTP_GRACE = Duration.ofSeconds(2);
    private static final Pattern HTTP_STATUS = Pattern.compile("Pinot returned HTTP status (\\d+)");

    private final BrokerLocator brokerLocator;
    private final long defaultTimeoutMs;
    private final long httpTimeoutMs;
    private final PinotClientTransport<?> transport;
    private final BrokerConfigurations brokerConfigurations;
    private final AtomicInteger nextBroker = new AtomicInteger();

    public PinotBrokerClient(PinotClientSettings settings, BrokerLocator brokerLocator)
    {
        requireNonNull(settings, "settings is null");
        this.brokerLocator = requireNonNull(brokerLocator, "brokerLocator is null");
        this.defaultTimeoutMs = settings.readTimeout().toMillis();
        this.httpTimeoutMs = settings.readTimeout().plus(HTTP_GRACE).toMillis();
        this.transport = createTransport(settings, httpTimeoutMs);
        this.brokerConfigurations = new BrokerConfigurations(settings);
    }

    private static PinotClientTransport<?> createTransport(PinotClientSettings settings, long httpTimeoutMs)
    {
        JsonAsyncHttpPinotClientTransportFactory factory = new JsonAsyncHttpPinotClientTransportFactory();
        String scheme = settings.brokerScheme();
        if (scheme.equals("https")) {
            // set before withConnectionProperties, which would otherwise build a context through pinot-common's
            // TlsUtils and install it as the JVM-wide default socket factory
            factory.setSslContext(settings.sslContext());
        }
        Properties properties = new Properties();
        properties.setProperty("scheme", scheme);
        properties.setProperty("brokerReadTimeoutMs", Long.toString(httpTimeoutMs));
        properties.setProperty("brokerConnectTimeoutMs", Long.toString(settings.connectTimeout().toMillis()));
        properties.setProperty("brokerHandshakeTimeoutMs", Long.toString(settings.connectTimeout().toMillis()));
        factory.withConnectionProperties(properties);
        Map<String, String> headers = new HashMap<>();
        settings.brokerAuthentication().authorizationHeader().ifPresent(value -> headers.put("Authorization", value));
        factory.setHeaders(headers);
        return factory.buildTransport();
    }

    /**
     * Runs the query on one of the table's brokers.
     *
     * @throws PinotClientException a subclass saying what failed: unreachable brokers, HTTP status, timeout,
     *         query error, partial result, group limit
     */
    public BrokerResult execute(BrokerQuery query)
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
            BrokerResponse response;
            try {
                response = transport.executeQuery(brokerAddress(broker), sql);
            }
            catch (org.apache.pinot.client.PinotClientException e) {
                if (isConnectFailure(e)) {
                    // the query never reached this broker, so another one may run it
                    failures.add(broker + " (" + rootMessage(e) + ")");
                    lastFailure = e;
                    continue;
                }
                throw translate(query.tableName(), broker, e);
            }
            BrokerResponseCheck.check(query.tableName(), response, timeoutMs);
            BrokerResult result = BrokerResult.from(query.tableName(), broker, response);
            query.requestedRows().ifPresent(requested -> checkNotCut(query.tableName(), broker, requested, result));
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
        transport.close();
    }

    /** The transport takes {@code host:port} plus any path prefix, and adds the scheme and {@code /query/sql}. */
    static String brokerAddress(URI broker)
    {
        String path = broker.getRawPath() == null ? "" : broker.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return broker.getRawAuthority() + path;
    }

    private PinotClientException translate(String tableName, URI broker, org.apache.pinot.client.PinotClientException failure)
    {
        if (hasCause(failure, TimeoutException.class)) {
            return new PinotTimeoutException("Pinot table '%s': broker %s did not answer within %s ms".formatted(tableName, broker, httpTimeoutMs), failure);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Matcher status = cause.getMessage() == null ? null : HTTP_STATUS.matcher(cause.getMessage());
            if (status != null && status.find()) {
                int code = Integer.parseInt(status.group(1));
                String hint = code == 401 || code == 403 ? " (check pinot.broker.authentication.*)" : "";
                return new PinotHttpStatusException("Pinot table '%s': broker %s answered HTTP %s%s".formatted(tableName, broker, code, hint), code);
            }
        }
        return new PinotClientException("Pinot table '%s': the query to broker %s failed: %s".formatted(tableName, broker, rootMessage(failure)), failure);
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

    private static boolean isConnectFailure(Throwable failure)
    {
        return hasCause(failure, ConnectException.class) || hasCause(failure, UnresolvedAddressException.class);
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type)
    {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
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

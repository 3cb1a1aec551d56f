package dev.pinotcdc.trino.client;

import javax.net.ssl.SSLContext;

import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static java.util.Locale.ENGLISH;
import static java.util.Objects.requireNonNull;

/**
 * Everything the controller and broker clients need to reach Pinot, taken from the catalog properties.
 *
 * @param controllerUrls tried in order; the next one is used when one is unreachable
 * @param brokerUrls when not empty, every table is queried through these and no broker is discovered
 * @param readTimeout the longest wait for one answer; also sent to Pinot as the query timeout
 */
public record PinotClientSettings(
        List<URI> controllerUrls,
        List<URI> brokerUrls,
        PinotAuthentication controllerAuthentication,
        PinotAuthentication brokerAuthentication,
        Optional<PinotTruststore> truststore,
        Duration connectTimeout,
        Duration readTimeout)
{
    public PinotClientSettings
    {
        controllerUrls = List.copyOf(controllerUrls);
        brokerUrls = List.copyOf(brokerUrls);
        requireNonNull(controllerAuthentication, "controllerAuthentication is null");
        requireNonNull(brokerAuthentication, "brokerAuthentication is null");
        requireNonNull(truststore, "truststore is null");
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(readTimeout, "readTimeout is null");
        if (controllerUrls.isEmpty()) {
            throw new IllegalArgumentException("At least one Pinot controller URL is needed");
        }
        // one broker transport serves the whole catalog and has one scheme
        if (brokerUrls.stream().map(PinotClientSettings::scheme).distinct().count() > 1) {
            throw new IllegalArgumentException("Pinot broker URLs must all use http or all use https: " + brokerUrls);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("Timeouts must be positive");
        }
    }

    /**
     * The scheme of a broker announced by the controller at {@code controllerUrl}: the configured broker URLs', else
     * that controller's own (Pinot announces brokers by host and port only). Each controller URL's, not the first
     * one's: a catalog listing an https controller never speaks to the brokers it announced over http.
     */
    public String brokerScheme(URI controllerUrl)
    {
        return scheme(brokerUrls.isEmpty() ? controllerUrl : brokerUrls.getFirst());
    }

    /** Whether some broker may be spoken to over https, so the brokers' HTTP client needs the catalog's trust. */
    public boolean mayUseHttpsForBrokers()
    {
        return (brokerUrls.isEmpty() ? controllerUrls : brokerUrls).stream().anyMatch(url -> scheme(url).equals("https"));
    }

    /** The truststore's context when one is configured, else the JVM's default trust. */
    public SSLContext sslContext()
    {
        if (truststore.isPresent()) {
            return truststore.orElseThrow().createSslContext();
        }
        try {
            return SSLContext.getDefault();
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no default TLS context", e);
        }
    }

    static String scheme(URI uri)
    {
        return uri.getScheme().toLowerCase(ENGLISH);
    }
}

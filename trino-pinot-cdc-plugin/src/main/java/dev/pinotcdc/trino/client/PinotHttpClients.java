package dev.pinotcdc.trino.client;

import com.google.common.collect.ImmutableList;
import io.airlift.http.client.HttpClient;
import io.airlift.http.client.HttpClientConfig;
import io.airlift.http.client.jetty.JettyHttpClient;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.time.Duration;
import java.util.Optional;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

/**
 * Builds the airlift HTTP clients (Trino's own) that speak to Pinot, from the catalog's client settings: their
 * timeouts, and for https the catalog's truststore (or the JVM's default trust). The scheme of a request is always
 * the URL's own: an https URL is never tried over http.
 */
public final class PinotHttpClients
{
    private PinotHttpClients() {}

    /**
     * @param name names the client's threads
     * @param requestTimeout the longest wait for one whole answer
     * @param https whether the client speaks https: only then is the truststore loaded
     */
    public static HttpClient create(String name, PinotClientSettings settings, Duration requestTimeout, boolean https)
    {
        HttpClientConfig config = new HttpClientConfig()
                .setConnectTimeout(toAirlift(settings.connectTimeout()))
                .setRequestTimeout(toAirlift(requestTimeout))
                .setIdleTimeout(toAirlift(requestTimeout))
                // Pinot's Jersey servers speak HTTP/1.1
                .setHttp2Enabled(false);
        Optional<SslContextFactory.Client> tls = Optional.empty();
        if (https) {
            SslContextFactory.Client factory = new SslContextFactory.Client();
            factory.setSslContext(settings.sslContext());
            // the default, said here because it matters: the server's certificate must also name its host
            factory.setEndpointIdentificationAlgorithm("HTTPS");
            tls = Optional.of(factory);
        }
        return new JettyHttpClient(name, config, ImmutableList.of(), Optional.empty(), tls);
    }

    private static io.airlift.units.Duration toAirlift(Duration duration)
    {
        return new io.airlift.units.Duration(duration.toMillis(), MILLISECONDS);
    }
}

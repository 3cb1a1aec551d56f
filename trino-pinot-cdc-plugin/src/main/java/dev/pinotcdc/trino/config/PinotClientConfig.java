package dev.pinotcdc.trino.config;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import io.airlift.configuration.Config;
import io.airlift.configuration.ConfigDescription;
import io.airlift.units.Duration;
import io.airlift.units.MaxDuration;
import io.airlift.units.MinDuration;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.stream.Stream;

import static com.google.common.collect.ImmutableList.toImmutableList;
import static java.util.Locale.ENGLISH;
import static java.util.concurrent.TimeUnit.SECONDS;

/**
 * Where Pinot's controllers and brokers are, and how long to wait for them.
 */
public class PinotClientConfig
{
    // also the bounds of the query_timeout session property, whose upper bound is the catalog's read timeout
    public static final String MIN_READ_TIMEOUT = "1ms";
    public static final String MAX_READ_TIMEOUT = "1d";

    private static final Splitter LIST_SPLITTER = Splitter.on(',').trimResults().omitEmptyStrings();

    private List<String> controllerUrls = ImmutableList.of();
    private List<String> brokerUrls = ImmutableList.of();
    private Duration connectTimeout = new Duration(10, SECONDS);
    private Duration readTimeout = new Duration(60, SECONDS);

    @NotEmpty(message = "pinot.controller-urls must name at least one controller")
    public List<URI> getControllerUrls()
    {
        return toUris(controllerUrls);
    }

    @Config("pinot.controller-urls")
    @ConfigDescription("Comma-separated Pinot controller URLs (http:// or https://)")
    public PinotClientConfig setControllerUrls(String urls)
    {
        this.controllerUrls = ImmutableList.copyOf(LIST_SPLITTER.split(urls));
        return this;
    }

    public List<URI> getBrokerUrls()
    {
        return toUris(brokerUrls);
    }

    @Config("pinot.broker-urls")
    @ConfigDescription("Comma-separated Pinot broker URLs; when set, brokers are not discovered through the controller")
    public PinotClientConfig setBrokerUrls(String urls)
    {
        this.brokerUrls = ImmutableList.copyOf(LIST_SPLITTER.split(urls));
        return this;
    }

    @NotNull
    @MinDuration("1ms")
    @MaxDuration("1h")
    public Duration getConnectTimeout()
    {
        return connectTimeout;
    }

    @Config("pinot.connect-timeout")
    @ConfigDescription("Time allowed to open a connection to a controller or broker")
    public PinotClientConfig setConnectTimeout(Duration connectTimeout)
    {
        this.connectTimeout = connectTimeout;
        return this;
    }

    @NotNull
    @MinDuration(MIN_READ_TIMEOUT)
    @MaxDuration(MAX_READ_TIMEOUT)
    public Duration getReadTimeout()
    {
        return readTimeout;
    }

    @Config("pinot.read-timeout")
    @ConfigDescription("Time allowed for a controller or broker to answer one request; also sent to Pinot as the query timeout")
    public PinotClientConfig setReadTimeout(Duration readTimeout)
    {
        this.readTimeout = readTimeout;
        return this;
    }

    @AssertTrue(message = "pinot.controller-urls: every URL must be http:// or https:// with a host, e.g. http://pinot-controller:9000")
    public boolean isControllerUrlsValid()
    {
        return controllerUrls.stream().allMatch(PinotClientConfig::isHttpUrl);
    }

    @AssertTrue(message = "pinot.broker-urls: every URL must be http:// or https:// with a host, e.g. http://pinot-broker:8099")
    public boolean isBrokerUrlsValid()
    {
        return brokerUrls.stream().allMatch(PinotClientConfig::isHttpUrl);
    }

    @AssertTrue(message = "pinot.controller-urls and pinot.broker-urls must not hold a user or password (user:password@host): set pinot.controller.authentication.* and pinot.broker.authentication.* instead")
    public boolean isUrlsWithoutCredentials()
    {
        return Stream.concat(controllerUrls.stream(), brokerUrls.stream()).noneMatch(PinotClientConfig::hasUserInfo);
    }

    private static boolean hasUserInfo(String url)
    {
        try {
            return new URI(url).getRawUserInfo() != null;
        }
        catch (URISyntaxException e) {
            // not a URI at all: refused as such, and its text is never echoed
            return url.contains("@");
        }
    }

    private static boolean isHttpUrl(String url)
    {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(ENGLISH);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        }
        catch (URISyntaxException e) {
            return false;
        }
    }

    private static List<URI> toUris(List<String> urls)
    {
        // invalid URLs are reported by validation; until then they are left out, and never used with credentials in them
        return urls.stream()
                .filter(PinotClientConfig::isHttpUrl)
                .filter(url -> !hasUserInfo(url))
                .map(URI::create)
                .collect(toImmutableList());
    }
}

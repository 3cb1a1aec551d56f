package dev.pinotcdc.trino.config;

import com.google.common.collect.ImmutableMap;
import io.airlift.units.Duration;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static io.airlift.configuration.testing.ConfigAssertions.assertFullMapping;
import static io.airlift.configuration.testing.ConfigAssertions.assertRecordedDefaults;
import static io.airlift.configuration.testing.ConfigAssertions.recordDefaults;
import static java.util.concurrent.TimeUnit.MINUTES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

final class TestPinotClientConfig
{
    @Test
    void testDefaults()
    {
        assertRecordedDefaults(recordDefaults(PinotClientConfig.class)
                .setControllerUrls("")
                .setBrokerUrls("")
                .setConnectTimeout(new Duration(10, SECONDS))
                .setReadTimeout(new Duration(60, SECONDS)));
    }

    @Test
    void testExplicitPropertyMappings()
    {
        Map<String, String> properties = ImmutableMap.<String, String>builder()
                .put("pinot.controller-urls", "https://c1:9443, https://c2:9443")
                .put("pinot.broker-urls", "https://b1:8443")
                .put("pinot.connect-timeout", "3s")
                .put("pinot.read-timeout", "2m")
                .buildOrThrow();

        PinotClientConfig expected = new PinotClientConfig()
                .setControllerUrls("https://c1:9443,https://c2:9443")
                .setBrokerUrls("https://b1:8443")
                .setConnectTimeout(new Duration(3, SECONDS))
                .setReadTimeout(new Duration(2, MINUTES));

        assertFullMapping(properties, expected);
    }

    @Test
    void testParsedUrls()
    {
        PinotClientConfig config = new PinotClientConfig()
                .setControllerUrls(" http://c1:9000 ,http://c2:9000")
                .setBrokerUrls("http://b1:8099,,ftp://b2");
        assertThat(config.getControllerUrls()).containsExactly(URI.create("http://c1:9000"), URI.create("http://c2:9000"));
        assertThat(config.isControllerUrlsValid()).isTrue();
        // an invalid URL is left out and fails validation, which names the property
        assertThat(config.getBrokerUrls()).containsExactly(URI.create("http://b1:8099"));
        assertThat(config.isBrokerUrlsValid()).isFalse();
    }

    @Test
    void testUrlsWithCredentialsRefused()
    {
        assertThat(new PinotClientConfig().setControllerUrls("http://c1:9000").setBrokerUrls("https://b1:8099").isUrlsWithoutCredentials()).isTrue();
        for (String url : new String[] {"http://admin:secret@c1:9000", "https://admin@c1:9000", "http://admin:s%40cret@c1:9000"}) {
            PinotClientConfig controller = new PinotClientConfig().setControllerUrls("http://c0:9000," + url);
            assertThat(controller.isUrlsWithoutCredentials()).as(url).isFalse();
            // never used, even before validation reports it
            assertThat(controller.getControllerUrls()).containsExactly(URI.create("http://c0:9000"));
            PinotClientConfig broker = new PinotClientConfig().setControllerUrls("http://c0:9000").setBrokerUrls(url);
            assertThat(broker.isUrlsWithoutCredentials()).as(url).isFalse();
            assertThat(broker.getBrokerUrls()).isEmpty();
        }
    }
}

package dev.pinotcdc.trino.client;

import dev.pinotcdc.trino.PinotCdcModule;
import dev.pinotcdc.trino.client.PinotAuthentication.BasicAuthentication;
import dev.pinotcdc.trino.client.PinotAuthentication.BearerToken;
import dev.pinotcdc.trino.config.PinotAuthenticationType;
import dev.pinotcdc.trino.config.PinotCdcConfig;
import io.airlift.units.Duration;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestPinotClientSettings
{
    @Test
    void takesEverythingFromTheCatalogConfig()
    {
        PinotCdcConfig config = new PinotCdcConfig()
                .setControllerUrls("http://c1:9000, http://c2:9000")
                .setBrokerUrls("https://b1:8443,https://b2:8443/pinot")
                .setControllerAuthenticationType(PinotAuthenticationType.PASSWORD)
                .setControllerUser("admin")
                .setControllerPassword("secret")
                // ignored: the type chooses which credentials are sent
                .setControllerToken("unused-token")
                .setBrokerAuthenticationType(PinotAuthenticationType.TOKEN)
                .setBrokerToken("tok-123")
                .setTruststorePath(new File("/etc/pinot/truststore.p12"))
                .setTruststorePassword("changeit")
                .setTruststoreType("PKCS12")
                .setConnectTimeout(new Duration(1500, MILLISECONDS))
                .setReadTimeout(new Duration(45, SECONDS));

        PinotClientSettings settings = PinotCdcModule.createClientSettings(config);

        assertThat(settings.controllerUrls()).containsExactly(URI.create("http://c1:9000"), URI.create("http://c2:9000"));
        assertThat(settings.brokerUrls()).containsExactly(URI.create("https://b1:8443"), URI.create("https://b2:8443/pinot"));
        assertThat(settings.brokerScheme()).isEqualTo("https");
        assertThat(settings.controllerAuthentication()).isEqualTo(new BasicAuthentication("admin", "secret"));
        assertThat(settings.controllerAuthentication().authorizationHeader())
                .contains("Basic " + Base64.getEncoder().encodeToString("admin:secret".getBytes(UTF_8)));
        assertThat(settings.brokerAuthentication()).isEqualTo(new BearerToken("tok-123"));
        assertThat(settings.brokerAuthentication().authorizationHeader()).contains("Bearer tok-123");
        assertThat(settings.truststore()).contains(new PinotTruststore(Path.of("/etc/pinot/truststore.p12"), Optional.of("changeit"), "PKCS12"));
        assertThat(settings.connectTimeout()).isEqualTo(java.time.Duration.ofMillis(1500));
        assertThat(settings.readTimeout()).isEqualTo(java.time.Duration.ofSeconds(45));
        assertThat(settings.toString()).doesNotContain("secret", "tok-123", "changeit");
    }

    @Test
    void withoutCredentialsSendsNoAuthorization()
    {
        PinotClientSettings settings = PinotCdcModule.createClientSettings(new PinotCdcConfig().setControllerUrls("https://c1:9443"));

        assertThat(settings.controllerAuthentication().authorizationHeader()).isEmpty();
        assertThat(settings.brokerAuthentication().authorizationHeader()).isEmpty();
        assertThat(settings.truststore()).isEmpty();
        // discovered brokers are spoken to like the controllers
        assertThat(settings.brokerScheme()).isEqualTo("https");
    }

    @Test
    void rejectsBrokersOfMixedSchemes()
    {
        assertThatThrownBy(() -> new PinotClientSettings(
                List.of(URI.create("http://c1:9000")),
                List.of(URI.create("http://b1:8099"), URI.create("https://b2:8443")),
                PinotAuthentication.none(),
                PinotAuthentication.none(),
                Optional.empty(),
                java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Pinot broker URLs must all use http or all use https");
    }

    @Test
    void rejectsTokenTogetherWithUser()
    {
        assertThatThrownBy(() -> PinotAuthentication.of(Optional.of("u"), Optional.of("p"), Optional.of("t")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unreadableTruststoreNamesItsPath()
    {
        PinotTruststore truststore = new PinotTruststore(Path.of("/nonexistent/truststore.jks"), Optional.empty(), "JKS");

        assertThatThrownBy(truststore::createSslContext)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot load the JKS truststore /nonexistent/truststore.jks");
    }
}

package dev.pinotcdc.trino.client;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestPinotClientSettings
{
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

package dev.pinotcdc.trino;

import com.google.common.collect.ImmutableMap;
import com.google.inject.Injector;
import com.google.inject.Key;
import dev.pinotcdc.trino.client.PinotAuthentication;
import dev.pinotcdc.trino.client.PinotAuthentication.BasicAuthentication;
import dev.pinotcdc.trino.client.PinotAuthentication.BearerToken;
import dev.pinotcdc.trino.client.PinotClientSettings;
import dev.pinotcdc.trino.client.PinotTruststore;
import dev.pinotcdc.trino.config.PinotPasswordBrokerAuthenticationConfig;
import dev.pinotcdc.trino.config.PinotTokenControllerAuthenticationConfig;
import io.airlift.bootstrap.Bootstrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static com.google.common.collect.Maps.filterKeys;
import static dev.pinotcdc.trino.PinotClientModule.CREDENTIAL_PROPERTIES;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TestPinotClientModule
{
    @Test
    void takesEverythingFromTheCatalogProperties(@TempDir Path directory)
            throws Exception
    {
        // the clients are created with the catalog: the truststore must load
        Path truststore = directory.resolve("truststore.p12");
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        try (OutputStream out = Files.newOutputStream(truststore)) {
            empty.store(out, "changeit".toCharArray());
        }
        Injector injector = bootstrap(ImmutableMap.<String, String>builder()
                .put("pinot.controller-urls", "http://c1:9000, http://c2:9000")
                .put("pinot.broker-urls", "https://b1:8443,https://b2:8443/pinot")
                .put("pinot.controller.authentication.type", "PASSWORD")
                .put("pinot.controller.authentication.user", "admin")
                .put("pinot.controller.authentication.password", "secret")
                // ignored: the type chooses which credentials are sent
                .put("pinot.controller.authentication.token", "unused-token")
                .put("pinot.broker.authentication.type", "TOKEN")
                .put("pinot.broker.authentication.token", "tok-123")
                .put("pinot.tls.truststore-path", truststore.toString())
                .put("pinot.tls.truststore-password", "changeit")
                .put("pinot.tls.truststore-type", "PKCS12")
                .put("pinot.connect-timeout", "1500ms")
                .put("pinot.read-timeout", "45s")
                .buildOrThrow());

        PinotClientSettings settings = injector.getInstance(PinotClientSettings.class);
        assertThat(settings.controllerUrls()).containsExactly(URI.create("http://c1:9000"), URI.create("http://c2:9000"));
        assertThat(settings.brokerUrls()).containsExactly(URI.create("https://b1:8443"), URI.create("https://b2:8443/pinot"));
        assertThat(settings.brokerScheme(URI.create("http://c1:9000"))).isEqualTo("https");
        assertThat(settings.mayUseHttpsForBrokers()).isTrue();
        assertThat(settings.controllerAuthentication()).isEqualTo(new BasicAuthentication("admin", "secret"));
        assertThat(settings.controllerAuthentication().authorizationHeader())
                .contains("Basic " + Base64.getEncoder().encodeToString("admin:secret".getBytes(UTF_8)));
        assertThat(settings.brokerAuthentication()).isEqualTo(new BearerToken("tok-123"));
        assertThat(settings.brokerAuthentication().authorizationHeader()).contains("Bearer tok-123");
        assertThat(settings.truststore()).contains(new PinotTruststore(truststore, Optional.of("changeit"), "PKCS12"));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.toString()).doesNotContain("secret", "tok-123", "changeit");

        // the credentials of a type are bound only when the type is chosen
        assertThat(injector.getExistingBinding(Key.get(PinotTokenControllerAuthenticationConfig.class))).isNull();
        assertThat(injector.getExistingBinding(Key.get(PinotPasswordBrokerAuthenticationConfig.class))).isNull();
    }

    @Test
    void withoutCredentialsSendsNoAuthorization()
    {
        PinotClientSettings settings = bootstrap(ImmutableMap.of("pinot.controller-urls", "https://c1:9443"))
                .getInstance(PinotClientSettings.class);

        assertThat(settings.controllerAuthentication()).isEqualTo(PinotAuthentication.none());
        assertThat(settings.brokerAuthentication()).isEqualTo(PinotAuthentication.none());
        assertThat(settings.truststore()).isEmpty();
        // discovered brokers are spoken to like the controller that announced them
        assertThat(settings.brokerScheme(URI.create("https://c1:9443/v2/brokers/tables/orders"))).isEqualTo("https");
        assertThat(settings.mayUseHttpsForBrokers()).isTrue();
    }

    @Test
    void credentialsOfAnotherTypeAreIgnored()
    {
        // as before authentication was bound by type: a catalog naming credentials it does not use still starts
        PinotClientSettings settings = bootstrap(ImmutableMap.of(
                "pinot.controller-urls", "http://c1:9000",
                "pinot.controller.authentication.user", "admin",
                "pinot.controller.authentication.password", "secret",
                "pinot.broker.authentication.type", "PASSWORD",
                "pinot.broker.authentication.user", "reader",
                "pinot.broker.authentication.password", "secret2",
                "pinot.broker.authentication.token", "unused"))
                .getInstance(PinotClientSettings.class);

        assertThat(settings.controllerAuthentication()).isEqualTo(PinotAuthentication.none());
        assertThat(settings.brokerAuthentication()).isEqualTo(new BasicAuthentication("reader", "secret2"));
    }

    @Test
    void incompleteCredentialsOfTheChosenTypeFail()
    {
        assertThatThrownBy(() -> bootstrap(ImmutableMap.of(
                "pinot.controller-urls", "http://c1:9000",
                "pinot.controller.authentication.type", "PASSWORD",
                "pinot.controller.authentication.user", "admin")))
                .hasMessageContaining("pinot.controller.authentication.type=PASSWORD needs pinot.controller.authentication.user and .password");
        assertThatThrownBy(() -> bootstrap(ImmutableMap.of(
                "pinot.controller-urls", "http://c1:9000",
                "pinot.broker.authentication.type", "TOKEN",
                "pinot.broker.authentication.user", "u",
                "pinot.broker.authentication.password", "p")))
                .hasMessageContaining("pinot.broker.authentication.type=TOKEN needs pinot.broker.authentication.token");
    }

    @Test
    void unknownPropertyStillFails()
    {
        assertThatThrownBy(() -> bootstrap(ImmutableMap.of(
                "pinot.controller-urls", "http://c1:9000",
                "pinot.controller.authentication.usr", "admin")))
                .hasMessageContaining("pinot.controller.authentication.usr");
    }

    /** As {@link PinotCdcConnectorFactory} does. */
    private static Injector bootstrap(Map<String, String> properties)
    {
        return new Bootstrap(new PinotClientModule())
                .doNotInitializeLogging()
                .quiet()
                .setRequiredConfigurationProperties(filterKeys(properties, property -> !CREDENTIAL_PROPERTIES.contains(property)))
                .setOptionalConfigurationProperties(filterKeys(properties, CREDENTIAL_PROPERTIES::contains))
                .initialize();
    }
}

package dev.pinotcdc.trino;

import com.google.common.collect.ImmutableMap;
import io.trino.spi.connector.Connector;
import io.trino.testing.TestingConnectorContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TestPinotCdcConnectorFactory
{
    @Test
    void testCreatesConnectorWithoutContactingPinot()
    {
        // nothing listens on port 9: creation must not need Pinot, only queries do
        Connector connector = create(ImmutableMap.of("pinot.controller-urls", "http://127.0.0.1:9"));
        assertThat(connector.getSessionProperties())
                .extracting(property -> property.getName())
                .contains("pushdown_enabled", "strict_decoding");
        connector.shutdown();
    }

    @Test
    void testMissingControllerUrlFailsNamingTheProperty()
    {
        assertThatThrownBy(() -> create(ImmutableMap.of()))
                .hasMessageContaining("pinot.controller-urls");
    }

    @Test
    void testMalformedUrlFailsNamingTheProperty()
    {
        assertThatThrownBy(() -> create(ImmutableMap.of("pinot.controller-urls", "localhost:9000")))
                .hasMessageContaining("pinot.controller-urls");
        assertThatThrownBy(() -> create(ImmutableMap.of("pinot.controller-urls", "http://ok:9000, ftp://c2")))
                .hasMessageContaining("pinot.controller-urls");
        assertThatThrownBy(() -> create(ImmutableMap.of("pinot.controller-urls", "http://c1:9000", "pinot.broker-urls", "http://bad host")))
                .hasMessageContaining("pinot.broker-urls");
    }

    @Test
    void testNegativeSizeFailsNamingTheProperty()
    {
        assertThatThrownBy(() -> create(ImmutableMap.of("pinot.controller-urls", "http://c1:9000", "cdc.inference-sample-size", "-1")))
                .hasMessageContaining("cdc.inference-sample-size");
        assertThatThrownBy(() -> create(ImmutableMap.of("pinot.controller-urls", "http://c1:9000", "pinot.max-rows-per-broker-query", "0")))
                .hasMessageContaining("pinot.max-rows-per-broker-query");
        assertThatThrownBy(() -> create(ImmutableMap.of("pinot.controller-urls", "http://c1:9000", "pinot.read-timeout", "-5s")))
                .hasMessageContaining("pinot.read-timeout");
    }

    @Test
    void testIncompleteAuthenticationFails()
    {
        assertThatThrownBy(() -> create(ImmutableMap.of(
                "pinot.controller-urls", "http://c1:9000",
                "pinot.broker.authentication.type", "TOKEN",
                "pinot.broker.authentication.user", "u",
                "pinot.broker.authentication.password", "p")))
                .hasMessageContaining("pinot.broker.authentication.token");
        assertThatThrownBy(() -> create(ImmutableMap.of(
                "pinot.controller-urls", "http://c1:9000",
                "pinot.controller.authentication.type", "PASSWORD",
                "pinot.controller.authentication.user", "u")))
                .hasMessageContaining("pinot.controller.authentication.user and .password");
        assertThatThrownBy(() -> create(ImmutableMap.of(
                "pinot.controller-urls", "http://c1:9000",
                "pinot.controller.authentication.type", "KERBEROS")))
                .hasMessageContaining("pinot.controller.authentication.type");
    }

    @Test
    void testCredentialsOfAnotherAuthenticationTypeAreIgnored()
    {
        // credentials are bound only under their authentication type; naming them under another is accepted, as before
        Connector connector = create(ImmutableMap.of(
                "pinot.controller-urls", "http://127.0.0.1:9",
                "pinot.controller.authentication.user", "u",
                "pinot.controller.authentication.password", "p",
                "pinot.broker.authentication.type", "TOKEN",
                "pinot.broker.authentication.token", "t",
                "pinot.broker.authentication.user", "u"));
        connector.shutdown();
    }

    @Test
    void testUnknownPropertyFails()
    {
        assertThatThrownBy(() -> create(ImmutableMap.of("pinot.controller-urls", "http://c1:9000", "cdc.sorce-column", "x")))
                .hasMessageContaining("cdc.sorce-column");
    }

    private static Connector create(Map<String, String> properties)
    {
        return new PinotCdcConnectorFactory().create("test", properties, new TestingConnectorContext());
    }
}

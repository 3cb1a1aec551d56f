package dev.pinotcdc.trino.config;

import com.google.common.collect.ImmutableMap;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.airlift.configuration.testing.ConfigAssertions.assertFullMapping;
import static io.airlift.configuration.testing.ConfigAssertions.assertRecordedDefaults;
import static io.airlift.configuration.testing.ConfigAssertions.recordDefaults;
import static org.assertj.core.api.Assertions.assertThat;

final class TestPinotPasswordBrokerAuthenticationConfig
{
    @Test
    void testDefaults()
    {
        assertRecordedDefaults(recordDefaults(PinotPasswordBrokerAuthenticationConfig.class)
                .setUser(null)
                .setPassword(null));
    }

    @Test
    void testExplicitPropertyMappings()
    {
        Map<String, String> properties = ImmutableMap.<String, String>builder()
                .put("pinot.broker.authentication.user", "admin")
                .put("pinot.broker.authentication.password", "secret")
                .buildOrThrow();

        PinotPasswordBrokerAuthenticationConfig expected = new PinotPasswordBrokerAuthenticationConfig()
                .setUser("admin")
                .setPassword("secret");

        assertFullMapping(properties, expected);
    }

    @Test
    void testNeedsUserAndPassword()
    {
        assertThat(new PinotPasswordBrokerAuthenticationConfig().setUser("admin").isComplete()).isFalse();
        assertThat(new PinotPasswordBrokerAuthenticationConfig().setPassword("secret").isComplete()).isFalse();
        assertThat(new PinotPasswordBrokerAuthenticationConfig().setUser("admin").setPassword("secret").isComplete()).isTrue();
    }
}

package dev.pinotcdc.trino.config;

import com.google.common.collect.ImmutableMap;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.airlift.configuration.testing.ConfigAssertions.assertFullMapping;
import static io.airlift.configuration.testing.ConfigAssertions.assertRecordedDefaults;
import static io.airlift.configuration.testing.ConfigAssertions.recordDefaults;
import static org.assertj.core.api.Assertions.assertThat;

final class TestPinotTokenBrokerAuthenticationConfig
{
    @Test
    void testDefaults()
    {
        assertRecordedDefaults(recordDefaults(PinotTokenBrokerAuthenticationConfig.class)
                .setToken(null));
    }

    @Test
    void testExplicitPropertyMappings()
    {
        Map<String, String> properties = ImmutableMap.of("pinot.broker.authentication.token", "tok-123");

        assertFullMapping(properties, new PinotTokenBrokerAuthenticationConfig().setToken("tok-123"));
    }

    @Test
    void testNeedsToken()
    {
        assertThat(new PinotTokenBrokerAuthenticationConfig().isComplete()).isFalse();
        assertThat(new PinotTokenBrokerAuthenticationConfig().setToken("tok-123").isComplete()).isTrue();
    }
}

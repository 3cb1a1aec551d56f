package dev.pinotcdc.trino.config;

import com.google.common.collect.ImmutableMap;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.airlift.configuration.testing.ConfigAssertions.assertFullMapping;
import static io.airlift.configuration.testing.ConfigAssertions.assertRecordedDefaults;
import static io.airlift.configuration.testing.ConfigAssertions.recordDefaults;
import static org.assertj.core.api.Assertions.assertThat;

final class TestPinotTokenControllerAuthenticationConfig
{
    @Test
    void testDefaults()
    {
        assertRecordedDefaults(recordDefaults(PinotTokenControllerAuthenticationConfig.class)
                .setToken(null));
    }

    @Test
    void testExplicitPropertyMappings()
    {
        Map<String, String> properties = ImmutableMap.of("pinot.controller.authentication.token", "tok-123");

        assertFullMapping(properties, new PinotTokenControllerAuthenticationConfig().setToken("tok-123"));
    }

    @Test
    void testNeedsToken()
    {
        assertThat(new PinotTokenControllerAuthenticationConfig().isComplete()).isFalse();
        assertThat(new PinotTokenControllerAuthenticationConfig().setToken("tok-123").isComplete()).isTrue();
    }
}

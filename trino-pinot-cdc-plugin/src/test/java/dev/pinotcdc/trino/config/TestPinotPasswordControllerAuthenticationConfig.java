package dev.pinotcdc.trino.config;

import com.google.common.collect.ImmutableMap;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.airlift.configuration.testing.ConfigAssertions.assertFullMapping;
import static io.airlift.configuration.testing.ConfigAssertions.assertRecordedDefaults;
import static io.airlift.configuration.testing.ConfigAssertions.recordDefaults;
import static org.assertj.core.api.Assertions.assertThat;

final class TestPinotPasswordControllerAuthenticationConfig
{
    @Test
    void testDefaults()
    {
        assertRecordedDefaults(recordDefaults(PinotPasswordControllerAuthenticationConfig.class)
                .setUser(null)
                .setPassword(null));
    }

    @Test
    void testExplicitPropertyMappings()
    {
        Map<String, String> properties = ImmutableMap.<String, String>builder()
                .put("pinot.controller.authentication.user", "admin")
                .put("pinot.controller.authentication.password", "secret")
                .buildOrThrow();

        PinotPasswordControllerAuthenticationConfig expected = new PinotPasswordControllerAuthenticationConfig()
                .setUser("admin")
                .setPassword("secret");

        assertFullMapping(properties, expected);
    }

    @Test
    void testNeedsUserAndPassword()
    {
        assertThat(new PinotPasswordControllerAuthenticationConfig().setUser("admin").isComplete()).isFalse();
        assertThat(new PinotPasswordControllerAuthenticationConfig().setPassword("secret").isComplete()).isFalse();
        assertThat(new PinotPasswordControllerAuthenticationConfig().setUser("admin").setPassword("secret").isComplete()).isTrue();
    }
}

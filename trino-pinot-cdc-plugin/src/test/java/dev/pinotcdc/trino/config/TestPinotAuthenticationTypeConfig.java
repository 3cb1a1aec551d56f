package dev.pinotcdc.trino.config;

import com.google.common.collect.ImmutableMap;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.pinotcdc.trino.config.PinotAuthenticationType.NONE;
import static dev.pinotcdc.trino.config.PinotAuthenticationType.PASSWORD;
import static dev.pinotcdc.trino.config.PinotAuthenticationType.TOKEN;
import static io.airlift.configuration.testing.ConfigAssertions.assertFullMapping;
import static io.airlift.configuration.testing.ConfigAssertions.assertRecordedDefaults;
import static io.airlift.configuration.testing.ConfigAssertions.recordDefaults;

final class TestPinotAuthenticationTypeConfig
{
    @Test
    void testDefaults()
    {
        assertRecordedDefaults(recordDefaults(PinotAuthenticationTypeConfig.class)
                .setControllerAuthenticationType(NONE)
                .setBrokerAuthenticationType(NONE));
    }

    @Test
    void testExplicitPropertyMappings()
    {
        Map<String, String> properties = ImmutableMap.<String, String>builder()
                .put("pinot.controller.authentication.type", "PASSWORD")
                .put("pinot.broker.authentication.type", "TOKEN")
                .buildOrThrow();

        PinotAuthenticationTypeConfig expected = new PinotAuthenticationTypeConfig()
                .setControllerAuthenticationType(PASSWORD)
                .setBrokerAuthenticationType(TOKEN);

        assertFullMapping(properties, expected);
    }
}

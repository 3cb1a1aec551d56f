package dev.pinotcdc.trino.config;

import io.airlift.configuration.Config;
import io.airlift.configuration.ConfigDescription;
import io.airlift.configuration.ConfigSecuritySensitive;
import jakarta.validation.constraints.AssertTrue;

/**
 * Bearer-token authentication to the brokers: bound when pinot.broker.authentication.type is TOKEN.
 */
public class PinotTokenBrokerAuthenticationConfig
{
    public static final String TOKEN = "pinot.broker.authentication.token";

    private String token;

    public String getToken()
    {
        return token;
    }

    @Config(TOKEN)
    @ConfigDescription("Bearer token for the brokers")
    @ConfigSecuritySensitive
    public PinotTokenBrokerAuthenticationConfig setToken(String token)
    {
        this.token = token;
        return this;
    }

    @AssertTrue(message = "pinot.broker.authentication.type=TOKEN needs pinot.broker.authentication.token")
    public boolean isComplete()
    {
        return token != null;
    }
}

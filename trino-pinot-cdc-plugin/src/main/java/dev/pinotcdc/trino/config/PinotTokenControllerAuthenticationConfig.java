package dev.pinotcdc.trino.config;

import io.airlift.configuration.Config;
import io.airlift.configuration.ConfigDescription;
import io.airlift.configuration.ConfigSecuritySensitive;
import jakarta.validation.constraints.AssertTrue;

/**
 * Bearer-token authentication to the controller: bound when pinot.controller.authentication.type is TOKEN.
 */
public class PinotTokenControllerAuthenticationConfig
{
    public static final String TOKEN = "pinot.controller.authentication.token";

    private String token;

    public String getToken()
    {
        return token;
    }

    @Config(TOKEN)
    @ConfigDescription("Bearer token for the controller")
    @ConfigSecuritySensitive
    public PinotTokenControllerAuthenticationConfig setToken(String token)
    {
        this.token = token;
        return this;
    }

    @AssertTrue(message = "pinot.controller.authentication.type=TOKEN needs pinot.controller.authentication.token")
    public boolean isComplete()
    {
        return token != null;
    }
}

package dev.pinotcdc.trino.config;

import io.airlift.configuration.Config;
import io.airlift.configuration.ConfigDescription;
import io.airlift.configuration.ConfigSecuritySensitive;
import jakarta.validation.constraints.AssertTrue;

/**
 * Basic authentication to the controller: bound when pinot.controller.authentication.type is PASSWORD.
 */
public class PinotPasswordControllerAuthenticationConfig
{
    public static final String USER = "pinot.controller.authentication.user";
    public static final String PASSWORD = "pinot.controller.authentication.password";

    private String user;
    private String password;

    public String getUser()
    {
        return user;
    }

    @Config(USER)
    @ConfigDescription("User name for basic authentication to the controller")
    public PinotPasswordControllerAuthenticationConfig setUser(String user)
    {
        this.user = user;
        return this;
    }

    public String getPassword()
    {
        return password;
    }

    @Config(PASSWORD)
    @ConfigDescription("Password for basic authentication to the controller")
    @ConfigSecuritySensitive
    public PinotPasswordControllerAuthenticationConfig setPassword(String password)
    {
        this.password = password;
        return this;
    }

    @AssertTrue(message = "pinot.controller.authentication.type=PASSWORD needs pinot.controller.authentication.user and .password")
    public boolean isComplete()
    {
        return user != null && password != null;
    }
}

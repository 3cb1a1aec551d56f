package dev.pinotcdc.trino.config;

import io.airlift.configuration.Config;
import io.airlift.configuration.ConfigDescription;
import io.airlift.configuration.ConfigSecuritySensitive;
import jakarta.validation.constraints.AssertTrue;

/**
 * Basic authentication to the brokers: bound when pinot.broker.authentication.type is PASSWORD.
 */
public class PinotPasswordBrokerAuthenticationConfig
{
    public static final String USER = "pinot.broker.authentication.user";
    public static final String PASSWORD = "pinot.broker.authentication.password";

    private String user;
    private String password;

    public String getUser()
    {
        return user;
    }

    @Config(USER)
    @ConfigDescription("User name for basic authentication to the brokers")
    public PinotPasswordBrokerAuthenticationConfig setUser(String user)
    {
        this.user = user;
        return this;
    }

    public String getPassword()
    {
        return password;
    }

    @Config(PASSWORD)
    @ConfigDescription("Password for basic authentication to the brokers")
    @ConfigSecuritySensitive
    public PinotPasswordBrokerAuthenticationConfig setPassword(String password)
    {
        this.password = password;
        return this;
    }

    @AssertTrue(message = "pinot.broker.authentication.type=PASSWORD needs pinot.broker.authentication.user and .password")
    public boolean isComplete()
    {
        return user != null && password != null;
    }
}

package dev.pinotcdc.trino.config;

import io.airlift.configuration.Config;
import io.airlift.configuration.ConfigDescription;
import jakarta.validation.constraints.NotNull;

/**
 * How the controller and the brokers are authenticated to; the credentials of a type are read only when it is chosen.
 */
public class PinotAuthenticationTypeConfig
{
    private PinotAuthenticationType controllerAuthenticationType = PinotAuthenticationType.NONE;
    private PinotAuthenticationType brokerAuthenticationType = PinotAuthenticationType.NONE;

    @NotNull
    public PinotAuthenticationType getControllerAuthenticationType()
    {
        return controllerAuthenticationType;
    }

    @Config("pinot.controller.authentication.type")
    @ConfigDescription("Authentication to the controller: NONE, PASSWORD (basic) or TOKEN (bearer)")
    public PinotAuthenticationTypeConfig setControllerAuthenticationType(PinotAuthenticationType controllerAuthenticationType)
    {
        this.controllerAuthenticationType = controllerAuthenticationType;
        return this;
    }

    @NotNull
    public PinotAuthenticationType getBrokerAuthenticationType()
    {
        return brokerAuthenticationType;
    }

    @Config("pinot.broker.authentication.type")
    @ConfigDescription("Authentication to the brokers: NONE, PASSWORD (basic) or TOKEN (bearer)")
    public PinotAuthenticationTypeConfig setBrokerAuthenticationType(PinotAuthenticationType brokerAuthenticationType)
    {
        this.brokerAuthenticationType = brokerAuthenticationType;
        return this;
    }
}

package dev.pinotcdc.trino.config;

import io.airlift.configuration.Config;
import io.airlift.configuration.ConfigDescription;
import io.airlift.configuration.ConfigSecuritySensitive;
import io.airlift.configuration.validation.FileExists;
import jakarta.validation.constraints.NotNull;

import java.io.File;
import java.util.Optional;

/**
 * The truststore for https controller and broker URLs.
 */
public class PinotTlsConfig
{
    private File truststorePath;
    private String truststorePassword;
    private String truststoreType = "JKS";

    public Optional<@FileExists File> getTruststorePath()
    {
        return Optional.ofNullable(truststorePath);
    }

    @Config("pinot.tls.truststore-path")
    @ConfigDescription("Truststore for https controller and broker URLs; the JVM's default trust is used when unset")
    public PinotTlsConfig setTruststorePath(File truststorePath)
    {
        this.truststorePath = truststorePath;
        return this;
    }

    public Optional<String> getTruststorePassword()
    {
        return Optional.ofNullable(truststorePassword);
    }

    @Config("pinot.tls.truststore-password")
    @ConfigDescription("Password of the truststore")
    @ConfigSecuritySensitive
    public PinotTlsConfig setTruststorePassword(String truststorePassword)
    {
        this.truststorePassword = truststorePassword;
        return this;
    }

    @NotNull
    public String getTruststoreType()
    {
        return truststoreType;
    }

    @Config("pinot.tls.truststore-type")
    @ConfigDescription("Truststore format: JKS or PKCS12")
    public PinotTlsConfig setTruststoreType(String truststoreType)
    {
        this.truststoreType = truststoreType;
        return this;
    }
}

package dev.pinotcdc.trino.testing;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How a test cluster differs from the default open one: extra Pinot properties for the controller, the broker and
 * the server, the Authorization header the harness itself sends (to create tables, send queries, check
 * readiness) when the cluster requires authentication, and a key for https listeners on the controller and the
 * broker (beside their http ones, which the harness and the cluster's own components keep using).
 */
public record PinotClusterOptions(
        Map<String, String> controllerProperties,
        Map<String, String> brokerProperties,
        Map<String, String> serverProperties,
        Optional<String> adminAuthorization,
        Optional<Keystore> httpsKeystore)
{
    public static final PinotClusterOptions DEFAULT = new PinotClusterOptions(Map.of(), Map.of(), Map.of(), Optional.empty(), Optional.empty());

    public PinotClusterOptions
    {
        controllerProperties = ImmutableMap.copyOf(requireNonNull(controllerProperties, "controllerProperties is null"));
        brokerProperties = ImmutableMap.copyOf(requireNonNull(brokerProperties, "brokerProperties is null"));
        serverProperties = ImmutableMap.copyOf(requireNonNull(serverProperties, "serverProperties is null"));
        requireNonNull(adminAuthorization, "adminAuthorization is null");
        requireNonNull(httpsKeystore, "httpsKeystore is null");
    }

    public static PinotClusterOptions brokerProperties(Map<String, String> brokerProperties)
    {
        return new PinotClusterOptions(Map.of(), brokerProperties, Map.of(), Optional.empty(), Optional.empty());
    }

    /**
     * The controller and the broker also listen on https with this key ({@link PinotTestCluster#controllerHttpsUrl()}).
     */
    public PinotClusterOptions withHttps(Path keystore, String password, String type)
    {
        return new PinotClusterOptions(controllerProperties, brokerProperties, serverProperties, adminAuthorization, Optional.of(new Keystore(keystore, password, type)));
    }

    public record Keystore(Path path, String password, String type)
    {
        public Keystore
        {
            requireNonNull(path, "path is null");
            requireNonNull(password, "password is null");
            requireNonNull(type, "type is null");
        }
    }

    /**
     * The launcher's command-line arguments for these options ({@code component:property=value}).
     */
    Iterable<String> launcherArguments()
    {
        ImmutableList.Builder<String> arguments = ImmutableList.builder();
        controllerProperties.forEach((name, value) -> arguments.add("controller:" + name + "=" + value));
        brokerProperties.forEach((name, value) -> arguments.add("broker:" + name + "=" + value));
        serverProperties.forEach((name, value) -> arguments.add("server:" + name + "=" + value));
        adminAuthorization.ifPresent(value -> arguments.add("client:authorization=" + value));
        httpsKeystore.ifPresent(keystore -> {
            arguments.add("tls:keystore=" + keystore.path().toAbsolutePath());
            arguments.add("tls:password=" + keystore.password());
            arguments.add("tls:type=" + keystore.type());
        });
        return arguments.build();
    }
}

package dev.pinotcdc.trino.testing;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How a test cluster differs from the default open one: extra Pinot properties for the controller, the broker and
 * the server, and the Authorization header the harness itself sends (to create tables, send queries, check
 * readiness) when the cluster requires authentication.
 */
public record PinotClusterOptions(
        Map<String, String> controllerProperties,
        Map<String, String> brokerProperties,
        Map<String, String> serverProperties,
        Optional<String> adminAuthorization)
{
    public static final PinotClusterOptions DEFAULT = new PinotClusterOptions(Map.of(), Map.of(), Map.of(), Optional.empty());

    public PinotClusterOptions
    {
        controllerProperties = ImmutableMap.copyOf(requireNonNull(controllerProperties, "controllerProperties is null"));
        brokerProperties = ImmutableMap.copyOf(requireNonNull(brokerProperties, "brokerProperties is null"));
        serverProperties = ImmutableMap.copyOf(requireNonNull(serverProperties, "serverProperties is null"));
        requireNonNull(adminAuthorization, "adminAuthorization is null");
    }

    public static PinotClusterOptions brokerProperties(Map<String, String> brokerProperties)
    {
        return new PinotClusterOptions(Map.of(), brokerProperties, Map.of(), Optional.empty());
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
        return arguments.build();
    }
}

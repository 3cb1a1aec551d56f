package dev.pinotcdc.trino.testing;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Pinot 0.11's basic authentication on the controller and the broker, with the same principals on both. The
 * cluster's own components then need credentials too: the server reports realtime segment completion to the
 * controller and uploads and fetches segments through it, and the controller fetches segments; they use the first
 * principal, which must be allowed everything.
 */
public final class PinotBasicAuthentication
{
    private static final String CONTROLLER_PRINCIPALS = "controller.admin.access.control.principals";
    private static final String BROKER_PRINCIPALS = "pinot.broker.access.control.principals";

    private PinotBasicAuthentication() {}

    public static PinotClusterOptions options(PinotPrincipal admin, List<PinotPrincipal> others)
    {
        if (!admin.tables().isEmpty() || !admin.permissions().isEmpty()) {
            throw new IllegalArgumentException("The cluster's own principal must be allowed every table and action: " + admin);
        }
        List<PinotPrincipal> principals = ImmutableList.<PinotPrincipal>builder().add(admin).addAll(others).build();
        String internalToken = admin.authorization();

        ImmutableMap.Builder<String, String> controller = ImmutableMap.builder();
        controller.put("controller.admin.access.control.factory.class", "org.apache.pinot.controller.api.access.BasicAuthAccessControlFactory");
        addPrincipals(controller, CONTROLLER_PRINCIPALS, principals);
        controller.put("controller.segment.fetcher.auth.token", internalToken);

        ImmutableMap.Builder<String, String> broker = ImmutableMap.builder();
        broker.put("pinot.broker.access.control.class", "org.apache.pinot.broker.broker.BasicAuthAccessControlFactory");
        addPrincipals(broker, BROKER_PRINCIPALS, principals);

        ImmutableMap<String, String> server = ImmutableMap.of(
                "pinot.server.segment.fetcher.auth.token", internalToken,
                "pinot.server.segment.uploader.auth.token", internalToken,
                "pinot.server.instance.auth.token", internalToken);

        return new PinotClusterOptions(controller.buildOrThrow(), broker.buildOrThrow(), server, Optional.of(internalToken), Optional.empty());
    }

    private static void addPrincipals(ImmutableMap.Builder<String, String> properties, String prefix, List<PinotPrincipal> principals)
    {
        properties.put(prefix, principals.stream().map(PinotPrincipal::name).collect(Collectors.joining(",")));
        for (PinotPrincipal principal : principals) {
            properties.put(prefix + "." + principal.name() + ".password", principal.password());
            if (!principal.tables().isEmpty()) {
                properties.put(prefix + "." + principal.name() + ".tables", String.join(",", principal.tables()));
            }
            if (!principal.permissions().isEmpty()) {
                properties.put(prefix + "." + principal.name() + ".permissions", String.join(",", principal.permissions()));
            }
        }
    }
}

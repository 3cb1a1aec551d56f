package dev.pinotcdc.pinotcluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Settings beyond the defaults, given on the command line as {@code component:property=value}: {@code controller:},
 * {@code broker:} (also without a prefix, as before) and {@code server:} add Pinot properties to that component;
 * {@code client:authorization=...} is the Authorization header the launcher's own readiness checks send to a
 * cluster that requires authentication; {@code tls:keystore=...}, {@code tls:password=...} and
 * {@code tls:type=...} add an https listener with that key to the controller and the broker, beside their http one.
 */
record ClusterSettings(
        Map<String, String> controllerProperties,
        Map<String, String> brokerProperties,
        Map<String, String> serverProperties,
        Optional<String> authorization,
        Optional<Tls> tls)
{
    private static final String AUTHORIZATION = "authorization";

    ClusterSettings
    {
        controllerProperties = Map.copyOf(requireNonNull(controllerProperties, "controllerProperties is null"));
        brokerProperties = Map.copyOf(requireNonNull(brokerProperties, "brokerProperties is null"));
        serverProperties = Map.copyOf(requireNonNull(serverProperties, "serverProperties is null"));
        requireNonNull(authorization, "authorization is null");
        requireNonNull(tls, "tls is null");
    }

    record Tls(String keystorePath, String keystorePassword, String keystoreType)
    {
        Tls
        {
            requireNonNull(keystorePath, "keystorePath is null");
            requireNonNull(keystorePassword, "keystorePassword is null");
            requireNonNull(keystoreType, "keystoreType is null");
        }
    }

    static ClusterSettings parse(List<String> arguments)
    {
        Map<String, String> controller = new LinkedHashMap<>();
        Map<String, String> broker = new LinkedHashMap<>();
        Map<String, String> server = new LinkedHashMap<>();
        Optional<String> authorization = Optional.empty();
        Map<String, String> tls = new LinkedHashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("Not a [component:]property=value: " + argument);
            }
            String name = argument.substring(0, equals);
            String value = argument.substring(equals + 1);
            int colon = name.indexOf(':');
            String component = colon < 0 ? "broker" : name.substring(0, colon);
            String property = name.substring(colon + 1);
            switch (component) {
                case "controller" -> controller.put(property, value);
                case "broker" -> broker.put(property, value);
                case "server" -> server.put(property, value);
                case "client" -> {
                    if (!property.equals(AUTHORIZATION)) {
                        throw new IllegalArgumentException("Unknown client setting: " + property);
                    }
                    authorization = Optional.of(value);
                }
                case "tls" -> tls.put(property, value);
                default -> throw new IllegalArgumentException("Unknown component '%s' in %s".formatted(component, name));
            }
        }
        Optional<Tls> tlsSettings = Optional.empty();
        if (!tls.isEmpty()) {
            if (!tls.containsKey("keystore") || !tls.containsKey("password")) {
                throw new IllegalArgumentException("tls: needs keystore and password, got " + tls.keySet());
            }
            tlsSettings = Optional.of(new Tls(tls.get("keystore"), tls.get("password"), tls.getOrDefault("type", "PKCS12")));
        }
        return new ClusterSettings(controller, broker, server, authorization, tlsSettings);
    }
}

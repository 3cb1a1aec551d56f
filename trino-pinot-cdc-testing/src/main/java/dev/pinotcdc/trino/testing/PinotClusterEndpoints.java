package dev.pinotcdc.trino.testing;

import static java.util.Objects.requireNonNull;

public record PinotClusterEndpoints(
        String controllerUrl,
        String brokerUrl,
        String serverAdminUrl,
        String kafkaBootstrapServers,
        String zookeeperAddress)
{
    public PinotClusterEndpoints
    {
        requireNonNull(controllerUrl, "controllerUrl is null");
        requireNonNull(brokerUrl, "brokerUrl is null");
        requireNonNull(serverAdminUrl, "serverAdminUrl is null");
        requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers is null");
        requireNonNull(zookeeperAddress, "zookeeperAddress is null");
    }
}

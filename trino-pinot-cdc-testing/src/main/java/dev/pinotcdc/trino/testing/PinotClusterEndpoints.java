package dev.pinotcdc.trino.testing;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

public record PinotClusterEndpoints(
        String controllerUrl,
        String brokerUrl,
        String serverAdminUrl,
        String kafkaBootstrapServers,
        String zookeeperAddress,
        Optional<String> controllerHttpsUrl,
        Optional<String> brokerHttpsUrl)
{
    public PinotClusterEndpoints
    {
        requireNonNull(controllerUrl, "controllerUrl is null");
        requireNonNull(brokerUrl, "brokerUrl is null");
        requireNonNull(serverAdminUrl, "serverAdminUrl is null");
        requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers is null");
        requireNonNull(zookeeperAddress, "zookeeperAddress is null");
        requireNonNull(controllerHttpsUrl, "controllerHttpsUrl is null");
        requireNonNull(brokerHttpsUrl, "brokerHttpsUrl is null");
    }
}

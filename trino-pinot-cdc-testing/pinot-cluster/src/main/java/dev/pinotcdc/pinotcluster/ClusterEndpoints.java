package dev.pinotcdc.pinotcluster;

import static java.util.Objects.requireNonNull;

/**
 * Where the running cluster answers; written to the ready file for the test JVM.
 */
public record ClusterEndpoints(
        String controllerUrl,
        String brokerUrl,
        String serverAdminUrl,
        String kafkaBootstrapServers,
        String zookeeperAddress,
        String clusterName,
        // null without TLS
        String controllerHttpsUrl,
        String brokerHttpsUrl)
{
    public ClusterEndpoints
    {
        requireNonNull(controllerUrl, "controllerUrl is null");
        requireNonNull(brokerUrl, "brokerUrl is null");
        requireNonNull(serverAdminUrl, "serverAdminUrl is null");
        requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers is null");
        requireNonNull(zookeeperAddress, "zookeeperAddress is null");
        requireNonNull(clusterName, "clusterName is null");
    }
}

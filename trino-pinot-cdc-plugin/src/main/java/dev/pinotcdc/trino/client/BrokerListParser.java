package dev.pinotcdc.trino.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the brokers serving a table. {@code GET /v2/brokers/tables/{table}} (0.11 and 1.x) answers
 * {@code [{"instanceName": "Broker_host_8099", "host": "host", "port": 8099}]}; the older
 * {@code GET /brokers/tables/{table}} answers instance names only: {@code ["Broker_host_8099"]}.
 */
final class BrokerListParser
{
    private static final String BROKER_INSTANCE_PREFIX = "Broker_";

    private BrokerListParser() {}

    /** The brokers as {@code host:port}. */
    static List<String> parse(String tableName, JsonNode answer)
    {
        if (answer == null || !answer.isArray()) {
            throw new PinotInvalidResponseException("Pinot table '%s': the broker list is not a JSON array: %s".formatted(tableName, answer));
        }
        List<String> brokers = new ArrayList<>();
        for (JsonNode broker : answer) {
            if (broker.isObject() && broker.path("host").isTextual() && broker.path("port").canConvertToInt()) {
                brokers.add(broker.path("host").textValue() + ":" + broker.path("port").asInt());
            }
            else if (broker.isObject() && broker.path("instanceName").isTextual()) {
                brokers.add(fromInstanceName(tableName, broker.path("instanceName").textValue()));
            }
            else if (broker.isTextual()) {
                brokers.add(fromInstanceName(tableName, broker.textValue()));
            }
            else {
                throw new PinotInvalidResponseException("Pinot table '%s': unexpected broker entry: %s".formatted(tableName, broker));
            }
        }
        return List.copyOf(brokers);
    }

    private static String fromInstanceName(String tableName, String instanceName)
    {
        String hostAndPort = instanceName.startsWith(BROKER_INSTANCE_PREFIX) ? instanceName.substring(BROKER_INSTANCE_PREFIX.length()) : instanceName;
        int separator = hostAndPort.lastIndexOf('_');
        if (separator <= 0 || separator == hostAndPort.length() - 1 || !hostAndPort.substring(separator + 1).chars().allMatch(Character::isDigit)) {
            throw new PinotInvalidResponseException("Pinot table '%s': broker instance name '%s' is not Broker_<host>_<port>".formatted(tableName, instanceName));
        }
        return hostAndPort.substring(0, separator) + ":" + hostAndPort.substring(separator + 1);
    }
}

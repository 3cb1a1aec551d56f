package dev.pinotcdc.trino.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The broker lists of {@code /v2/brokers/tables/{table}} (InstanceInfo objects) and {@code /brokers/tables/{table}} (instance names). */
class TestBrokerListParser
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void readsInstanceInfos()
    {
        assertThat(BrokerListParser.parse("orders", json("""
                [{"instanceName": "Broker_127.0.0.1_8099", "host": "127.0.0.1", "port": 8099},
                 {"instanceName": "Broker_broker-1.pinot.svc_8099", "host": "broker-1.pinot.svc", "port": 8099}]
                """)))
                .containsExactly("127.0.0.1:8099", "broker-1.pinot.svc:8099");
    }

    @Test
    void readsInstanceNames()
    {
        assertThat(BrokerListParser.parse("orders", json("""
                ["Broker_127.0.0.1_8099", "Broker_pinot_broker_host_18099"]
                """)))
                .containsExactly("127.0.0.1:8099", "pinot_broker_host:18099");
    }

    @Test
    void rejectsUnknownShapes()
    {
        assertThatThrownBy(() -> BrokerListParser.parse("orders", json("{\"orders\": []}")))
                .isInstanceOf(PinotInvalidResponseException.class)
                .hasMessageStartingWith("Pinot table 'orders': the broker list is not a JSON array");
        assertThatThrownBy(() -> BrokerListParser.parse("orders", json("[\"Broker_localhost\"]")))
                .isInstanceOf(PinotInvalidResponseException.class)
                .hasMessageContaining("'Broker_localhost' is not Broker_<host>_<port>");
    }

    private static JsonNode json(String text)
    {
        try {
            return MAPPER.readTree(text);
        }
        catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

package dev.pinotcdc.trino.cdc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The one way to parse the JSON this plugin reads (source row images, Debezium schemas, broker cells, definition
 * files). Decimal fractions must stay exact: by default Jackson reads 12345678901234567.89 as a double and loses
 * digits before any decoder sees them, so floating-point numbers are read as {@link java.math.BigDecimal}.
 */
public final class CdcJson
{
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(NODES)
            // trees: exact fractions, and a negative zero that keeps its sign
            .addModule(new SimpleModule().addDeserializer(JsonNode.class, new ExactJsonNodeDeserializer(NODES)))
            .build();

    static {
        // documents stored by users may be large; the defaults limit string length to 20 MB, keep them
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.defaults());
    }

    private CdcJson() {}

    /** The configured mapper; thread-safe, do not reconfigure. */
    public static ObjectMapper objectMapper()
    {
        return MAPPER;
    }

    /** Parses JSON text; throws {@link IllegalArgumentException} when it is not one well-formed JSON value. */
    public static JsonNode parse(String json)
    {
        try {
            return MAPPER.readTree(json);
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Malformed JSON: " + e.getOriginalMessage(), e);
        }
    }
}

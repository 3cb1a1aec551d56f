package dev.pinotcdc.trino.cdc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Builds JSON trees with every fraction as an exact {@link BigDecimal}, except negative zero: a BigDecimal has no
 * sign of zero, so Jackson's own BigDecimal mode reads {@code -0.0} as {@code 0.0}, and a REAL or DOUBLE column
 * would show PostgreSQL's {@code -0} as {@code 0}. Negative zero stays a double.
 */
final class ExactJsonNodeDeserializer
        extends StdDeserializer<JsonNode>
{
    private final JsonNodeFactory nodes;

    ExactJsonNodeDeserializer(JsonNodeFactory nodes)
    {
        super(JsonNode.class);
        this.nodes = nodes;
    }

    @Override
    public JsonNode deserialize(JsonParser parser, DeserializationContext context)
            throws IOException
    {
        if (parser.currentToken() == JsonToken.FIELD_NAME) {
            // called inside an object whose START_OBJECT was already read
            return readObjectFields(parser, context);
        }
        return read(parser, context, parser.currentToken());
    }

    @Override
    public JsonNode getNullValue(DeserializationContext context)
    {
        return NullNode.getInstance();
    }

    private JsonNode read(JsonParser parser, DeserializationContext context, JsonToken token)
            throws IOException
    {
        return switch (token) {
            case START_OBJECT -> {
                parser.nextToken();
                yield readObjectFields(parser, context);
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
                    array.add(read(parser, context, element));
                }
                yield array;
            }
            case VALUE_STRING -> nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT -> integer(parser);
            case VALUE_NUMBER_FLOAT -> fraction(parser);
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            case VALUE_EMBEDDED_OBJECT -> nodes.pojoNode(parser.getEmbeddedObject());
            default -> (JsonNode) context.handleUnexpectedToken(JsonNode.class, parser);
        };
    }

    private ObjectNode readObjectFields(JsonParser parser, DeserializationContext context)
            throws IOException
    {
        ObjectNode object = nodes.objectNode();
        for (JsonToken token = parser.currentToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            // a repeated key keeps its last value, as Jackson's own trees do
            object.replace(name, read(parser, context, parser.nextToken()));
        }
        return object;
    }

    private JsonNode integer(JsonParser parser)
            throws IOException
    {
        return switch (parser.getNumberType()) {
            case INT -> nodes.numberNode(parser.getIntValue());
            case LONG -> nodes.numberNode(parser.getLongValue());
            default -> nodes.numberNode(parser.getBigIntegerValue());
        };
    }

    private JsonNode fraction(JsonParser parser)
            throws IOException
    {
        BigDecimal value = parser.getDecimalValue();
        if (value.signum() == 0 && parser.getText().startsWith("-")) {
            return nodes.numberNode(-0.0d);
        }
        return nodes.numberNode(value);
    }
}

package dev.pinotcdc.trino.templates;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Reads and writes JSON trees with jackson-core's streaming API only. The command runs from the plugin directory,
 * which lacks jackson-annotations (Trino provides it to plugins), and databind's {@code ObjectMapper} cannot load
 * without it; the tree classes can. So: never {@code ObjectMapper}, nor {@code JsonNode.toString()}, in this package.
 */
public final class TemplateJson
{
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private TemplateJson() {}

    public static JsonNode parse(String text)
    {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new TemplateException("Empty JSON text");
            }
            JsonNode node = read(parser, token);
            if (parser.nextToken() != null) {
                throw new TemplateException("Unexpected text after the JSON value at " + parser.currentLocation().offsetDescription());
            }
            return node;
        }
        catch (JsonProcessingException e) {
            throw new TemplateException("Invalid JSON: " + e.getOriginalMessage(), e);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pretty(JsonNode node)
    {
        return write(node, true);
    }

    public static String compact(JsonNode node)
    {
        return write(node, false);
    }

    private static String write(JsonNode node, boolean pretty)
    {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            if (pretty) {
                generator.useDefaultPrettyPrinter();
            }
            write(generator, node);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static JsonNode integer(JsonParser parser)
            throws IOException
    {
        return switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
        };
    }

    private static JsonNode read(JsonParser parser, JsonToken token)
            throws IOException
    {
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    object.set(name, read(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(read(parser, next));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> integer(parser);
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new TemplateException("Unexpected JSON token " + token);
        };
    }

    private static void write(JsonGenerator generator, JsonNode node)
            throws IOException
    {
        if (node.isObject()) {
            generator.writeStartObject();
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                generator.writeFieldName(property.getKey());
                write(generator, property.getValue());
            }
            generator.writeEndObject();
        }
        else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode element : node) {
                write(generator, element);
            }
            generator.writeEndArray();
        }
        else if (node.isTextual()) {
            generator.writeString(node.textValue());
        }
        else if (node.isBoolean()) {
            generator.writeBoolean(node.booleanValue());
        }
        else if (node.isIntegralNumber()) {
            generator.writeNumber(node.bigIntegerValue());
        }
        else if (node.isNumber()) {
            generator.writeNumber(node.decimalValue());
        }
        else {
            generator.writeNull();
        }
    }
}

package dev.pinotcdc.trino.templates;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What one Debezium message (JSON converter with {@code schemas.enable=true}) tells about its topic: the fields of
 * the row image with their Connect types, and the topic and table names its envelope schema is named after.
 *
 * @param envelopeName the envelope schema's name, for example {@code user_service.public.person.Envelope}
 */
public record DebeziumSample(List<RowField> fields, Optional<String> envelopeName)
{
    private static final String ENVELOPE_SUFFIX = ".Envelope";

    public DebeziumSample
    {
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
        requireNonNull(envelopeName, "envelopeName is null");
    }

    /**
     * Reads a message: one JSON value, pretty-printed or not, or the first line of a file of messages.
     */
    public static DebeziumSample parse(String text)
    {
        JsonNode message;
        try {
            message = TemplateJson.parse(text);
        }
        catch (TemplateException wholeText) {
            String firstLine = text.strip().lines().findFirst().orElse("");
            try {
                message = TemplateJson.parse(firstLine);
            }
            catch (TemplateException firstLineToo) {
                throw wholeText;
            }
        }
        JsonNode schema = message.path("schema");
        if (!message.isObject() || !schema.isObject() || !message.has("payload")) {
            throw new TemplateException("The sample is not a Debezium message with its schema: expected {\"schema\": ..., \"payload\": ...}, as Kafka Connect's "
                    + "JsonConverter writes it with value.converter.schemas.enable=true");
        }
        JsonNode rowImage = envelopeField(schema, "after").or(() -> envelopeField(schema, "before")).orElseThrow(() -> new TemplateException(
                "The sample's schema has no 'after' or 'before' struct: it is not a Debezium change event envelope (was it flattened by ExtractNewRecordState?)"));
        List<RowField> fields = new ArrayList<>();
        for (JsonNode field : rowImage.path("fields")) {
            String name = field.path("field").asText("");
            String connectType = field.path("type").asText("");
            if (name.isEmpty() || connectType.isEmpty()) {
                throw new TemplateException("The sample's row schema has a field without 'field' or 'type'");
            }
            JsonNode semanticName = field.path("name");
            fields.add(new RowField(name, new DebeziumType(connectType, semanticName.isTextual() ? Optional.of(semanticName.asText()) : Optional.empty())));
        }
        if (fields.isEmpty()) {
            throw new TemplateException("The sample's row schema lists no fields");
        }
        JsonNode name = schema.path("name");
        return new DebeziumSample(fields, name.isTextual() ? Optional.of(name.asText()) : Optional.empty());
    }

    /** Debezium's default topic: the envelope's name without {@code .Envelope}. */
    public Optional<String> topic()
    {
        return envelopeName.filter(name -> name.endsWith(ENVELOPE_SUFFIX))
                .map(name -> name.substring(0, name.length() - ENVELOPE_SUFFIX.length()));
    }

    /** The database table's name: the topic's last part. */
    public Optional<String> tableName()
    {
        return topic().map(topic -> topic.substring(topic.lastIndexOf('.') + 1));
    }

    private static Optional<JsonNode> envelopeField(JsonNode schema, String name)
    {
        for (JsonNode field : schema.path("fields")) {
            if (field.path("field").asText("").equals(name) && field.path("type").asText("").equals("struct")) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}

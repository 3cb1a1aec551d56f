package dev.pinotcdc.trino.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinotcdc.trino.client.PinotColumn.Role;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a schema as the controller returns it ({@code GET /tables/{table}/schema}). The same shape in Pinot 0.11
 * and 1.x: {@code dimensionFieldSpecs}, {@code metricFieldSpecs}, {@code dateTimeFieldSpecs}, the legacy
 * {@code timeFieldSpec}, {@code primaryKeyColumns}; 1.x adds {@code complexFieldSpecs} (MAP columns).
 */
final class TableSchemaParser
{
    private TableSchemaParser() {}

    static PinotTableSchema parse(String tableName, JsonNode schema)
    {
        if (schema == null || !schema.isObject()) {
            throw new PinotInvalidResponseException("Pinot table '%s': the schema is not a JSON object".formatted(tableName));
        }
        List<PinotColumn> columns = new ArrayList<>();
        Map<String, String> unsupported = new LinkedHashMap<>();
        addFieldSpecs(tableName, schema.path("dimensionFieldSpecs"), Role.DIMENSION, columns, unsupported);
        addFieldSpecs(tableName, schema.path("metricFieldSpecs"), Role.METRIC, columns, unsupported);
        addFieldSpecs(tableName, schema.path("dateTimeFieldSpecs"), Role.DATE_TIME, columns, unsupported);
        legacyTimeFieldSpec(schema.path("timeFieldSpec"))
                .ifPresent(spec -> addFieldSpec(tableName, spec, Role.DATE_TIME, columns, unsupported));
        for (JsonNode complex : schema.path("complexFieldSpecs")) {
            unsupported.put(requiredText(tableName, complex, "name"), complex.path("dataType").asText("COMPLEX"));
        }

        List<String> primaryKeyColumns = new ArrayList<>();
        for (JsonNode key : schema.path("primaryKeyColumns")) {
            primaryKeyColumns.add(key.asText());
        }
        String name = schema.path("schemaName").asText(tableName);
        return new PinotTableSchema(name, columns, primaryKeyColumns, unsupported);
    }

    private static void addFieldSpecs(String tableName, JsonNode specs, Role role, List<PinotColumn> columns, Map<String, String> unsupported)
    {
        for (JsonNode spec : specs) {
            addFieldSpec(tableName, spec, role, columns, unsupported);
        }
    }

    private static void addFieldSpec(String tableName, JsonNode spec, Role role, List<PinotColumn> columns, Map<String, String> unsupported)
    {
        String name = requiredText(tableName, spec, "name");
        String typeName = requiredText(tableName, spec, "dataType");
        boolean singleValue = spec.path("singleValueField").asBoolean(true);
        Optional<PinotDataType> type = PinotDataType.fromPinotName(typeName);
        if (type.isPresent()) {
            Optional<String> format = role == Role.DATE_TIME ? Optional.of(spec.path("format").asText("")).filter(text -> !text.isEmpty()) : Optional.empty();
            Optional<Integer> maxLength = spec.path("maxLength").isIntegralNumber() ? Optional.of(spec.path("maxLength").asInt()) : Optional.empty();
            Optional<String> maxLengthExceedStrategy = spec.path("maxLengthExceedStrategy").isTextual() ? Optional.of(spec.path("maxLengthExceedStrategy").asText()) : Optional.empty();
            columns.add(new PinotColumn(name, type.orElseThrow(), singleValue, role, format, PinotColumn.textLimit(type.orElseThrow(), maxLength, maxLengthExceedStrategy)));
        }
        else {
            unsupported.put(name, typeName);
        }
    }

    // The legacy time column: its name and type are in the outgoing spec when present, else in the incoming one
    private static Optional<JsonNode> legacyTimeFieldSpec(JsonNode timeFieldSpec)
    {
        if (!timeFieldSpec.isObject()) {
            return Optional.empty();
        }
        JsonNode outgoing = timeFieldSpec.path("outgoingGranularitySpec");
        if (outgoing.hasNonNull("name")) {
            return Optional.of(outgoing);
        }
        JsonNode incoming = timeFieldSpec.path("incomingGranularitySpec");
        return incoming.hasNonNull("name") ? Optional.of(incoming) : Optional.empty();
    }

    private static String requiredText(String tableName, JsonNode node, String field)
    {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw new PinotInvalidResponseException("Pinot table '%s': a schema field spec has no '%s': %s".formatted(tableName, field, node));
        }
        return value.textValue();
    }
}

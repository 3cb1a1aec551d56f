package dev.pinotcdc.trino.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pinotcdc.trino.client.PinotDataType;
import dev.pinotcdc.trino.templates.CdcColumns;
import dev.pinotcdc.trino.templates.CdcTableSpec;
import dev.pinotcdc.trino.templates.CdcTableTemplate;
import dev.pinotcdc.trino.templates.CdcTemplateGenerator;
import dev.pinotcdc.trino.templates.KeyColumn;
import dev.pinotcdc.trino.templates.PinotVersion;
import dev.pinotcdc.trino.templates.RowField;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A Pinot table fed by one Debezium topic (JSON converter with schemas, messages {@code {"schema": ...,
 * "payload": ...}}), written by the product's own template generator ({@link CdcTemplateGenerator}, Pinot 0.11
 * layout), so every test table also tests the templates. Columns:
 * <ul>
 * <li>the primary-key columns, from {@code payload.after}, or from {@code payload.before} when {@code after} is
 * null, so that a delete overwrites its own key;</li>
 * <li>{@code source} JSON: {@code payload.after} (null on deletes and truncates);</li>
 * <li>{@code op} STRING, {@code ts_ms} LONG (the time column), {@code lsn} LONG ({@code payload.source.lsn});</li>
 * <li>{@code source_schema} JSON: Debezium's schema of the {@code after} struct (unless left out);</li>
 * <li>promoted fields: native columns named like the field (epoch numbers for temporal fields).</li>
 * </ul>
 * Upsert tables keep the newest version of each key by {@code comparisonColumn} (the LSN by default, since
 * {@code ts_ms} is Debezium's clock, not commit order).
 */
public record DebeziumCdcTableDefinition(
        String tableName,
        String topic,
        List<PinotColumn> primaryKey,
        boolean upsert,
        String comparisonColumn,
        Optional<Integer> flushThresholdRows,
        List<RowField> promotedFields,
        boolean valueSchemaColumn,
        CdcMessageDecoding decoding)
{
    public static final String SOURCE_COLUMN = CdcColumns.SOURCE;
    public static final String OP_COLUMN = CdcColumns.OP;
    public static final String TS_MS_COLUMN = CdcColumns.TS_MS;
    public static final String LSN_COLUMN = CdcColumns.LSN;
    public static final String SOURCE_SCHEMA_COLUMN = CdcColumns.SOURCE_SCHEMA;

    public DebeziumCdcTableDefinition
    {
        requireNonNull(tableName, "tableName is null");
        requireNonNull(topic, "topic is null");
        primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey is null"));
        requireNonNull(comparisonColumn, "comparisonColumn is null");
        requireNonNull(flushThresholdRows, "flushThresholdRows is null");
        promotedFields = List.copyOf(requireNonNull(promotedFields, "promotedFields is null"));
        requireNonNull(decoding, "decoding is null");
        if (!primaryKey.stream().allMatch(PinotColumn::singleValue)) {
            throw new IllegalArgumentException("primary-key columns are single-valued");
        }
        if (decoding == CdcMessageDecoding.RAW_MESSAGE_TEXT && (!promotedFields.isEmpty() || !valueSchemaColumn)) {
            throw new IllegalArgumentException("the raw message layout keeps the template's default columns only");
        }
    }

    public ObjectNode schema()
    {
        // the schema does not depend on where Kafka is
        return template("localhost:9092").schema();
    }

    public ObjectNode tableConfig(String kafkaBootstrapServers)
    {
        ObjectNode config = template(kafkaBootstrapServers).tableConfig();
        if (decoding == CdcMessageDecoding.RAW_MESSAGE_TEXT) {
            // the product's layout, fed from the message text instead of Pinot's lossy JSON decoder
            ObjectNode streamConfigs = (ObjectNode) config.path("tableIndexConfig").path("streamConfigs");
            decoding.decoderConfigs().forEach(streamConfigs::put);
            ArrayNode transforms = ((ObjectNode) config.path("ingestionConfig")).putArray("transformConfigs");
            rawMessageTransforms().forEach((column, function) -> transforms.addObject()
                    .put("columnName", column)
                    .put("transformFunction", function));
        }
        return config;
    }

    /**
     * The template's columns from the message text; JSON values go back to JSON text with Groovy's JsonOutput.
     */
    private Map<String, String> rawMessageTransforms()
    {
        String message = CdcMessageDecoding.RAW_MESSAGE_FIELD;
        String parse = "new groovy.json.JsonSlurper().parseText(%s)".formatted(message);
        Map<String, String> transforms = new LinkedHashMap<>();
        for (PinotColumn column : primaryKey) {
            String field = groovyString(column.name());
            transforms.put(column.name(), "Groovy({def p = %s.payload; p.after != null ? p.after.get(%s) : p.before?.get(%s)}, %s)".formatted(parse, field, field, message));
        }
        transforms.put(SOURCE_COLUMN, "Groovy({def a = %s.payload.after; a == null ? null : groovy.json.JsonOutput.toJson(a)}, %s)".formatted(parse, message));
        transforms.put(OP_COLUMN, "Groovy({%s.payload.op}, %s)".formatted(parse, message));
        transforms.put(TS_MS_COLUMN, "Groovy({%s.payload.ts_ms}, %s)".formatted(parse, message));
        transforms.put(LSN_COLUMN, "Groovy({%s.payload.source?.lsn}, %s)".formatted(parse, message));
        transforms.put(SOURCE_SCHEMA_COLUMN, "Groovy({def f = %s.schema?.fields?.getAt(1); f == null ? null : groovy.json.JsonOutput.toJson(f)}, %s)".formatted(parse, message));
        return transforms;
    }

    private static String groovyString(String value)
    {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    public CdcTableTemplate template(String kafkaBootstrapServers)
    {
        return CdcTemplateGenerator.generate(spec(kafkaBootstrapServers));
    }

    public CdcTableSpec spec(String kafkaBootstrapServers)
    {
        CdcTableSpec.Builder spec = CdcTableSpec.builder(tableName)
                .topic(topic)
                .kafkaBootstrapServers(kafkaBootstrapServers)
                .fields(promotedFields)
                .promotedFields(promotedFields.stream().map(RowField::name).toList())
                .upsert(upsert)
                .comparisonColumn(comparisonColumn)
                .version(PinotVersion.V0_11);
        primaryKey.forEach(column -> spec.primaryKeyColumn(new KeyColumn(column.name(), PinotDataType.valueOf(column.type().name()))));
        flushThresholdRows.ifPresent(spec::flushThresholdRows);
        if (!valueSchemaColumn) {
            spec.withoutValueSchema();
        }
        return spec.build();
    }
}

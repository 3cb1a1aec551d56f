package dev.pinotcdc.trino.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The Pinot schema and REALTIME table config of a table fed by one Debezium topic (JSON converter with schemas,
 * messages {@code {"schema": ..., "payload": ...}}). Columns:
 * <ul>
 * <li>the primary-key columns, from {@code payload.after}, or from {@code payload.before} when {@code after} is
 * null, so that a delete overwrites its own key;</li>
 * <li>{@code source} JSON: {@code payload.after} (null on deletes and truncates);</li>
 * <li>{@code op} STRING, {@code ts_ms} LONG (the time column), {@code lsn} LONG ({@code payload.source.lsn});</li>
 * <li>{@code source_schema} JSON: Debezium's schema of the {@code after} struct ({@code schema.fields[1]}).</li>
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
        CdcMessageDecoding decoding,
        Optional<Integer> flushThresholdRows)
{
    public static final String SOURCE_COLUMN = "source";
    public static final String OP_COLUMN = "op";
    public static final String TS_MS_COLUMN = "ts_ms";
    public static final String LSN_COLUMN = "lsn";
    public static final String SOURCE_SCHEMA_COLUMN = "source_schema";

    public DebeziumCdcTableDefinition
    {
        requireNonNull(tableName, "tableName is null");
        requireNonNull(topic, "topic is null");
        primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey is null"));
        requireNonNull(comparisonColumn, "comparisonColumn is null");
        requireNonNull(decoding, "decoding is null");
        requireNonNull(flushThresholdRows, "flushThresholdRows is null");
        if (primaryKey.isEmpty()) {
            throw new IllegalArgumentException("a CDC table needs primary-key columns");
        }
        if (!primaryKey.stream().allMatch(column -> column.singleValue() && !column.isMetric())) {
            throw new IllegalArgumentException("primary-key columns are single-valued dimensions (no BIG_DECIMAL)");
        }
    }

    public ObjectNode schema()
    {
        ObjectNode schema = TestingHttp.JSON.createObjectNode().put("schemaName", tableName);
        ArrayNode dimensions = schema.putArray("dimensionFieldSpecs");
        primaryKey.forEach(column -> dimensions.add(column.toFieldSpec()));
        dimensions.add(PinotColumn.singleValue(SOURCE_COLUMN, PinotColumnType.JSON).toFieldSpec());
        dimensions.add(PinotColumn.singleValue(OP_COLUMN, PinotColumnType.STRING).toFieldSpec());
        dimensions.add(PinotColumn.singleValue(LSN_COLUMN, PinotColumnType.LONG).toFieldSpec());
        dimensions.add(PinotColumn.singleValue(SOURCE_SCHEMA_COLUMN, PinotColumnType.JSON).toFieldSpec());
        schema.putArray("dateTimeFieldSpecs").addObject()
                .put("name", TS_MS_COLUMN)
                .put("dataType", "LONG")
                .put("format", "1:MILLISECONDS:EPOCH")
                .put("granularity", "1:MILLISECONDS");
        if (upsert) {
            ArrayNode keys = schema.putArray("primaryKeyColumns");
            primaryKey.forEach(column -> keys.add(column.name()));
        }
        return schema;
    }

    public ObjectNode tableConfig(String kafkaBootstrapServers)
    {
        ObjectNode config = RealtimeTableConfig.create(
                tableName,
                topic,
                kafkaBootstrapServers,
                TS_MS_COLUMN,
                decoding.decoderConfigs(),
                transforms(),
                List.of(SOURCE_COLUMN),
                flushThresholdRows);
        if (upsert) {
            config.putObject("upsertConfig")
                    .put("mode", "FULL")
                    .put("comparisonColumn", comparisonColumn);
            // upsert keeps each key's newest version on one server: queries must see one replica group
            config.putObject("routing").put("instanceSelectorType", "strictReplicaGroup");
        }
        return config;
    }

    /**
     * Column name to Pinot ingestion transform.
     */
    Map<String, String> transforms()
    {
        return switch (decoding) {
            case PINOT_JSON_DECODER -> decodedMessageTransforms();
            case RAW_MESSAGE_TEXT -> rawMessageTransforms();
        };
    }

    /**
     * The message's top-level fields {@code schema} and {@code payload} arrive as maps, already converted by Pinot's
     * JSON decoder.
     */
    private Map<String, String> decodedMessageTransforms()
    {
        Map<String, String> transforms = new LinkedHashMap<>();
        for (PinotColumn column : primaryKey) {
            String field = groovyString(column.name());
            // a delete has no "after" but its "before" holds the key; a truncate has neither and gets the default key
            transforms.put(column.name(), "Groovy({payload.after != null ? payload.after.get(%s) : payload.before?.get(%s)}, payload)".formatted(field, field));
        }
        transforms.put(SOURCE_COLUMN, "Groovy({payload.after}, payload)");
        transforms.put(OP_COLUMN, "Groovy({payload.op}, payload)");
        transforms.put(TS_MS_COLUMN, "Groovy({payload.ts_ms}, payload)");
        transforms.put(LSN_COLUMN, "Groovy({payload.source?.lsn}, payload)");
        // the envelope's fields are before, after, source, transaction, op, ts_ms...: [1] describes "after"
        transforms.put(SOURCE_SCHEMA_COLUMN, "Groovy({schema?.fields?.getAt(1)}, schema)");
        return transforms;
    }

    /**
     * The same columns from the message text; JSON values go back to JSON text with Groovy's JsonOutput.
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
}

package dev.pinotcdc.trino.templates;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pinotcdc.trino.client.PinotDataType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the Pinot schema and REALTIME table config of a CDC table (see {@link CdcTableSpec}). The layout is the one
 * the connector expects by default:
 * <ul>
 * <li>the primary-key columns, native, taken from {@code after} or, when it is null, from {@code before}: a
 * delete then overwrites its own key instead of collapsing with every other delete onto one default key;</li>
 * <li>{@code source} (JSON, with a JSON index): Debezium's {@code after}, null on deletes and truncates;</li>
 * <li>{@code op} (STRING), {@code ts_ms} (LONG, the time column), {@code lsn} (LONG, the upsert comparison
 * column by default: it follows commit order and stays the same on replay, which {@code ts_ms} does not);</li>
 * <li>{@code source_schema} (JSON): Debezium's schema of {@code after}, so field types need no guessing;</li>
 * <li>promoted fields: native copies of chosen fields, under the field's own name, range-indexed.</li>
 * </ul>
 */
public final class CdcTemplateGenerator
{
    static final String UNTESTED_COMMENT = "Pinot 1.x template written from Pinot's documentation and sources; it has NOT been tested against a "
            + "Pinot 1.x server (trino-pinot-cdc tests Pinot 0.11). Try it on a test cluster before production.";
    // Pinot truncates longer STRING values to maxLength; its default is 512
    static final int STRING_MAX_LENGTH = 65_536;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CdcTemplateGenerator() {}

    public static CdcTableTemplate generate(CdcTableSpec spec)
    {
        for (KeyColumn key : spec.primaryKey()) {
            if (CdcColumns.RESERVED.contains(key.name())) {
                throw new TemplateException("Primary-key column '%s' has the name of a CDC column (%s): rename the Pinot column layout or the key".formatted(key.name(), String.join(", ", CdcColumns.RESERVED)));
            }
        }
        IngestionTransforms transforms = IngestionTransforms.forVersion(spec.version());
        List<PromotedColumn> promoted = promotedColumns(spec);
        List<String> notes = new ArrayList<>();
        String comparisonColumn = comparisonColumn(spec, promoted, notes);
        if (spec.version() == PinotVersion.V1_X) {
            notes.add(UNTESTED_COMMENT);
        }
        boolean deleteMarker = spec.upsert() && transforms.deleteMarker().isPresent();

        ObjectNode schema = schema(spec, promoted, deleteMarker);
        ObjectNode tableConfig = tableConfig(spec, transforms, promoted, comparisonColumn, deleteMarker);
        return new CdcTableTemplate(spec.tableName(), schema, tableConfig, promoted, notes);
    }

    /**
     * The promoted fields: those named, or by default the first timestamp field this Pinot version can promote.
     */
    static List<PromotedColumn> promotedColumns(CdcTableSpec spec)
    {
        Set<String> keyNames = new LinkedHashSet<>();
        spec.primaryKey().forEach(key -> keyNames.add(key.name()));
        if (spec.promotedFields().isEmpty()) {
            return spec.fields().stream()
                    .filter(field -> field.type().isTimestamp())
                    .filter(field -> !keyNames.contains(field.name()) && !CdcColumns.RESERVED.contains(field.name()))
                    .filter(field -> !(field.type().isIsoTimestamp() && spec.version() == PinotVersion.V1_X))
                    .findFirst()
                    .map(field -> List.of(PromotedColumn.of(field, spec.version())))
                    .orElse(List.of());
        }
        Map<String, PromotedColumn> promoted = new LinkedHashMap<>();
        for (String name : spec.promotedFields().orElseThrow()) {
            if (keyNames.contains(name) || promoted.containsKey(name)) {
                // a key column is native already
                continue;
            }
            if (CdcColumns.RESERVED.contains(name)) {
                throw new TemplateException("Field '%s' cannot be promoted: a native column of that name holds the CDC layout (%s)".formatted(name, String.join(", ", CdcColumns.RESERVED)));
            }
            RowField field = spec.field(name).orElseThrow(() -> new TemplateException("Cannot promote field '%s': the row image has no such field%s".formatted(
                    name,
                    spec.fields().isEmpty() ? " (no fields were given)" : "; its fields are " + String.join(", ", spec.fields().stream().map(RowField::name).toList()))));
            promoted.put(name, PromotedColumn.of(field, spec.version()));
        }
        return List.copyOf(promoted.values());
    }

    private static String comparisonColumn(CdcTableSpec spec, List<PromotedColumn> promoted, List<String> notes)
    {
        String column = spec.comparisonColumn();
        if (!spec.upsert()) {
            return column;
        }
        boolean numeric = column.equals(CdcColumns.LSN) || column.equals(CdcColumns.TS_MS)
                || promoted.stream().anyMatch(candidate -> candidate.name().equals(column) && candidate.dataType() != PinotDataType.STRING && candidate.dataType() != PinotDataType.BOOLEAN);
        if (!numeric) {
            throw new TemplateException("Upsert comparison column '%s' is not a numeric column of the table: use %s (default), %s or a promoted numeric or temporal field".formatted(column, CdcColumns.LSN, CdcColumns.TS_MS));
        }
        if (column.equals(CdcColumns.TS_MS)) {
            notes.add("The upsert comparison column is ts_ms, Debezium's processing clock: events replayed after a Debezium restart get a newer ts_ms "
                    + "than the newer events they then overwrite, and many events share one millisecond. The LSN (the default) follows commit order.");
        }
        return column;
    }

    private static ObjectNode schema(CdcTableSpec spec, List<PromotedColumn> promoted, boolean deleteMarker)
    {
        ObjectNode schema = JSON.objectNode();
        if (spec.version() == PinotVersion.V1_X) {
            schema.put("_comment", UNTESTED_COMMENT);
        }
        schema.put("schemaName", spec.tableName());
        ArrayNode dimensions = schema.putArray("dimensionFieldSpecs");
        spec.primaryKey().forEach(key -> dimensions.add(fieldSpec(key.name(), key.type())));
        dimensions.add(fieldSpec(CdcColumns.SOURCE, PinotDataType.JSON));
        dimensions.add(fieldSpec(CdcColumns.OP, PinotDataType.STRING));
        dimensions.add(fieldSpec(CdcColumns.LSN, PinotDataType.LONG));
        if (spec.valueSchemaColumn()) {
            dimensions.add(fieldSpec(CdcColumns.SOURCE_SCHEMA, PinotDataType.JSON));
        }
        if (deleteMarker) {
            dimensions.add(fieldSpec(CdcColumns.DELETED, PinotDataType.BOOLEAN));
        }
        promoted.stream()
                .filter(column -> !column.isTemporal())
                .forEach(column -> dimensions.add(fieldSpec(column.name(), column.dataType())));

        ArrayNode dateTimes = schema.putArray("dateTimeFieldSpecs");
        dateTimes.add(dateTimeSpec(CdcColumns.TS_MS, EpochUnit.MILLISECONDS));
        promoted.stream()
                .filter(PromotedColumn::isTemporal)
                .forEach(column -> dateTimes.add(dateTimeSpec(column.name(), column.epochUnit().orElseThrow())));

        // also for append-only tables: the connector recognises a CDC table by its key, and picks each key's newest version by it
        ArrayNode keys = schema.putArray("primaryKeyColumns");
        spec.primaryKey().forEach(key -> keys.add(key.name()));
        return schema;
    }

    private static ObjectNode fieldSpec(String name, PinotDataType type)
    {
        ObjectNode fieldSpec = JSON.objectNode()
                .put("name", name)
                .put("dataType", type.name());
        if (type == PinotDataType.STRING) {
            fieldSpec.put("maxLength", STRING_MAX_LENGTH);
        }
        return fieldSpec;
    }

    private static ObjectNode dateTimeSpec(String name, EpochUnit unit)
    {
        return JSON.objectNode()
                .put("name", name)
                .put("dataType", "LONG")
                .put("format", unit.format())
                .put("granularity", unit.granularity());
    }

    private static ObjectNode tableConfig(CdcTableSpec spec, IngestionTransforms transforms, List<PromotedColumn> promoted, String comparisonColumn, boolean deleteMarker)
    {
        ObjectNode config = JSON.objectNode();
        if (spec.version() == PinotVersion.V1_X) {
            config.put("_comment", UNTESTED_COMMENT);
        }
        config.put("tableName", spec.tableName())
                .put("tableType", "REALTIME");
        config.putObject("segmentsConfig")
                .put("schemaName", spec.tableName())
                .put("timeColumnName", CdcColumns.TS_MS)
                .put("replication", "1")
                .put("replicasPerPartition", "1");
        config.putObject("tenants");

        ObjectNode indexing = config.putObject("tableIndexConfig")
                .put("loadMode", "MMAP")
                // lets IS NULL tell a missing value (a delete's source, an absent field) from Pinot's stand-in default
                .put("nullHandlingEnabled", true);
        indexing.putArray("jsonIndexColumns").add(CdcColumns.SOURCE);
        ArrayNode rangeIndexes = indexing.putArray("rangeIndexColumns");
        ArrayNode invertedIndexes = indexing.putArray("invertedIndexColumns");
        for (PromotedColumn column : promoted) {
            // a range index serves ranges on numbers and instants; strings and booleans are filtered by equality
            if (column.dataType() == PinotDataType.STRING || column.dataType() == PinotDataType.BOOLEAN) {
                invertedIndexes.add(column.name());
            }
            else {
                rangeIndexes.add(column.name());
            }
        }

        ObjectNode stream = streamConfig(spec);
        ObjectNode ingestion = config.putObject("ingestionConfig");
        if (spec.version() == PinotVersion.V0_11) {
            indexing.set("streamConfigs", stream);
        }
        else {
            ingestion.putObject("streamIngestionConfig").putArray("streamConfigMaps").add(stream);
        }
        ArrayNode transformConfigs = ingestion.putArray("transformConfigs");
        for (KeyColumn key : spec.primaryKey()) {
            addTransform(transformConfigs, key.name(), transforms.keyColumn(key.name()));
        }
        addTransform(transformConfigs, CdcColumns.SOURCE, transforms.source());
        addTransform(transformConfigs, CdcColumns.OP, transforms.op());
        addTransform(transformConfigs, CdcColumns.TS_MS, transforms.tsMs());
        addTransform(transformConfigs, CdcColumns.LSN, transforms.lsn());
        if (spec.valueSchemaColumn()) {
            addTransform(transformConfigs, CdcColumns.SOURCE_SCHEMA, transforms.valueSchema());
        }
        if (deleteMarker) {
            addTransform(transformConfigs, CdcColumns.DELETED, transforms.deleteMarker().orElseThrow());
        }
        for (PromotedColumn column : promoted) {
            addTransform(transformConfigs, column.name(), transforms.promoted(column));
        }

        if (spec.upsert()) {
            ObjectNode upsert = config.putObject("upsertConfig").put("mode", "FULL");
            if (spec.version() == PinotVersion.V0_11) {
                upsert.put("comparisonColumn", comparisonColumn);
            }
            else {
                upsert.putArray("comparisonColumns").add(comparisonColumn);
            }
            if (deleteMarker) {
                upsert.put("deleteRecordColumn", CdcColumns.DELETED);
            }
            // upsert keeps each key's newest version on one server: a query must see one replica group
            config.putObject("routing").put("instanceSelectorType", "strictReplicaGroup");
        }
        config.putObject("metadata");
        return config;
    }

    private static ObjectNode streamConfig(CdcTableSpec spec)
    {
        ObjectNode stream = JSON.objectNode()
                .put("streamType", "kafka")
                .put("stream.kafka.consumer.type", "lowlevel")
                .put("stream.kafka.topic.name", spec.topic())
                .put("stream.kafka.broker.list", spec.kafkaBootstrapServers())
                .put("stream.kafka.decoder.class.name", "org.apache.pinot.plugin.stream.kafka.KafkaJSONMessageDecoder")
                .put("stream.kafka.consumer.factory.class.name", "org.apache.pinot.plugin.stream.kafka20.KafkaConsumerFactory")
                // a new table reads the topic from its start: the snapshot is in it
                .put("stream.kafka.consumer.prop.auto.offset.reset", "smallest");
        spec.flushThresholdRows().ifPresent(rows -> stream
                .put("realtime.segment.flush.threshold.rows", String.valueOf(rows))
                .put("realtime.segment.flush.threshold.time", "24h"));
        return stream;
    }

    private static void addTransform(ArrayNode transformConfigs, String column, String function)
    {
        transformConfigs.addObject()
                .put("columnName", column)
                .put("transformFunction", function);
    }
}

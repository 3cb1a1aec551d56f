package dev.pinotcdc.trino.templates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinotcdc.trino.templates.Finding.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Reviews an existing Pinot table (schema and REALTIME table config, as the controller returns them) against what
 * a Debezium CDC table needs to give the right latest state.
 */
public final class TableChecker
{
    private final String sourceColumn;
    private final String opColumn;

    public TableChecker()
    {
        this(CdcColumns.SOURCE, CdcColumns.OP);
    }

    public TableChecker(String sourceColumn, String opColumn)
    {
        this.sourceColumn = requireNonNull(sourceColumn, "sourceColumn is null");
        this.opColumn = requireNonNull(opColumn, "opColumn is null");
    }

    public List<Finding> check(JsonNode schema, JsonNode tableConfig)
    {
        List<Finding> findings = new ArrayList<>();
        Map<String, String> columnTypes = columnTypes(schema);
        Map<String, String> transforms = transforms(schema, tableConfig);
        List<String> primaryKey = new ArrayList<>();
        schema.path("primaryKeyColumns").forEach(column -> primaryKey.add(column.asText()));
        JsonNode upsertConfig = tableConfig.path("upsertConfig");
        String upsertMode = upsertConfig.path("mode").asText("NONE");
        boolean upsert = !upsertMode.equalsIgnoreCase("NONE");

        if (primaryKey.isEmpty()) {
            findings.add(new Finding(Severity.ERROR,
                    "The schema declares no primaryKeyColumns.",
                    "Without a primary key Pinot cannot upsert, and the connector does not see a CDC table: it shows every version of every row, deleted ones included.",
                    "Add \"primaryKeyColumns\" with the database table's key columns (taken from after, or from before when after is null), or write the table again with 'PinotCdcTemplates write'."));
        }
        checkSourceColumn(findings, columnTypes, transforms, tableConfig);
        if (!columnTypes.containsKey(opColumn)) {
            findings.add(new Finding(Severity.ERROR,
                    "The schema has no '%s' column.".formatted(opColumn),
                    "The connector tells deletes (op d) and truncates (op t) from live rows by it; without it the table is not a CDC table to the connector and deleted rows stay visible.",
                    "Add a STRING column '%s' with the transform Groovy({payload.op}, payload) (Pinot 0.11) or jsonPathString(payload, '$.op') (Pinot 1.x).".formatted(opColumn)));
        }
        for (String key : primaryKey) {
            checkKeyTransform(findings, key, Optional.ofNullable(transforms.get(key)));
        }
        if (upsert) {
            checkUpsert(findings, upsertConfig, upsertMode, columnTypes, tableConfig);
        }
        else if (!primaryKey.isEmpty()) {
            findings.add(new Finding(Severity.NOTE,
                    "The table is append-only (no upsertConfig): Pinot keeps every version of every row.",
                    "The connector then picks each key's newest version itself when reading, which costs more than Pinot's upsert.",
                    "Nothing, if every version is wanted; otherwise enable a FULL upsert with the LSN as comparison column."));
        }
        if (!tableConfig.path("tableIndexConfig").path("nullHandlingEnabled").asBoolean(false)) {
            findings.add(new Finding(Severity.WARNING,
                    "nullHandlingEnabled is not set in tableIndexConfig.",
                    "Pinot then stores its stand-in default for a missing value (the text 'null', Long.MIN_VALUE...), so IS NULL cannot tell a deleted row's empty source or an absent field from a real value.",
                    "Set \"tableIndexConfig\": {\"nullHandlingEnabled\": true}."));
        }
        if (transforms.values().stream().anyMatch(function -> function.regionMatches(true, 0, "Groovy(", 0, 7))) {
            findings.add(new Finding(Severity.NOTE,
                    "The ingestion transforms are Groovy scripts.",
                    "Pinot 0.12 and later (so every 1.x) refuse Groovy unless the controller runs with controller.disable.ingestion.groovy=false.",
                    "Keep that controller setting, or move to Pinot 1.x templates ('PinotCdcTemplates write --pinot-version 1.x'), which use built-in functions."));
        }
        if (!columnTypes.containsKey(CdcColumns.SOURCE_SCHEMA)) {
            findings.add(new Finding(Severity.NOTE,
                    "The table has no '%s' column with Debezium's schema of the row.".formatted(CdcColumns.SOURCE_SCHEMA),
                    "The connector then infers field types from sampled values (a DECIMAL's scale, a timestamp's unit cannot always be told).",
                    "Add a JSON column '%s' with the transform Groovy({schema?.fields?.getAt(1)}, schema) (Pinot 0.11) or jsonPath(schema, '$.fields[1]') (Pinot 1.x).".formatted(CdcColumns.SOURCE_SCHEMA)));
        }
        findings.add(new Finding(Severity.NOTE,
                "Pinot's JSON decoder drops null fields and empty arrays from '%s' before any transform runs.".formatted(sourceColumn),
                "A reader cannot tell an empty array [] or an empty object {} from NULL: the connector returns NULL for them.",
                "Nothing in Pinot's table config keeps them; query the database when the difference matters."));
        return List.copyOf(findings);
    }

    public static boolean hasProblems(List<Finding> findings)
    {
        return findings.stream().anyMatch(finding -> finding.severity().isProblem());
    }

    private void checkSourceColumn(List<Finding> findings, Map<String, String> columnTypes, Map<String, String> transforms, JsonNode tableConfig)
    {
        String type = columnTypes.get(sourceColumn);
        if (type == null) {
            findings.add(new Finding(Severity.ERROR,
                    "The schema has no '%s' column.".formatted(sourceColumn),
                    "The connector reads the row's fields from this JSON column (Debezium's after image); without it the table is not a CDC table to the connector.",
                    "Add a JSON column '%s' with the transform Groovy({payload.after}, payload) (Pinot 0.11) or jsonPath(payload, '$.after') (Pinot 1.x), and a JSON index on it.".formatted(sourceColumn)));
            return;
        }
        if (!type.equals("JSON")) {
            findings.add(new Finding(Severity.WARNING,
                    "Column '%s' is %s, not JSON.".formatted(sourceColumn, type),
                    "A STRING column is cut at its maxLength (512 by default), which breaks long rows' JSON, and takes no JSON index.",
                    "Declare '%s' with \"dataType\": \"JSON\".".formatted(sourceColumn)));
        }
        String transform = transforms.get(sourceColumn);
        if (transform == null) {
            findings.add(new Finding(Severity.ERROR,
                    "Column '%s' has no ingestion transform.".formatted(sourceColumn),
                    "Pinot then fills it from a top-level message field of that name: in Debezium's message that is nothing, or Debezium's own 'source' metadata, never the row.",
                    "Add the transform Groovy({payload.after}, payload) (Pinot 0.11) or jsonPath(payload, '$.after') (Pinot 1.x)."));
        }
        else if (!transform.contains("after")) {
            findings.add(new Finding(Severity.WARNING,
                    "Column '%s' is not taken from Debezium's 'after' image (transform: %s).".formatted(sourceColumn, transform),
                    "The connector expects the row after the change in it.",
                    "Use the transform Groovy({payload.after}, payload) (Pinot 0.11) or jsonPath(payload, '$.after') (Pinot 1.x)."));
        }
        if (!hasJsonIndex(tableConfig, sourceColumn)) {
            findings.add(new Finding(Severity.WARNING,
                    "Column '%s' has no JSON index.".formatted(sourceColumn),
                    "Every filter on a field of the row then parses the JSON of every row (seconds on a million rows instead of milliseconds); the connector pushes equality and IS NULL filters down as JSON_MATCH, which needs the index.",
                    "Add \"jsonIndexColumns\": [\"%s\"] to tableIndexConfig.".formatted(sourceColumn)));
        }
    }

    private static void checkKeyTransform(List<Finding> findings, String key, Optional<String> transform)
    {
        if (transform.isEmpty()) {
            findings.add(new Finding(Severity.WARNING,
                    "Primary-key column '%s' has no ingestion transform.".formatted(key),
                    "Pinot then reads a top-level message field of that name; Debezium's envelope has none (the key is inside payload.after and payload.before), so every row would get the same default key.",
                    "Take the key from after, or from before when after is null: Groovy({payload.after != null ? payload.after.get('%1$s') : payload.before?.get('%1$s')}, payload) (Pinot 0.11) or coalesce(jsonPath(payload, '$.after[''%1$s'']'), jsonPath(payload, '$.before[''%1$s'']')) (Pinot 1.x).".formatted(key)));
            return;
        }
        String function = transform.orElseThrow();
        if (function.contains("after") && !function.contains("before")) {
            findings.add(new Finding(Severity.ERROR,
                    "Primary-key column '%s' is read only from Debezium's 'after' image (transform: %s).".formatted(key, function),
                    "A delete has after = null, so every delete gets the same default key (Long.MIN_VALUE, 'null'...): deletes collapse onto one fake key, never overwrite the rows they delete, and deleted rows stay visible.",
                    "Take the key from before when after is null: Groovy({payload.after != null ? payload.after.get('%1$s') : payload.before?.get('%1$s')}, payload) (Pinot 0.11) or coalesce(jsonPath(payload, '$.after[''%1$s'']'), jsonPath(payload, '$.before[''%1$s'']')) (Pinot 1.x). Rows already ingested keep their wrong keys: recreate the table and let it read the topic again.".formatted(key)));
        }
    }

    private void checkUpsert(List<Finding> findings, JsonNode upsertConfig, String upsertMode, Map<String, String> columnTypes, JsonNode tableConfig)
    {
        if (!upsertMode.equalsIgnoreCase("FULL")) {
            findings.add(new Finding(Severity.WARNING,
                    "The upsert mode is %s, not FULL.".formatted(upsertMode),
                    "A partial upsert merges a new version into the old one column by column: a delete's null source or an update's nulled field can keep old values.",
                    "Set \"upsertConfig\": {\"mode\": \"FULL\", ...}."));
        }
        Set<String> comparisonColumns = new LinkedHashSet<>();
        upsertConfig.path("comparisonColumns").forEach(column -> comparisonColumns.add(column.asText()));
        if (upsertConfig.path("comparisonColumn").isTextual()) {
            comparisonColumns.add(upsertConfig.path("comparisonColumn").asText());
        }
        if (comparisonColumns.isEmpty()) {
            // Pinot compares by the time column when no comparison column is set
            comparisonColumns.add(tableConfig.path("segmentsConfig").path("timeColumnName").asText(CdcColumns.TS_MS));
        }
        for (String column : comparisonColumns) {
            if (column.equals(CdcColumns.TS_MS)) {
                findings.add(new Finding(Severity.ERROR,
                        "The upsert comparison column is ts_ms%s.".formatted(upsertConfig.has("comparisonColumn") || upsertConfig.has("comparisonColumns") ? "" : " (the time column, as no comparison column is set)"),
                        "ts_ms is Debezium's processing clock, not commit order: events replayed after a Debezium restart get a newer ts_ms than the newer events they then overwrite, and many events share one millisecond, so a stale version can win.",
                        "Compare by the source LSN: add a LONG column 'lsn' with the transform Groovy({payload.source?.lsn}, payload) (Pinot 0.11) or jsonPath(payload, '$.source.lsn') (Pinot 1.x), and set \"comparisonColumn\": \"lsn\" (\"comparisonColumns\": [\"lsn\"] in Pinot 1.x)."));
            }
            else if (!columnTypes.containsKey(column)) {
                findings.add(new Finding(Severity.ERROR,
                        "The upsert comparison column '%s' is not a column of the schema.".formatted(column),
                        "Pinot cannot order a key's versions by it.",
                        "Compare by the LSN column ('lsn')."));
            }
        }
        String selector = tableConfig.path("routing").path("instanceSelectorType").asText("");
        if (!selector.equals("strictReplicaGroup")) {
            findings.add(new Finding(Severity.ERROR,
                    "The upsert table's routing is not strictReplicaGroup%s.".formatted(selector.isEmpty() ? " (none is set)" : " (it is " + selector + ")"),
                    "Upsert keeps each key's newest version valid on one server only; a query spread over other replicas' segments can return an old version beside the new one, or miss a delete.",
                    "Set \"routing\": {\"instanceSelectorType\": \"strictReplicaGroup\"}."));
        }
    }

    private static boolean hasJsonIndex(JsonNode tableConfig, String column)
    {
        JsonNode indexing = tableConfig.path("tableIndexConfig");
        for (JsonNode indexed : indexing.path("jsonIndexColumns")) {
            if (indexed.asText().equals(column)) {
                return true;
            }
        }
        if (indexing.path("jsonIndexConfigs").has(column)) {
            return true;
        }
        for (JsonNode fieldConfig : tableConfig.path("fieldConfigList")) {
            if (!fieldConfig.path("name").asText().equals(column)) {
                continue;
            }
            for (JsonNode indexType : fieldConfig.path("indexTypes")) {
                if (indexType.asText().equalsIgnoreCase("JSON")) {
                    return true;
                }
            }
            if (fieldConfig.path("indexType").asText().equalsIgnoreCase("JSON") || fieldConfig.path("indexes").has("json")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> columnTypes(JsonNode schema)
    {
        Map<String, String> types = new LinkedHashMap<>();
        for (String specs : List.of("dimensionFieldSpecs", "metricFieldSpecs", "dateTimeFieldSpecs", "complexFieldSpecs")) {
            for (JsonNode spec : schema.path(specs)) {
                types.put(spec.path("name").asText(), spec.path("dataType").asText());
            }
        }
        JsonNode timeField = schema.path("timeFieldSpec").path("incomingGranularitySpec");
        if (timeField.isObject()) {
            types.put(timeField.path("name").asText(), timeField.path("dataType").asText());
        }
        return types;
    }

    /** Column to transform function: the table config's ingestion transforms, else the schema's older field-level ones. */
    private static Map<String, String> transforms(JsonNode schema, JsonNode tableConfig)
    {
        Map<String, String> transforms = new LinkedHashMap<>();
        for (String specs : List.of("dimensionFieldSpecs", "metricFieldSpecs", "dateTimeFieldSpecs")) {
            for (JsonNode spec : schema.path(specs)) {
                if (spec.path("transformFunction").isTextual()) {
                    transforms.put(spec.path("name").asText(), spec.path("transformFunction").asText());
                }
            }
        }
        for (JsonNode transform : tableConfig.path("ingestionConfig").path("transformConfigs")) {
            transforms.put(transform.path("columnName").asText(), transform.path("transformFunction").asText());
        }
        return transforms;
    }
}

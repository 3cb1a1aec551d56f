package dev.pinotcdc.trino.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.Sets;
import dev.pinotcdc.trino.client.PinotUpsertConfig.Mode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Locale.ENGLISH;

/**
 * Reads the answer of {@code GET /tables/{table}}: {@code {"REALTIME": {...}, "OFFLINE": {...}}}, either present.
 * Index columns are listed in {@code tableIndexConfig} (0.11 and 1.x) and in {@code fieldConfigList}: by
 * {@code indexType}/{@code indexTypes} (0.11) or by the {@code indexes} object (1.x, where an index may be
 * {@code "disabled": true}). Upsert comparison columns are {@code comparisonColumn} (0.11) or
 * {@code comparisonColumns} (1.x). What each JSON index keeps: see {@link JsonIndexScopeParser}.
 */
final class TableConfigParser
{
    private TableConfigParser() {}

    static PinotTableConfig parse(String tableName, JsonNode answer)
    {
        if (answer == null || !answer.isObject()) {
            throw new PinotInvalidResponseException("Pinot table '%s': the table config answer is not a JSON object".formatted(tableName));
        }
        Optional<JsonNode> realtime = Optional.ofNullable(answer.get("REALTIME")).filter(JsonNode::isObject);
        Optional<JsonNode> offline = Optional.ofNullable(answer.get("OFFLINE")).filter(JsonNode::isObject);
        if (realtime.isEmpty() && offline.isEmpty()) {
            throw new PinotTableNotFoundException(tableName, "Pinot table '%s' does not exist (the controller has no REALTIME or OFFLINE config for it)".formatted(tableName));
        }
        List<JsonNode> configs = new ArrayList<>();
        realtime.ifPresent(configs::add);
        offline.ifPresent(configs::add);

        Optional<String> timeColumn = realtime.flatMap(TableConfigParser::timeColumn).or(() -> offline.flatMap(TableConfigParser::timeColumn));
        return new PinotTableConfig(
                tableName,
                realtime.isPresent(),
                offline.isPresent(),
                realtime.flatMap(config -> upsertConfig(tableName, config.path("upsertConfig"))),
                indexedInAll(configs, "jsonIndexColumns", "JSON", "json"),
                JsonIndexScopeParser.scopes(configs),
                indexedInAll(configs, "invertedIndexColumns", "INVERTED", "inverted"),
                indexedInAll(configs, "rangeIndexColumns", "RANGE", "range"),
                indexedInAll(configs, "sortedColumn", "SORTED", "sorted"),
                timeColumn);
    }

    private static Optional<String> timeColumn(JsonNode config)
    {
        JsonNode column = config.path("segmentsConfig").path("timeColumnName");
        return column.isTextual() && !column.textValue().isEmpty() ? Optional.of(column.textValue()) : Optional.empty();
    }

    private static Optional<PinotUpsertConfig> upsertConfig(String tableName, JsonNode upsert)
    {
        String mode = upsert.path("mode").asText("NONE").toUpperCase(ENGLISH);
        if (mode.equals("NONE")) {
            return Optional.empty();
        }
        Mode upsertMode;
        try {
            upsertMode = Mode.valueOf(mode);
        }
        catch (IllegalArgumentException e) {
            throw new PinotInvalidResponseException("Pinot table '%s': unknown upsert mode '%s'".formatted(tableName, mode));
        }
        List<String> comparisonColumns = new ArrayList<>();
        for (JsonNode column : upsert.path("comparisonColumns")) {
            comparisonColumns.add(column.asText());
        }
        JsonNode single = upsert.path("comparisonColumn");
        if (single.isTextual() && !comparisonColumns.contains(single.textValue())) {
            comparisonColumns.add(single.textValue());
        }
        JsonNode deleteColumn = upsert.path("deleteRecordColumn");
        return Optional.of(new PinotUpsertConfig(
                upsertMode,
                comparisonColumns,
                deleteColumn.isTextual() ? Optional.of(deleteColumn.textValue()) : Optional.empty()));
    }

    private static Set<String> indexedInAll(List<JsonNode> configs, String indexingConfigList, String fieldIndexType, String fieldIndexKey)
    {
        Set<String> result = null;
        for (JsonNode config : configs) {
            Set<String> columns = indexedColumns(config, indexingConfigList, fieldIndexType, fieldIndexKey);
            result = result == null ? columns : Sets.intersection(result, columns).immutableCopy();
        }
        return result;
    }

    private static Set<String> indexedColumns(JsonNode config, String indexingConfigList, String fieldIndexType, String fieldIndexKey)
    {
        Set<String> columns = new HashSet<>();
        JsonNode indexingConfig = config.path("tableIndexConfig");
        for (JsonNode column : indexingConfig.path(indexingConfigList)) {
            columns.add(column.asText());
        }
        if (fieldIndexKey.equals("json")) {
            // Pinot 0.12+ and 1.x also describe JSON indexes in a map keyed by column
            indexingConfig.path("jsonIndexConfigs").fieldNames().forEachRemaining(columns::add);
        }
        for (JsonNode fieldConfig : config.path("fieldConfigList")) {
            String name = fieldConfig.path("name").asText("");
            if (!name.isEmpty() && hasFieldIndex(fieldConfig, fieldIndexType, fieldIndexKey)) {
                columns.add(name);
            }
        }
        return columns;
    }

    private static boolean hasFieldIndex(JsonNode fieldConfig, String fieldIndexType, String fieldIndexKey)
    {
        if (fieldIndexType.equalsIgnoreCase(fieldConfig.path("indexType").asText(""))) {
            return true;
        }
        for (JsonNode type : fieldConfig.path("indexTypes")) {
            if (fieldIndexType.equalsIgnoreCase(type.asText())) {
                return true;
            }
        }
        JsonNode index = fieldConfig.path("indexes").path(fieldIndexKey);
        return index.isObject() && !index.path("disabled").asBoolean(false);
    }
}

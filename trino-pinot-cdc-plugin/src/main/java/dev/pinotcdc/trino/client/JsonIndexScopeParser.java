package dev.pinotcdc.trino.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads what each JSON index keeps from a table's configs (see {@link JsonIndexScope}). A JSON index's options are in
 * {@code tableIndexConfig.jsonIndexConfigs.<column>} (Pinot 0.12+) or in the {@code fieldConfigList} entry of the
 * column under {@code indexes.json} (1.x). Where several configs describe one column (both places, or a REALTIME
 * and an OFFLINE table), a path is kept only where every one of them keeps it.
 */
final class JsonIndexScopeParser
{
    /** Options that leave no scalar value out of the index. */
    private static final Set<String> HARMLESS_OPTIONS = Set.of(
            "disabled",
            // arrays: the connector looks up only paths of object keys
            "excludeArray",
            "disableCrossArrayUnnest",
            "disablePositionalIndexing",
            // invalid JSON has no fields to find
            "skipInvalidJson",
            "rangeIndexConfigs",
            "textIndexConfigs");

    private JsonIndexScopeParser() {}

    /** The scope of each column whose JSON index has options; a column without options keeps everything. */
    static Map<String, JsonIndexScope> scopes(List<JsonNode> configs)
    {
        Map<String, JsonIndexScope> scopes = new HashMap<>();
        for (JsonNode config : configs) {
            Map<String, JsonIndexScope> ofConfig = new HashMap<>();
            config.path("tableIndexConfig").path("jsonIndexConfigs").properties()
                    .forEach(entry -> ofConfig.merge(entry.getKey(), scope(entry.getValue()), JsonIndexScopeParser::both));
            for (JsonNode fieldConfig : config.path("fieldConfigList")) {
                String name = fieldConfig.path("name").asText("");
                JsonNode options = fieldConfig.path("indexes").path("json");
                if (!name.isEmpty() && !options.isMissingNode()) {
                    ofConfig.merge(name, scope(options), JsonIndexScopeParser::both);
                }
            }
            ofConfig.forEach((column, scope) -> scopes.merge(column, scope, JsonIndexScopeParser::both));
        }
        return scopes;
    }

    static JsonIndexScope scope(JsonNode options)
    {
        if (!options.isObject()) {
            return options.isNull() ? JsonIndexScope.COMPLETE : opaque();
        }
        if (options.path("disabled").asBoolean(false)) {
            return JsonIndexScope.NONE;
        }
        boolean opaque = false;
        OptionalInt maxLevels = OptionalInt.empty();
        List<Set<List<String>>> includePathSets = new ArrayList<>();
        Set<List<String>> excludePaths = new HashSet<>();
        Set<String> excludeFields = new HashSet<>();
        OptionalInt maxValueLength = OptionalInt.empty();
        for (Iterator<Map.Entry<String, JsonNode>> entries = options.properties().iterator(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode value = entry.getValue();
            if (value.isNull() || HARMLESS_OPTIONS.contains(entry.getKey())) {
                continue;
            }
            switch (entry.getKey()) {
                case "maxLevels" -> {
                    if (!value.canConvertToInt()) {
                        opaque = true;
                    }
                    else if (value.intValue() > 0) {
                        maxLevels = OptionalInt.of(value.intValue());
                    }
                }
                case "maxValueLength" -> {
                    if (!value.canConvertToInt()) {
                        opaque = true;
                    }
                    else if (value.intValue() > 0) {
                        maxValueLength = OptionalInt.of(value.intValue());
                    }
                }
                case "includePaths" -> {
                    // a path not understood here keeps nothing known: leaving it out only keeps less
                    Set<List<String>> included = new HashSet<>();
                    for (JsonNode path : value) {
                        parsePath(path).ifPresent(included::add);
                    }
                    includePathSets.add(included);
                    opaque |= !value.isArray();
                }
                case "excludePaths" -> {
                    for (JsonNode path : value) {
                        Optional<List<String>> parsed = parsePath(path);
                        parsed.ifPresent(excludePaths::add);
                        opaque |= parsed.isEmpty();
                    }
                    opaque |= !value.isArray();
                }
                case "excludeFields" -> {
                    for (JsonNode field : value) {
                        if (field.isTextual()) {
                            excludeFields.add(field.textValue());
                        }
                        else {
                            opaque = true;
                        }
                    }
                    opaque |= !value.isArray();
                }
                // the default "**" keeps everything; any other pattern is not read here
                case "indexPaths" -> opaque |= !(value.isArray() && value.size() == 1 && value.get(0).asText("").equals("**"));
                default -> opaque = true;
            }
        }
        return new JsonIndexScope(true, opaque, maxLevels, includePathSets, excludePaths, excludeFields, maxValueLength);
    }

    /** {@code $.a.b} as its keys; empty for any other syntax (brackets, wildcards). */
    static Optional<List<String>> parsePath(JsonNode path)
    {
        if (!path.isTextual() || !path.textValue().startsWith("$")) {
            return Optional.empty();
        }
        String text = path.textValue();
        if (text.equals("$")) {
            return Optional.of(List.of());
        }
        if (!text.startsWith("$.")) {
            return Optional.empty();
        }
        List<String> keys = List.of(text.substring(2).split("\\.", -1));
        if (keys.stream().anyMatch(key -> key.isEmpty() || key.contains("[") || key.contains("]") || key.contains("*") || key.contains("'") || key.contains("\""))) {
            return Optional.empty();
        }
        return Optional.of(keys);
    }

    private static JsonIndexScope opaque()
    {
        return new JsonIndexScope(true, true, OptionalInt.empty(), List.of(), Set.of(), Set.of(), OptionalInt.empty());
    }

    /** Keeps what both keep. */
    static JsonIndexScope both(JsonIndexScope first, JsonIndexScope second)
    {
        List<Set<List<String>>> includes = new ArrayList<>(first.includePathSets());
        includes.addAll(second.includePathSets());
        Set<List<String>> excludePaths = new HashSet<>(first.excludePaths());
        excludePaths.addAll(second.excludePaths());
        Set<String> excludeFields = new HashSet<>(first.excludeFields());
        excludeFields.addAll(second.excludeFields());
        return new JsonIndexScope(
                first.indexed() && second.indexed(),
                first.opaque() || second.opaque(),
                min(first.maxLevels(), second.maxLevels()),
                includes,
                excludePaths,
                excludeFields,
                min(first.maxValueLength(), second.maxValueLength()));
    }

    private static OptionalInt min(OptionalInt first, OptionalInt second)
    {
        if (first.isEmpty()) {
            return second;
        }
        if (second.isEmpty()) {
            return first;
        }
        return OptionalInt.of(Math.min(first.getAsInt(), second.getAsInt()));
    }
}

package dev.pinotcdc.trino.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a JSON index keeps, read from table configs as Pinot 0.11, 0.12+ and 1.x write them. */
class TestJsonIndexScopeParser
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final List<String> ID = List.of("id");
    private static final List<String> STATUS = List.of("status");
    private static final List<String> CITY = List.of("address", "city");
    private static final List<String> STREET = List.of("address", "street", "name");

    @Test
    void pinot011ListKeepsEverything()
    {
        JsonIndexScope scope = scope("""
                {"tableIndexConfig": {"jsonIndexColumns": ["source"]}}
                """);
        assertThat(scope.isComplete()).isTrue();
        assertThat(scope.keepsPath(STREET)).isTrue();
        assertThat(scope.keepsValue("x".repeat(10_000))).isTrue();
    }

    @Test
    void noIndexKeepsNothing()
    {
        assertThat(scope("""
                {"tableIndexConfig": {"jsonIndexColumns": ["payload"]}}
                """).keepsPath(ID)).isFalse();
        // disabled in the 1.x field config: no index, whatever the list says
        assertThat(scope("""
                {"tableIndexConfig": {"jsonIndexColumns": ["source"]},
                 "fieldConfigList": [{"name": "source", "indexes": {"json": {"disabled": true}}}]}
                """).keepsPath(ID)).isFalse();
        assertThat(scope("""
                {"tableIndexConfig": {"jsonIndexConfigs": {"source": {"disabled": true}}}}
                """).keepsPath(ID)).isFalse();
    }

    @Test
    void excludeFieldsLeavesThoseKeysOut()
    {
        for (String config : List.of(
                """
                {"tableIndexConfig": {"jsonIndexConfigs": {"source": {"maxLevels": -1, "excludeArray": false, "excludeFields": ["status", "street"]}}}}
                """,
                """
                {"fieldConfigList": [{"name": "source", "encodingType": "RAW", "indexes": {"json": {"excludeFields": ["status", "street"]}}}]}
                """)) {
            JsonIndexScope scope = scope(config);
            assertThat(scope.keepsPath(ID)).isTrue();
            assertThat(scope.keepsPath(CITY)).isTrue();
            assertThat(scope.keepsPath(STATUS)).isFalse();
            assertThat(scope.keepsPath(STREET)).isFalse();
        }
    }

    @Test
    void includeAndExcludePaths()
    {
        JsonIndexScope included = scope("""
                {"fieldConfigList": [{"name": "source", "indexes": {"json": {"includePaths": ["$.address", "$.id", "$.tags[*]"]}}}]}
                """);
        assertThat(included.keepsPath(ID)).isTrue();
        assertThat(included.keepsPath(CITY)).isTrue();
        assertThat(included.keepsPath(STREET)).isTrue();
        assertThat(included.keepsPath(STATUS)).isFalse();

        JsonIndexScope excluded = scope("""
                {"tableIndexConfig": {"jsonIndexConfigs": {"source": {"excludePaths": ["$.address.street"]}}}}
                """);
        assertThat(excluded.keepsPath(CITY)).isTrue();
        assertThat(excluded.keepsPath(STREET)).isFalse();
        assertThat(excluded.keepsPath(STATUS)).isTrue();

        // an excluded path not read here may leave anything out
        assertThat(scope("""
                {"tableIndexConfig": {"jsonIndexConfigs": {"source": {"excludePaths": ["$..status"]}}}}
                """).keepsPath(ID)).isFalse();
    }

    @Test
    void maxLevelsKeepsShallowPaths()
    {
        JsonIndexScope scope = scope("""
                {"fieldConfigList": [{"name": "source", "indexes": {"json": {"maxLevels": 2}}}]}
                """);
        assertThat(scope.keepsPath(ID)).isTrue();
        assertThat(scope.keepsPath(CITY)).isTrue();
        assertThat(scope.keepsPath(STREET)).isFalse();
        assertThat(scope("""
                {"fieldConfigList": [{"name": "source", "indexes": {"json": {"maxLevels": 0}}}]}
                """).keepsPath(STREET)).isTrue();
    }

    @Test
    void maxValueLengthKeepsShortValuesOnly()
    {
        JsonIndexScope scope = scope("""
                {"fieldConfigList": [{"name": "source", "indexes": {"json": {"maxValueLength": 5}}}]}
                """);
        assertThat(scope.keepsPath(STATUS)).isTrue();
        assertThat(scope.keepsValue("paid")).isTrue();
        assertThat(scope.keepsValue("shipped")).isFalse();
        // five characters, ten bytes
        assertThat(scope.keepsValue("ééééé")).isFalse();
    }

    @Test
    void unknownOptionsAndPatternsKeepNothingKnown()
    {
        assertThat(scope("""
                {"fieldConfigList": [{"name": "source", "indexes": {"json": {"indexPaths": ["address.**"]}}}]}
                """).keepsPath(CITY)).isFalse();
        assertThat(scope("""
                {"fieldConfigList": [{"name": "source", "indexes": {"json": {"indexPaths": ["**"], "skipInvalidJson": true, "disableCrossArrayUnnest": true}}}]}
                """).keepsPath(CITY)).isTrue();
        assertThat(scope("""
                {"fieldConfigList": [{"name": "source", "indexes": {"json": {"someFutureOption": 3}}}]}
                """).keepsPath(ID)).isFalse();
    }

    @Test
    void everyConfigMustKeepThePath()
    {
        // both places of one config, and the REALTIME and OFFLINE halves of a hybrid table
        JsonIndexScope scope = TableConfigParser.parse("orders", json("""
                {"REALTIME": {"tableIndexConfig": {"jsonIndexColumns": ["source"], "jsonIndexConfigs": {"source": {"excludeFields": ["status"]}}},
                              "fieldConfigList": [{"name": "source", "indexes": {"json": {"maxLevels": 2}}}]},
                 "OFFLINE": {"tableIndexConfig": {"jsonIndexColumns": ["source"]},
                             "fieldConfigList": [{"name": "source", "indexes": {"json": {"excludePaths": ["$.id"]}}}]}}
                """)).jsonIndexScope("source");
        assertThat(scope.keepsPath(CITY)).isTrue();
        assertThat(scope.keepsPath(STATUS)).isFalse();
        assertThat(scope.keepsPath(STREET)).isFalse();
        assertThat(scope.keepsPath(ID)).isFalse();
        assertThat(scope.keepsPath(List.of("total"))).isTrue();
    }

    private static JsonIndexScope scope(String realtimeConfig)
    {
        return TableConfigParser.parse("orders", json("{\"REALTIME\": " + realtimeConfig + "}")).jsonIndexScope("source");
    }

    private static JsonNode json(String text)
    {
        try {
            return MAPPER.readTree(text);
        }
        catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}

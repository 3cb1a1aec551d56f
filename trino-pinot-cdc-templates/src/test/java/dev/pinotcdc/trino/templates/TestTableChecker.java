package dev.pinotcdc.trino.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pinotcdc.trino.client.PinotDataType;
import dev.pinotcdc.trino.templates.Finding.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

final class TestTableChecker
{
    private final TableChecker checker = new TableChecker();

    @Test
    void generatedTablesHaveNoProblems()
    {
        for (PinotVersion version : PinotVersion.values()) {
            for (boolean upsert : List.of(true, false)) {
                CdcTableTemplate template = CdcTemplateGenerator.generate(CdcTableSpec.builder("person")
                        .primaryKeyColumn(new KeyColumn("id", PinotDataType.LONG))
                        .upsert(upsert)
                        .version(version)
                        .build());
                List<Finding> findings = checker.check(template.schema(), template.tableConfig());
                assertThat(findings).as("%s upsert=%s", version, upsert)
                        .allSatisfy(finding -> assertThat(finding.severity()).isEqualTo(Severity.NOTE));
                assertThat(TableChecker.hasProblems(findings)).isFalse();
                // the decoder caveat is always worth knowing
                assertThat(problems(findings)).anySatisfy(problem -> assertThat(problem).contains("empty arrays"));
            }
        }
    }

    @Test
    void naiveTableHasTheDeletePitfallAndMore()
    {
        JsonNode schema = TemplateJson.parse("""
                {"schemaName": "orders",
                 "dimensionFieldSpecs": [{"name": "id", "dataType": "LONG"}, {"name": "source", "dataType": "STRING"}, {"name": "op", "dataType": "STRING"}],
                 "dateTimeFieldSpecs": [{"name": "ts_ms", "dataType": "LONG", "format": "1:MILLISECONDS:EPOCH", "granularity": "1:MILLISECONDS"}],
                 "primaryKeyColumns": ["id"]}
                """);
        JsonNode config = TemplateJson.parse("""
                {"tableName": "orders_REALTIME", "tableType": "REALTIME",
                 "segmentsConfig": {"timeColumnName": "ts_ms"},
                 "tableIndexConfig": {},
                 "ingestionConfig": {"transformConfigs": [
                   {"columnName": "id", "transformFunction": "jsonPathLong(payload, '$.after.id')"},
                   {"columnName": "source", "transformFunction": "jsonFormat(jsonPath(payload, '$.after'))"},
                   {"columnName": "op", "transformFunction": "jsonPathString(payload, '$.op')"},
                   {"columnName": "ts_ms", "transformFunction": "jsonPathLong(payload, '$.ts_ms')"}]},
                 "upsertConfig": {"mode": "FULL"}}
                """);
        List<Finding> findings = checker.check(schema, config);

        assertThat(TableChecker.hasProblems(findings)).isTrue();
        Finding deletes = findings.stream().filter(finding -> finding.problem().startsWith("Primary-key column 'id' is read only from")).findFirst().orElseThrow();
        assertThat(deletes.severity()).isEqualTo(Severity.ERROR);
        assertThat(deletes.why()).contains("deletes collapse onto one fake key", "deleted rows stay visible");
        assertThat(deletes.fix()).contains("payload.before?.get('id')", "coalesce(jsonPath(payload, '$.after[''id'']'), jsonPath(payload, '$.before[''id'']'))");

        assertThat(problems(findings)).anySatisfy(problem -> assertThat(problem).contains("comparison column is ts_ms (the time column"));
        assertThat(problems(findings)).anySatisfy(problem -> assertThat(problem).contains("routing is not strictReplicaGroup (none is set)"));
        assertThat(problems(findings)).anySatisfy(problem -> assertThat(problem).contains("'source' has no JSON index"));
        assertThat(problems(findings)).anySatisfy(problem -> assertThat(problem).contains("'source' is STRING, not JSON"));
        assertThat(problems(findings)).anySatisfy(problem -> assertThat(problem).contains("nullHandlingEnabled"));
        assertThat(problems(findings)).anySatisfy(problem -> assertThat(problem).contains("no 'source_schema'"));
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.why()).isNotBlank();
            assertThat(finding.fix()).isNotBlank();
        });
    }

    @Test
    void missingCdcColumnsAndKey()
    {
        JsonNode schema = TemplateJson.parse("{\"schemaName\": \"t\", \"dimensionFieldSpecs\": [{\"name\": \"id\", \"dataType\": \"LONG\"}]}");
        JsonNode config = TemplateJson.parse("{\"tableName\": \"t_REALTIME\", \"tableIndexConfig\": {\"nullHandlingEnabled\": true}}");
        List<Finding> findings = checker.check(schema, config);
        assertThat(findings).filteredOn(finding -> finding.severity() == Severity.ERROR)
                .extracting(Finding::problem)
                .containsExactly(
                        "The schema declares no primaryKeyColumns.",
                        "The schema has no 'source' column.",
                        "The schema has no 'op' column.");
    }

    @Test
    void keyWithoutTransformAndExplicitTsMsComparisonAndOtherRouting()
    {
        CdcTableTemplate template = CdcTemplateGenerator.generate(CdcTableSpec.builder("t").primaryKeyColumn(new KeyColumn("id", PinotDataType.LONG)).build());
        ObjectNode config = template.tableConfig();
        ((ArrayNode) config.path("ingestionConfig").path("transformConfigs")).remove(0);
        ((ObjectNode) config.path("upsertConfig")).put("comparisonColumn", "ts_ms");
        ((ObjectNode) config.path("routing")).put("instanceSelectorType", "balanced");
        List<Finding> findings = checker.check(template.schema(), config);
        assertThat(problems(findings)).contains(
                "Primary-key column 'id' has no ingestion transform.",
                "The upsert comparison column is ts_ms.",
                "The upsert table's routing is not strictReplicaGroup (it is balanced).");
    }

    @Test
    void jsonIndexInFieldConfigListCounts()
    {
        CdcTableTemplate template = CdcTemplateGenerator.generate(CdcTableSpec.builder("t").primaryKeyColumn(new KeyColumn("id", PinotDataType.LONG)).build());
        ObjectNode config = template.tableConfig();
        ((ObjectNode) config.path("tableIndexConfig")).remove("jsonIndexColumns");
        assertThat(problems(checker.check(template.schema(), config))).contains("Column 'source' has no JSON index.");
        config.putArray("fieldConfigList").addObject().put("name", "source").putArray("indexTypes").add("JSON");
        assertThat(TableChecker.hasProblems(checker.check(template.schema(), config))).isFalse();
    }

    private static List<String> problems(List<Finding> findings)
    {
        return findings.stream().map(Finding::problem).toList();
    }
}

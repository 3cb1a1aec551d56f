package dev.pinotcdc.trino.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pinotcdc.trino.client.PinotDataType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TestCdcTemplateGenerator
{
    private static final List<RowField> PERSON_FIELDS = List.of(
            new RowField("id", DebeziumType.of("int64")),
            new RowField("customer_id", DebeziumType.of("int64")),
            new RowField("name", DebeziumType.of("string")),
            new RowField("balance", DebeziumType.of("bytes", DebeziumType.CONNECT_DECIMAL)),
            new RowField("birth", DebeziumType.of("int32", DebeziumType.DATE)),
            new RowField("created_at", DebeziumType.of("int64", DebeziumType.MICRO_TIMESTAMP)),
            new RowField("updated_at", DebeziumType.of("string", DebeziumType.ZONED_TIMESTAMP)),
            new RowField("active", DebeziumType.of("boolean")),
            new RowField("start_time", DebeziumType.of("int64", DebeziumType.MICRO_TIME)),
            new RowField("tags", DebeziumType.of("array")));

    @Test
    void pinot011UpsertLayout()
    {
        CdcTableTemplate template = CdcTemplateGenerator.generate(person(PinotVersion.V0_11).build());
        ObjectNode schema = template.schema();
        ObjectNode config = template.tableConfig();

        assertThat(schema.path("schemaName").asText()).isEqualTo("person");
        assertThat(columnTypes(schema.path("dimensionFieldSpecs"))).containsExactly(
                Map.entry("id", "LONG"),
                Map.entry("customer_id", "LONG"),
                Map.entry("source", "JSON"),
                Map.entry("op", "STRING"),
                Map.entry("lsn", "LONG"),
                Map.entry("source_schema", "JSON"));
        assertThat(schema.path("dateTimeFieldSpecs").get(0).path("name").asText()).isEqualTo("ts_ms");
        assertThat(schema.path("dateTimeFieldSpecs").get(0).path("format").asText()).isEqualTo("1:MILLISECONDS:EPOCH");
        assertThat(texts(schema.path("primaryKeyColumns"))).containsExactly("id", "customer_id");
        assertThat(schema.has("_comment")).isFalse();

        assertThat(config.path("tableType").asText()).isEqualTo("REALTIME");
        assertThat(config.path("segmentsConfig").path("timeColumnName").asText()).isEqualTo("ts_ms");
        assertThat(config.path("upsertConfig").path("mode").asText()).isEqualTo("FULL");
        assertThat(config.path("upsertConfig").path("comparisonColumn").asText()).isEqualTo("lsn");
        assertThat(config.path("upsertConfig").has("deleteRecordColumn")).isFalse();
        assertThat(config.path("routing").path("instanceSelectorType").asText()).isEqualTo("strictReplicaGroup");
        assertThat(config.path("tableIndexConfig").path("nullHandlingEnabled").asBoolean()).isTrue();
        assertThat(texts(config.path("tableIndexConfig").path("jsonIndexColumns"))).containsExactly("source");
        JsonNode stream = config.path("tableIndexConfig").path("streamConfigs");
        assertThat(stream.path("stream.kafka.topic.name").asText()).isEqualTo("dbserver.public.person");
        assertThat(stream.path("stream.kafka.broker.list").asText()).isEqualTo("kafka:9092");
        assertThat(config.path("ingestionConfig").has("streamIngestionConfig")).isFalse();

        Map<String, String> transforms = transforms(config);
        assertThat(transforms.get("id")).isEqualTo("Groovy({payload.after != null ? payload.after.get('id') : payload.before?.get('id')}, payload)");
        assertThat(transforms.get("source")).isEqualTo("Groovy({payload.after}, payload)");
        assertThat(transforms.get("op")).isEqualTo("Groovy({payload.op}, payload)");
        assertThat(transforms.get("ts_ms")).isEqualTo("Groovy({payload.ts_ms}, payload)");
        assertThat(transforms.get("lsn")).isEqualTo("Groovy({payload.source?.lsn}, payload)");
        assertThat(transforms.get("source_schema")).isEqualTo("Groovy({schema?.fields?.getAt(1)}, schema)");
        assertThat(transforms).doesNotContainKey("_deleted");
        assertThat(template.notes()).isEmpty();
    }

    @Test
    void defaultPromotionIsTheFirstTimestamp()
    {
        CdcTableTemplate template = CdcTemplateGenerator.generate(person(PinotVersion.V0_11).build());
        assertThat(template.promotedColumns()).extracting(PromotedColumn::name).containsExactly("created_at");

        JsonNode createdAt = template.schema().path("dateTimeFieldSpecs").get(1);
        assertThat(createdAt.path("name").asText()).isEqualTo("created_at");
        assertThat(createdAt.path("dataType").asText()).isEqualTo("LONG");
        assertThat(createdAt.path("format").asText()).isEqualTo("1:MICROSECONDS:EPOCH");
        assertThat(createdAt.path("granularity").asText()).isEqualTo("1:MICROSECONDS");
        assertThat(texts(template.tableConfig().path("tableIndexConfig").path("rangeIndexColumns"))).containsExactly("created_at");
        assertThat(transforms(template.tableConfig()).get("created_at")).isEqualTo("Groovy({payload.after?.get('created_at')}, payload)");
    }

    @Test
    void promotedFieldsOfEveryKind()
    {
        CdcTableTemplate template = CdcTemplateGenerator.generate(person(PinotVersion.V0_11)
                .promotedFields(List.of("updated_at", "birth", "name", "active", "id"))
                .build());
        // a key field is native already
        assertThat(template.promotedColumns()).extracting(PromotedColumn::name).containsExactly("updated_at", "birth", "name", "active");

        Map<String, JsonNode> dateTimes = byName(template.schema().path("dateTimeFieldSpecs"));
        assertThat(dateTimes.get("updated_at").path("format").asText()).isEqualTo("1:MICROSECONDS:EPOCH");
        assertThat(dateTimes.get("birth").path("format").asText()).isEqualTo("1:DAYS:EPOCH");
        assertThat(dateTimes).doesNotContainKey("created_at");
        Map<String, String> dimensions = columnTypes(template.schema().path("dimensionFieldSpecs"));
        assertThat(dimensions).containsEntry("name", "STRING").containsEntry("active", "BOOLEAN");

        JsonNode indexing = template.tableConfig().path("tableIndexConfig");
        assertThat(texts(indexing.path("rangeIndexColumns"))).containsExactly("updated_at", "birth");
        assertThat(texts(indexing.path("invertedIndexColumns"))).containsExactly("name", "active");

        Map<String, String> transforms = transforms(template.tableConfig());
        assertThat(transforms.get("updated_at"))
                .startsWith("Groovy({def text = payload.after?.get('updated_at'); if (text == null) { return null }; ")
                .contains("return 9223372036825200000L", "return -9223372036832400000L", "Math.multiplyExact(instant.getEpochSecond(), 1000000L)", "catch (Exception e) { return null }")
                // counts through nanoseconds: overflows ~292 years from 1970, and Pinot 0.11 then drops the record
                .doesNotContain("MICROS.between");
        assertThat(transforms.get("name")).isEqualTo("Groovy({payload.after?.get('name')}, payload)");
    }

    @Test
    void connectTimestampsAreMillisAndNanoTimestampsNanos()
    {
        CdcTableTemplate template = CdcTemplateGenerator.generate(CdcTableSpec.builder("t")
                .primaryKeyColumn(new KeyColumn("id", PinotDataType.INT))
                .field(new RowField("a", DebeziumType.of("int64", DebeziumType.CONNECT_TIMESTAMP)))
                .field(new RowField("b", DebeziumType.of("int64", DebeziumType.NANO_TIMESTAMP)))
                .field(new RowField("c", DebeziumType.of("int64", DebeziumType.TIMESTAMP)))
                .field(new RowField("d", DebeziumType.of("int32", DebeziumType.CONNECT_DATE)))
                .promotedFields(List.of("a", "b", "c", "d"))
                .build());
        Map<String, JsonNode> dateTimes = byName(template.schema().path("dateTimeFieldSpecs"));
        assertThat(dateTimes.get("a").path("format").asText()).isEqualTo("1:MILLISECONDS:EPOCH");
        assertThat(dateTimes.get("b").path("format").asText()).isEqualTo("1:NANOSECONDS:EPOCH");
        assertThat(dateTimes.get("c").path("format").asText()).isEqualTo("1:MILLISECONDS:EPOCH");
        assertThat(dateTimes.get("d").path("format").asText()).isEqualTo("1:DAYS:EPOCH");
    }

    @Test
    void noPromotionWhenAskedForNone()
    {
        CdcTableTemplate template = CdcTemplateGenerator.generate(person(PinotVersion.V0_11).promotedFields(List.of()).build());
        assertThat(template.promotedColumns()).isEmpty();
        assertThat(template.schema().path("dateTimeFieldSpecs").size()).isEqualTo(1);
    }

    @Test
    void pinot1xLayout()
    {
        CdcTableTemplate template = CdcTemplateGenerator.generate(person(PinotVersion.V1_X).build());
        ObjectNode schema = template.schema();
        ObjectNode config = template.tableConfig();

        assertThat(schema.path("_comment").asText()).contains("NOT been tested");
        assertThat(config.path("_comment").asText()).contains("NOT been tested");
        assertThat(template.notes()).anySatisfy(note -> assertThat(note).contains("NOT been tested"));
        assertThat(columnTypes(schema.path("dimensionFieldSpecs"))).containsEntry("_deleted", "BOOLEAN");

        assertThat(config.path("upsertConfig").path("mode").asText()).isEqualTo("FULL");
        assertThat(texts(config.path("upsertConfig").path("comparisonColumns"))).containsExactly("lsn");
        assertThat(config.path("upsertConfig").path("deleteRecordColumn").asText()).isEqualTo("_deleted");
        assertThat(config.path("tableIndexConfig").has("streamConfigs")).isFalse();
        JsonNode stream = config.path("ingestionConfig").path("streamIngestionConfig").path("streamConfigMaps").get(0);
        assertThat(stream.path("stream.kafka.topic.name").asText()).isEqualTo("dbserver.public.person");

        Map<String, String> transforms = transforms(config);
        assertThat(transforms.values()).noneMatch(function -> function.contains("Groovy"));
        assertThat(transforms.get("id")).isEqualTo("coalesce(jsonPath(payload, '$.after[''id'']'), jsonPath(payload, '$.before[''id'']'))");
        assertThat(transforms.get("source")).isEqualTo("jsonPath(payload, '$.after')");
        assertThat(transforms.get("op")).isEqualTo("jsonPathString(payload, '$.op')");
        assertThat(transforms.get("lsn")).isEqualTo("jsonPath(payload, '$.source.lsn')");
        assertThat(transforms.get("source_schema")).isEqualTo("jsonPath(schema, '$.fields[1]')");
        assertThat(transforms.get("_deleted")).isEqualTo("startsWith(jsonPathString(payload, '$.op'), 'd')");
        assertThat(transforms.get("created_at")).isEqualTo("jsonPath(payload, '$.after[''created_at'']')");
    }

    @Test
    void pinot1xCannotPromoteIsoTimestamps()
    {
        // by default the first timestamp it can promote is taken
        CdcTableTemplate template = CdcTemplateGenerator.generate(CdcTableSpec.builder("t")
                .version(PinotVersion.V1_X)
                .primaryKeyColumn(new KeyColumn("id", PinotDataType.LONG))
                .field(new RowField("updated_at", DebeziumType.of("string", DebeziumType.ZONED_TIMESTAMP)))
                .field(new RowField("created_at", DebeziumType.of("int64", DebeziumType.MICRO_TIMESTAMP)))
                .build());
        assertThat(template.promotedColumns()).extracting(PromotedColumn::name).containsExactly("created_at");

        assertThatThrownBy(() -> CdcTemplateGenerator.generate(person(PinotVersion.V1_X).promotedFields(List.of("updated_at")).build()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Field 'updated_at'")
                .hasMessageContaining("Pinot 1.x");
    }

    @Test
    void appendOnlyKeepsThePrimaryKeyButNoUpsert()
    {
        for (PinotVersion version : PinotVersion.values()) {
            CdcTableTemplate template = CdcTemplateGenerator.generate(person(version).appendOnly().build());
            assertThat(texts(template.schema().path("primaryKeyColumns"))).containsExactly("id", "customer_id");
            assertThat(template.tableConfig().has("upsertConfig")).isFalse();
            assertThat(template.tableConfig().has("routing")).isFalse();
            assertThat(columnTypes(template.schema().path("dimensionFieldSpecs"))).doesNotContainKey("_deleted");
            assertThat(transforms(template.tableConfig())).containsKey("id");
        }
    }

    @Test
    void withoutValueSchema()
    {
        CdcTableTemplate template = CdcTemplateGenerator.generate(person(PinotVersion.V0_11).withoutValueSchema().build());
        assertThat(columnTypes(template.schema().path("dimensionFieldSpecs"))).doesNotContainKey("source_schema");
        assertThat(transforms(template.tableConfig())).doesNotContainKey("source_schema");
    }

    @Test
    void oddFieldNamesAreQuoted()
    {
        String name = "it's a \\ \"field\" $x\n}";
        CdcTableSpec.Builder spec = CdcTableSpec.builder("odd")
                .primaryKeyColumn(new KeyColumn(name, PinotDataType.STRING))
                .field(new RowField("when it's", DebeziumType.of("int64", DebeziumType.CONNECT_TIMESTAMP)));

        Map<String, String> groovy = transforms(CdcTemplateGenerator.generate(spec.build()).tableConfig());
        assertThat(groovy.get(name)).isEqualTo("Groovy({payload.after != null ? payload.after.get('it\\'s a \\\\ \"field\" $x\\n}') : payload.before?.get('it\\'s a \\\\ \"field\" $x\\n}')}, payload)");
        assertThat(groovy.get("when it's")).isEqualTo("Groovy({payload.after?.get('when it\\'s')}, payload)");
        // no raw line end: Pinot's Groovy pattern does not match across lines
        assertThat(groovy.values()).noneMatch(function -> function.contains("\n"));

        Map<String, String> builtIn = transforms(CdcTemplateGenerator.generate(spec.version(PinotVersion.V1_X).build()).tableConfig());
        // a JsonPath member in brackets (quote and backslash escaped), inside a SQL literal (quotes doubled)
        assertThat(builtIn.get("when it's")).isEqualTo("jsonPath(payload, '$.after[''when it\\''s'']')");
        assertThat(BuiltInFunctionTransforms.jsonPathMember("a'b\\c")).isEqualTo("['a\\'b\\\\c']");
    }

    @Test
    void stringKeysAndPromotedStringsKeepLongValues()
    {
        CdcTableTemplate template = CdcTemplateGenerator.generate(CdcTableSpec.builder("t")
                .primaryKeyColumn(new KeyColumn("code", PinotDataType.STRING))
                .field(new RowField("status", DebeziumType.of("string")))
                .promotedFields(List.of("status"))
                .build());
        Map<String, JsonNode> dimensions = byName(template.schema().path("dimensionFieldSpecs"));
        assertThat(dimensions.get("code").path("maxLength").asInt()).isEqualTo(65_536);
        assertThat(dimensions.get("status").path("maxLength").asInt()).isEqualTo(65_536);
    }

    @Test
    void comparisonColumnChoices()
    {
        CdcTableTemplate byTsMs = CdcTemplateGenerator.generate(person(PinotVersion.V0_11).comparisonColumn("ts_ms").build());
        assertThat(byTsMs.tableConfig().path("upsertConfig").path("comparisonColumn").asText()).isEqualTo("ts_ms");
        assertThat(byTsMs.notes()).anySatisfy(note -> assertThat(note).contains("replayed"));

        CdcTableTemplate byPromoted = CdcTemplateGenerator.generate(person(PinotVersion.V0_11).comparisonColumn("created_at").build());
        assertThat(byPromoted.tableConfig().path("upsertConfig").path("comparisonColumn").asText()).isEqualTo("created_at");

        assertThatThrownBy(() -> CdcTemplateGenerator.generate(person(PinotVersion.V0_11).comparisonColumn("name").build()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("comparison column 'name'");
    }

    @Test
    void mistakesAreExplained()
    {
        assertThatThrownBy(() -> CdcTemplateGenerator.generate(person(PinotVersion.V0_11).promotedFields(List.of("nope")).build()))
                .hasMessageContaining("Cannot promote field 'nope'")
                .hasMessageContaining("its fields are id, customer_id, name");
        assertThatThrownBy(() -> CdcTemplateGenerator.generate(person(PinotVersion.V0_11).promotedFields(List.of("balance")).build()))
                .hasMessageContaining("decimal.handling.mode");
        assertThatThrownBy(() -> CdcTemplateGenerator.generate(person(PinotVersion.V0_11).promotedFields(List.of("start_time")).build()))
                .hasMessageContaining("time of day");
        assertThatThrownBy(() -> CdcTemplateGenerator.generate(person(PinotVersion.V0_11).promotedFields(List.of("tags")).build()))
                .hasMessageContaining("only scalar fields");
        assertThatThrownBy(() -> CdcTemplateGenerator.generate(person(PinotVersion.V0_11).promotedFields(List.of("op")).build()))
                .hasMessageContaining("CDC layout");
        assertThatThrownBy(() -> CdcTableSpec.builder("t").build())
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("no primary-key column");
        assertThatThrownBy(() -> CdcTableSpec.builder("a/b").primaryKeyColumn(new KeyColumn("id", PinotDataType.LONG)).build())
                .hasMessageContaining("Invalid Pinot table name");
        assertThatThrownBy(() -> new KeyColumn("amount", PinotDataType.BIG_DECIMAL))
                .hasMessageContaining("cannot be BIG_DECIMAL");
        assertThatThrownBy(() -> CdcTemplateGenerator.generate(CdcTableSpec.builder("t").primaryKeyColumn(new KeyColumn("op", PinotDataType.STRING)).build()))
                .hasMessageContaining("Primary-key column 'op'");
    }

    @Test
    void keyTypesFollowDebeziumTypes()
    {
        assertThat(KeyColumn.of(new RowField("a", DebeziumType.of("int16"))).type()).isEqualTo(PinotDataType.INT);
        assertThat(KeyColumn.of(new RowField("a", DebeziumType.of("int64"))).type()).isEqualTo(PinotDataType.LONG);
        assertThat(KeyColumn.of(new RowField("a", DebeziumType.of("string", "io.debezium.data.Uuid"))).type()).isEqualTo(PinotDataType.STRING);
        assertThatThrownBy(() -> KeyColumn.of(new RowField("a", DebeziumType.of("array"))))
                .hasMessageContaining("Pinot keys are scalar columns");
        assertThatThrownBy(() -> DebeziumType.parse("int65"))
                .hasMessageContaining("Unknown Kafka Connect type 'int65'");
        assertThat(DebeziumType.parse("int64/io.debezium.time.MicroTimestamp")).isEqualTo(DebeziumType.of("int64", DebeziumType.MICRO_TIMESTAMP));
    }

    @Test
    void jsonRoundTripWithoutObjectMapper()
    {
        String text = "{\"a\":[1,9223372036854775807,92233720368547758070,1.50,true,null,\"x\\\"y\"],\"b\":{}}";
        JsonNode node = TemplateJson.parse(text);
        assertThat(TemplateJson.compact(node)).isEqualTo(text);
        assertThatThrownBy(() -> TemplateJson.parse("{\"a\": }"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("Invalid JSON");
    }

    private static CdcTableSpec.Builder person(PinotVersion version)
    {
        return CdcTableSpec.builder("person")
                .topic("dbserver.public.person")
                .kafkaBootstrapServers("kafka:9092")
                .primaryKeyColumn(new KeyColumn("id", PinotDataType.LONG))
                .primaryKeyColumn(new KeyColumn("customer_id", PinotDataType.LONG))
                .fields(PERSON_FIELDS)
                .version(version);
    }

    static Map<String, String> transforms(JsonNode tableConfig)
    {
        Map<String, String> transforms = new LinkedHashMap<>();
        tableConfig.path("ingestionConfig").path("transformConfigs")
                .forEach(transform -> transforms.put(transform.path("columnName").asText(), transform.path("transformFunction").asText()));
        return transforms;
    }

    private static Map<String, String> columnTypes(JsonNode fieldSpecs)
    {
        Map<String, String> types = new LinkedHashMap<>();
        fieldSpecs.forEach(spec -> types.put(spec.path("name").asText(), spec.path("dataType").asText()));
        return types;
    }

    private static Map<String, JsonNode> byName(JsonNode fieldSpecs)
    {
        Map<String, JsonNode> specs = new LinkedHashMap<>();
        fieldSpecs.forEach(spec -> specs.put(spec.path("name").asText(), spec));
        return specs;
    }

    private static List<String> texts(JsonNode array)
    {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }
}

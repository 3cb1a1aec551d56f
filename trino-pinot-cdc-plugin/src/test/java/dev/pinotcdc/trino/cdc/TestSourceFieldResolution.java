package dev.pinotcdc.trino.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinotcdc.trino.metadata.TableDefinitionParser;
import io.trino.spi.type.StandardTypes;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static io.trino.type.InternalTypeManager.TESTING_TYPE_MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSourceFieldResolution
{
    private static final Type JSON = TESTING_TYPE_MANAGER.getType(TypeId.of(StandardTypes.JSON));
    private final SampleTypeInference inference = new SampleTypeInference(TESTING_TYPE_MANAGER);
    private final TableDefinitionParser parser = new TableDefinitionParser(TESTING_TYPE_MANAGER);
    private final SourceFieldResolver resolver = new SourceFieldResolver(TESTING_TYPE_MANAGER);

    @Test
    void testInferenceKinds()
    {
        Map<String, FieldType> types = inference.infer(rows(
                "{\"i\": 1, \"f\": 1.5, \"b\": true, \"s\": \"x\", \"o\": {\"a\": 1}, \"a\": [1], \"n\": null, \"big\": 123456789012345678901234567890}",
                "{\"i\": -2, \"f\": 2, \"b\": false, \"s\": \"y\", \"o\": null, \"a\": [], \"n\": null}"));
        assertThat(types.get("i").type()).isEqualTo(BIGINT);
        assertThat(types.get("f").type()).isEqualTo(DOUBLE);
        assertThat(types.get("b").type()).isEqualTo(BOOLEAN);
        assertThat(types.get("s").type()).isEqualTo(VARCHAR);
        assertThat(types.get("o").type()).isEqualTo(JSON);
        assertThat(types.get("a").type()).isEqualTo(JSON);
        assertThat(types.get("n").type()).isEqualTo(VARCHAR);
        assertThat(types.get("big").type()).isEqualTo(VARCHAR);
        assertThat(types.values()).allMatch(type -> type.encoding() == FieldEncoding.NATIVE);
    }

    @Test
    void testInferenceConflicts()
    {
        Map<String, FieldType> types = inference.infer(rows(
                "{\"num_str\": 1, \"bool_num\": true, \"obj_str\": {\"a\": 1}, \"arr_num\": [1], \"str_bool\": \"t\"}",
                "{\"num_str\": \"1\", \"bool_num\": 0, \"obj_str\": \"x\", \"arr_num\": 5, \"str_bool\": false}",
                "null",
                "[1, 2]"));
        assertThat(types.get("num_str").type()).isEqualTo(VARCHAR);
        assertThat(types.get("bool_num").type()).isEqualTo(VARCHAR);
        assertThat(types.get("str_bool").type()).isEqualTo(VARCHAR);
        assertThat(types.get("obj_str").type()).isEqualTo(JSON);
        assertThat(types.get("arr_num").type()).isEqualTo(JSON);
        assertThat(inference.infer(List.of())).isEmpty();
    }

    @Test
    void testInferenceReadsBooleanTextAsBoolean()
    {
        // Pinot 0.11's JSON decoder stores a message's booleans as the strings "true" and "false"
        Map<String, FieldType> types = inference.infer(rows(
                "{\"text\": \"true\", \"mixed\": true, \"other\": \"true\", \"upper\": \"TRUE\"}",
                "{\"text\": \"false\", \"mixed\": \"false\", \"other\": \"yes\", \"upper\": \"FALSE\"}"));
        assertThat(types.get("text").type()).isEqualTo(BOOLEAN);
        assertThat(types.get("mixed").type()).isEqualTo(BOOLEAN);
        assertThat(types.get("other").type()).isEqualTo(VARCHAR);
        assertThat(types.get("upper").type()).isEqualTo(VARCHAR);
    }

    @Test
    void testInferenceOrderIsStable()
    {
        // newest row first: its fields in its order, then fields only older rows have
        Map<String, FieldType> types = inference.infer(rows("{\"c\": 1, \"a\": 1}", "{\"b\": 1, \"a\": 1, \"d\": 1}", "{\"e\": 1, \"c\": 1}"));
        assertThat(types.keySet()).containsExactly("c", "a", "b", "d", "e");
    }

    @Test
    void testPrecedenceAndUndeclaredFields()
    {
        TableDefinition definition = parser.parse("person.json", """
                {"columns": [
                  {"name": "balance", "type": "varchar", "encoding": "decimal-base64", "scale": 2, "comment": "as text"},
                  {"name": "zip", "type": "varchar", "path": "$.address['zip code']"}
                ]}
                """);
        JsonNode schema = CdcJson.parse("""
                {"type": "struct", "fields": [
                  {"type": "int64", "field": "id"},
                  {"type": "bytes", "name": "org.apache.kafka.connect.data.Decimal", "parameters": {"scale": "2"}, "field": "balance"},
                  {"type": "int32", "name": "io.debezium.time.Date", "field": "birth"}
                ]}
                """);
        List<SourceField> fields = resolver.resolve(Optional.of(definition), Optional.of(schema),
                rows("{\"id\": 1, \"balance\": \"AQ==\", \"birth\": 5, \"extra\": 2.5, \"address\": {\"zip code\": \"x\"}}"), Set.of("id"));
        assertThat(fields).extracting(SourceField::columnName).containsExactly("balance", "zip", "birth", "extra", "address");
        assertThat(fields).extracting(SourceField::origin).containsExactly(
                TypeOrigin.DEFINITION_FILE, TypeOrigin.DEFINITION_FILE, TypeOrigin.DEBEZIUM_SCHEMA, TypeOrigin.INFERENCE, TypeOrigin.INFERENCE);
        assertThat(fields.get(0).type()).isEqualTo(VARCHAR);
        assertThat(fields.get(0).storedScale()).isEqualTo(OptionalInt.of(2));
        assertThat(fields.get(0).comment()).contains("as text");
        assertThat(fields.get(1).path()).containsExactly("address", "zip code");
        assertThat(fields.get(2).type()).isEqualTo(DATE);
        assertThat(fields.get(3).type()).isEqualTo(DOUBLE);

        TableDefinition exclusive = parser.parse("person.json", "{\"includeUndeclaredFields\": false, \"columns\": [{\"name\": \"birth\", \"type\": \"date\", \"encoding\": \"epoch-days\"}]}");
        assertThat(resolver.resolve(Optional.of(exclusive), Optional.of(schema), rows("{\"x\": 1}"), Set.of("id")))
                .extracting(SourceField::columnName).containsExactly("birth");
    }

    @Test
    void testNamesAreLowerCasedAndCollisionsKeepBothFields()
    {
        List<SourceField> fields = resolver.resolve(Optional.empty(), Optional.empty(),
                rows("{\"customerId\": 1, \"Name\": \"a\", \"name\": \"b\", \"NAME\": \"c\", \"name_2\": \"d\", \"ID\": 7}"), Set.of("id", "Customer_Ref"));
        assertThat(fields).extracting(SourceField::columnName).containsExactly("customerid", "name", "name_2", "name_3", "name_2_2");
        assertThat(fields).extracting(field -> field.path().getFirst()).containsExactly("customerId", "Name", "name", "NAME", "name_2");
    }

    @Test
    void testDefinitionColumnNamedLikeNativeColumn()
    {
        TableDefinition definition = parser.parse("t.json", "{\"columns\": [{\"name\": \"ID\", \"type\": \"bigint\"}]}");
        assertThatThrownBy(() -> resolver.resolve(Optional.of(definition), Optional.empty(), List.of(), Set.of("id")))
                .hasMessage("Table definition file t.json: column 'id' has the name of a native column of the table");
    }

    @Test
    void testUnreadableSchemaFallsBackToInference()
    {
        List<SourceField> fields = resolver.resolve(Optional.empty(), Optional.of(CdcJson.parse("\"garbage\"")), rows("{\"a\": 1}"), Set.of());
        assertThat(fields).extracting(SourceField::origin).containsExactly(TypeOrigin.INFERENCE);
    }

    @Test
    void testDefinitionFileErrors()
    {
        assertDefinitionError("{", "Table definition file t.json: is not valid JSON");
        assertDefinitionError("[]", "must hold a JSON object");
        assertDefinitionError("{}", "must have a \"columns\" array");
        assertDefinitionError("{\"columns\": [], \"colums\": []}", "unknown property \"colums\"");
        assertDefinitionError("{\"columns\": [{\"type\": \"bigint\"}]}", "column #1 needs a \"name\"");
        assertDefinitionError("{\"columns\": [{\"name\": \"a\", \"type\": \"bigint\", \"encodng\": \"native\"}]}", "column 'a': unknown property \"encodng\"");
        assertDefinitionError("{\"columns\": [{\"name\": \"a\", \"type\": \"biginteger\"}]}", "column 'a': unknown type 'biginteger'");
        assertDefinitionError("{\"columns\": [{\"name\": \"a\", \"type\": \"date\", \"encoding\": \"epoch-weeks\"}]}", "column 'a': unknown encoding 'epoch-weeks'");
        assertDefinitionError("{\"columns\": [{\"name\": \"a\", \"type\": \"bigint\", \"encoding\": \"epoch-days\"}]}", "column 'a': Encoding 'epoch-days' cannot produce type bigint");
        assertDefinitionError("{\"columns\": [{\"name\": \"a\", \"type\": \"varchar\", \"encoding\": \"decimal-base64\"}]}", "column 'a': Encoding 'decimal-base64' into varchar needs the stored scale");
        assertDefinitionError("{\"columns\": [{\"name\": \"a\", \"type\": \"bigint\", \"path\": \"a.b\"}]}", "column 'a': path 'a.b' does not start with '$'");
        assertDefinitionError("{\"columns\": [{\"name\": \"a\", \"type\": \"bigint\"}, {\"name\": \"A\", \"type\": \"date\", \"encoding\": \"iso-date\"}]}", "column 'a' is defined twice");
        assertDefinitionError("{\"columns\": [{\"name\": \"a\", \"type\": \"decimal(10,2)\", \"encoding\": \"decimal-base64\", \"scale\": \"2\"}]}", "column 'a': \"scale\" must be an integer");
        assertDefinitionError("{\"includeUndeclaredFields\": \"no\", \"columns\": []}", "\"includeUndeclaredFields\" must be true or false");
    }

    @Test
    void testDefinitionFileFormat(@TempDir Path directory)
            throws IOException
    {
        Files.writeString(directory.resolve("Orders.json"), """
                {
                  "comment": "orders from the shop database",
                  "columns": [
                    {"name": "Amount", "type": "decimal(12,2)", "path": "$.amount", "encoding": "decimal-base64"},
                    {"name": "placed_at", "type": "timestamp(6)", "path": "$['placed.at']", "encoding": "epoch-micros", "comment": "when"},
                    {"name": "tags", "type": "array(varchar)"}
                  ]
                }
                """);
        TableDefinition definition = parser.load(directory, "orders").orElseThrow();
        assertThat(definition.source()).endsWith("Orders.json");
        assertThat(definition.includeUndeclaredFields()).isTrue();
        assertThat(definition.columns()).extracting(TableDefinition.Column::name).containsExactly("amount", "placed_at", "tags");
        assertThat(definition.columns().get(0).type()).isEqualTo(createDecimalType(12, 2));
        assertThat(definition.columns().get(1).path()).containsExactly("placed.at");
        assertThat(definition.columns().get(1).encoding()).isEqualTo(FieldEncoding.EPOCH_MICROS);
        assertThat(definition.columns().get(2).path()).containsExactly("tags");
        assertThat(definition.columns().get(2).encoding()).isEqualTo(FieldEncoding.NATIVE);
        assertThat(parser.load(directory, "missing")).isEmpty();

        Files.writeString(directory.resolve("broken.json"), "{\"columns\": [{\"name\": \"x\", \"type\": \"nope\"}]}");
        assertThatThrownBy(() -> parser.load(directory, "broken"))
                .hasMessageContaining("broken.json")
                .hasMessageContaining("column 'x'");
    }

    @Test
    void testSourcePaths()
    {
        assertThat(SourcePath.parse("$.a")).containsExactly("a");
        assertThat(SourcePath.parse("$.a.b")).containsExactly("a", "b");
        assertThat(SourcePath.parse("$['we.ird']")).containsExactly("we.ird");
        assertThat(SourcePath.parse("$.a[\"b c\"]['it\\'s']")).containsExactly("a", "b c", "it's");
        assertThatThrownBy(() -> SourcePath.parse("$")).hasMessageContaining("names no key");
        assertThatThrownBy(() -> SourcePath.parse("$.a[0]")).hasMessageContaining("array indexes are not supported");
        assertThatThrownBy(() -> SourcePath.parse("$.a..b")).hasMessageContaining("empty key");
        assertThatThrownBy(() -> SourcePath.parse("$['a'")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> SourcePath.parse("$.*")).hasMessageContaining("wildcard");
        assertThat(SourcePath.format(List.of("a", "we.ird", "it's"))).isEqualTo("$.a['we.ird']['it\\'s']");
        assertThat(SourcePath.parse(SourcePath.format(List.of("x y", "z")))).containsExactly("x y", "z");
    }

    private void assertDefinitionError(String json, String message)
    {
        assertThatThrownBy(() -> parser.parse("t.json", json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Table definition file t.json: ")
                .hasMessageContaining(message);
    }

    private static List<JsonNode> rows(String... rows)
    {
        return java.util.Arrays.stream(rows).map(CdcJson::parse).toList();
    }
}

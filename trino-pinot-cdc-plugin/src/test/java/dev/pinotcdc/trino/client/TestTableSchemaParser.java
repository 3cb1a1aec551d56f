package dev.pinotcdc.trino.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinotcdc.trino.client.PinotColumn.Role;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Schemas as the controller writes them: Pinot 0.11's {@code Schema.toPrettyJsonString()} and Pinot 1.x's. */
class TestTableSchemaParser
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void readsPinot011Schema()
    {
        PinotTableSchema schema = TableSchemaParser.parse("orders", json("""
                {
                  "schemaName" : "orders",
                  "dimensionFieldSpecs" : [ {
                    "name" : "id",
                    "dataType" : "LONG"
                  }, {
                    "name" : "source",
                    "dataType" : "JSON"
                  }, {
                    "name" : "op",
                    "dataType" : "STRING"
                  }, {
                    "name" : "tags",
                    "dataType" : "STRING",
                    "singleValueField" : false
                  }, {
                    "name" : "active",
                    "dataType" : "BOOLEAN"
                  }, {
                    "name" : "payload",
                    "dataType" : "BYTES"
                  } ],
                  "metricFieldSpecs" : [ {
                    "name" : "amount",
                    "dataType" : "BIG_DECIMAL"
                  }, {
                    "name" : "quantity",
                    "dataType" : "INT"
                  } ],
                  "dateTimeFieldSpecs" : [ {
                    "name" : "ts_ms",
                    "dataType" : "LONG",
                    "format" : "1:MILLISECONDS:EPOCH",
                    "granularity" : "1:MILLISECONDS"
                  }, {
                    "name" : "created_at",
                    "dataType" : "TIMESTAMP",
                    "format" : "1:MILLISECONDS:TIMESTAMP",
                    "granularity" : "1:MILLISECONDS"
                  } ],
                  "primaryKeyColumns" : [ "id" ]
                }
                """));

        assertThat(schema.name()).isEqualTo("orders");
        assertThat(schema.primaryKeyColumns()).containsExactly("id");
        assertThat(schema.unsupportedColumns()).isEmpty();
        assertThat(schema.columns()).containsExactly(
                new PinotColumn("id", PinotDataType.LONG, true, Role.DIMENSION),
                new PinotColumn("source", PinotDataType.JSON, true, Role.DIMENSION),
                new PinotColumn("op", PinotDataType.STRING, true, Role.DIMENSION),
                new PinotColumn("tags", PinotDataType.STRING, false, Role.DIMENSION),
                new PinotColumn("active", PinotDataType.BOOLEAN, true, Role.DIMENSION),
                new PinotColumn("payload", PinotDataType.BYTES, true, Role.DIMENSION),
                new PinotColumn("amount", PinotDataType.BIG_DECIMAL, true, Role.METRIC),
                new PinotColumn("quantity", PinotDataType.INT, true, Role.METRIC),
                new PinotColumn("ts_ms", PinotDataType.LONG, true, Role.DATE_TIME, Optional.of("1:MILLISECONDS:EPOCH")),
                new PinotColumn("created_at", PinotDataType.TIMESTAMP, true, Role.DATE_TIME, Optional.of("1:MILLISECONDS:TIMESTAMP")));
        assertThat(schema.column("tags")).map(PinotColumn::singleValue).contains(false);
    }

    @Test
    void readsLegacyTimeFieldSpec()
    {
        PinotTableSchema schema = TableSchemaParser.parse("events", json("""
                {
                  "schemaName" : "events",
                  "dimensionFieldSpecs" : [ { "name" : "id", "dataType" : "INT" } ],
                  "timeFieldSpec" : {
                    "incomingGranularitySpec" : { "name" : "secondsSinceEpoch", "dataType" : "LONG", "timeType" : "SECONDS" },
                    "outgoingGranularitySpec" : { "name" : "daysSinceEpoch", "dataType" : "INT", "timeType" : "DAYS" }
                  }
                }
                """));

        assertThat(schema.columns()).containsExactly(
                new PinotColumn("id", PinotDataType.INT, true, Role.DIMENSION),
                new PinotColumn("daysSinceEpoch", PinotDataType.INT, true, Role.DATE_TIME));
        assertThat(schema.primaryKeyColumns()).isEmpty();
    }

    @Test
    void readsPinot1SchemaAndSetsAsideComplexColumns()
    {
        PinotTableSchema schema = TableSchemaParser.parse("orders", json("""
                {
                  "schemaName": "orders",
                  "enableColumnBasedNullHandling": true,
                  "dimensionFieldSpecs": [
                    {"name": "id", "dataType": "LONG", "notNull": true, "fieldType": "DIMENSION"},
                    {"name": "scores", "dataType": "DOUBLE", "singleValueField": false, "notNull": false, "fieldType": "DIMENSION"},
                    {"name": "blob", "dataType": "UNKNOWN", "fieldType": "DIMENSION"}
                  ],
                  "dateTimeFieldSpecs": [
                    {"name": "ts_ms", "dataType": "LONG", "notNull": false, "format": "1:MILLISECONDS:EPOCH", "granularity": "1:MILLISECONDS"}
                  ],
                  "complexFieldSpecs": [
                    {"name": "attrs", "dataType": "MAP", "fieldType": "COMPLEX", "notNull": false,
                     "childFieldSpecs": {"key": {"name": "key", "dataType": "STRING", "fieldType": "DIMENSION"},
                                         "value": {"name": "value", "dataType": "STRING", "fieldType": "DIMENSION"}}}
                  ],
                  "primaryKeyColumns": ["id"]
                }
                """));

        assertThat(schema.columns()).extracting(PinotColumn::name).containsExactly("id", "scores", "ts_ms");
        assertThat(schema.column("scores")).contains(new PinotColumn("scores", PinotDataType.DOUBLE, false, Role.DIMENSION));
        assertThat(schema.unsupportedColumns()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("blob", "UNKNOWN", "attrs", "MAP"));
    }

    @Test
    void readsWhatPinotDoesToLongText()
    {
        PinotTableSchema schema = TableSchemaParser.parse("orders", json("""
                {
                  "schemaName": "orders",
                  "dimensionFieldSpecs": [
                    {"name": "plain", "dataType": "STRING"},
                    {"name": "long", "dataType": "STRING", "maxLength": 65536},
                    {"name": "trimmed", "dataType": "STRING", "maxLength": 8, "maxLengthExceedStrategy": "TRIM_LENGTH"},
                    {"name": "kept", "dataType": "STRING", "maxLength": 8, "maxLengthExceedStrategy": "NO_ACTION"},
                    {"name": "refused", "dataType": "STRING", "maxLength": 8, "maxLengthExceedStrategy": "ERROR"},
                    {"name": "replaced", "dataType": "STRING", "maxLength": 8, "maxLengthExceedStrategy": "SUBSTITUTE_DEFAULT_VALUE"},
                    {"name": "doc", "dataType": "JSON", "maxLength": 8}
                  ]
                }
                """));

        assertThat(schema.columns()).extracting(PinotColumn::name, PinotColumn::exactTextLength).containsExactly(
                tuple("plain", OptionalInt.of(PinotColumn.DEFAULT_MAX_LENGTH)),
                tuple("long", OptionalInt.of(65_536)),
                tuple("trimmed", OptionalInt.of(8)),
                tuple("kept", OptionalInt.empty()),
                tuple("refused", OptionalInt.empty()),
                // the default null value stands in for long text: no text is stored only as itself
                tuple("replaced", OptionalInt.of(0)),
                tuple("doc", OptionalInt.empty()));
    }

    @Test
    void rejectsFieldSpecWithoutType()
    {
        assertThatThrownBy(() -> TableSchemaParser.parse("orders", json("""
                {"schemaName": "orders", "dimensionFieldSpecs": [{"name": "id"}]}
                """)))
                .isInstanceOf(PinotInvalidResponseException.class)
                .hasMessageStartingWith("Pinot table 'orders': a schema field spec has no 'dataType'");
    }

    private static JsonNode json(String text)
    {
        try {
            return MAPPER.readTree(text);
        }
        catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

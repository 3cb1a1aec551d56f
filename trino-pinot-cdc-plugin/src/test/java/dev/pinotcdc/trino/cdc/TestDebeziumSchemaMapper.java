package dev.pinotcdc.trino.cdc;

import io.trino.spi.type.ArrayType;
import io.trino.spi.type.StandardTypes;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeId;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalInt;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TimeType.createTimeType;
import static io.trino.spi.type.TimestampType.createTimestampType;
import static io.trino.spi.type.TimestampWithTimeZoneType.createTimestampWithTimeZoneType;
import static io.trino.spi.type.TinyintType.TINYINT;
import static io.trino.spi.type.UuidType.UUID;
import static io.trino.spi.type.VarbinaryType.VARBINARY;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static io.trino.type.InternalTypeManager.TESTING_TYPE_MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestDebeziumSchemaMapper
{
    private static final Type JSON = TESTING_TYPE_MANAGER.getType(TypeId.of(StandardTypes.JSON));
    private final DebeziumSchemaMapper mapper = new DebeziumSchemaMapper(TESTING_TYPE_MANAGER);

    /**
     * Found by the PostgreSQL parity test: Kafka Connect's JsonConverter names FLOAT32 and FLOAT64 "float" and
     * "double" in the schemas it writes, so PostgreSQL real and double precision columns came out as JSON.
     */
    @Test
    void testJsonConverterFloatingPointNames()
    {
        assertMapping("{\"type\":\"float\",\"optional\":true,\"field\":\"c_real\"}", REAL, FieldEncoding.NATIVE);
        assertMapping("{\"type\":\"double\",\"optional\":true,\"field\":\"c_double\"}", DOUBLE, FieldEncoding.NATIVE);
        assertMapping("{\"type\":\"array\",\"items\":{\"type\":\"double\",\"optional\":true}}", new ArrayType(DOUBLE), FieldEncoding.NATIVE);
    }

    /**
     * Found by the PostgreSQL parity test: PostgreSQL intervals have microseconds, which INTERVAL DAY TO SECOND
     * (milliseconds) cannot hold, so nearly every interval read as NULL. BIGINT microseconds keeps Debezium's value.
     */
    @Test
    void testMicroDurationKeepsMicroseconds()
    {
        assertMapping("{\"type\":\"int64\",\"optional\":true,\"name\":\"io.debezium.time.MicroDuration\",\"version\":1,\"field\":\"c_interval\"}", BIGINT, FieldEncoding.MICRO_DURATION);
    }

    @Test
    void testEveryKnownType()
    {
        assertMapping("{\"type\":\"int8\"}", TINYINT, FieldEncoding.NATIVE);
        assertMapping("{\"type\":\"int16\"}", SMALLINT, FieldEncoding.NATIVE);
        assertMapping("{\"type\":\"int32\"}", INTEGER, FieldEncoding.NATIVE);
        assertMapping("{\"type\":\"int64\"}", BIGINT, FieldEncoding.NATIVE);
        assertMapping("{\"type\":\"float32\"}", REAL, FieldEncoding.NATIVE);
        assertMapping("{\"type\":\"float64\"}", DOUBLE, FieldEncoding.NATIVE);
        assertMapping("{\"type\":\"boolean\"}", BOOLEAN, FieldEncoding.NATIVE);
        assertMapping("{\"type\":\"string\"}", VARCHAR, FieldEncoding.NATIVE);
        assertMapping("{\"type\":\"bytes\"}", VARBINARY, FieldEncoding.BASE64_BYTES);
        assertMapping("{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\",\"parameters\":{\"scale\":\"2\",\"connect.decimal.precision\":\"10\"}}", createDecimalType(10, 2), FieldEncoding.DECIMAL_BASE64);
        assertMapping("{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\",\"parameters\":{\"scale\":\"3\"}}", createDecimalType(38, 3), FieldEncoding.DECIMAL_BASE64);
        assertMapping("{\"type\":\"struct\",\"name\":\"io.debezium.data.VariableScaleDecimal\",\"fields\":[]}", VARCHAR, FieldEncoding.VARIABLE_SCALE_DECIMAL);
        assertMapping("{\"type\":\"int32\",\"name\":\"org.apache.kafka.connect.data.Date\"}", DATE, FieldEncoding.EPOCH_DAYS);
        assertMapping("{\"type\":\"int32\",\"name\":\"io.debezium.time.Date\"}", DATE, FieldEncoding.EPOCH_DAYS);
        assertMapping("{\"type\":\"int64\",\"name\":\"org.apache.kafka.connect.data.Timestamp\"}", createTimestampType(3), FieldEncoding.EPOCH_MILLIS);
        assertMapping("{\"type\":\"int64\",\"name\":\"io.debezium.time.Timestamp\"}", createTimestampType(3), FieldEncoding.EPOCH_MILLIS);
        assertMapping("{\"type\":\"int64\",\"name\":\"io.debezium.time.MicroTimestamp\"}", createTimestampType(6), FieldEncoding.EPOCH_MICROS);
        assertMapping("{\"type\":\"int64\",\"name\":\"io.debezium.time.NanoTimestamp\"}", createTimestampType(9), FieldEncoding.EPOCH_NANOS);
        assertMapping("{\"type\":\"string\",\"name\":\"io.debezium.time.ZonedTimestamp\"}", createTimestampWithTimeZoneType(6), FieldEncoding.ISO_ZONED_TIMESTAMP);
        assertMapping("{\"type\":\"int32\",\"name\":\"org.apache.kafka.connect.data.Time\"}", createTimeType(3), FieldEncoding.MILLIS_OF_DAY);
        assertMapping("{\"type\":\"int32\",\"name\":\"io.debezium.time.Time\"}", createTimeType(3), FieldEncoding.MILLIS_OF_DAY);
        assertMapping("{\"type\":\"int64\",\"name\":\"io.debezium.time.MicroTime\"}", createTimeType(6), FieldEncoding.MICROS_OF_DAY);
        assertMapping("{\"type\":\"int64\",\"name\":\"io.debezium.time.NanoTime\"}", createTimeType(9), FieldEncoding.NANOS_OF_DAY);
        assertMapping("{\"type\":\"string\",\"name\":\"io.debezium.time.ZonedTime\"}", createTimeType(6), FieldEncoding.ISO_ZONED_TIME);
        assertMapping("{\"type\":\"string\",\"name\":\"io.debezium.time.IsoDate\"}", DATE, FieldEncoding.ISO_DATE);
        assertMapping("{\"type\":\"string\",\"name\":\"io.debezium.time.IsoTimestamp\"}", createTimestampType(6), FieldEncoding.ISO_TIMESTAMP);
        assertMapping("{\"type\":\"string\",\"name\":\"io.debezium.time.IsoTime\"}", createTimeType(6), FieldEncoding.ISO_TIME);
        assertMapping("{\"type\":\"int64\",\"name\":\"io.debezium.time.MicroDuration\"}", BIGINT, FieldEncoding.MICRO_DURATION);
        assertMapping("{\"type\":\"string\",\"name\":\"io.debezium.time.Interval\"}", VARCHAR, FieldEncoding.ISO_INTERVAL);
        assertMapping("{\"type\":\"string\",\"name\":\"io.debezium.data.Json\"}", JSON, FieldEncoding.JSON_STRING);
        assertMapping("{\"type\":\"string\",\"name\":\"io.debezium.data.Uuid\"}", UUID, FieldEncoding.UUID_STRING);
        assertMapping("{\"type\":\"string\",\"name\":\"io.debezium.data.Enum\",\"parameters\":{\"allowed\":\"a,b\"}}", VARCHAR, FieldEncoding.NATIVE);
        assertMapping("{\"type\":\"string\",\"name\":\"io.debezium.data.EnumSet\"}", VARCHAR, FieldEncoding.NATIVE);
        assertMapping("{\"type\":\"string\",\"name\":\"io.debezium.data.Xml\"}", VARCHAR, FieldEncoding.NATIVE);
        assertMapping("{\"type\":\"bytes\",\"name\":\"io.debezium.data.Bits\",\"parameters\":{\"length\":\"12\"}}", VARBINARY, FieldEncoding.BITS_BASE64);
        assertMapping("{\"type\":\"array\",\"items\":{\"type\":\"string\",\"optional\":true}}", new ArrayType(VARCHAR), FieldEncoding.NATIVE);
        assertMapping("{\"type\":\"array\",\"items\":{\"type\":\"int32\",\"name\":\"io.debezium.time.Date\"}}", new ArrayType(DATE), FieldEncoding.EPOCH_DAYS);
        assertMapping("{\"type\":\"struct\",\"name\":\"io.debezium.data.geometry.Point\",\"fields\":[]}", JSON, FieldEncoding.NATIVE);
        assertMapping("{\"type\":\"map\",\"keys\":{\"type\":\"string\"},\"values\":{\"type\":\"string\"}}", JSON, FieldEncoding.NATIVE);
        // unknown logical types fall back to their physical type
        assertMapping("{\"type\":\"int32\",\"name\":\"io.debezium.time.Year\"}", INTEGER, FieldEncoding.NATIVE);
        assertMapping("{\"type\":\"string\",\"name\":\"com.example.Custom\"}", VARCHAR, FieldEncoding.NATIVE);
        // a known name on an unexpected physical type is read physically
        assertMapping("{\"type\":\"string\",\"name\":\"io.debezium.time.Date\"}", VARCHAR, FieldEncoding.NATIVE);
    }

    @Test
    void testDecimalPrecisionEdges()
    {
        FieldType wide = mapper.mapType(node("{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\",\"parameters\":{\"scale\":\"4\",\"connect.decimal.precision\":\"50\"}}"));
        assertThat(wide).isEqualTo(new FieldType(VARCHAR, FieldEncoding.DECIMAL_BASE64, OptionalInt.of(4)));
        FieldType negativeScale = mapper.mapType(node("{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\",\"parameters\":{\"scale\":\"-2\",\"connect.decimal.precision\":\"3\"}}"));
        assertThat(negativeScale).isEqualTo(new FieldType(createDecimalType(5, 0), FieldEncoding.DECIMAL_BASE64, OptionalInt.of(-2)));
        FieldType scaleAbovePrecision = mapper.mapType(node("{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\",\"parameters\":{\"scale\":\"5\",\"connect.decimal.precision\":\"3\"}}"));
        assertThat(scaleAbovePrecision).isEqualTo(new FieldType(createDecimalType(5, 5), FieldEncoding.DECIMAL_BASE64, OptionalInt.empty()));
    }

    @Test
    void testEnvelopeAndMessageAreUnwrapped()
    {
        com.fasterxml.jackson.databind.JsonNode message = TestDebeziumFixtures.messages("connect-precise", "insert").getFirst();
        Map<String, FieldType> fromMessage = mapper.map(message);
        Map<String, FieldType> fromEnvelope = mapper.map(message.get("schema"));
        Map<String, FieldType> fromAfter = mapper.map(message.get("schema").get("fields").get(1));
        assertThat(fromMessage).isEqualTo(fromEnvelope).isEqualTo(fromAfter);
        assertThat(fromAfter.keySet()).containsExactly("id", "customer_id", "name", "balance", "birth", "created_at", "updated_at", "active", "attrs", "uid", "tags");
        assertThatThrownBy(() -> mapper.map(node("{\"type\":\"string\"}"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void testValueSchemaRecognisedByContent()
    {
        com.fasterxml.jackson.databind.JsonNode message = TestDebeziumFixtures.messages("connect-precise", "insert").getFirst();
        // the envelope's after field, as the templates keep it, and the whole envelope
        assertThat(DebeziumSchemaMapper.isValueSchema(message.get("schema").get("fields").get(1))).isTrue();
        assertThat(DebeziumSchemaMapper.isValueSchema(message.get("schema"))).isTrue();
        // the key's schema, the before field, a row image, a plain struct, text
        assertThat(DebeziumSchemaMapper.isValueSchema(message.get("schema").get("fields").get(0))).isFalse();
        assertThat(DebeziumSchemaMapper.isValueSchema(message.get("payload").get("after"))).isFalse();
        assertThat(DebeziumSchemaMapper.isValueSchema(node("{\"type\":\"struct\",\"fields\":[{\"field\":\"after\",\"type\":\"string\"},{\"field\":\"op\",\"type\":\"string\"}]}"))).isFalse();
        assertThat(DebeziumSchemaMapper.isValueSchema(node("\"after\""))).isFalse();
    }

    private void assertMapping(String schema, Type type, FieldEncoding encoding)
    {
        FieldType mapped = mapper.mapType(node(schema));
        assertThat(mapped.type()).as(schema).isEqualTo(type);
        assertThat(mapped.encoding()).as(schema).isEqualTo(encoding);
    }

    private static com.fasterxml.jackson.databind.JsonNode node(String json)
    {
        return CdcJson.parse(json);
    }
}

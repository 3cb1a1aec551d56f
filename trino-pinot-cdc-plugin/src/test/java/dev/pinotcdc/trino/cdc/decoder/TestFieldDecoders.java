package dev.pinotcdc.trino.cdc.decoder;

import dev.pinotcdc.trino.cdc.CdcJson;
import dev.pinotcdc.trino.cdc.FieldEncoding;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.ArrayType;
import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static dev.pinotcdc.trino.cdc.FieldEncoding.DECIMAL_BASE64;
import static dev.pinotcdc.trino.cdc.FieldEncoding.EPOCH_DAYS;
import static dev.pinotcdc.trino.cdc.FieldEncoding.EPOCH_MILLIS;
import static dev.pinotcdc.trino.cdc.FieldEncoding.JSON_STRING;
import static dev.pinotcdc.trino.cdc.FieldEncoding.NATIVE;
import static dev.pinotcdc.trino.cdc.FieldEncoding.UUID_STRING;
import static dev.pinotcdc.trino.cdc.decoder.DecoderTesting.JSON;
import static dev.pinotcdc.trino.cdc.decoder.DecoderTesting.decode;
import static dev.pinotcdc.trino.cdc.decoder.DecoderTesting.failure;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.OUT_OF_RANGE;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.WRONG_TYPE;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.TimestampType.createTimestampType;
import static io.trino.spi.type.UuidType.UUID;
import static io.trino.spi.type.VarbinaryType.VARBINARY;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestFieldDecoders
{
    @Test
    void testUnsupportedPairsFailAtCreation()
    {
        assertThatThrownBy(() -> FieldDecoders.create(BIGINT, EPOCH_DAYS, OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Encoding 'epoch-days' cannot produce type bigint");
        assertThatThrownBy(() -> FieldDecoders.create(DATE, NATIVE, OptionalInt.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldDecoders.create(VARCHAR, DECIMAL_BASE64, OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs the stored scale");
        assertThatThrownBy(() -> FieldDecoders.create(VARBINARY, UUID_STRING, OptionalInt.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldDecoders.create(UUID, NATIVE, OptionalInt.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldDecoders.create(new ArrayType(DATE), NATIVE, OptionalInt.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThat(FieldDecoders.isSupported(new ArrayType(DATE), EPOCH_DAYS, OptionalInt.empty())).isTrue();
        assertThat(FieldDecoders.isSupported(VARCHAR, JSON_STRING, OptionalInt.empty())).isFalse();
    }

    @Test
    void testEveryEncodingProducesSomeType()
    {
        for (FieldEncoding encoding : FieldEncoding.values()) {
            boolean any = false;
            for (io.trino.spi.type.Type type : java.util.List.of(BIGINT, VARCHAR, DATE, JSON, UUID, VARBINARY, createDecimalType(10, 2), createTimestampType(3), io.trino.spi.type.TimeType.TIME_MICROS, DecoderTesting.INTERVAL_DAY_TO_SECOND, io.trino.spi.type.DoubleType.DOUBLE)) {
                any |= FieldDecoders.isSupported(type, encoding, OptionalInt.of(2));
            }
            // a field whose live rows were written by several schemas is read row by row (SchemaVersionDecoders), never by one decoder
            assertThat(any).as("encoding %s", encoding).isEqualTo(encoding != FieldEncoding.SCHEMA_VERSIONS);
        }
    }

    @Test
    void testArrays()
    {
        ArrayType varchars = new ArrayType(VARCHAR);
        Block block = decode(varchars, NATIVE, "[\"x\", \"y z\", \"\\\"q\\\"\", null]");
        Block elements = varchars.getObject(block, 0);
        assertThat(elements.getPositionCount()).isEqualTo(4);
        assertThat(VARCHAR.getSlice(elements, 0).toStringUtf8()).isEqualTo("x");
        assertThat(VARCHAR.getSlice(elements, 1).toStringUtf8()).isEqualTo("y z");
        assertThat(VARCHAR.getSlice(elements, 2).toStringUtf8()).isEqualTo("\"q\"");
        assertThat(elements.isNull(3)).isTrue();

        assertThat(varchars.getObject(decode(varchars, NATIVE, "[]"), 0).getPositionCount()).isZero();

        ArrayType dates = new ArrayType(DATE);
        Block dateElements = dates.getObject(decode(dates, EPOCH_DAYS, "[11016, null, -1]"), 0);
        assertThat(DATE.getLong(dateElements, 0)).isEqualTo(11016);
        assertThat(dateElements.isNull(1)).isTrue();
        assertThat(DATE.getLong(dateElements, 2)).isEqualTo(-1);

        ArrayType nested = new ArrayType(new ArrayType(INTEGER));
        Block outer = nested.getObject(decode(nested, NATIVE, "[[1, 2], [], null]"), 0);
        assertThat(INTEGER.getInt(new ArrayType(INTEGER).getObject(outer, 0), 1)).isEqualTo(2);
        assertThat(outer.isNull(2)).isTrue();

        ArrayType decimals = new ArrayType(createDecimalType(10, 2));
        assertThat(createDecimalType(10, 2).getLong(decimals.getObject(decode(decimals, DECIMAL_BASE64, "[\"AeJA\"]"), 0), 0)).isEqualTo(123456);

        assertThat(failure(varchars, NATIVE, "\"x\"")).isEqualTo(WRONG_TYPE);
        assertThat(failure(new ArrayType(INTEGER), NATIVE, "[1, 2147483648]")).isEqualTo(OUT_OF_RANGE);
    }

    @Test
    void testRefusedValueLeavesBuilderUsable()
    {
        FieldDecoder decoder = FieldDecoders.create(new ArrayType(BIGINT), NATIVE, OptionalInt.empty());
        BlockBuilder builder = decoder.type().createBlockBuilder(null, 3);
        decoder.decode(CdcJson.parse("[1]"), builder);
        try {
            decoder.decode(CdcJson.parse("[2, \"x\"]"), builder);
        }
        catch (InvalidValueException expected) {
            builder.appendNull();
        }
        decoder.decode(CdcJson.parse("[3, 4]"), builder);
        Block block = builder.build();
        assertThat(block.getPositionCount()).isEqualTo(3);
        assertThat(block.isNull(1)).isTrue();
        ArrayType type = new ArrayType(BIGINT);
        assertThat(BIGINT.getLong(type.getObject(block, 2), 1)).isEqualTo(4);
    }

    @Test
    void testDecoderIsReusable()
    {
        FieldDecoder decoder = FieldDecoders.create(createTimestampType(3), EPOCH_MILLIS, OptionalInt.empty());
        BlockBuilder builder = decoder.type().createBlockBuilder(null, 1000);
        for (long millis = -500; millis < 500; millis++) {
            decoder.decode(CdcJson.parse(Long.toString(millis)), builder);
        }
        Block block = builder.build();
        for (int position = 0; position < 1000; position++) {
            assertThat(createTimestampType(3).getLong(block, position)).isEqualTo((position - 500) * 1000L);
        }
    }
}

package dev.pinotcdc.trino.cdc.decoder;

import io.trino.spi.block.Block;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.UuidType;
import org.junit.jupiter.api.Test;

import java.util.OptionalInt;
import java.util.UUID;

import static dev.pinotcdc.trino.cdc.FieldEncoding.BASE64_BYTES;
import static dev.pinotcdc.trino.cdc.FieldEncoding.BITS_BASE64;
import static dev.pinotcdc.trino.cdc.FieldEncoding.DECIMAL_BASE64;
import static dev.pinotcdc.trino.cdc.FieldEncoding.DECIMAL_DOUBLE;
import static dev.pinotcdc.trino.cdc.FieldEncoding.DECIMAL_STRING;
import static dev.pinotcdc.trino.cdc.FieldEncoding.HEX_BYTES;
import static dev.pinotcdc.trino.cdc.FieldEncoding.JSON_STRING;
import static dev.pinotcdc.trino.cdc.FieldEncoding.NATIVE;
import static dev.pinotcdc.trino.cdc.FieldEncoding.UUID_STRING;
import static dev.pinotcdc.trino.cdc.FieldEncoding.VARIABLE_SCALE_DECIMAL;
import static dev.pinotcdc.trino.cdc.decoder.DecoderTesting.JSON;
import static dev.pinotcdc.trino.cdc.decoder.DecoderTesting.decode;
import static dev.pinotcdc.trino.cdc.decoder.DecoderTesting.failure;
import static dev.pinotcdc.trino.cdc.decoder.DecoderTesting.quoted;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.INEXACT;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.INFINITY;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.MALFORMED;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.OUT_OF_RANGE;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.UNAVAILABLE;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.WRONG_TYPE;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TinyintType.TINYINT;
import static io.trino.spi.type.UuidType.trinoUuidToJavaUuid;
import static io.trino.spi.type.VarbinaryType.VARBINARY;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static io.trino.spi.type.VarcharType.createVarcharType;
import static org.assertj.core.api.Assertions.assertThat;

class TestScalarDecoders
{
    @Test
    void testBoolean()
    {
        assertThat(BOOLEAN.getBoolean(decode(BOOLEAN, NATIVE, "true"), 0)).isTrue();
        assertThat(BOOLEAN.getBoolean(decode(BOOLEAN, NATIVE, "false"), 0)).isFalse();
        assertThat(BOOLEAN.getBoolean(decode(BOOLEAN, NATIVE, "\"true\""), 0)).isTrue();
        assertThat(BOOLEAN.getBoolean(decode(BOOLEAN, NATIVE, "0"), 0)).isFalse();
        assertThat(BOOLEAN.getBoolean(decode(BOOLEAN, NATIVE, "1"), 0)).isTrue();
        assertThat(failure(BOOLEAN, NATIVE, "2")).isEqualTo(WRONG_TYPE);
        assertThat(failure(BOOLEAN, NATIVE, "\"yes\"")).isEqualTo(MALFORMED);
        assertThat(failure(BOOLEAN, NATIVE, "{}")).isEqualTo(WRONG_TYPE);
    }

    @Test
    void testIntegers()
    {
        assertThat(BIGINT.getLong(decode(BIGINT, NATIVE, "9223372036854775807"), 0)).isEqualTo(Long.MAX_VALUE);
        assertThat(BIGINT.getLong(decode(BIGINT, NATIVE, "-9223372036854775808"), 0)).isEqualTo(Long.MIN_VALUE);
        assertThat(BIGINT.getLong(decode(BIGINT, NATIVE, "0"), 0)).isZero();
        assertThat(BIGINT.getLong(decode(BIGINT, NATIVE, "\"-42\""), 0)).isEqualTo(-42);
        assertThat(BIGINT.getLong(decode(BIGINT, NATIVE, "\"-9223372036854775808\""), 0)).isEqualTo(Long.MIN_VALUE);
        assertThat(failure(BIGINT, NATIVE, "9223372036854775808")).isEqualTo(OUT_OF_RANGE);
        assertThat(failure(BIGINT, NATIVE, "\"9223372036854775808\"")).isEqualTo(OUT_OF_RANGE);
        assertThat(failure(BIGINT, NATIVE, "\"99999999999999999999999\"")).isEqualTo(OUT_OF_RANGE);
        assertThat(failure(BIGINT, NATIVE, "\"abc\"")).isEqualTo(MALFORMED);
        assertThat(failure(BIGINT, NATIVE, "\"\"")).isEqualTo(MALFORMED);
        assertThat(failure(BIGINT, NATIVE, "\"1.5\"")).isEqualTo(MALFORMED);
        assertThat(failure(BIGINT, NATIVE, "1.5")).isEqualTo(WRONG_TYPE);
        assertThat(failure(BIGINT, NATIVE, "3.0")).isEqualTo(WRONG_TYPE);
        assertThat(failure(BIGINT, NATIVE, "true")).isEqualTo(WRONG_TYPE);

        assertThat(INTEGER.getInt(decode(INTEGER, NATIVE, "2147483647"), 0)).isEqualTo(Integer.MAX_VALUE);
        assertThat(INTEGER.getInt(decode(INTEGER, NATIVE, "-2147483648"), 0)).isEqualTo(Integer.MIN_VALUE);
        assertThat(failure(INTEGER, NATIVE, "2147483648")).isEqualTo(OUT_OF_RANGE);
        assertThat(failure(INTEGER, NATIVE, "-2147483649")).isEqualTo(OUT_OF_RANGE);
        assertThat(SMALLINT.getShort(decode(SMALLINT, NATIVE, "-32768"), 0)).isEqualTo(Short.MIN_VALUE);
        assertThat(failure(SMALLINT, NATIVE, "32768")).isEqualTo(OUT_OF_RANGE);
        assertThat(TINYINT.getByte(decode(TINYINT, NATIVE, "127"), 0)).isEqualTo((byte) 127);
        assertThat(failure(TINYINT, NATIVE, "-129")).isEqualTo(OUT_OF_RANGE);
    }

    @Test
    void testFloatingPoint()
    {
        assertThat(DOUBLE.getDouble(decode(DOUBLE, NATIVE, "1.5"), 0)).isEqualTo(1.5);
        assertThat(DOUBLE.getDouble(decode(DOUBLE, NATIVE, "-3"), 0)).isEqualTo(-3.0);
        assertThat(DOUBLE.getDouble(decode(DOUBLE, NATIVE, "1.7976931348623157E308"), 0)).isEqualTo(Double.MAX_VALUE);
        assertThat(DOUBLE.getDouble(decode(DOUBLE, NATIVE, "\"NaN\""), 0)).isNaN();
        assertThat(DOUBLE.getDouble(decode(DOUBLE, NATIVE, "\"-Infinity\""), 0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(DOUBLE.getDouble(decode(DOUBLE, NATIVE, "\"2.25\""), 0)).isEqualTo(2.25);
        assertThat(DOUBLE.getDouble(decode(DOUBLE, DECIMAL_DOUBLE, "1234.56"), 0)).isEqualTo(1234.56);
        assertThat(failure(DOUBLE, NATIVE, "1e400")).isEqualTo(OUT_OF_RANGE);
        assertThat(failure(DOUBLE, NATIVE, "\"0x1p3\"")).isEqualTo(MALFORMED);
        assertThat(failure(DOUBLE, NATIVE, "\"1.5f\"")).isEqualTo(MALFORMED);
        assertThat(failure(DOUBLE, NATIVE, "[1]")).isEqualTo(WRONG_TYPE);

        assertThat(Float.intBitsToFloat((int) REAL.getLong(decode(REAL, NATIVE, "1.1"), 0))).isEqualTo(1.1f);
        assertThat(Float.intBitsToFloat((int) REAL.getLong(decode(REAL, NATIVE, "-0.0"), 0))).isEqualTo(-0.0f);
        assertThat(failure(REAL, NATIVE, "1e39")).isEqualTo(OUT_OF_RANGE);
    }

    @Test
    void testVarchar()
    {
        assertThat(VARCHAR.getSlice(decode(VARCHAR, NATIVE, "\"héllo \\\"q\\\"\""), 0).toStringUtf8()).isEqualTo("héllo \"q\"");
        assertThat(VARCHAR.getSlice(decode(VARCHAR, NATIVE, "\"\""), 0).toStringUtf8()).isEmpty();
        // a field inferred as VARCHAR because it was seen with several kinds: every kind reads as its text
        assertThat(VARCHAR.getSlice(decode(VARCHAR, NATIVE, "12"), 0).toStringUtf8()).isEqualTo("12");
        assertThat(VARCHAR.getSlice(decode(VARCHAR, NATIVE, "1.50"), 0).toStringUtf8()).isEqualTo("1.50");
        assertThat(VARCHAR.getSlice(decode(VARCHAR, NATIVE, "false"), 0).toStringUtf8()).isEqualTo("false");
        assertThat(VARCHAR.getSlice(decode(VARCHAR, NATIVE, "{\"b\": 1, \"a\": [true]}"), 0).toStringUtf8()).isEqualTo("{\"b\":1,\"a\":[true]}");
        assertThat(createVarcharType(3).getSlice(decode(createVarcharType(3), NATIVE, "\"äöü\""), 0).toStringUtf8()).isEqualTo("äöü");
        assertThat(failure(createVarcharType(3), NATIVE, "\"abcd\"")).isEqualTo(OUT_OF_RANGE);
    }

    @Test
    void testToastPlaceholderNeverComesOut()
    {
        String placeholder = quoted(DebeziumSentinels.UNAVAILABLE_VALUE);
        assertThat(failure(VARCHAR, NATIVE, placeholder)).isEqualTo(UNAVAILABLE);
        assertThat(failure(JSON, JSON_STRING, placeholder)).isEqualTo(UNAVAILABLE);
        assertThat(failure(JSON, NATIVE, placeholder)).isEqualTo(UNAVAILABLE);
        assertThat(failure(BIGINT, NATIVE, placeholder)).isEqualTo(UNAVAILABLE);
        assertThat(failure(createDecimalType(10, 2), DECIMAL_BASE64, placeholder)).isEqualTo(UNAVAILABLE);
        assertThat(failure(new io.trino.spi.type.ArrayType(VARCHAR), NATIVE, "[" + placeholder + "]")).isEqualTo(UNAVAILABLE);
        // bytea: Debezium sends the placeholder's bytes, base64-encoded
        assertThat(failure(VARBINARY, BASE64_BYTES, "\"X19kZWJleml1bV91bmF2YWlsYWJsZV92YWx1ZQ==\"")).isEqualTo(UNAVAILABLE);
        assertThat(failure(createDecimalType(38, 0), VARIABLE_SCALE_DECIMAL, "{\"scale\": 0, \"value\": " + placeholder + "}")).isEqualTo(UNAVAILABLE);
    }

    @Test
    void testDecimalNativeAndString()
    {
        DecimalType shortDecimal = createDecimalType(10, 2);
        assertThat(shortDecimal.getLong(decode(shortDecimal, NATIVE, "1234.56"), 0)).isEqualTo(123456);
        assertThat(shortDecimal.getLong(decode(shortDecimal, NATIVE, "-7"), 0)).isEqualTo(-700);
        assertThat(shortDecimal.getLong(decode(shortDecimal, NATIVE, "0.1"), 0)).isEqualTo(10);
        assertThat(shortDecimal.getLong(decode(shortDecimal, DECIMAL_STRING, "\"99999999.99\""), 0)).isEqualTo(9999999999L);
        assertThat(shortDecimal.getLong(decode(shortDecimal, DECIMAL_STRING, "\"-0.50\""), 0)).isEqualTo(-50);
        assertThat(failure(shortDecimal, DECIMAL_STRING, "\"1.005\"")).isEqualTo(INEXACT);
        assertThat(failure(shortDecimal, DECIMAL_STRING, "\"100000000.00\"")).isEqualTo(OUT_OF_RANGE);
        assertThat(failure(shortDecimal, DECIMAL_STRING, "\"abc\"")).isEqualTo(MALFORMED);
        assertThat(failure(shortDecimal, DECIMAL_STRING, "\"NaN\"")).isEqualTo(OUT_OF_RANGE);
        assertThat(failure(shortDecimal, DECIMAL_STRING, "\"Infinity\"")).isEqualTo(INFINITY);
        assertThat(failure(shortDecimal, NATIVE, "true")).isEqualTo(WRONG_TYPE);
        // trailing zeros beyond the scale are no change of value
        assertThat(shortDecimal.getLong(decode(shortDecimal, DECIMAL_STRING, "\"1.2300\""), 0)).isEqualTo(123);

        DecimalType longDecimal = createDecimalType(38, 10);
        assertThat(longDecimal.getObject(decode(longDecimal, NATIVE, "1234567890123456789012345678.0123456789"), 0))
                .isEqualTo(Int128.valueOf("12345678901234567890123456780123456789"));
        assertThat(longDecimal.getObject(decode(longDecimal, DECIMAL_STRING, "\"-9999999999999999999999999999.9999999999\""), 0))
                .isEqualTo(Int128.valueOf("-99999999999999999999999999999999999999"));
        assertThat(failure(longDecimal, DECIMAL_STRING, "\"10000000000000000000000000000\"")).isEqualTo(OUT_OF_RANGE);

        assertThat(VARCHAR.getSlice(decode(VARCHAR, DECIMAL_STRING, "\"-0.50\""), 0).toStringUtf8()).isEqualTo("-0.50");
        assertThat(VARCHAR.getSlice(decode(VARCHAR, DECIMAL_STRING, "\"NaN\""), 0).toStringUtf8()).isEqualTo("NaN");
        assertThat(failure(VARCHAR, DECIMAL_STRING, "\"12a\"")).isEqualTo(MALFORMED);
    }

    @Test
    void testDecimalBase64()
    {
        DecimalType type = createDecimalType(10, 2);
        // Debezium's own values for numeric(10,2): 99999999.99, 1234.56, -0.50, 0.01
        assertThat(type.getLong(decode(type, DECIMAL_BASE64, "\"AlQL4/8=\""), 0)).isEqualTo(9999999999L);
        assertThat(type.getLong(decode(type, DECIMAL_BASE64, "\"AeJA\""), 0)).isEqualTo(123456);
        assertThat(type.getLong(decode(type, DECIMAL_BASE64, "\"zg==\""), 0)).isEqualTo(-50);
        assertThat(type.getLong(decode(type, DECIMAL_BASE64, "\"AQ==\""), 0)).isEqualTo(1);
        assertThat(type.getLong(decode(type, DECIMAL_BASE64, "\"AA==\""), 0)).isZero();
        assertThat(failure(createDecimalType(9, 2), DECIMAL_BASE64, "\"AlQL4/8=\"")).isEqualTo(OUT_OF_RANGE);
        assertThat(failure(type, DECIMAL_BASE64, "\"not base64!\"")).isEqualTo(MALFORMED);
        assertThat(failure(type, DECIMAL_BASE64, "\"\"")).isEqualTo(MALFORMED);
        assertThat(failure(type, DECIMAL_BASE64, "123")).isEqualTo(WRONG_TYPE);

        // a stored scale that differs from the column's: rescaled exactly, or refused
        assertThat(createDecimalType(12, 4).getLong(decode(createDecimalType(12, 4), DECIMAL_BASE64, OptionalInt.of(2), "\"AeJA\""), 0)).isEqualTo(12345600);
        assertThat(failure(createDecimalType(12, 1), DECIMAL_BASE64, OptionalInt.of(2), "\"AeJA\"")).isEqualTo(INEXACT);
        // numeric(3, -2): unscaled 123 at scale -2 is 12300
        assertThat(createDecimalType(5, 0).getLong(decode(createDecimalType(5, 0), DECIMAL_BASE64, OptionalInt.of(-2), "\"ew==\""), 0)).isEqualTo(12300);

        // 17 bytes: beyond 16 bytes and beyond DECIMAL(38): as VARCHAR with the stored scale
        String big = java.util.Base64.getEncoder().encodeToString(new java.math.BigInteger("-123456789012345678901234567890123456789012").toByteArray());
        assertThat(VARCHAR.getSlice(decode(VARCHAR, DECIMAL_BASE64, OptionalInt.of(4), quoted(big)), 0).toStringUtf8())
                .isEqualTo("-12345678901234567890123456789012345678.9012");
        assertThat(failure(createDecimalType(38, 4), DECIMAL_BASE64, quoted(big))).isEqualTo(OUT_OF_RANGE);
        // 9 to 16 bytes into a long decimal
        String nineBytes = java.util.Base64.getEncoder().encodeToString(new java.math.BigInteger("-99999999999999999999").toByteArray());
        assertThat(createDecimalType(20, 0).getObject(decode(createDecimalType(20, 0), DECIMAL_BASE64, quoted(nineBytes)), 0))
                .isEqualTo(Int128.valueOf("-99999999999999999999"));
    }

    @Test
    void testVariableScaleDecimal()
    {
        DecimalType type = createDecimalType(38, 4);
        assertThat(type.getObject(decode(type, VARIABLE_SCALE_DECIMAL, "{\"scale\": 2, \"value\": \"AeJA\"}"), 0)).isEqualTo(Int128.valueOf(12345600));
        assertThat(failure(createDecimalType(38, 1), VARIABLE_SCALE_DECIMAL, "{\"scale\": 2, \"value\": \"AeJA\"}")).isEqualTo(INEXACT);
        assertThat(VARCHAR.getSlice(decode(VARCHAR, VARIABLE_SCALE_DECIMAL, "{\"scale\": 3, \"value\": \"zg==\"}"), 0).toStringUtf8()).isEqualTo("-0.050");
        assertThat(VARCHAR.getSlice(decode(VARCHAR, VARIABLE_SCALE_DECIMAL, "{\"scale\": 0, \"value\": \"AeJA\"}"), 0).toStringUtf8()).isEqualTo("123456");
        assertThat(failure(VARCHAR, VARIABLE_SCALE_DECIMAL, "{\"value\": \"AeJA\"}")).isEqualTo(MALFORMED);
        assertThat(failure(VARCHAR, VARIABLE_SCALE_DECIMAL, "\"AeJA\"")).isEqualTo(WRONG_TYPE);
    }

    @Test
    void testJson()
    {
        // keys sorted, compact, numbers exactly as written
        assertThat(JSON.getSlice(decode(JSON, JSON_STRING, quoted("{\"vip\": true, \"tier\": \"gold\", \"n\": 1.10}")), 0).toStringUtf8())
                .isEqualTo("{\"n\":1.10,\"tier\":\"gold\",\"vip\":true}");
        assertThat(JSON.getSlice(decode(JSON, JSON_STRING, quoted("[1, 2, {\"x\": null}]")), 0).toStringUtf8()).isEqualTo("[1,2,{\"x\":null}]");
        assertThat(JSON.getSlice(decode(JSON, JSON_STRING, quoted("\"text\"")), 0).toStringUtf8()).isEqualTo("\"text\"");
        assertThat(JSON.getSlice(decode(JSON, JSON_STRING, quoted("12345678901234567890.123456789")), 0).toStringUtf8()).isEqualTo("12345678901234567890.123456789");
        assertThat(failure(JSON, JSON_STRING, quoted("{\"a\": "))).isEqualTo(MALFORMED);
        assertThat(failure(JSON, JSON_STRING, quoted("{} {}"))).isEqualTo(MALFORMED);
        assertThat(failure(JSON, JSON_STRING, "{\"a\": 1}")).isEqualTo(WRONG_TYPE);

        assertThat(JSON.getSlice(decode(JSON, NATIVE, "{\"b\": {\"d\": 1, \"c\": 2}, \"a\": [3]}"), 0).toStringUtf8()).isEqualTo("{\"a\":[3],\"b\":{\"c\":2,\"d\":1}}");
        assertThat(JSON.getSlice(decode(JSON, NATIVE, "\"x\""), 0).toStringUtf8()).isEqualTo("\"x\"");
        assertThat(JSON.getSlice(decode(JSON, NATIVE, "-5"), 0).toStringUtf8()).isEqualTo("-5");
    }

    @Test
    void testUuid()
    {
        Block block = decode(UuidType.UUID, UUID_STRING, "\"c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a33\"");
        assertThat(trinoUuidToJavaUuid(UuidType.UUID.getSlice(block, 0))).isEqualTo(UUID.fromString("c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a33"));
        Block upper = decode(UuidType.UUID, UUID_STRING, "\"FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF\"");
        assertThat(trinoUuidToJavaUuid(UuidType.UUID.getSlice(upper, 0))).isEqualTo(new UUID(-1, -1));
        assertThat(failure(UuidType.UUID, UUID_STRING, "\"1-2-3-4-5\"")).isEqualTo(MALFORMED);
        assertThat(failure(UuidType.UUID, UUID_STRING, "\"c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a3g\"")).isEqualTo(MALFORMED);
        assertThat(failure(UuidType.UUID, UUID_STRING, "42")).isEqualTo(WRONG_TYPE);
    }

    @Test
    void testBinary()
    {
        assertThat(VARBINARY.getSlice(decode(VARBINARY, BASE64_BYTES, "\"AAEC/w==\""), 0).getBytes()).containsExactly(0, 1, 2, -1);
        assertThat(VARBINARY.getSlice(decode(VARBINARY, BASE64_BYTES, "\"AAEC_w==\""), 0).getBytes()).containsExactly(0, 1, 2, -1);
        assertThat(VARBINARY.getSlice(decode(VARBINARY, BASE64_BYTES, "\"\""), 0).length()).isZero();
        assertThat(VARBINARY.getSlice(decode(VARBINARY, HEX_BYTES, "\"0001Ff\""), 0).getBytes()).containsExactly(0, 1, -1);
        assertThat(failure(VARBINARY, HEX_BYTES, "\"abc\"")).isEqualTo(MALFORMED);
        assertThat(failure(VARBINARY, HEX_BYTES, "\"zz\"")).isEqualTo(MALFORMED);
        assertThat(failure(VARBINARY, BASE64_BYTES, "\"%%%\"")).isEqualTo(MALFORMED);

        // Debezium Bits: little-endian bytes, kept as they are
        assertThat(VARBINARY.getSlice(decode(VARBINARY, BITS_BASE64, "\"BQE=\""), 0).getBytes()).containsExactly(5, 1);
        assertThat(BOOLEAN.getBoolean(decode(BOOLEAN, BITS_BASE64, "\"AQ==\""), 0)).isTrue();
        assertThat(BOOLEAN.getBoolean(decode(BOOLEAN, BITS_BASE64, "\"AA==\""), 0)).isFalse();
        assertThat(BOOLEAN.getBoolean(decode(BOOLEAN, BITS_BASE64, "true"), 0)).isTrue();
        assertThat(failure(BOOLEAN, BITS_BASE64, "\"BQE=\"")).isEqualTo(OUT_OF_RANGE);
    }
}

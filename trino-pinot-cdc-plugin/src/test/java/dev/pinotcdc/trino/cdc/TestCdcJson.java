package dev.pinotcdc.trino.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinotcdc.trino.cdc.decoder.FieldDecoders;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.OptionalInt;

import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.RealType.REAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestCdcJson
{
    /**
     * Found by the PostgreSQL parity test: PostgreSQL's real '-0' read as 0 in Trino, because a BigDecimal has no
     * negative zero.
     */
    @Test
    void testNegativeZeroKeepsItsSign()
    {
        JsonNode row = CdcJson.parse("{\"c_real\":-0.0,\"c_double\":-0.0E0,\"zero\":0.0}");
        assertThat(Double.doubleToRawLongBits(row.get("c_real").doubleValue())).isEqualTo(Double.doubleToRawLongBits(-0.0d));
        assertThat(Double.doubleToRawLongBits(row.get("c_double").doubleValue())).isEqualTo(Double.doubleToRawLongBits(-0.0d));
        assertThat(Double.doubleToRawLongBits(row.get("zero").doubleValue())).isZero();

        assertThat(Float.floatToRawIntBits(decodeReal(row.get("c_real")))).isEqualTo(Float.floatToRawIntBits(-0.0f));
        BlockBuilder doubles = DOUBLE.createBlockBuilder(null, 1);
        FieldDecoders.create(DOUBLE, FieldEncoding.NATIVE, OptionalInt.empty()).decode(row.get("c_double"), doubles);
        assertThat(Double.doubleToRawLongBits(DOUBLE.getDouble(doubles.build(), 0))).isEqualTo(Double.doubleToRawLongBits(-0.0d));
    }

    @Test
    void testFractionsStayExact()
    {
        JsonNode row = CdcJson.parse("{\"a\":12345678901234567.89,\"b\":-0.50,\"c\":[1,9223372036854775808,1.0E-400],\"d\":null,\"e\":{\"x\":true}}");
        assertThat(row.get("a").decimalValue()).isEqualTo(new BigDecimal("12345678901234567.89"));
        assertThat(row.get("b").decimalValue()).isEqualTo(new BigDecimal("-0.50"));
        assertThat(row.get("c").get(0).isInt()).isTrue();
        assertThat(row.get("c").get(1).bigIntegerValue().toString()).isEqualTo("9223372036854775808");
        assertThat(row.get("c").get(2).decimalValue()).isEqualTo(new BigDecimal("1.0E-400"));
        assertThat(row.get("d").isNull()).isTrue();
        assertThat(row.get("e").get("x").booleanValue()).isTrue();
        assertThat(row.toString()).isEqualTo("{\"a\":12345678901234567.89,\"b\":-0.50,\"c\":[1,9223372036854775808,1.0E-400],\"d\":null,\"e\":{\"x\":true}}");
        assertThat(CdcJson.parse("null").isNull()).isTrue();
        assertThat(CdcJson.parse("{\"k\":1,\"k\":2}").get("k").intValue()).isEqualTo(2);
        assertThatThrownBy(() -> CdcJson.parse("{\"a\":1} x")).isInstanceOf(IllegalArgumentException.class);
    }

    private static float decodeReal(JsonNode value)
    {
        BlockBuilder reals = REAL.createBlockBuilder(null, 1);
        FieldDecoders.create(REAL, FieldEncoding.NATIVE, OptionalInt.empty()).decode(value, reals);
        Block block = reals.build();
        return REAL.getFloat(block, 0);
    }
}

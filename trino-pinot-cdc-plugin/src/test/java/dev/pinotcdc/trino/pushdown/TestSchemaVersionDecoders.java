package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pinotcdc.trino.cdc.decoder.FieldDecoder;
import io.trino.spi.TrinoException;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Decimals;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Base64;

import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.TimestampType.createTimestampType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSchemaVersionDecoders
{
    private static final String SCALE_2 = schema("""
            {"type": "bytes", "optional": true, "name": "org.apache.kafka.connect.data.Decimal", "version": 1,
             "parameters": {"scale": "2", "connect.decimal.precision": "10"}, "field": "balance"}""");
    private static final String SCALE_3 = schema("""
            {"type": "bytes", "optional": true, "name": "org.apache.kafka.connect.data.Decimal", "version": 1,
             "parameters": {"scale": "3", "connect.decimal.precision": "12"}, "field": "balance"}""");
    private static final String MILLIS = schema("""
            {"type": "int64", "optional": true, "name": "io.debezium.time.Timestamp", "version": 1, "field": "seen"}""");
    private static final String MICROS = schema("""
            {"type": "int64", "optional": true, "name": "io.debezium.time.MicroTimestamp", "version": 1, "field": "seen"}""");
    private static final String TEXT = schema("""
            {"type": "string", "optional": true, "field": "balance"}""");

    @Test
    void eachRowReadsByItsOwnScale()
    {
        DecimalType type = createDecimalType(12, 3);
        SchemaVersionDecoders decoders = new SchemaVersionDecoders("accounts", "balance", type, "balance");
        // the same stored bytes, 1234 unscaled: 12.34 at scale 2, 1.234 at scale 3
        TextNode unscaled1234 = TextNode.valueOf(Base64.getEncoder().encodeToString(BigDecimal.valueOf(1234).unscaledValue().toByteArray()));
        assertThat(decimal(decoders.decoderFor(TextNode.valueOf(SCALE_2)), unscaled1234, type)).isEqualByComparingTo("12.34");
        assertThat(decimal(decoders.decoderFor(TextNode.valueOf(SCALE_3)), unscaled1234, type)).isEqualByComparingTo("1.234");
    }

    @Test
    void eachRowReadsByItsOwnTimeUnit()
    {
        SchemaVersionDecoders decoders = new SchemaVersionDecoders("accounts", "seen", createTimestampType(6), "seen");
        assertThat(micros(decoders.decoderFor(TextNode.valueOf(MILLIS)), 1_000L)).isEqualTo(1_000_000L);
        assertThat(micros(decoders.decoderFor(TextNode.valueOf(MICROS)), 1_000L)).isEqualTo(1_000L);
    }

    @Test
    void versionNoTypeHoldsFailsNamingTheColumn()
    {
        SchemaVersionDecoders decoders = new SchemaVersionDecoders("accounts", "balance", createDecimalType(12, 3), "balance");
        assertThatThrownBy(() -> decoders.decoderFor(TextNode.valueOf(TEXT)))
                .isInstanceOf(TrinoException.class)
                .hasMessageContaining("Pinot table 'accounts', column 'balance'");
        assertThatThrownBy(() -> decoders.decoderFor(null))
                .isInstanceOf(TrinoException.class)
                .hasMessageContaining("column 'balance'");
    }

    private static BigDecimal decimal(FieldDecoder decoder, JsonNode value, DecimalType type)
    {
        BlockBuilder output = type.createBlockBuilder(null, 1);
        decoder.decode(value, output);
        Block block = output.build();
        return Decimals.readBigDecimal(type, block, 0);
    }

    private static long micros(FieldDecoder decoder, long stored)
    {
        BlockBuilder output = createTimestampType(6).createBlockBuilder(null, 1);
        decoder.decode(com.fasterxml.jackson.databind.node.LongNode.valueOf(stored), output);
        return createTimestampType(6).getLong(output.build(), 0);
    }

    private static String schema(String field)
    {
        return """
                {"type": "struct", "optional": true, "name": "pg.public.accounts.Value", "field": "after",
                 "fields": [{"type": "int64", "optional": false, "field": "id"}, %s]}""".formatted(field);
    }
}

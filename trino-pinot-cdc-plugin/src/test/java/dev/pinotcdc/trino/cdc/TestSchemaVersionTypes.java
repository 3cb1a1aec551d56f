package dev.pinotcdc.trino.cdc;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.TimestampType.createTimestampType;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

class TestSchemaVersionTypes
{
    private static final FieldType DECIMAL_10_2 = new FieldType(createDecimalType(10, 2), FieldEncoding.DECIMAL_BASE64, OptionalInt.empty());
    private static final FieldType DECIMAL_12_3 = new FieldType(createDecimalType(12, 3), FieldEncoding.DECIMAL_BASE64, OptionalInt.empty());
    private static final FieldType MILLIS = FieldType.of(createTimestampType(3), FieldEncoding.EPOCH_MILLIS);
    private static final FieldType MICROS = FieldType.of(createTimestampType(6), FieldEncoding.EPOCH_MICROS);

    @Test
    void sameVersionsNeedNothing()
    {
        assertThat(SchemaVersionTypes.combine(List.of(DECIMAL_10_2))).isEmpty();
        assertThat(SchemaVersionTypes.combine(List.of(DECIMAL_10_2, DECIMAL_10_2))).isEmpty();
    }

    @Test
    void decimalsWidenToEveryVersionsDigits()
    {
        assertThat(SchemaVersionTypes.combine(List.of(DECIMAL_12_3, DECIMAL_10_2)))
                .hasValue(new FieldType(createDecimalType(12, 3), FieldEncoding.SCHEMA_VERSIONS, OptionalInt.empty()));
        // fewer integer digits but more scale, and the reverse
        FieldType decimal6Scale5 = new FieldType(createDecimalType(6, 5), FieldEncoding.DECIMAL_BASE64, OptionalInt.empty());
        assertThat(SchemaVersionTypes.combine(List.of(decimal6Scale5, DECIMAL_10_2)).orElseThrow().type()).isEqualTo(createDecimalType(13, 5));
        FieldType decimal38Scale0 = new FieldType(createDecimalType(38, 0), FieldEncoding.DECIMAL_BASE64, OptionalInt.empty());
        // no DECIMAL holds both: the newest type, and the older rows refuse to read
        assertThat(SchemaVersionTypes.combine(List.of(decimal38Scale0, DECIMAL_10_2)).orElseThrow().type()).isEqualTo(createDecimalType(38, 0));
        assertThat(SchemaVersionTypes.fits(DECIMAL_10_2, createDecimalType(38, 0))).isFalse();
        assertThat(SchemaVersionTypes.fits(DECIMAL_10_2, createDecimalType(12, 3))).isTrue();
        assertThat(SchemaVersionTypes.fits(DECIMAL_12_3, createDecimalType(12, 3))).isTrue();
        assertThat(SchemaVersionTypes.fits(DECIMAL_12_3, createDecimalType(13, 2))).isFalse();
    }

    @Test
    void timestampsTakeTheFinestPrecision()
    {
        assertThat(SchemaVersionTypes.combine(List.of(MICROS, MILLIS)))
                .hasValue(new FieldType(createTimestampType(6), FieldEncoding.SCHEMA_VERSIONS, OptionalInt.empty()));
        assertThat(SchemaVersionTypes.combine(List.of(MILLIS, MICROS)).orElseThrow().type()).isEqualTo(createTimestampType(6));
        assertThat(SchemaVersionTypes.fits(MILLIS, createTimestampType(6))).isTrue();
        assertThat(SchemaVersionTypes.fits(MICROS, createTimestampType(3))).isFalse();
    }

    @Test
    void unrelatedVersionsKeepTheNewestType()
    {
        FieldType text = FieldType.of(VARCHAR, FieldEncoding.NATIVE);
        FieldType number = FieldType.of(BIGINT, FieldEncoding.NATIVE);
        assertThat(SchemaVersionTypes.combine(List.of(text, number)))
                .hasValue(new FieldType(VARCHAR, FieldEncoding.SCHEMA_VERSIONS, OptionalInt.empty()));
        assertThat(SchemaVersionTypes.fits(number, VARCHAR)).isFalse();
        assertThat(SchemaVersionTypes.fits(text, VARCHAR)).isTrue();
    }
}

package dev.pinotcdc.trino.cdc;

import dev.pinotcdc.trino.client.PinotColumn;
import dev.pinotcdc.trino.client.PinotColumn.Role;
import dev.pinotcdc.trino.client.PinotDataType;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MILLIS;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

/** Which native columns hold a field's values exactly, so that Pinot may filter the field there. */
class TestNativeCopy
{
    @Test
    void wholeNumbersNeedAColumnAsWide()
    {
        assertThat(copy(field(BIGINT, FieldEncoding.NATIVE), column(PinotDataType.LONG))).isPresent();
        assertThat(copy(field(INTEGER, FieldEncoding.NATIVE), column(PinotDataType.LONG))).isPresent();
        assertThat(copy(field(INTEGER, FieldEncoding.NATIVE), column(PinotDataType.INT))).isPresent();
        // Pinot wraps a BIGINT beyond 32 bits around in an INT column: 3,000,000,000 becomes -1,294,967,296
        assertThat(copy(field(BIGINT, FieldEncoding.NATIVE), column(PinotDataType.INT))).isEmpty();
    }

    @Test
    void onlyFieldsTypedByDebeziumsSchemaHaveCopies()
    {
        // an inferred BIGINT may hold 5.7 (NULL to Trino), which a LONG column holds as 5
        for (TypeOrigin origin : List.of(TypeOrigin.INFERENCE, TypeOrigin.DEFINITION_FILE)) {
            SourceField field = new SourceField("f", List.of("f"), BIGINT, FieldEncoding.NATIVE, OptionalInt.empty(), origin);
            assertThat(copy(field, column(PinotDataType.LONG))).as(origin.name()).isEmpty();
        }
        assertThat(copy(field(BIGINT, FieldEncoding.NATIVE), column(PinotDataType.LONG))).isPresent();
        assertThat(copy(field(BIGINT, FieldEncoding.NATIVE), new PinotColumn("f", PinotDataType.LONG, false, Role.DIMENSION))).isEmpty();
    }

    @Test
    void epochNumbersFinerThanDaysNeedALongColumn()
    {
        assertThat(copy(field(DATE, FieldEncoding.EPOCH_DAYS), column(PinotDataType.INT))).isPresent();
        assertThat(copy(field(TIMESTAMP_MILLIS, FieldEncoding.EPOCH_MILLIS), column(PinotDataType.LONG))).isPresent();
        assertThat(copy(field(TIMESTAMP_MILLIS, FieldEncoding.EPOCH_MILLIS), column(PinotDataType.INT))).isEmpty();
        assertThat(copy(field(DATE, FieldEncoding.EPOCH_DAYS), timeColumn(PinotDataType.INT, "1:DAYS:EPOCH"))).isPresent();
        assertThat(copy(field(TIMESTAMP_MILLIS, FieldEncoding.EPOCH_MILLIS), timeColumn(PinotDataType.LONG, "1:MILLISECONDS:EPOCH"))).isPresent();
        assertThat(copy(field(TIMESTAMP_MILLIS, FieldEncoding.EPOCH_MILLIS), timeColumn(PinotDataType.INT, "1:MILLISECONDS:EPOCH"))).isEmpty();
    }

    @Test
    void textIsHeldExactlyOnlyBelowTheColumnsCut()
    {
        NativeCopy cut = copy(field(VARCHAR, FieldEncoding.NATIVE), new PinotColumn("f", PinotDataType.STRING, true, Role.DIMENSION, Optional.empty(), OptionalInt.of(8))).orElseThrow();
        assertThat(cut.exactTextLength()).hasValue(8);
        for (String text : List.of("", "abc", "abcdefg", "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00")) {
            assertThat(cut.holdsTextExactly(text)).as(text).isTrue();
        }
        // as long as the cut: a longer text was cut to it; a NUL character cuts any text in Pinot
        for (String text : List.of("abcdefgh", "abcdefghi", "a\0b", "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00")) {
            assertThat(cut.holdsTextExactly(text)).as(text).isFalse();
        }
        NativeCopy defaulted = copy(field(VARCHAR, FieldEncoding.NATIVE), column(PinotDataType.STRING)).orElseThrow();
        assertThat(defaulted.exactTextLength()).hasValue(PinotColumn.DEFAULT_MAX_LENGTH);
        assertThat(defaulted.holdsTextExactly("x".repeat(511))).isTrue();
        assertThat(defaulted.holdsTextExactly("x".repeat(512))).isFalse();

        NativeCopy kept = copy(field(VARCHAR, FieldEncoding.NATIVE), new PinotColumn("f", PinotDataType.STRING, true, Role.DIMENSION, Optional.empty(), OptionalInt.empty())).orElseThrow();
        assertThat(kept.holdsTextExactly("x".repeat(100_000))).isTrue();
        assertThat(kept.holdsTextExactly("x\0")).isFalse();

        NativeCopy replaced = copy(field(VARCHAR, FieldEncoding.NATIVE), new PinotColumn("f", PinotDataType.STRING, true, Role.DIMENSION, Optional.empty(), OptionalInt.of(0))).orElseThrow();
        assertThat(replaced.holdsTextExactly("")).isFalse();
        assertThat(replaced.holdsTextExactly("null")).isFalse();
    }

    private static Optional<NativeCopy> copy(SourceField field, PinotColumn column)
    {
        return NativeCopy.of(field, column);
    }

    private static SourceField field(Type type, FieldEncoding encoding)
    {
        return new SourceField("f", List.of("f"), type, encoding, OptionalInt.empty(), TypeOrigin.DEBEZIUM_SCHEMA);
    }

    private static PinotColumn column(PinotDataType type)
    {
        return new PinotColumn("f", type, true, Role.DIMENSION);
    }

    private static PinotColumn timeColumn(PinotDataType type, String format)
    {
        return new PinotColumn("f", type, true, Role.DATE_TIME, Optional.of(format));
    }
}

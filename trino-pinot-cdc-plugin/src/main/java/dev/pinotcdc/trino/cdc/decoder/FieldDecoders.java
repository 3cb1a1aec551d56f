package dev.pinotcdc.trino.cdc.decoder;

import dev.pinotcdc.trino.cdc.FieldEncoding;
import io.trino.spi.type.ArrayType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.StandardTypes;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;

import java.util.OptionalInt;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TinyintType.TINYINT;
import static io.trino.spi.type.UuidType.UUID;
import static io.trino.spi.type.VarbinaryType.VARBINARY;
import static java.util.Objects.requireNonNull;

/**
 * Creates the decoder for a column's type and encoding. Every decoder is immutable and thread-safe; create one
 * per column and reuse it for every value. An ARRAY's encoding applies to its elements: ARRAY(DATE) with
 * epoch-days reads [19000, null, 19001].
 */
public final class FieldDecoders
{
    private FieldDecoders() {}

    /**
     * @param storedScale the scale of a decimal-base64 value where the column's type does not give it (VARCHAR), or
     * where it differs from the column's scale; ignored by other encodings
     * @throws IllegalArgumentException when the encoding cannot produce the type
     */
    public static FieldDecoder create(Type type, FieldEncoding encoding, OptionalInt storedScale)
    {
        requireNonNull(type, "type is null");
        requireNonNull(encoding, "encoding is null");
        requireNonNull(storedScale, "storedScale is null");
        if (type instanceof ArrayType arrayType) {
            return new ArrayDecoder(arrayType, create(arrayType.getElementType(), encoding, storedScale));
        }
        FieldDecoder decoder = switch (encoding) {
            case NATIVE -> nativeDecoder(type);
            case EPOCH_DAYS -> type.equals(DATE) ? new DateDecoder(false) : null;
            case ISO_DATE -> type.equals(DATE) ? new DateDecoder(true) : null;
            case EPOCH_MILLIS -> timestamp(type, TimestampDecoder.Source.EPOCH_MILLIS);
            case EPOCH_MICROS -> timestamp(type, TimestampDecoder.Source.EPOCH_MICROS);
            case EPOCH_NANOS -> timestamp(type, TimestampDecoder.Source.EPOCH_NANOS);
            case ISO_TIMESTAMP, ISO_ZONED_TIMESTAMP -> timestamp(type, TimestampDecoder.Source.ISO);
            case PINOT_TIMESTAMP -> timestamp(type, TimestampDecoder.Source.PINOT);
            case MILLIS_OF_DAY -> time(type, TimeDecoder.Source.MILLIS_OF_DAY);
            case MICROS_OF_DAY -> time(type, TimeDecoder.Source.MICROS_OF_DAY);
            case NANOS_OF_DAY -> time(type, TimeDecoder.Source.NANOS_OF_DAY);
            case ISO_TIME, ISO_ZONED_TIME -> time(type, TimeDecoder.Source.ISO);
            case MICRO_DURATION -> isIntervalDayToSecond(type) || type.equals(BIGINT)
                    ? new IntervalDecoder(type, IntervalDecoder.Source.MICRO_DURATION, isIntervalDayToSecond(type))
                    : null;
            case ISO_INTERVAL -> isIntervalDayToSecond(type) || type instanceof VarcharType
                    ? new IntervalDecoder(type, IntervalDecoder.Source.ISO_INTERVAL, isIntervalDayToSecond(type))
                    : null;
            case DECIMAL_BASE64 -> decimalBase64(type, storedScale);
            case VARIABLE_SCALE_DECIMAL -> isDecimalOrVarchar(type) ? Base64DecimalDecoder.variableScale(type) : null;
            case DECIMAL_STRING -> isDecimalOrVarchar(type) ? new DecimalDecoder(type) : null;
            case DECIMAL_DOUBLE -> type.equals(DOUBLE) || type.equals(REAL) ? new FloatingPointDecoder(type) : null;
            case JSON_STRING -> isJson(type) ? new JsonDecoder(type, true) : null;
            case UUID_STRING -> type.equals(UUID) ? new UuidDecoder() : null;
            case BASE64_BYTES -> type.equals(VARBINARY) ? new BinaryDecoder(type, BinaryDecoder.Format.BASE64) : null;
            case HEX_BYTES -> type.equals(VARBINARY) ? new BinaryDecoder(type, BinaryDecoder.Format.HEX) : null;
            case BITS_BASE64 -> type.equals(VARBINARY) || type.equals(BOOLEAN) ? new BinaryDecoder(type, BinaryDecoder.Format.BASE64) : null;
            // each row's own schema decides (SchemaVersionDecoders)
            case SCHEMA_VERSIONS -> null;
        };
        if (decoder == null) {
            throw new IllegalArgumentException("Encoding '%s' cannot produce type %s".formatted(encoding.externalName(), type.getDisplayName()));
        }
        return decoder;
    }

    /** Whether {@link #create} accepts the pair. */
    public static boolean isSupported(Type type, FieldEncoding encoding, OptionalInt storedScale)
    {
        try {
            create(type, encoding, storedScale);
            return true;
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static FieldDecoder nativeDecoder(Type type)
    {
        if (type.equals(BOOLEAN)) {
            return new BooleanDecoder();
        }
        if (type.equals(TINYINT) || type.equals(SMALLINT) || type.equals(INTEGER) || type.equals(BIGINT)) {
            return new IntegerDecoder(type);
        }
        if (type.equals(REAL) || type.equals(DOUBLE)) {
            return new FloatingPointDecoder(type);
        }
        if (type instanceof VarcharType varcharType) {
            return new VarcharDecoder(varcharType);
        }
        if (type instanceof DecimalType) {
            return new DecimalDecoder(type);
        }
        if (isJson(type)) {
            return new JsonDecoder(type, false);
        }
        return null;
    }

    private static FieldDecoder timestamp(Type type, TimestampDecoder.Source source)
    {
        return TimestampSink.supports(type) ? new TimestampDecoder(type, source) : null;
    }

    private static FieldDecoder time(Type type, TimeDecoder.Source source)
    {
        return TimeSink.supports(type) ? new TimeDecoder(type, source) : null;
    }

    private static FieldDecoder decimalBase64(Type type, OptionalInt storedScale)
    {
        if (type instanceof DecimalType decimalType) {
            return Base64DecimalDecoder.fixedScale(type, storedScale.orElse(decimalType.getScale()));
        }
        if (type instanceof VarcharType) {
            if (storedScale.isEmpty()) {
                throw new IllegalArgumentException("Encoding 'decimal-base64' into %s needs the stored scale".formatted(type.getDisplayName()));
            }
            return Base64DecimalDecoder.fixedScale(type, storedScale.getAsInt());
        }
        return null;
    }

    private static boolean isDecimalOrVarchar(Type type)
    {
        return type instanceof DecimalType || type instanceof VarcharType;
    }

    static boolean isJson(Type type)
    {
        return type.getBaseName().equals(StandardTypes.JSON);
    }

    static boolean isIntervalDayToSecond(Type type)
    {
        return type.getBaseName().equals(StandardTypes.INTERVAL_DAY_TO_SECOND);
    }
}

package dev.pinotcdc.trino.pushdown;

import dev.pinotcdc.trino.cdc.FieldEncoding;
import dev.pinotcdc.trino.cdc.decoder.DebeziumSentinels;
import dev.pinotcdc.trino.client.PinotDataType;
import dev.pinotcdc.trino.query.DoubleLiteral;
import io.airlift.slice.Slice;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.LongTimestamp;
import io.trino.spi.type.LongTimestampWithTimeZone;
import io.trino.spi.type.RealType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TimestampWithTimeZoneType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;
import io.trino.spi.type.UuidType;
import io.trino.spi.type.VarcharType;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import static io.trino.spi.type.DateTimeEncoding.unpackMillisUtc;
import static java.lang.Math.toIntExact;
import static java.util.Objects.requireNonNull;

/**
 * How a column's values are stored where Pinot compares them, and how a Trino value becomes that stored value.
 * This is the inverse of decoding, limited to the pairs of Trino type and encoding whose stored order and equality
 * are Trino's: anything else stays in Trino.
 */
sealed interface StoredForm
{
    /**
     * Whole numbers (integers, epoch days, epoch timestamps). A Trino value is a whole number of fine units
     * ({@link #toFineUnits}), and one stored unit is {@code unit} fine units; ranges round inwards.
     */
    record WholeNumber(Type type, BigInteger unit)
            implements StoredForm
    {
        BigInteger toFineUnits(Object value)
        {
            return switch (value) {
                case Long number when type instanceof TimestampType -> BigInteger.valueOf(number).multiply(PICOS_PER_MICRO);
                case Long number when type instanceof TimestampWithTimeZoneType -> BigInteger.valueOf(unpackMillisUtc(number)).multiply(PICOS_PER_MILLI);
                case Long number -> BigInteger.valueOf(number);
                case LongTimestamp timestamp -> BigInteger.valueOf(timestamp.getEpochMicros()).multiply(PICOS_PER_MICRO)
                        .add(BigInteger.valueOf(timestamp.getPicosOfMicro()));
                case LongTimestampWithTimeZone timestamp -> BigInteger.valueOf(timestamp.getEpochMillis()).multiply(PICOS_PER_MILLI)
                        .add(BigInteger.valueOf(timestamp.getPicosOfMilli()));
                default -> throw new IllegalArgumentException("Unexpected value for " + type + ": " + value);
            };
        }

        /** The stored values that decode to NULL: Debezium's numbers for PostgreSQL's infinite dates and timestamps. */
        public List<Long> infinityStandIns()
        {
            return DebeziumSentinels.infinityStandIns(type);
        }
    }

    /** REAL or DOUBLE, compared as Pinot FLOAT or DOUBLE. NaN is in no Trino range, and no range is pushed with an infinite bound. */
    record FloatingPoint(boolean real)
            implements StoredForm
    {
        Optional<DoubleLiteral> toLiteral(Object value)
        {
            // a REAL widens exactly to double; Pinot's FLOAT predicate parses the text back to the same float
            double number = real ? Float.intBitsToFloat(toIntExact((Long) value)) : (Double) value;
            return Double.isFinite(number) ? Optional.of(new DoubleLiteral(number)) : Optional.empty();
        }
    }

    /**
     * Text. {@code orderable}: VARCHAR, where Pinot's String.compareTo (UTF-16 order) agrees with Trino's code point
     * order as long as the bounds hold no character at or above U+D800. BOOLEAN (compared as 'true' / 'false') only
     * takes equality.
     */
    record Text(Type type, boolean orderable)
            implements StoredForm
    {
        String toText(Object value)
        {
            return switch (type) {
                case BooleanType _ -> Boolean.toString((Boolean) value);
                default -> ((Slice) value).toStringUtf8();
            };
        }
    }

    BigInteger PICOS_PER_MICRO = BigInteger.valueOf(1_000_000L);
    BigInteger PICOS_PER_MILLI = BigInteger.valueOf(1_000_000_000L);

    /** The Pinot type a JSONEXTRACTSCALAR of this form returns. */
    default PinotDataType extractionType()
    {
        return switch (this) {
            case WholeNumber _ -> PinotDataType.LONG;
            case FloatingPoint floating -> floating.real() ? PinotDataType.FLOAT : PinotDataType.DOUBLE;
            case Text _ -> PinotDataType.STRING;
        };
    }

    static Optional<StoredForm> of(PinotCdcColumnHandle column)
    {
        requireNonNull(column, "column is null");
        Type type = column.type();
        FieldEncoding encoding = column.encoding();
        if (type == BigintType.BIGINT || type == IntegerType.INTEGER || type == SmallintType.SMALLINT || type == TinyintType.TINYINT) {
            return encoding == FieldEncoding.NATIVE ? Optional.of(new WholeNumber(type, BigInteger.ONE)) : Optional.empty();
        }
        if (type == DateType.DATE) {
            return encoding == FieldEncoding.EPOCH_DAYS || (encoding == FieldEncoding.NATIVE && !column.isSourceField())
                    ? Optional.of(new WholeNumber(type, BigInteger.ONE))
                    : Optional.empty();
        }
        if (type instanceof TimestampType timestamp) {
            return epochUnit(encoding, column.isSourceField(), timestamp.getPrecision()).map(unit -> new WholeNumber(type, unit));
        }
        if (type instanceof TimestampWithTimeZoneType timestamp) {
            return epochUnit(encoding, column.isSourceField(), timestamp.getPrecision()).map(unit -> new WholeNumber(type, unit));
        }
        if (type == DoubleType.DOUBLE || type == RealType.REAL) {
            return encoding == FieldEncoding.NATIVE ? Optional.of(new FloatingPoint(type == RealType.REAL)) : Optional.empty();
        }
        if (type instanceof VarcharType) {
            return encoding == FieldEncoding.NATIVE ? Optional.of(new Text(type, true)) : Optional.empty();
        }
        if (type == UuidType.UUID) {
            // a UUID equals its text only in one spelling; stored text may be upper case (a definition file can map
            // any text to UUID), so Trino compares UUIDs
            return Optional.empty();
        }
        if (type == BooleanType.BOOLEAN) {
            return encoding == FieldEncoding.NATIVE ? Optional.of(new Text(type, false)) : Optional.empty();
        }
        // DECIMAL (base64 and strings do not order, doubles are inexact), ISO texts (variable fraction digits),
        // JSON, ARRAY, binary, times of day, intervals: Trino filters them
        return Optional.empty();
    }

    /**
     * Stored epoch units in picoseconds, only where decoding is exact: the column's precision holds the stored one,
     * so a stored value s decodes to exactly s units and a Trino bound converts by plain rounding.
     */
    private static Optional<BigInteger> epochUnit(FieldEncoding encoding, boolean sourceField, int precision)
    {
        return switch (encoding) {
            case EPOCH_MILLIS -> precision >= 3 ? Optional.of(PICOS_PER_MILLI) : Optional.empty();
            // a native Pinot TIMESTAMP column compares as epoch milliseconds
            case PINOT_TIMESTAMP -> !sourceField && precision >= 3 ? Optional.of(PICOS_PER_MILLI) : Optional.empty();
            case EPOCH_MICROS -> precision >= 6 ? Optional.of(PICOS_PER_MICRO) : Optional.empty();
            case EPOCH_NANOS -> precision >= 9 ? Optional.of(BigInteger.valueOf(1_000L)) : Optional.empty();
            default -> Optional.empty();
        };
    }
}

package dev.pinotcdc.trino.cdc.decoder;

import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.LongTimestamp;
import io.trino.spi.type.LongTimestampWithTimeZone;
import io.trino.spi.type.TimeZoneKey;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TimestampWithTimeZoneType;
import io.trino.spi.type.Type;

import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.INEXACT;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.OUT_OF_RANGE;
import static io.trino.spi.type.DateTimeEncoding.packDateTimeWithZone;
import static io.trino.spi.type.TimeZoneKey.UTC_KEY;

/**
 * Writes an instant (epoch microseconds and picoseconds of the microsecond) to TIMESTAMP(p), as its UTC wall
 * clock (Debezium writes TIMESTAMP columns as if they were UTC), or to TIMESTAMP(p) WITH TIME ZONE. A value
 * with more sub-second digits than p is refused, not rounded.
 */
abstract sealed class TimestampSink
{
    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L};

    static boolean supports(Type type)
    {
        return type instanceof TimestampType || type instanceof TimestampWithTimeZoneType;
    }

    static TimestampSink forType(Type type)
    {
        if (type instanceof TimestampType timestampType) {
            return new ToTimestamp(timestampType);
        }
        if (type instanceof TimestampWithTimeZoneType timestampWithTimeZoneType) {
            return new ToTimestampWithTimeZone(timestampWithTimeZoneType);
        }
        throw new IllegalArgumentException("Not a timestamp type: " + type);
    }

    /**
     * @param offsetMinutes the offset the value was written with, kept as the zone of a TIMESTAMP WITH TIME ZONE
     */
    abstract void write(BlockBuilder output, long epochMicros, int picosOfMicro, int offsetMinutes);

    final void writeUtc(BlockBuilder output, long epochMicros, int picosOfMicro)
    {
        write(output, epochMicros, picosOfMicro, 0);
    }

    static void checkPrecision(Type type, int precision, long epochMicros, int picosOfMicro)
    {
        boolean exact;
        if (precision <= 6) {
            exact = picosOfMicro == 0 && (precision == 6 || Math.floorMod(epochMicros, POWERS_OF_TEN[6 - precision]) == 0);
        }
        else {
            exact = picosOfMicro % POWERS_OF_TEN[12 - precision] == 0;
        }
        if (!exact) {
            throw new InvalidValueException(INEXACT, "Timestamp has more fractional-second digits than " + type);
        }
    }

    private static final class ToTimestamp
            extends TimestampSink
    {
        private final TimestampType type;

        ToTimestamp(TimestampType type)
        {
            this.type = type;
        }

        @Override
        void write(BlockBuilder output, long epochMicros, int picosOfMicro, int offsetMinutes)
        {
            checkPrecision(type, type.getPrecision(), epochMicros, picosOfMicro);
            if (type.isShort()) {
                type.writeLong(output, epochMicros);
            }
            else {
                type.writeObject(output, new LongTimestamp(epochMicros, picosOfMicro));
            }
        }
    }

    private static final class ToTimestampWithTimeZone
            extends TimestampSink
    {
        // packDateTimeWithZone keeps 52 bits of milliseconds
        private static final long MAX_PACKED_MILLIS = (1L << 51) - 1;

        private final TimestampWithTimeZoneType type;

        ToTimestampWithTimeZone(TimestampWithTimeZoneType type)
        {
            this.type = type;
        }

        @Override
        void write(BlockBuilder output, long epochMicros, int picosOfMicro, int offsetMinutes)
        {
            checkPrecision(type, type.getPrecision(), epochMicros, picosOfMicro);
            long epochMillis = Math.floorDiv(epochMicros, 1000);
            if (epochMillis > MAX_PACKED_MILLIS || epochMillis < -MAX_PACKED_MILLIS) {
                throw new InvalidValueException(OUT_OF_RANGE, "Timestamp is out of the range of " + type);
            }
            TimeZoneKey zone = offsetMinutes == 0 ? UTC_KEY : TimeZoneKey.getTimeZoneKeyForOffset(offsetMinutes);
            if (type.isShort()) {
                type.writeLong(output, packDateTimeWithZone(epochMillis, zone));
            }
            else {
                int picosOfMilli = Math.floorMod(epochMicros, 1000) * 1_000_000 + picosOfMicro;
                type.writeObject(output, LongTimestampWithTimeZone.fromEpochMillisAndFraction(epochMillis, picosOfMilli, zone));
            }
        }
    }
}

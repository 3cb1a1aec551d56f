package dev.pinotcdc.trino.cdc.decoder;

import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.LongTimeWithTimeZone;
import io.trino.spi.type.TimeType;
import io.trino.spi.type.TimeWithTimeZoneType;
import io.trino.spi.type.Type;

import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.INEXACT;
import static io.trino.spi.type.DateTimeEncoding.packTimeWithTimeZone;

/** Writes a time of day (picoseconds) to TIME(p) or TIME(p) WITH TIME ZONE; more digits than p are refused. */
abstract sealed class TimeSink
{
    static final long PICOS_PER_DAY = 86_400_000_000_000_000L;

    static boolean supports(Type type)
    {
        return type instanceof TimeType || type instanceof TimeWithTimeZoneType;
    }

    static TimeSink forType(Type type)
    {
        if (type instanceof TimeType timeType) {
            return new ToTime(timeType);
        }
        if (type instanceof TimeWithTimeZoneType timeWithTimeZoneType) {
            return new ToTimeWithTimeZone(timeWithTimeZoneType);
        }
        throw new IllegalArgumentException("Not a time type: " + type);
    }

    /** Whether the offset is kept (TIME WITH TIME ZONE) rather than applied (TIME, shown in UTC). */
    abstract boolean keepsOffset();

    abstract void write(BlockBuilder output, long picosOfDay, int offsetMinutes);

    static void checkPrecision(Type type, int precision, long picosOfDay)
    {
        long unit = 1;
        for (int i = precision; i < 12; i++) {
            unit *= 10;
        }
        if (picosOfDay % unit != 0) {
            throw new InvalidValueException(INEXACT, "Time has more fractional-second digits than " + type);
        }
    }

    private static final class ToTime
            extends TimeSink
    {
        private final TimeType type;

        ToTime(TimeType type)
        {
            this.type = type;
        }

        @Override
        boolean keepsOffset()
        {
            return false;
        }

        @Override
        void write(BlockBuilder output, long picosOfDay, int offsetMinutes)
        {
            checkPrecision(type, type.getPrecision(), picosOfDay);
            type.writeLong(output, picosOfDay);
        }
    }

    private static final class ToTimeWithTimeZone
            extends TimeSink
    {
        private final TimeWithTimeZoneType type;

        ToTimeWithTimeZone(TimeWithTimeZoneType type)
        {
            this.type = type;
        }

        @Override
        boolean keepsOffset()
        {
            return true;
        }

        @Override
        void write(BlockBuilder output, long picosOfDay, int offsetMinutes)
        {
            checkPrecision(type, type.getPrecision(), picosOfDay);
            if (type.isShort()) {
                type.writeLong(output, packTimeWithTimeZone(picosOfDay / 1000, offsetMinutes));
            }
            else {
                type.writeObject(output, new LongTimeWithTimeZone(picosOfDay, offsetMinutes));
            }
        }
    }
}

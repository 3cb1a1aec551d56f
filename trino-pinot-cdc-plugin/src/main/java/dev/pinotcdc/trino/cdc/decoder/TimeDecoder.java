package dev.pinotcdc.trino.cdc.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinotcdc.trino.cdc.decoder.IsoTemporalParser.Time;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.OUT_OF_RANGE;
import static dev.pinotcdc.trino.cdc.decoder.IsoTemporalParser.NANOS_PER_DAY;
import static dev.pinotcdc.trino.cdc.decoder.IsoTemporalParser.NO_OFFSET;

/**
 * TIME(p) and TIME(p) WITH TIME ZONE from a count since midnight (Connect Time and io.debezium.time.Time in millis,
 * MicroTime, NanoTime) or ISO-8601 text (IsoTime, ZonedTime "HH:mm:ss.SSSSSSZ"). A ZonedTime read as TIME is
 * moved to UTC (Debezium already writes timetz in UTC, so usually nothing moves), wrapping around midnight; read as
 * TIME WITH TIME ZONE, its offset is kept.
 */
final class TimeDecoder
        extends SourceValueDecoder
{
    enum Source
    {
        MILLIS_OF_DAY(1_000_000_000L), MICROS_OF_DAY(1_000_000L), NANOS_OF_DAY(1_000L), ISO(0);

        private final long picosPerUnit;

        Source(long picosPerUnit)
        {
            this.picosPerUnit = picosPerUnit;
        }
    }

    private final Source source;
    private final TimeSink sink;

    TimeDecoder(Type type, Source source)
    {
        super(type);
        this.source = source;
        this.sink = TimeSink.forType(type);
    }

    @Override
    protected void decodeValue(JsonNode value, BlockBuilder output)
    {
        if (source != Source.ISO) {
            long count = JsonValues.integral(value);
            long unitsPerDay = TimeSink.PICOS_PER_DAY / source.picosPerUnit;
            if (count < 0 || count >= unitsPerDay) {
                throw new InvalidValueException(OUT_OF_RANGE, "Time " + count + " is outside of a day (0 to " + (unitsPerDay - 1) + ")");
            }
            sink.write(output, count * source.picosPerUnit, 0);
            return;
        }
        Time time = IsoTemporalParser.parseTime(JsonValues.text(value, "an ISO-8601 time string"));
        int offsetSeconds = time.offsetSeconds() == NO_OFFSET ? 0 : time.offsetSeconds();
        if (sink.keepsOffset() && offsetSeconds % 60 == 0) {
            sink.write(output, time.nanoOfDay() * 1000, offsetSeconds / 60);
            return;
        }
        long utcNanoOfDay = Math.floorMod(time.nanoOfDay() - offsetSeconds * 1_000_000_000L, NANOS_PER_DAY);
        sink.write(output, utcNanoOfDay * 1000, 0);
    }
}

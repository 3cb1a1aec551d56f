package dev.pinotcdc.trino.cdc.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinotcdc.trino.cdc.decoder.IsoTemporalParser.DateTime;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.INFINITY;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.OUT_OF_RANGE;
import static dev.pinotcdc.trino.cdc.decoder.IsoTemporalParser.NO_OFFSET;

/**
 * TIMESTAMP(p) and TIMESTAMP(p) WITH TIME ZONE from epoch numbers (Connect Timestamp, MicroTimestamp,
 * NanoTimestamp), ISO-8601 text (IsoTimestamp, ZonedTimestamp) or a Pinot TIMESTAMP cell. Epoch numbers are UTC.
 * ISO text without an offset is read as UTC; with an offset, the instant is kept: a TIMESTAMP gets its UTC wall
 * clock, a TIMESTAMP WITH TIME ZONE keeps the offset as its zone.
 */
final class TimestampDecoder
        extends SourceValueDecoder
{
    enum Source
    {
        EPOCH_MILLIS, EPOCH_MICROS, EPOCH_NANOS, ISO, PINOT
    }

    private final Source source;
    private final TimestampSink sink;

    TimestampDecoder(Type type, Source source)
    {
        super(type);
        this.source = source;
        this.sink = TimestampSink.forType(type);
    }

    @Override
    protected void decodeValue(JsonNode value, BlockBuilder output)
    {
        switch (source) {
            case EPOCH_MILLIS -> writeEpochMillis(output, JsonValues.integral(value));
            case EPOCH_MICROS -> {
                long micros = JsonValues.integral(value);
                checkNotInfinity(micros);
                sink.writeUtc(output, micros, 0);
            }
            case EPOCH_NANOS -> {
                long nanos = JsonValues.integral(value);
                checkNotInfinity(nanos);
                sink.writeUtc(output, Math.floorDiv(nanos, 1000), Math.floorMod(nanos, 1000) * 1000);
            }
            case ISO -> writeIso(output, JsonValues.text(value, "an ISO-8601 timestamp string"));
            case PINOT -> {
                // Pinot renders TIMESTAMP cells as "yyyy-MM-dd HH:mm:ss.S" (UTC); some paths give epoch millis
                if (value.isNumber() || (value.isTextual() && !value.textValue().isEmpty() && value.textValue().indexOf('-', 1) < 0)) {
                    writeEpochMillis(output, JsonValues.integral(value));
                }
                else {
                    writeIso(output, JsonValues.text(value, "a Pinot timestamp"));
                }
            }
        }
    }

    private void writeEpochMillis(BlockBuilder output, long millis)
    {
        checkNotInfinity(millis);
        long micros;
        try {
            micros = Math.multiplyExact(millis, 1000);
        }
        catch (ArithmeticException e) {
            throw new InvalidValueException(OUT_OF_RANGE, "Epoch milliseconds " + millis + " are out of the range of " + type());
        }
        sink.writeUtc(output, micros, 0);
    }

    private void writeIso(BlockBuilder output, String text)
    {
        if (DebeziumSentinels.isInfinityText(text)) {
            throw new InvalidValueException(INFINITY, "Timestamp '" + text + "' is infinite");
        }
        DateTime dateTime = IsoTemporalParser.parseDateTime(text);
        int offsetSeconds = dateTime.offsetSeconds() == NO_OFFSET ? 0 : dateTime.offsetSeconds();
        long nanoOfDay = dateTime.nanoOfDay();
        long epochMicros;
        try {
            long epochSecond = Math.addExact(Math.multiplyExact(dateTime.epochDay(), 86_400L), nanoOfDay / 1_000_000_000L - offsetSeconds);
            epochMicros = Math.addExact(Math.multiplyExact(epochSecond, 1_000_000L), (nanoOfDay % 1_000_000_000L) / 1000);
        }
        catch (ArithmeticException e) {
            throw new InvalidValueException(OUT_OF_RANGE, "Timestamp '" + JsonValues.preview(text) + "' is out of the range of " + type());
        }
        int picosOfMicro = (int) (nanoOfDay % 1000) * 1000;
        // an offset in whole minutes becomes the zone; odd historical offsets with seconds are shown in UTC
        int offsetMinutes = offsetSeconds % 60 == 0 ? offsetSeconds / 60 : 0;
        sink.write(output, epochMicros, picosOfMicro, offsetMinutes);
    }

    private void checkNotInfinity(long epochValue)
    {
        if (DebeziumSentinels.isInfinityEpoch(epochValue)) {
            throw new InvalidValueException(INFINITY, "Timestamp " + epochValue + " is Debezium's stand-in for an infinite timestamp");
        }
    }
}

package dev.pinotcdc.trino.cdc.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import io.trino.spi.block.BlockBuilder;

import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.INFINITY;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.OUT_OF_RANGE;
import static io.trino.spi.type.DateType.DATE;

/** DATE from epoch days (Connect Date, io.debezium.time.Date) or ISO-8601 text (IsoDate, "2023-11-21Z"). */
final class DateDecoder
        extends SourceValueDecoder
{
    private final boolean iso;

    DateDecoder(boolean iso)
    {
        super(DATE);
        this.iso = iso;
    }

    @Override
    protected void decodeValue(JsonNode value, BlockBuilder output)
    {
        long epochDay;
        if (iso) {
            String text = JsonValues.text(value, "an ISO-8601 date string");
            if (DebeziumSentinels.isInfinityText(text)) {
                throw new InvalidValueException(INFINITY, "Date '" + text + "' is infinite");
            }
            epochDay = IsoTemporalParser.parseDate(text);
        }
        else {
            epochDay = JsonValues.integral(value);
        }
        if (DebeziumSentinels.isInfinityEpochDay(epochDay)) {
            throw new InvalidValueException(INFINITY, "Date " + epochDay + " is Debezium's stand-in for an infinite date");
        }
        if (epochDay < Integer.MIN_VALUE || epochDay > Integer.MAX_VALUE) {
            throw new InvalidValueException(OUT_OF_RANGE, "Epoch day " + epochDay + " is out of the range of DATE");
        }
        DATE.writeLong(output, epochDay);
    }
}

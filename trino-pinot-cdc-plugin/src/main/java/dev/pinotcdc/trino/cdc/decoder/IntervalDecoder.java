package dev.pinotcdc.trino.cdc.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;

import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.INEXACT;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.MALFORMED;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.OUT_OF_RANGE;
import static io.trino.spi.type.BigintType.BIGINT;

/**
 * Debezium durations. MicroDuration (interval.handling.mode=numeric) is microseconds, with a month counted as
 * 30.4375 days by Debezium: read as INTERVAL DAY TO SECOND (milliseconds in Trino, so sub-millisecond parts are
 * refused as inexact) or as BIGINT microseconds. Interval (interval.handling.mode=string) is ISO-8601 text
 * "P1Y2M3DT4H5M6.78S": read as VARCHAR (checked, kept as written) or as INTERVAL DAY TO SECOND when it has no
 * years or months (a month has no fixed length) and at most millisecond precision.
 */
final class IntervalDecoder
        extends SourceValueDecoder
{
    enum Source
    {
        MICRO_DURATION, ISO_INTERVAL
    }

    private enum Target
    {
        DAY_TO_SECOND, BIGINT_MICROS, VARCHAR
    }

    private final Source source;
    private final Target target;
    private final VarcharWriter varcharWriter;

    IntervalDecoder(Type type, Source source, boolean dayToSecond)
    {
        super(type);
        this.source = source;
        if (dayToSecond) {
            target = Target.DAY_TO_SECOND;
            varcharWriter = null;
        }
        else if (source == Source.MICRO_DURATION && type.equals(BIGINT)) {
            target = Target.BIGINT_MICROS;
            varcharWriter = null;
        }
        else if (source == Source.ISO_INTERVAL && type instanceof VarcharType varcharType) {
            target = Target.VARCHAR;
            varcharWriter = new VarcharWriter(varcharType);
        }
        else {
            throw new IllegalArgumentException("Encoding " + source + " cannot produce " + type);
        }
    }

    @Override
    protected void decodeValue(JsonNode value, BlockBuilder output)
    {
        if (source == Source.MICRO_DURATION) {
            long micros = JsonValues.integral(value);
            if (target == Target.BIGINT_MICROS) {
                BIGINT.writeLong(output, micros);
                return;
            }
            if (micros % 1000 != 0) {
                throw new InvalidValueException(INEXACT, "Duration of " + micros + " microseconds has a sub-millisecond part, which " + type() + " cannot hold");
            }
            type().writeLong(output, micros / 1000);
            return;
        }
        String text = JsonValues.text(value, "an ISO-8601 interval string");
        long millis = parseIsoInterval(text, target == Target.DAY_TO_SECOND);
        if (target == Target.VARCHAR) {
            varcharWriter.write(output, text);
        }
        else {
            type().writeLong(output, millis);
        }
    }

    /**
     * Reads "[-]P[nY][nM][nW][nD][T[nH][nM][n[.f]S]]" with signed components, as Debezium's Interval writes them.
     * Returns the milliseconds of a day-to-second interval, or 0 when only checking the syntax.
     */
    static long parseIsoInterval(String text, boolean toMillis)
    {
        int position = 0;
        int length = text.length();
        boolean negateAll = false;
        if (position < length && text.charAt(position) == '-') {
            negateAll = true;
            position++;
        }
        if (position >= length || text.charAt(position) != 'P') {
            throw malformed(text);
        }
        position++;
        boolean timePart = false;
        boolean any = false;
        boolean yearsOrMonths = false;
        long millis = 0;
        long subMillisNanos = 0;
        try {
            while (position < length) {
                if (text.charAt(position) == 'T') {
                    if (timePart) {
                        throw malformed(text);
                    }
                    timePart = true;
                    position++;
                    continue;
                }
                int start = position;
                if (text.charAt(position) == '-' || text.charAt(position) == '+') {
                    position++;
                }
                int digitsStart = position;
                while (position < length && Character.isDigit(text.charAt(position))) {
                    position++;
                }
                if (position == digitsStart || digitsStart - start > 1) {
                    throw malformed(text);
                }
                long whole = Long.parseLong(text, start, position, 10);
                long fractionNanos = 0;
                if (position < length && (text.charAt(position) == '.' || text.charAt(position) == ',')) {
                    position++;
                    int fractionStart = position;
                    while (position < length && Character.isDigit(text.charAt(position))) {
                        position++;
                    }
                    int digits = position - fractionStart;
                    if (digits == 0 || digits > 9) {
                        throw malformed(text);
                    }
                    fractionNanos = Long.parseLong(text, fractionStart, position, 10);
                    for (int i = digits; i < 9; i++) {
                        fractionNanos *= 10;
                    }
                    if (text.charAt(start) == '-') {
                        fractionNanos = -fractionNanos;
                    }
                }
                if (position >= length) {
                    throw malformed(text);
                }
                char unit = text.charAt(position++);
                if (fractionNanos != 0 && !(timePart && unit == 'S')) {
                    throw malformed(text);
                }
                any = true;
                if (!timePart) {
                    switch (unit) {
                        case 'Y', 'M' -> yearsOrMonths |= whole != 0;
                        case 'W' -> millis = Math.addExact(millis, Math.multiplyExact(whole, 7 * 86_400_000L));
                        case 'D' -> millis = Math.addExact(millis, Math.multiplyExact(whole, 86_400_000L));
                        default -> throw malformed(text);
                    }
                }
                else {
                    switch (unit) {
                        case 'H' -> millis = Math.addExact(millis, Math.multiplyExact(whole, 3_600_000L));
                        case 'M' -> millis = Math.addExact(millis, Math.multiplyExact(whole, 60_000L));
                        case 'S' -> {
                            millis = Math.addExact(millis, Math.addExact(Math.multiplyExact(whole, 1000L), fractionNanos / 1_000_000));
                            subMillisNanos = fractionNanos % 1_000_000;
                        }
                        default -> throw malformed(text);
                    }
                }
            }
        }
        catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidValueException(OUT_OF_RANGE, "Interval '" + JsonValues.preview(text) + "' is too large");
        }
        if (!any) {
            throw malformed(text);
        }
        if (!toMillis) {
            return 0;
        }
        if (yearsOrMonths) {
            throw new InvalidValueException(OUT_OF_RANGE, "Interval '" + JsonValues.preview(text) + "' has years or months, which a day-to-second interval cannot hold");
        }
        if (subMillisNanos != 0) {
            throw new InvalidValueException(INEXACT, "Interval '" + JsonValues.preview(text) + "' has a sub-millisecond part");
        }
        return negateAll ? -millis : millis;
    }

    private static InvalidValueException malformed(String text)
    {
        return new InvalidValueException(MALFORMED, "Value '" + JsonValues.preview(text) + "' is not an ISO-8601 interval");
    }
}

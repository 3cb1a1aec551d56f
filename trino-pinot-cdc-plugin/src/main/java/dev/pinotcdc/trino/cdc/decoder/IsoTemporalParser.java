package dev.pinotcdc.trino.cdc.decoder;

import java.time.DateTimeException;
import java.time.LocalDate;

import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.MALFORMED;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.OUT_OF_RANGE;

/**
 * A hand-written reader of ISO-8601 dates, times and date-times as Debezium and Pinot write them: no regular
 * expressions and no formatter objects on the hot path.
 * <pre>
 * date:      [+-]yyyy[y...]-MM-dd
 * time:      HH:mm[:ss[.fffffffff]]
 * date-time: date ('T' | ' ') time
 * offset:    'Z' | (+|-)HH[[:]mm[[:]ss]]     (optional after a time; after a date, only 'Z' or a zero offset)
 * </pre>
 */
final class IsoTemporalParser
{
    static final int NO_OFFSET = Integer.MIN_VALUE;
    static final long NANOS_PER_DAY = 86_400_000_000_000L;

    /** A date-time: the day, the time of day, and the offset in seconds or {@link #NO_OFFSET}. */
    record DateTime(long epochDay, long nanoOfDay, int offsetSeconds) {}

    /** A time of day and the offset in seconds or {@link #NO_OFFSET}. */
    record Time(long nanoOfDay, int offsetSeconds) {}

    private final String text;
    private int position;

    private IsoTemporalParser(String text)
    {
        this.text = text;
    }

    static long parseDate(String text)
    {
        IsoTemporalParser parser = new IsoTemporalParser(text);
        long epochDay = parser.date();
        if (!parser.atEnd()) {
            // Debezium's IsoDate writes "2023-11-21Z"
            int offset = parser.offset();
            if (offset != 0 || !parser.atEnd()) {
                throw parser.malformed("a date");
            }
        }
        return epochDay;
    }

    static DateTime parseDateTime(String text)
    {
        IsoTemporalParser parser = new IsoTemporalParser(text);
        long epochDay = parser.date();
        char separator = parser.next("a date-time");
        if (separator != 'T' && separator != ' ' && separator != 't') {
            throw parser.malformed("a date-time");
        }
        long nanoOfDay = parser.time();
        int offset = parser.atEnd() ? NO_OFFSET : parser.offset();
        if (!parser.atEnd()) {
            throw parser.malformed("a date-time");
        }
        return new DateTime(epochDay, nanoOfDay, offset);
    }

    static Time parseTime(String text)
    {
        IsoTemporalParser parser = new IsoTemporalParser(text);
        long nanoOfDay = parser.time();
        int offset = parser.atEnd() ? NO_OFFSET : parser.offset();
        if (!parser.atEnd()) {
            throw parser.malformed("a time");
        }
        return new Time(nanoOfDay, offset);
    }

    private long date()
    {
        boolean negative = false;
        if (peek() == '+' || peek() == '-') {
            negative = next("a date") == '-';
        }
        int start = position;
        long year = digits(4, 9, "a date");
        if (position - start > 4 && text.charAt(start) == '0') {
            throw malformed("a date");
        }
        expect('-', "a date");
        int month = (int) digits(2, 2, "a date");
        expect('-', "a date");
        int day = (int) digits(2, 2, "a date");
        try {
            return LocalDate.of((int) (negative ? -year : year), month, day).toEpochDay();
        }
        catch (DateTimeException e) {
            // 2023-02-29, month 13, ...
            throw malformed("a date");
        }
    }

    private long time()
    {
        int hour = (int) digits(2, 2, "a time");
        expect(':', "a time");
        int minute = (int) digits(2, 2, "a time");
        int second = 0;
        long nanos = 0;
        if (peek() == ':') {
            position++;
            second = (int) digits(2, 2, "a time");
            if (peek() == '.' || peek() == ',') {
                position++;
                int start = position;
                long fraction = digits(1, 9, "a time");
                for (int i = position - start; i < 9; i++) {
                    fraction *= 10;
                }
                nanos = fraction;
            }
        }
        if (hour == 24 && minute == 0 && second == 0 && nanos == 0) {
            // PostgreSQL allows time '24:00:00'; no TIME value is the end of the day
            throw new InvalidValueException(OUT_OF_RANGE, "Time '" + JsonValues.preview(text) + "' is the end of the day, which TIME cannot hold");
        }
        if (hour > 23 || minute > 59 || second > 59) {
            throw malformed("a time");
        }
        return ((hour * 60L + minute) * 60 + second) * 1_000_000_000L + nanos;
    }

    private int offset()
    {
        char sign = next("an offset");
        if (sign == 'Z' || sign == 'z') {
            return 0;
        }
        if (sign != '+' && sign != '-') {
            throw malformed("an offset");
        }
        int hours = (int) digits(2, 2, "an offset");
        int minutes = 0;
        int seconds = 0;
        if (!atEnd()) {
            if (peek() == ':') {
                position++;
            }
            minutes = (int) digits(2, 2, "an offset");
            if (!atEnd()) {
                if (peek() == ':') {
                    position++;
                }
                seconds = (int) digits(2, 2, "an offset");
            }
        }
        if (hours > 18 || minutes > 59 || seconds > 59) {
            throw malformed("an offset");
        }
        int total = (hours * 60 + minutes) * 60 + seconds;
        return sign == '-' ? -total : total;
    }

    private long digits(int min, int max, String expected)
    {
        long value = 0;
        int count = 0;
        while (position < text.length() && count < max) {
            char c = text.charAt(position);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
            position++;
            count++;
        }
        if (count < min || (count == max && position < text.length() && Character.isDigit(text.charAt(position)))) {
            throw malformed(expected);
        }
        return value;
    }

    private void expect(char expected, String what)
    {
        if (next(what) != expected) {
            throw malformed(what);
        }
    }

    private char next(String what)
    {
        if (position >= text.length()) {
            throw malformed(what);
        }
        return text.charAt(position++);
    }

    private char peek()
    {
        return position < text.length() ? text.charAt(position) : 0;
    }

    private boolean atEnd()
    {
        return position == text.length();
    }

    private InvalidValueException malformed(String expected)
    {
        return new InvalidValueException(MALFORMED, "Value '" + JsonValues.preview(text) + "' is not " + expected);
    }
}

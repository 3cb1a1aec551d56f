package dev.pinotcdc.trino.pushdown;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * The units of Trino's {@code date_trunc} that Pinot's {@code DATETRUNC} computes the same way on a UTC wall clock:
 * weeks start on Monday in both (ISO), quarters in January, April, July and October.
 */
public enum TimeTruncation
{
    SECOND,
    MINUTE,
    HOUR,
    DAY,
    WEEK,
    MONTH,
    QUARTER,
    YEAR;

    /** The unit Trino names so, in any letter case. */
    public static Optional<TimeTruncation> fromTrinoUnit(String unit)
    {
        for (TimeTruncation truncation : values()) {
            if (truncation.name().equals(unit.toUpperCase(Locale.ENGLISH))) {
                return Optional.of(truncation);
            }
        }
        return Optional.empty();
    }

    /** The unit as Pinot's {@code DATETRUNC} names it. */
    public String pinotUnit()
    {
        return name();
    }

    /** The start of the unit holding the UTC instant, both in microseconds since the epoch. */
    public long truncateEpochMicros(long epochMicros)
    {
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L), (int) Math.floorMod(epochMicros, 1_000_000L) * 1000, ZoneOffset.UTC);
        LocalDateTime truncated = switch (this) {
            case SECOND -> time.truncatedTo(ChronoUnit.SECONDS);
            case MINUTE -> time.truncatedTo(ChronoUnit.MINUTES);
            case HOUR -> time.truncatedTo(ChronoUnit.HOURS);
            case DAY -> time.truncatedTo(ChronoUnit.DAYS);
            case WEEK -> time.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> time.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case QUARTER -> time.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).withMonth((time.getMonthValue() - 1) / 3 * 3 + 1);
            case YEAR -> time.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
        };
        return truncated.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + truncated.getNano() / 1000;
    }
}

package dev.pinotcdc.trino.metadata;

import dev.pinotcdc.trino.pushdown.TimeTruncation;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

final class TestTimeTruncation
{
    @Test
    void testUnitsFollowTrinosNames()
    {
        assertThat(TimeTruncation.fromTrinoUnit("week")).contains(TimeTruncation.WEEK);
        assertThat(TimeTruncation.fromTrinoUnit("Quarter")).contains(TimeTruncation.QUARTER);
        assertThat(TimeTruncation.fromTrinoUnit("millisecond")).isEmpty();
        assertThat(TimeTruncation.fromTrinoUnit("decade")).isEmpty();
    }

    @Test
    void testTruncatesOnTheUtcWallClock()
    {
        // a Thursday in the first quarter
        long micros = micros(LocalDateTime.of(2024, 3, 14, 10, 11, 12, 345_678_000));
        assertThat(truncate(TimeTruncation.SECOND, micros)).isEqualTo(LocalDateTime.of(2024, 3, 14, 10, 11, 12));
        assertThat(truncate(TimeTruncation.MINUTE, micros)).isEqualTo(LocalDateTime.of(2024, 3, 14, 10, 11));
        assertThat(truncate(TimeTruncation.HOUR, micros)).isEqualTo(LocalDateTime.of(2024, 3, 14, 10, 0));
        assertThat(truncate(TimeTruncation.DAY, micros)).isEqualTo(LocalDateTime.of(2024, 3, 14, 0, 0));
        assertThat(truncate(TimeTruncation.WEEK, micros)).isEqualTo(LocalDateTime.of(2024, 3, 11, 0, 0));
        assertThat(truncate(TimeTruncation.MONTH, micros)).isEqualTo(LocalDateTime.of(2024, 3, 1, 0, 0));
        assertThat(truncate(TimeTruncation.QUARTER, micros)).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
        assertThat(truncate(TimeTruncation.YEAR, micros)).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
        // a Monday stays where it is; November is in the fourth quarter
        long monday = micros(LocalDateTime.of(2023, 11, 6, 0, 0, 0, 1000));
        assertThat(truncate(TimeTruncation.WEEK, monday)).isEqualTo(LocalDateTime.of(2023, 11, 6, 0, 0));
        assertThat(truncate(TimeTruncation.QUARTER, monday)).isEqualTo(LocalDateTime.of(2023, 10, 1, 0, 0));
    }

    @Test
    void testTruncatesInstantsBeforeTheEpochDownwards()
    {
        long micros = micros(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 500_000_000));
        assertThat(micros).isNegative();
        assertThat(truncate(TimeTruncation.SECOND, micros)).isEqualTo(LocalDateTime.of(1969, 12, 31, 23, 59, 59));
        assertThat(truncate(TimeTruncation.DAY, micros)).isEqualTo(LocalDateTime.of(1969, 12, 31, 0, 0));
        // 1969-12-31 is a Wednesday
        assertThat(truncate(TimeTruncation.WEEK, micros)).isEqualTo(LocalDateTime.of(1969, 12, 29, 0, 0));
        assertThat(truncate(TimeTruncation.YEAR, micros)).isEqualTo(LocalDateTime.of(1969, 1, 1, 0, 0));
    }

    private static long micros(LocalDateTime time)
    {
        return time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + time.getNano() / 1000;
    }

    private static LocalDateTime truncate(TimeTruncation truncation, long micros)
    {
        long truncated = truncation.truncateEpochMicros(micros);
        return LocalDateTime.ofEpochSecond(Math.floorDiv(truncated, 1_000_000L), (int) Math.floorMod(truncated, 1_000_000L) * 1000, ZoneOffset.UTC);
    }
}

package dev.pinotcdc.trino.metadata;

import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorTableVersion;
import io.trino.spi.connector.PointerType;
import io.trino.spi.type.LongTimestamp;
import io.trino.spi.type.LongTimestampWithTimeZone;
import io.trino.spi.type.TimeZoneKey;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;

import static io.airlift.slice.Slices.utf8Slice;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DateTimeEncoding.packDateTimeWithZone;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MILLIS;
import static io.trino.spi.type.TimestampType.TIMESTAMP_NANOS;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MILLIS;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_NANOS;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TestVersionPointers
{
    private static final ZoneId KATHMANDU = ZoneId.of("Asia/Kathmandu");

    @Test
    void testMomentsWithTimeZone()
    {
        long millis = 1_700_000_000_123L;
        assertThat(VersionPointers.epochMillis(temporal(TIMESTAMP_TZ_MILLIS, packDateTimeWithZone(millis, TimeZoneKey.getTimeZoneKey("Europe/Vienna"))), KATHMANDU))
                .isEqualTo(millis);
        // picoseconds below the millisecond do not reach a later millisecond
        assertThat(VersionPointers.epochMillis(temporal(TIMESTAMP_TZ_NANOS, LongTimestampWithTimeZone.fromEpochMillisAndFraction(millis, 999_999_999, TimeZoneKey.UTC_KEY)), KATHMANDU))
                .isEqualTo(millis);
        assertThat(VersionPointers.epochMillis(temporal(TIMESTAMP_TZ_MILLIS, packDateTimeWithZone(-1L, TimeZoneKey.UTC_KEY)), KATHMANDU)).isEqualTo(-1L);
    }

    @Test
    void testMomentsWithoutTimeZoneAreInTheSessionZone()
    {
        // 2024-01-01 00:00:00.000 local time in Kathmandu (UTC+05:45)
        long localMicros = 1_704_067_200_000_000L;
        long expected = 1_704_067_200_000L - (5 * 60 + 45) * 60_000L;
        assertThat(VersionPointers.epochMillis(temporal(TIMESTAMP_MILLIS, localMicros), KATHMANDU)).isEqualTo(expected);
        assertThat(VersionPointers.epochMillis(temporal(TIMESTAMP_MILLIS, localMicros), ZoneOffset.UTC)).isEqualTo(1_704_067_200_000L);
        // below the millisecond, before 1970: the millisecond at or before
        assertThat(VersionPointers.epochMillis(temporal(TIMESTAMP_NANOS, new LongTimestamp(-1L, 500_000)), ZoneOffset.UTC)).isEqualTo(-1L);
        assertThat(VersionPointers.epochMillis(temporal(TIMESTAMP_MILLIS, -1_500L), ZoneOffset.UTC)).isEqualTo(-2L);
    }

    @Test
    void testDateIsItsFirstMomentInTheSessionZone()
    {
        // 2024-01-01
        assertThat(VersionPointers.epochMillis(temporal(DATE, 19_723L), ZoneOffset.UTC)).isEqualTo(1_704_067_200_000L);
        assertThat(VersionPointers.epochMillis(temporal(DATE, 19_723L), KATHMANDU)).isEqualTo(1_704_067_200_000L - (5 * 60 + 45) * 60_000L);
        assertThat(VersionPointers.epochMillis(temporal(DATE, -1L), ZoneOffset.UTC)).isEqualTo(-86_400_000L);
    }

    @Test
    void testOtherMomentTypesAreRefused()
    {
        assertThatThrownBy(() -> VersionPointers.epochMillis(temporal(BIGINT, 5L), KATHMANDU))
                .isInstanceOf(TrinoException.class)
                .hasMessageContaining("FOR TIMESTAMP AS OF takes a TIMESTAMP, a TIMESTAMP WITH TIME ZONE or a DATE, not bigint");
    }

    @Test
    void testVersions()
    {
        assertThat(VersionPointers.versionNumber(version(BIGINT, 26_315_632L))).isEqualTo(26_315_632L);
        assertThat(VersionPointers.versionNumber(version(INTEGER, 7L))).isEqualTo(7L);
        assertThat(VersionPointers.versionNumber(version(VARCHAR, utf8Slice("0/1918B70")))).isEqualTo(0x1918B70L);
        assertThat(VersionPointers.versionNumber(version(VARCHAR, utf8Slice(" 16/b374d848 ")))).isEqualTo((0x16L << 32) | 0xB374D848L);
        assertThat(VersionPointers.versionNumber(version(VARCHAR, utf8Slice("7FFFFFFF/FFFFFFFF")))).isEqualTo(Long.MAX_VALUE);
        assertThat(VersionPointers.versionNumber(version(VARCHAR, utf8Slice("9223372036854775807")))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void testBadVersionsAreRefused()
    {
        assertThatThrownBy(() -> VersionPointers.versionNumber(version(BIGINT, -1L))).hasMessageContaining("not negative: -1");
        // beyond a BIGINT
        assertThatThrownBy(() -> VersionPointers.versionNumber(version(VARCHAR, utf8Slice("80000000/0")))).hasMessageContaining("Not a version: '80000000/0'");
        assertThatThrownBy(() -> VersionPointers.versionNumber(version(VARCHAR, utf8Slice("9223372036854775808")))).hasMessageContaining("Not a version: '9223372036854775808'");
        assertThatThrownBy(() -> VersionPointers.versionNumber(version(VARCHAR, utf8Slice("1/2/3")))).hasMessageContaining("Not a version: '1/2/3'");
        assertThatThrownBy(() -> VersionPointers.versionNumber(version(VARCHAR, utf8Slice("")))).hasMessageContaining("Not a version: ''");
        assertThatThrownBy(() -> VersionPointers.versionNumber(version(VARCHAR, utf8Slice("x".repeat(500))))).hasMessageContaining("x".repeat(100) + "...'");
        assertThatThrownBy(() -> VersionPointers.versionNumber(version(DOUBLE, 1.5))).hasMessageContaining("FOR VERSION AS OF takes an integer or text");
    }

    private static ConnectorTableVersion temporal(Type type, Object value)
    {
        return new ConnectorTableVersion(PointerType.TEMPORAL, type, value);
    }

    private static ConnectorTableVersion version(Type type, Object value)
    {
        return new ConnectorTableVersion(PointerType.TARGET_ID, type, value);
    }
}

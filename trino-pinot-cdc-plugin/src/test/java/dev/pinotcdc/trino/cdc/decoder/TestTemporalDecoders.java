package dev.pinotcdc.trino.cdc.decoder;

import io.trino.spi.block.Block;
import io.trino.spi.type.LongTimeWithTimeZone;
import io.trino.spi.type.LongTimestamp;
import io.trino.spi.type.LongTimestampWithTimeZone;
import io.trino.spi.type.TimeType;
import io.trino.spi.type.TimeWithTimeZoneType;
import io.trino.spi.type.TimeZoneKey;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TimestampWithTimeZoneType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

import static dev.pinotcdc.trino.cdc.FieldEncoding.EPOCH_DAYS;
import static dev.pinotcdc.trino.cdc.FieldEncoding.EPOCH_MICROS;
import static dev.pinotcdc.trino.cdc.FieldEncoding.EPOCH_MILLIS;
import static dev.pinotcdc.trino.cdc.FieldEncoding.EPOCH_NANOS;
import static dev.pinotcdc.trino.cdc.FieldEncoding.ISO_DATE;
import static dev.pinotcdc.trino.cdc.FieldEncoding.ISO_INTERVAL;
import static dev.pinotcdc.trino.cdc.FieldEncoding.ISO_TIME;
import static dev.pinotcdc.trino.cdc.FieldEncoding.ISO_TIMESTAMP;
import static dev.pinotcdc.trino.cdc.FieldEncoding.ISO_ZONED_TIME;
import static dev.pinotcdc.trino.cdc.FieldEncoding.ISO_ZONED_TIMESTAMP;
import static dev.pinotcdc.trino.cdc.FieldEncoding.MICROS_OF_DAY;
import static dev.pinotcdc.trino.cdc.FieldEncoding.MICRO_DURATION;
import static dev.pinotcdc.trino.cdc.FieldEncoding.MILLIS_OF_DAY;
import static dev.pinotcdc.trino.cdc.FieldEncoding.NANOS_OF_DAY;
import static dev.pinotcdc.trino.cdc.FieldEncoding.PINOT_TIMESTAMP;
import static dev.pinotcdc.trino.cdc.decoder.DecoderTesting.INTERVAL_DAY_TO_SECOND;
import static dev.pinotcdc.trino.cdc.decoder.DecoderTesting.decode;
import static dev.pinotcdc.trino.cdc.decoder.DecoderTesting.failure;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.INEXACT;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.INFINITY;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.MALFORMED;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.OUT_OF_RANGE;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.WRONG_TYPE;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DateTimeEncoding.unpackMillisUtc;
import static io.trino.spi.type.DateTimeEncoding.unpackOffsetMinutes;
import static io.trino.spi.type.DateTimeEncoding.unpackTimeNanos;
import static io.trino.spi.type.DateTimeEncoding.unpackZoneKey;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.TimeType.createTimeType;
import static io.trino.spi.type.TimeWithTimeZoneType.createTimeWithTimeZoneType;
import static io.trino.spi.type.TimestampType.createTimestampType;
import static io.trino.spi.type.TimestampWithTimeZoneType.createTimestampWithTimeZoneType;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

class TestTemporalDecoders
{
    private static final TimestampType TIMESTAMP_MILLIS = createTimestampType(3);
    private static final TimestampType TIMESTAMP_MICROS = createTimestampType(6);
    private static final TimestampType TIMESTAMP_NANOS = createTimestampType(9);
    private static final TimestampWithTimeZoneType TIMESTAMP_TZ_MILLIS = createTimestampWithTimeZoneType(3);
    private static final TimestampWithTimeZoneType TIMESTAMP_TZ_MICROS = createTimestampWithTimeZoneType(6);

    @Test
    void testDateFromEpochDays()
    {
        assertThat(DATE.getLong(decode(DATE, EPOCH_DAYS, "11016"), 0)).isEqualTo(LocalDate.parse("2000-02-29").toEpochDay());
        assertThat(DATE.getLong(decode(DATE, EPOCH_DAYS, "-1"), 0)).isEqualTo(LocalDate.parse("1969-12-31").toEpochDay());
        assertThat(DATE.getLong(decode(DATE, EPOCH_DAYS, "0"), 0)).isZero();
        assertThat(DATE.getLong(decode(DATE, EPOCH_DAYS, "-719528"), 0)).isEqualTo(LocalDate.parse("0000-01-01").toEpochDay());
        assertThat(failure(DATE, EPOCH_DAYS, "2147483648")).isEqualTo(OUT_OF_RANGE);
        assertThat(failure(DATE, EPOCH_DAYS, "1.5")).isEqualTo(WRONG_TYPE);
        // Debezium's PostgreSQL 'infinity' / '-infinity' dates, old and fixed constants
        assertThat(failure(DATE, EPOCH_DAYS, "-2147472692")).isEqualTo(INFINITY);
        assertThat(failure(DATE, EPOCH_DAYS, "-2147472691")).isEqualTo(INFINITY);
        assertThat(failure(DATE, EPOCH_DAYS, "2146033979")).isEqualTo(INFINITY);
        // the same infinities read by a snapshot over JDBC: the driver's constants as java.sql.Date, narrowed to an int
        for (String snapshotDay : java.util.List.of("-622191235", "-622191234", "-622191233", "-625821273", "-625821272", "-625821271")) {
            assertThat(failure(DATE, EPOCH_DAYS, snapshotDay)).isEqualTo(INFINITY);
        }
    }

    @Test
    void testDateFromIso()
    {
        assertThat(DATE.getLong(decode(DATE, ISO_DATE, "\"2024-02-29\""), 0)).isEqualTo(LocalDate.parse("2024-02-29").toEpochDay());
        assertThat(DATE.getLong(decode(DATE, ISO_DATE, "\"2023-11-21Z\""), 0)).isEqualTo(LocalDate.parse("2023-11-21").toEpochDay());
        assertThat(DATE.getLong(decode(DATE, ISO_DATE, "\"1066-10-14\""), 0)).isEqualTo(LocalDate.parse("1066-10-14").toEpochDay());
        assertThat(DATE.getLong(decode(DATE, ISO_DATE, "\"-0044-03-15\""), 0)).isEqualTo(LocalDate.of(-44, 3, 15).toEpochDay());
        assertThat(DATE.getLong(decode(DATE, ISO_DATE, "\"+12345-01-02\""), 0)).isEqualTo(LocalDate.of(12345, 1, 2).toEpochDay());
        assertThat(failure(DATE, ISO_DATE, "\"2023-02-29\"")).isEqualTo(MALFORMED);
        assertThat(failure(DATE, ISO_DATE, "\"2023-13-01\"")).isEqualTo(MALFORMED);
        assertThat(failure(DATE, ISO_DATE, "\"2023-1-01\"")).isEqualTo(MALFORMED);
        assertThat(failure(DATE, ISO_DATE, "\"2023-01-01+02:00\"")).isEqualTo(MALFORMED);
        assertThat(failure(DATE, ISO_DATE, "\"infinity\"")).isEqualTo(INFINITY);
        assertThat(failure(DATE, ISO_DATE, "\"-infinity\"")).isEqualTo(INFINITY);
    }

    @Test
    void testTimestampFromEpoch()
    {
        assertThat(TIMESTAMP_MILLIS.getLong(decode(TIMESTAMP_MILLIS, EPOCH_MILLIS, "1719748800000"), 0)).isEqualTo(micros("2024-06-30T12:00:00"));
        assertThat(TIMESTAMP_MILLIS.getLong(decode(TIMESTAMP_MILLIS, EPOCH_MILLIS, "-1"), 0)).isEqualTo(micros("1969-12-31T23:59:59.999"));
        assertThat(TIMESTAMP_MICROS.getLong(decode(TIMESTAMP_MICROS, EPOCH_MICROS, "978307200000001"), 0)).isEqualTo(micros("2001-01-01T00:00:00.000001"));
        assertThat(TIMESTAMP_MICROS.getLong(decode(TIMESTAMP_MICROS, EPOCH_MICROS, "-62135596800000000"), 0)).isEqualTo(micros("0001-01-01T00:00:00"));
        assertThat(TIMESTAMP_MICROS.getLong(decode(TIMESTAMP_MICROS, EPOCH_MILLIS, "951782400000"), 0)).isEqualTo(micros("2000-02-29T00:00:00"));
        // a TIMESTAMP(3) cannot hold microseconds: refused, not rounded
        assertThat(failure(TIMESTAMP_MILLIS, EPOCH_MICROS, "978307200000001")).isEqualTo(INEXACT);
        assertThat(failure(TIMESTAMP_MILLIS, EPOCH_MICROS, "-1")).isEqualTo(INEXACT);
        assertThat(failure(TIMESTAMP_MILLIS, EPOCH_MILLIS, "9223372036854776")).isEqualTo(OUT_OF_RANGE);
        assertThat(failure(TIMESTAMP_MILLIS, EPOCH_MILLIS, "\"later\"")).isEqualTo(MALFORMED);

        LongTimestamp nanos = (LongTimestamp) TIMESTAMP_NANOS.getObject(decode(TIMESTAMP_NANOS, EPOCH_NANOS, "-1"), 0);
        assertThat(nanos.getEpochMicros()).isEqualTo(-1);
        assertThat(nanos.getPicosOfMicro()).isEqualTo(999_000);
        LongTimestamp nanos2 = (LongTimestamp) TIMESTAMP_NANOS.getObject(decode(TIMESTAMP_NANOS, EPOCH_NANOS, "1719748800123456789"), 0);
        assertThat(nanos2.getEpochMicros()).isEqualTo(micros("2024-06-30T12:00:00.123456"));
        assertThat(nanos2.getPicosOfMicro()).isEqualTo(789_000);
        assertThat(failure(TIMESTAMP_MICROS, EPOCH_NANOS, "1719748800123456789")).isEqualTo(INEXACT);
    }

    @Test
    void testTimestampInfinity()
    {
        // adaptive mode (MicroTimestamp): the JDBC driver's constants as microseconds
        assertThat(failure(TIMESTAMP_MICROS, EPOCH_MICROS, "9223372036825200000")).isEqualTo(INFINITY);
        assertThat(failure(TIMESTAMP_MICROS, EPOCH_MICROS, "-9223372036832400000")).isEqualTo(INFINITY);
        // connect mode (Timestamp): the same instants in milliseconds, and the constants themselves
        assertThat(failure(TIMESTAMP_MILLIS, EPOCH_MILLIS, "9223372036825200")).isEqualTo(INFINITY);
        assertThat(failure(TIMESTAMP_MILLIS, EPOCH_MILLIS, "-9223372036832400")).isEqualTo(INFINITY);
        assertThat(failure(TIMESTAMP_MILLIS, EPOCH_MILLIS, "9223372036825200000")).isEqualTo(INFINITY);
        assertThat(failure(TIMESTAMP_NANOS, EPOCH_NANOS, "9223372036854775807")).isEqualTo(INFINITY);
        // timestamptz (ZonedTimestamp) and isostring mode
        assertThat(failure(TIMESTAMP_TZ_MICROS, ISO_ZONED_TIMESTAMP, "\"infinity\"")).isEqualTo(INFINITY);
        assertThat(failure(TIMESTAMP_TZ_MICROS, ISO_ZONED_TIMESTAMP, "\"-infinity\"")).isEqualTo(INFINITY);
        assertThat(failure(TIMESTAMP_MICROS, ISO_TIMESTAMP, "\"infinity\"")).isEqualTo(INFINITY);
    }

    @Test
    void testZonedTimestamp()
    {
        Block block = decode(TIMESTAMP_TZ_MICROS, ISO_ZONED_TIMESTAMP, "\"2024-06-30T19:00:00.500000Z\"");
        LongTimestampWithTimeZone value = (LongTimestampWithTimeZone) TIMESTAMP_TZ_MICROS.getObject(block, 0);
        assertThat(value.getEpochMillis()).isEqualTo(Instant.parse("2024-06-30T19:00:00.500Z").toEpochMilli());
        assertThat(value.getPicosOfMilli()).isZero();
        assertThat(value.getTimeZoneKey()).isEqualTo(TimeZoneKey.UTC_KEY.getKey());

        LongTimestampWithTimeZone micros = (LongTimestampWithTimeZone) TIMESTAMP_TZ_MICROS.getObject(decode(TIMESTAMP_TZ_MICROS, ISO_ZONED_TIMESTAMP, "\"1969-12-31T23:59:59.999999Z\""), 0);
        assertThat(micros.getEpochMillis()).isEqualTo(-1);
        assertThat(micros.getPicosOfMilli()).isEqualTo(999_000_000);

        // an offset keeps the instant and becomes the zone
        LongTimestampWithTimeZone offset = (LongTimestampWithTimeZone) TIMESTAMP_TZ_MICROS.getObject(decode(TIMESTAMP_TZ_MICROS, ISO_ZONED_TIMESTAMP, "\"2024-06-30T21:00:00+02:00\""), 0);
        assertThat(offset.getEpochMillis()).isEqualTo(Instant.parse("2024-06-30T19:00:00Z").toEpochMilli());
        assertThat(TimeZoneKey.getTimeZoneKey(offset.getTimeZoneKey()).getId()).isEqualTo("+02:00");

        long packed = TIMESTAMP_TZ_MILLIS.getLong(decode(TIMESTAMP_TZ_MILLIS, ISO_ZONED_TIMESTAMP, "\"1970-01-01T00:00:00.000000Z\""), 0);
        assertThat(unpackMillisUtc(packed)).isZero();
        assertThat(unpackZoneKey(packed)).isEqualTo(TimeZoneKey.UTC_KEY);
        assertThat(failure(TIMESTAMP_TZ_MILLIS, ISO_ZONED_TIMESTAMP, "\"2024-06-30T19:00:00.500001Z\"")).isEqualTo(INEXACT);

        // into a TIMESTAMP: the UTC wall clock of the instant
        assertThat(TIMESTAMP_MICROS.getLong(decode(TIMESTAMP_MICROS, ISO_ZONED_TIMESTAMP, "\"2024-06-30T21:00:00.25+02:00\""), 0)).isEqualTo(micros("2024-06-30T19:00:00.25"));
        assertThat(failure(TIMESTAMP_TZ_MICROS, ISO_ZONED_TIMESTAMP, "\"2024-06-31T00:00:00Z\"")).isEqualTo(MALFORMED);
        assertThat(failure(TIMESTAMP_TZ_MICROS, ISO_ZONED_TIMESTAMP, "\"2024-06-30T25:00:00Z\"")).isEqualTo(MALFORMED);
        assertThat(failure(TIMESTAMP_TZ_MICROS, ISO_ZONED_TIMESTAMP, "\"2024-06-30T12:00:00.1234567890Z\"")).isEqualTo(MALFORMED);
        assertThat(failure(TIMESTAMP_TZ_MICROS, ISO_ZONED_TIMESTAMP, "1719748800000")).isEqualTo(WRONG_TYPE);
    }

    @Test
    void testUtcHasNoDaylightSaving()
    {
        // 2024-03-31 02:30 does not exist in Europe; in UTC every wall-clock value exists exactly once
        assertThat(TIMESTAMP_MICROS.getLong(decode(TIMESTAMP_MICROS, ISO_TIMESTAMP, "\"2024-03-31T02:30:00\""), 0)).isEqualTo(micros("2024-03-31T02:30:00"));
        assertThat(TIMESTAMP_MICROS.getLong(decode(TIMESTAMP_MICROS, EPOCH_MILLIS, "1711852200000"), 0)).isEqualTo(micros("2024-03-31T02:30:00"));
    }

    @Test
    void testIsoTimestamp()
    {
        assertThat(TIMESTAMP_MICROS.getLong(decode(TIMESTAMP_MICROS, ISO_TIMESTAMP, "\"2024-02-29T23:59:59.999999Z\""), 0)).isEqualTo(micros("2024-02-29T23:59:59.999999"));
        assertThat(TIMESTAMP_MICROS.getLong(decode(TIMESTAMP_MICROS, ISO_TIMESTAMP, "\"1900-01-01T00:00\""), 0)).isEqualTo(micros("1900-01-01T00:00:00"));
        LongTimestamp nanos = (LongTimestamp) TIMESTAMP_NANOS.getObject(decode(TIMESTAMP_NANOS, ISO_TIMESTAMP, "\"1960-05-06T07:08:09.123456789\""), 0);
        assertThat(nanos.getEpochMicros()).isEqualTo(micros("1960-05-06T07:08:09.123456"));
        assertThat(nanos.getPicosOfMicro()).isEqualTo(789_000);
        assertThat(failure(TIMESTAMP_MICROS, ISO_TIMESTAMP, "\"2024-02-29 10:00:00.1234567\"")).isEqualTo(INEXACT);
        assertThat(failure(TIMESTAMP_MICROS, ISO_TIMESTAMP, "\"2024-02-29\"")).isEqualTo(MALFORMED);
        assertThat(failure(TIMESTAMP_MICROS, ISO_TIMESTAMP, "\"+999999999-01-01T00:00:00\"")).isEqualTo(OUT_OF_RANGE);
    }

    @Test
    void testPinotTimestamp()
    {
        assertThat(TIMESTAMP_MILLIS.getLong(decode(TIMESTAMP_MILLIS, PINOT_TIMESTAMP, "\"2024-06-30 12:00:00.0\""), 0)).isEqualTo(micros("2024-06-30T12:00:00"));
        assertThat(TIMESTAMP_MILLIS.getLong(decode(TIMESTAMP_MILLIS, PINOT_TIMESTAMP, "\"1969-12-31 23:59:59.999\""), 0)).isEqualTo(micros("1969-12-31T23:59:59.999"));
        assertThat(TIMESTAMP_MILLIS.getLong(decode(TIMESTAMP_MILLIS, PINOT_TIMESTAMP, "1719748800000"), 0)).isEqualTo(micros("2024-06-30T12:00:00"));
        assertThat(TIMESTAMP_MILLIS.getLong(decode(TIMESTAMP_MILLIS, PINOT_TIMESTAMP, "\"1719748800000\""), 0)).isEqualTo(micros("2024-06-30T12:00:00"));
        assertThat(failure(TIMESTAMP_MILLIS, PINOT_TIMESTAMP, "\"2024-06-30 12:00:00.0001\"")).isEqualTo(INEXACT);
        assertThat(failure(TIMESTAMP_MILLIS, PINOT_TIMESTAMP, "\"yesterday\"")).isEqualTo(MALFORMED);
    }

    @Test
    void testTimeOfDay()
    {
        TimeType timeMillis = createTimeType(3);
        TimeType timeMicros = createTimeType(6);
        TimeType timeNanos = createTimeType(9);
        assertThat(timeMillis.getLong(decode(timeMillis, MILLIS_OF_DAY, "45296789"), 0)).isEqualTo(picos("12:34:56.789"));
        assertThat(timeMicros.getLong(decode(timeMicros, MICROS_OF_DAY, "86399999999"), 0)).isEqualTo(picos("23:59:59.999999"));
        assertThat(timeMicros.getLong(decode(timeMicros, MICROS_OF_DAY, "0"), 0)).isZero();
        assertThat(timeNanos.getLong(decode(timeNanos, NANOS_OF_DAY, "1"), 0)).isEqualTo(1000);
        // time '24:00:00' (PostgreSQL allows it) is no time of day
        assertThat(failure(timeMicros, MICROS_OF_DAY, "86400000000")).isEqualTo(OUT_OF_RANGE);
        assertThat(failure(timeMicros, MICROS_OF_DAY, "-1")).isEqualTo(OUT_OF_RANGE);
        assertThat(failure(timeMillis, MICROS_OF_DAY, "1")).isEqualTo(INEXACT);

        assertThat(timeMicros.getLong(decode(timeMicros, ISO_TIME, "\"10:15:30.5Z\""), 0)).isEqualTo(picos("10:15:30.5"));
        assertThat(timeMicros.getLong(decode(timeMicros, ISO_TIME, "\"10:15\""), 0)).isEqualTo(picos("10:15:00"));
        assertThat(failure(timeMicros, ISO_TIME, "\"24:00:00\"")).isEqualTo(OUT_OF_RANGE);
        assertThat(failure(timeMicros, ISO_TIME, "\"10:60:00\"")).isEqualTo(MALFORMED);
    }

    @Test
    void testZonedTime()
    {
        TimeType time = createTimeType(6);
        // Debezium writes timetz in UTC: nothing moves
        assertThat(time.getLong(decode(time, ISO_ZONED_TIME, "\"10:15:30.123456Z\""), 0)).isEqualTo(picos("10:15:30.123456"));
        // with an offset, TIME shows the UTC time of day, wrapping around midnight
        assertThat(time.getLong(decode(time, ISO_ZONED_TIME, "\"01:00:00+02:00\""), 0)).isEqualTo(picos("23:00:00"));
        assertThat(time.getLong(decode(time, ISO_ZONED_TIME, "\"23:30:00-01:00\""), 0)).isEqualTo(picos("00:30:00"));

        TimeWithTimeZoneType timeTz = createTimeWithTimeZoneType(6);
        long packed = timeTz.getLong(decode(timeTz, ISO_ZONED_TIME, "\"01:00:00.25+02:00\""), 0);
        assertThat(unpackTimeNanos(packed)).isEqualTo(picos("01:00:00.25") / 1000);
        assertThat(unpackOffsetMinutes(packed)).isEqualTo(120);
        TimeWithTimeZoneType timeTzPicos = createTimeWithTimeZoneType(12);
        LongTimeWithTimeZone longValue = (LongTimeWithTimeZone) timeTzPicos.getObject(decode(timeTzPicos, ISO_ZONED_TIME, "\"01:00:00.123456789Z\""), 0);
        assertThat(longValue.getPicoseconds()).isEqualTo(picos("01:00:00.123456789"));
        assertThat(longValue.getOffsetMinutes()).isZero();
        assertThat(failure(time, ISO_ZONED_TIME, "\"01:00:00+19:00\"")).isEqualTo(MALFORMED);
    }

    @Test
    void testDurations()
    {
        // MicroDuration: 1 day 2 hours 3.5 seconds
        assertThat(INTERVAL_DAY_TO_SECOND.getLong(decode(INTERVAL_DAY_TO_SECOND, MICRO_DURATION, "93603500000"), 0)).isEqualTo(93_603_500L);
        assertThat(INTERVAL_DAY_TO_SECOND.getLong(decode(INTERVAL_DAY_TO_SECOND, MICRO_DURATION, "-1000"), 0)).isEqualTo(-1);
        assertThat(failure(INTERVAL_DAY_TO_SECOND, MICRO_DURATION, "1500")).isEqualTo(INEXACT);
        assertThat(BIGINT.getLong(decode(BIGINT, MICRO_DURATION, "1500"), 0)).isEqualTo(1500);

        // Debezium Interval strings
        assertThat(INTERVAL_DAY_TO_SECOND.getLong(decode(INTERVAL_DAY_TO_SECOND, ISO_INTERVAL, "\"P0Y0M3DT4H5M6.78S\""), 0))
                .isEqualTo(((3 * 24 + 4) * 60 + 5) * 60_000L + 6_780);
        assertThat(INTERVAL_DAY_TO_SECOND.getLong(decode(INTERVAL_DAY_TO_SECOND, ISO_INTERVAL, "\"P0Y0M-1DT0H0M-0.5S\""), 0)).isEqualTo(-86_400_500L);
        assertThat(failure(INTERVAL_DAY_TO_SECOND, ISO_INTERVAL, "\"P1Y2M3DT4H5M6.78S\"")).isEqualTo(OUT_OF_RANGE);
        assertThat(failure(INTERVAL_DAY_TO_SECOND, ISO_INTERVAL, "\"PT0.0001S\"")).isEqualTo(INEXACT);
        assertThat(VARCHAR.getSlice(decode(VARCHAR, ISO_INTERVAL, "\"P1Y2M3DT4H5M6.78S\""), 0).toStringUtf8()).isEqualTo("P1Y2M3DT4H5M6.78S");
        assertThat(failure(VARCHAR, ISO_INTERVAL, "\"1 year\"")).isEqualTo(MALFORMED);
        assertThat(failure(VARCHAR, ISO_INTERVAL, "\"P\"")).isEqualTo(MALFORMED);
        assertThat(failure(VARCHAR, ISO_INTERVAL, "\"P1.5D\"")).isEqualTo(MALFORMED);
    }

    private static long micros(String localDateTime)
    {
        Instant instant = LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC);
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }

    private static long picos(String localTime)
    {
        return LocalTime.parse(localTime).toNanoOfDay() * 1000;
    }
}

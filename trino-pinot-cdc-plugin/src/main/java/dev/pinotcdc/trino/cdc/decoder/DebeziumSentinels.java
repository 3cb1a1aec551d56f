package dev.pinotcdc.trino.cdc.decoder;

import io.trino.spi.type.DateType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TimestampWithTimeZoneType;
import io.trino.spi.type.Type;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Values Debezium writes in place of data it cannot or does not send. None of them may come out as data.
 *
 * <p>PostgreSQL 'infinity' and '-infinity' reach the JSON as follows (Debezium 3.x PostgreSQL connector):
 * <ul>
 * <li>timestamptz (ZonedTimestamp, all time modes but structured): the strings "infinity" and "-infinity".</li>
 * <li>timestamp in adaptive / adaptive_time_microseconds mode (MicroTimestamp, epoch micros): the PostgreSQL JDBC
 *     driver's constants 9223372036825200000 and -9223372036832400000, read as microseconds.</li>
 * <li>timestamp in connect mode (Timestamp, epoch millis): the same instants in milliseconds, 9223372036825200 and
 *     -9223372036832400; Debezium's documentation names the driver constants themselves, which are accepted too.</li>
 * <li>NanoTimestamp: Long.MAX_VALUE / Long.MIN_VALUE (newer Debezium clamps the overflowing nanos).</li>
 * <li>date (epoch days, connect and adaptive modes): the day of Debezium's infinity LocalDate constants:
 *     -2147472692 ("-5877611-06-21", +infinity in 3.x), -2147472691 ("-5877611-06-22", -infinity) and, after
 *     Debezium's fix of the sign, 2146033979 ("+5877611-06-21"); Integer.MAX_VALUE / MIN_VALUE as well. A snapshot
 *     reads the date over JDBC as java.sql.Date of the driver's infinity constants, whose epoch day (year 292 million)
 *     Debezium narrows to an int: -622191234 for +infinity and -625821272 for -infinity in UTC, one day either side
 *     in other JVM time zones (years -1,701,532 and -1,711,471, seen from real Debezium 3.6.1 snapshots).</li>
 * <li>isostring mode and ISO strings generally: "infinity", "+infinity", "-infinity".</li>
 * </ul>
 * Every one of these lies far outside any real data (years beyond 200,000 or before -5,000,000), so reading them as
 * infinity cannot hide a real value.
 */
public final class DebeziumSentinels
{
    public static final String UNAVAILABLE_VALUE = "__debezium_unavailable_value";

    private static final byte[] UNAVAILABLE_VALUE_BYTES = UNAVAILABLE_VALUE.getBytes(StandardCharsets.UTF_8);

    // org.postgresql.PGStatement.DATE_POSITIVE_INFINITY / DATE_NEGATIVE_INFINITY
    static final long PG_POSITIVE_INFINITY = 9223372036825200000L;
    static final long PG_NEGATIVE_INFINITY = -9223372036832400000L;

    /** What Debezium sends for PostgreSQL's infinite timestamps as epoch microseconds (and what the templates store). */
    public static final long POSTGRES_POSITIVE_INFINITY = PG_POSITIVE_INFINITY;
    public static final long POSTGRES_NEGATIVE_INFINITY = PG_NEGATIVE_INFINITY;

    /** Every epoch value {@link #isInfinityEpoch} takes, ascending. */
    public static final List<Long> INFINITY_EPOCHS = List.of(Long.MIN_VALUE, PG_NEGATIVE_INFINITY, PG_NEGATIVE_INFINITY / 1000, PG_POSITIVE_INFINITY / 1000, PG_POSITIVE_INFINITY, Long.MAX_VALUE);

    /** Every epoch day {@link #isInfinityEpochDay} takes, ascending. */
    public static final List<Long> INFINITY_EPOCH_DAYS = List.of(
            (long) Integer.MIN_VALUE, -2147472692L, -2147472691L,
            -625821273L, -625821272L, -625821271L, -622191235L, -622191234L, -622191233L,
            2146033979L, (long) Integer.MAX_VALUE);

    private DebeziumSentinels() {}

    public static boolean isUnavailable(String text)
    {
        return text.length() == UNAVAILABLE_VALUE.length() && text.equals(UNAVAILABLE_VALUE);
    }

    public static boolean isUnavailable(byte[] bytes)
    {
        return bytes.length == UNAVAILABLE_VALUE_BYTES.length && Arrays.equals(bytes, UNAVAILABLE_VALUE_BYTES);
    }

    public static boolean isInfinityText(String text)
    {
        return switch (text) {
            case "infinity", "+infinity", "-infinity", "Infinity", "+Infinity", "-Infinity" -> true;
            default -> false;
        };
    }

    /** An epoch value in milliseconds, microseconds or nanoseconds that stands for +/- infinity. */
    public static boolean isInfinityEpoch(long value)
    {
        return value == PG_POSITIVE_INFINITY
                || value == PG_NEGATIVE_INFINITY
                || value == PG_POSITIVE_INFINITY / 1000
                || value == PG_NEGATIVE_INFINITY / 1000
                || value == Long.MAX_VALUE
                || value == Long.MIN_VALUE;
    }

    /**
     * The whole numbers that stand for an infinity in a value of this type, as the decoders read them: epoch days for
     * DATE, epoch numbers in any unit for timestamps; none for other types.
     */
    public static List<Long> infinityStandIns(Type type)
    {
        if (type == DateType.DATE) {
            return INFINITY_EPOCH_DAYS;
        }
        if (type instanceof TimestampType || type instanceof TimestampWithTimeZoneType) {
            return INFINITY_EPOCHS;
        }
        return List.of();
    }

    public static boolean isInfinityEpochDay(long epochDay)
    {
        return INFINITY_EPOCH_DAYS.contains(epochDay);
    }
}

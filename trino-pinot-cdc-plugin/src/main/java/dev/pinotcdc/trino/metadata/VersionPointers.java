package dev.pinotcdc.trino.metadata;

import io.airlift.slice.Slice;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorTableVersion;
import io.trino.spi.type.LongTimestamp;
import io.trino.spi.type.LongTimestampWithTimeZone;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TimestampWithTimeZoneType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.trino.spi.StandardErrorCode.INVALID_ARGUMENTS;
import static io.trino.spi.StandardErrorCode.NOT_SUPPORTED;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DateTimeEncoding.unpackMillisUtc;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TinyintType.TINYINT;
import static java.lang.Math.floorDiv;

/**
 * What {@code FOR TIMESTAMP AS OF} and {@code FOR VERSION AS OF} point at, as the numbers a CDC table keeps: epoch
 * milliseconds for the event time, Debezium's LSN for the version.
 */
final class VersionPointers
{
    /** PostgreSQL writes an LSN as two hexadecimal halves, {@code 16/B374D848}. */
    private static final Pattern POSTGRES_LSN = Pattern.compile("([0-9A-Fa-f]{1,8})/([0-9A-Fa-f]{1,8})");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,19}");

    private VersionPointers() {}

    /**
     * The newest epoch millisecond at or before the moment; a TIMESTAMP without a time zone, or a DATE (its first
     * moment), is in the session's zone, as everywhere in Trino.
     */
    static long epochMillis(ConnectorTableVersion version, ZoneId sessionZone)
    {
        Type type = version.getVersionType();
        Object value = version.getVersion();
        if (type instanceof TimestampWithTimeZoneType withZone) {
            return withZone.isShort() ? unpackMillisUtc((long) value) : ((LongTimestampWithTimeZone) value).getEpochMillis();
        }
        if (type instanceof TimestampType timestamp) {
            long epochMicros = timestamp.isShort() ? (long) value : ((LongTimestamp) value).getEpochMicros();
            LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(floorDiv(epochMicros, 1000)), ZoneOffset.UTC);
            return local.atZone(sessionZone).toInstant().toEpochMilli();
        }
        if (type.equals(DATE)) {
            // as CAST(date AS TIMESTAMP): the day's first moment, in the session's zone
            return LocalDate.ofEpochDay((long) value).atStartOfDay(sessionZone).toInstant().toEpochMilli();
        }
        throw new TrinoException(NOT_SUPPORTED, "FOR TIMESTAMP AS OF takes a TIMESTAMP, a TIMESTAMP WITH TIME ZONE or a DATE, not " + type.getDisplayName());
    }

    /** A version as a number: an integer, or text holding a decimal number or a PostgreSQL LSN ({@code 16/B374D848}). */
    static long versionNumber(ConnectorTableVersion version)
    {
        Type type = version.getVersionType();
        Object value = version.getVersion();
        long number;
        if (type.equals(BIGINT) || type.equals(INTEGER) || type.equals(SMALLINT) || type.equals(TINYINT)) {
            number = (long) value;
        }
        else if (type instanceof VarcharType) {
            number = parseVersion(((Slice) value).toStringUtf8());
        }
        else {
            throw new TrinoException(NOT_SUPPORTED, "FOR VERSION AS OF takes an integer or text (a number or a PostgreSQL LSN such as '16/B374D848'), not " + type.getDisplayName());
        }
        if (number < 0) {
            throw new TrinoException(INVALID_ARGUMENTS, "A version (Debezium's LSN) is not negative: " + number);
        }
        return number;
    }

    private static long parseVersion(String text)
    {
        String trimmed = text.strip();
        Matcher lsn = POSTGRES_LSN.matcher(trimmed);
        if (lsn.matches() && Long.parseLong(lsn.group(1), 16) <= Integer.MAX_VALUE) {
            return (Long.parseLong(lsn.group(1), 16) << 32) | Long.parseLong(lsn.group(2), 16);
        }
        if (DECIMAL.matcher(trimmed).matches()) {
            try {
                return Long.parseLong(trimmed);
            }
            catch (NumberFormatException ignored) {
                // beyond a BIGINT: reported below
            }
        }
        throw new TrinoException(INVALID_ARGUMENTS, "Not a version: '%s'; FOR VERSION AS OF takes Debezium's LSN as a number or as PostgreSQL writes it ('16/B374D848')"
                .formatted(trimmed.length() > 100 ? trimmed.substring(0, 100) + "..." : trimmed));
    }
}

package dev.pinotcdc.trino;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trino.spi.type.SqlVarbinary;
import org.postgresql.util.PGInterval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * What each PostgreSQL column type of the workload becomes in Trino, and how a PostgreSQL value and a Trino value
 * are brought to one comparable Java value. PostgreSQL values are read as text (or as the driver's own PGInterval,
 * bytes and arrays), never through JDBC's time-zone-dependent date and time classes.
 * <p>
 * Where the pipeline genuinely loses information, the expected value is PostgreSQL's value reduced by exactly that
 * loss, and {@link #normalisation()} says so; everything else is compared as it is.
 */
record PostgresTypeParity(
        String postgresType,
        Function<ParityCaptureMode, String> trinoType,
        String selectExpression,
        ExpectedValue expected,
        Function<Object, Object> actual,
        String normalisation)
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    // Debezium's MicroDuration counts a month as 365.25 / 12 days
    private static final BigDecimal MICROS_PER_MONTH = new BigDecimal("30.4375").multiply(BigDecimal.valueOf(86_400_000_000L));

    PostgresTypeParity
    {
        requireNonNull(postgresType, "postgresType is null");
        requireNonNull(trinoType, "trinoType is null");
        requireNonNull(selectExpression, "selectExpression is null");
        requireNonNull(expected, "expected is null");
        requireNonNull(actual, "actual is null");
        requireNonNull(normalisation, "normalisation is null");
    }

    @FunctionalInterface
    interface ExpectedValue
    {
        /** The comparable value of a non-null PostgreSQL cell. */
        Object read(ResultSet resultSet, String column, ParityCaptureMode mode)
                throws SQLException;
    }

    /** The comparable value of a PostgreSQL cell, null for SQL NULL. */
    Object expectedValue(ResultSet resultSet, String column, ParityCaptureMode mode)
            throws SQLException
    {
        resultSet.getObject(column);
        if (resultSet.wasNull()) {
            return null;
        }
        return expected.read(resultSet, column, mode);
    }

    /** The comparable value of a Trino cell, null for SQL NULL. */
    Object actualValue(Object trinoValue)
    {
        return trinoValue == null ? null : actual.apply(trinoValue);
    }

    /** The expression that selects the column in PostgreSQL, aliased to the column's name. */
    String select(String column)
    {
        return selectExpression.formatted(column) + " AS " + column;
    }

    static boolean sameValue(Object expected, Object actual)
    {
        return Objects.deepEquals(expected, actual);
    }

    private static final Map<String, PostgresTypeParity> TYPES = types();

    static PostgresTypeParity of(String postgresType)
    {
        PostgresTypeParity parity = TYPES.get(postgresType);
        if (parity == null) {
            throw new IllegalArgumentException("No parity rule for PostgreSQL type " + postgresType);
        }
        return parity;
    }

    static List<PostgresTypeParity> all()
    {
        return List.copyOf(TYPES.values());
    }

    private static Map<String, PostgresTypeParity> types()
    {
        Map<String, PostgresTypeParity> types = new LinkedHashMap<>();
        add(types, same("smallint", "smallint", (rs, c, m) -> Short.valueOf(rs.getString(c)), "exact"));
        add(types, same("integer", "integer", (rs, c, m) -> Integer.valueOf(rs.getString(c)), "exact"));
        add(types, same("bigint", "bigint", (rs, c, m) -> Long.valueOf(rs.getString(c)), "exact"));
        add(types, same("real", "real", (rs, c, m) -> Float.valueOf(rs.getString(c)), "exact, bit for bit (Float.equals: -0 differs from 0)"));
        add(types, same("double precision", "double", (rs, c, m) -> Double.valueOf(rs.getString(c)), "exact, bit for bit (Double.equals)"));
        add(types, decimal("numeric(20,5)", "decimal(20,5)"));
        add(types, decimal("numeric(38,10)", "decimal(38,10)"));
        add(types, decimal("numeric(18,4)", "decimal(18,4)"));
        add(types, new PostgresTypeParity("numeric", _ -> "varchar", "%s", (rs, c, m) -> variableScaleText(rs.getString(c), m), Function.identity(),
                "unconstrained numeric has no fixed scale: VARCHAR. string: PostgreSQL's text digit for digit; precise: Debezium strips "
                        + "trailing fraction zeros before its VariableScaleDecimal (0.090 -> 0.09, a genuine loss of the scale, not of the value), "
                        + "so PostgreSQL's value with trailing zeros stripped, digit for digit"));
        add(types, same("boolean", "boolean", (rs, c, m) -> rs.getBoolean(c), "exact"));
        add(types, same("text", "varchar", (rs, c, m) -> rs.getString(c), "exact"));
        add(types, same("varchar(32)", "varchar", (rs, c, m) -> rs.getString(c), "exact (Debezium's schema carries no length: unbounded varchar)"));
        add(types, same("varchar(64)", "varchar", (rs, c, m) -> rs.getString(c), "exact (Debezium's schema carries no length: unbounded varchar)"));
        add(types, same("char(8)", "varchar", (rs, c, m) -> rs.getString(c), "exact, blank padding included"));
        add(types, new PostgresTypeParity("bytea", _ -> "varbinary", "%s", (rs, c, m) -> rs.getBytes(c), PostgresTypeParity::bytes, "exact bytes"));
        add(types, same("date", "date", (rs, c, m) -> LocalDate.parse(rs.getString(c)), "exact (proleptic Gregorian on both sides)"));
        add(types, new PostgresTypeParity("time(6)", mode -> mode.connectTime() ? "time(3)" : "time(6)", "%s",
                (rs, c, m) -> millisInConnectMode(LocalTime.parse(rs.getString(c)), m), Function.identity(),
                "adaptive: exact TIME(6); connect: Debezium sends millis of day, so PostgreSQL's value truncated to milliseconds"));
        add(types, same("time(3)", "time(3)", (rs, c, m) -> LocalTime.parse(rs.getString(c)), "exact"));
        add(types, new PostgresTypeParity("timetz", _ -> "time(6)", "%s", (rs, c, m) -> utcTimeOfDay(rs.getString(c)), Function.identity(),
                "Debezium sends ZonedTime in UTC (the original offset is lost): PostgreSQL's time shifted to UTC"));
        add(types, new PostgresTypeParity("timestamp(6)", mode -> mode.connectTime() ? "timestamp(3)" : "timestamp(6)", "%s",
                (rs, c, m) -> millisInConnectMode(LocalDateTime.parse(rs.getString(c).replace(' ', 'T')), m), Function.identity(),
                "adaptive: exact TIMESTAMP(6); connect: Debezium sends epoch millis, so PostgreSQL's value truncated (floored) to milliseconds"));
        add(types, same("timestamp(3)", "timestamp(3)", (rs, c, m) -> LocalDateTime.parse(rs.getString(c).replace(' ', 'T')), "exact"));
        add(types, new PostgresTypeParity("timestamptz", _ -> "timestamp(6) with time zone", "%s",
                (rs, c, m) -> instant(rs.getString(c)), value -> ((ZonedDateTime) value).toInstant(),
                "the same instant, to the microsecond (Debezium sends ISO-8601 in UTC; PostgreSQL keeps no offset either)"));
        add(types, new PostgresTypeParity("interval", _ -> "bigint", "%s",
                (rs, c, m) -> debeziumDurationMicros((PGInterval) rs.getObject(c)), Function.identity(),
                "microseconds, as Debezium's MicroDuration: a month counts 30.4375 days (Debezium's approximation, a genuine loss: "
                        + "'1 mon' and '30 days 10:30' become equal); computed exactly here, and Debezium computes in double, "
                        + "so the exact value +-1 microsecond is accepted. BIGINT because Trino's INTERVAL DAY TO SECOND holds milliseconds"));
        add(types, json("json"));
        add(types, json("jsonb"));
        add(types, new PostgresTypeParity("uuid", _ -> "uuid", "%s", (rs, c, m) -> UUID.fromString(rs.getString(c)), value -> UUID.fromString(value.toString()), "exact"));
        add(types, same("wl_mood", "varchar", (rs, c, m) -> rs.getString(c), "exact label"));
        add(types, bits("bit(8)"));
        add(types, bits("varbit(16)"));
        add(types, new PostgresTypeParity("text[]", _ -> "array(varchar)", "%s", (rs, c, m) -> array(rs.getArray(c)), Function.identity(),
                "element for element, EXCEPT what Pinot 0.11 ingestion does to arrays: it drops NULL elements, and an array left empty becomes NULL"));
        add(types, new PostgresTypeParity("integer[]", _ -> "array(integer)", "%s", (rs, c, m) -> array(rs.getArray(c)), Function.identity(),
                "element for element, EXCEPT what Pinot 0.11 ingestion does to arrays: it drops NULL elements, and an array left empty becomes NULL"));
        add(types, new PostgresTypeParity("money", mode -> mode.preciseDecimals() ? "decimal(38,2)" : "varchar", "%s::numeric",
                (rs, c, m) -> m.preciseDecimals() ? new BigDecimal(rs.getString(c)) : rs.getString(c), Function.identity(),
                "PostgreSQL's money as numeric (its locale-free value); precise: DECIMAL(38,2) (Debezium gives money scale 2, no precision); string: its text"));
        return types;
    }

    private static void add(Map<String, PostgresTypeParity> types, PostgresTypeParity parity)
    {
        types.put(parity.postgresType(), parity);
    }

    private static PostgresTypeParity same(String postgresType, String trinoType, ExpectedValue expected, String normalisation)
    {
        return new PostgresTypeParity(postgresType, _ -> trinoType, "%s", expected, Function.identity(), normalisation);
    }

    private static PostgresTypeParity decimal(String postgresType, String trinoType)
    {
        return new PostgresTypeParity(postgresType, mode -> mode.preciseDecimals() ? trinoType : "varchar", "%s",
                (rs, c, m) -> m.preciseDecimals() ? new BigDecimal(rs.getString(c)) : rs.getString(c), Function.identity(),
                "precise: DECIMAL(p,s), equal with its scale (BigDecimal.equals); string: VARCHAR equal to PostgreSQL's text");
    }

    private static PostgresTypeParity json(String postgresType)
    {
        return new PostgresTypeParity(postgresType, _ -> "json", "%s", (rs, c, m) -> canonicalJson(rs.getString(c)), value -> canonicalJson((String) value),
                "semantically: same structure, object keys in any order, numbers equal by value (1.50 = 1.5)");
    }

    private static PostgresTypeParity bits(String postgresType)
    {
        return new PostgresTypeParity(postgresType, _ -> "varbinary", "%s", (rs, c, m) -> new BigInteger("0" + rs.getString(c), 2), PostgresTypeParity::littleEndianNumber,
                "as the unsigned number the bit string spells (first bit most significant); Debezium's Bits are that number's little-endian bytes, "
                        + "so a varbit's leading zeros (its length) cannot survive");
    }

    private static <T extends Temporal> Object millisInConnectMode(T value, ParityCaptureMode mode)
    {
        if (!mode.connectTime()) {
            return value;
        }
        return switch (value) {
            case LocalTime time -> time.truncatedTo(ChronoUnit.MILLIS);
            case LocalDateTime dateTime -> dateTime.truncatedTo(ChronoUnit.MILLIS);
            default -> throw new IllegalArgumentException("not a local time: " + value);
        };
    }

    private static String variableScaleText(String text, ParityCaptureMode mode)
    {
        if (!mode.preciseDecimals()) {
            return text;
        }
        BigDecimal stripped = new BigDecimal(text).stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static LocalTime utcTimeOfDay(String text)
    {
        int sign = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
        LocalTime local = LocalTime.parse(text.substring(0, sign));
        ZoneOffset offset = ZoneOffset.of(text.substring(sign));
        return local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
    }

    private static Instant instant(String text)
    {
        // PostgreSQL writes "2038-01-19 03:14:08+00" or "...+05:30"
        String iso = text.replace(' ', 'T');
        int sign = Math.max(iso.lastIndexOf('+'), iso.lastIndexOf('-'));
        if (iso.length() - sign == 3) {
            iso += ":00";
        }
        return OffsetDateTime.parse(iso).toInstant();
    }

    /** The accepted microsecond counts: the exact MicroDuration, +-1 for Debezium's double arithmetic. */
    private static Object debeziumDurationMicros(PGInterval interval)
    {
        BigDecimal micros = MICROS_PER_MONTH.multiply(BigDecimal.valueOf(interval.getYears() * 12L + interval.getMonths()))
                .add(BigDecimal.valueOf((((interval.getDays() * 24L + interval.getHours()) * 60 + interval.getMinutes()) * 60 + interval.getWholeSeconds()) * 1_000_000L
                        + interval.getMicroSeconds()));
        long floor = micros.setScale(0, RoundingMode.FLOOR).longValueExact();
        long ceiling = micros.setScale(0, RoundingMode.CEILING).longValueExact();
        return new LongRange(floor - 1, ceiling + 1);
    }

    /** An expected number known within a range: equal to any Long in it. */
    record LongRange(long low, long high)
    {
        @Override
        public boolean equals(Object other)
        {
            if (other instanceof Long value) {
                return low <= value && value <= high;
            }
            return other instanceof LongRange range && range.low == low && range.high == high;
        }

        @Override
        public int hashCode()
        {
            return Long.hashCode(low);
        }

        @Override
        public String toString()
        {
            return "%s..%s".formatted(low, high);
        }
    }

    private static List<Object> array(Array array)
            throws SQLException
    {
        // known Pinot 0.11 limitation: its JSON ingestion drops the NULL elements of an array in "after", and
        // turns an array left empty into NULL, before any transform runs
        List<Object> elements = new ArrayList<>(Arrays.asList((Object[]) array.getArray()));
        elements.removeIf(Objects::isNull);
        return elements.isEmpty() ? null : elements;
    }

    private static Object bytes(Object value)
    {
        return value instanceof SqlVarbinary varbinary ? varbinary.getBytes() : value;
    }

    private static BigInteger littleEndianNumber(Object value)
    {
        byte[] bytes = ((byte[]) bytes(value)).clone();
        for (int i = 0; i < bytes.length / 2; i++) {
            byte swap = bytes[i];
            bytes[i] = bytes[bytes.length - 1 - i];
            bytes[bytes.length - 1 - i] = swap;
        }
        return new BigInteger(1, bytes);
    }

    /** JSON as plain Java values: maps (key order ignored), lists, numbers as BigDecimal without trailing zeros. */
    static Object canonicalJson(String text)
    {
        try {
            return canonical(JSON.readTree(text));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + text, e);
        }
    }

    private static Object canonical(JsonNode node)
    {
        if (node.isObject()) {
            Map<String, Object> object = new HashMap<>();
            node.properties().forEach(entry -> object.put(entry.getKey(), canonical(entry.getValue())));
            return object;
        }
        if (node.isArray()) {
            List<Object> array = new ArrayList<>();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros();
        }
        if (node.isNull()) {
            return JsonNull.INSTANCE;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.textValue();
    }

    /** A JSON null inside a document, unlike a SQL NULL. */
    enum JsonNull
    {
        INSTANCE
    }
}

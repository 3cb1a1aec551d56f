package dev.pinotcdc.trino.fuzz;

import dev.pinotcdc.trino.fuzz.FuzzColumn.Kind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SQL literals for a column: each value the data holds (as Trino's text of it), its neighbours (one step up and
 * down, a character more or less, the other case) and the type's edge values.
 */
final class Literals
{
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    private static final BigInteger MIN_BIGINT = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_BIGINT = BigInteger.valueOf(Long.MAX_VALUE);

    private Literals() {}

    static List<String> of(String trinoType, Kind kind, List<String> values)
    {
        Set<String> literals = new LinkedHashSet<>();
        for (String value : values) {
            try {
                add(literals, trinoType, kind, value);
            }
            catch (RuntimeException e) {
                // a value whose neighbour cannot be written (beyond the type's range): the value itself is enough
                literals.add(literal(trinoType, kind, value));
            }
        }
        edges(trinoType, kind).forEach(literals::add);
        return new ArrayList<>(literals);
    }

    private static void add(Set<String> literals, String trinoType, Kind kind, String value)
    {
        literals.add(literal(trinoType, kind, value));
        switch (kind) {
            case INTEGER -> {
                BigInteger number = new BigInteger(value);
                for (BigInteger neighbour : List.of(number.add(BigInteger.ONE), number.subtract(BigInteger.ONE))) {
                    if (neighbour.compareTo(MIN_BIGINT) > 0 && neighbour.compareTo(MAX_BIGINT) <= 0) {
                        // a bare number: beyond the column's type it becomes a BIGINT comparison
                        literals.add(neighbour.toString());
                    }
                }
            }
            case DECIMAL -> {
                BigDecimal number = new BigDecimal(value);
                literals.add(number.add(new BigDecimal("0.001")).toPlainString());
                literals.add(number.subtract(BigDecimal.ONE).toPlainString());
            }
            case TEXT -> {
                literals.add(text(value + " "));
                literals.add(text(value + "a"));
                literals.add(text(value.toUpperCase(Locale.ROOT)));
                literals.add(text(value.toLowerCase(Locale.ROOT)));
                if (!value.isEmpty()) {
                    literals.add(text(value.substring(0, value.offsetByCodePoints(value.length(), -1))));
                }
            }
            case DATE -> {
                LocalDate date = LocalDate.parse(value);
                literals.add(dateLiteral(date.plusDays(1)));
                literals.add(dateLiteral(date.minusDays(1)));
            }
            case TIMESTAMP -> {
                LocalDateTime timestamp = LocalDateTime.parse(value.replace(' ', 'T'));
                literals.add(timestampLiteral(timestamp.plusNanos(1000), ""));
                literals.add(timestampLiteral(timestamp.minusNanos(1000), ""));
                literals.add(timestampLiteral(timestamp.plusDays(1), ""));
            }
            case TIMESTAMP_TZ -> {
                String local = value.substring(0, value.lastIndexOf(' '));
                String zone = value.substring(value.lastIndexOf(' '));
                LocalDateTime timestamp = LocalDateTime.parse(local.replace(' ', 'T'));
                literals.add(timestampLiteral(timestamp.plusNanos(1000), zone));
                literals.add(timestampLiteral(timestamp.minusNanos(1000), zone));
            }
            case TIME -> {
                LocalTime time = LocalTime.parse(value);
                if (!time.equals(LocalTime.MAX.withNano(999_999_000))) {
                    literals.add("TIME '%s'".formatted(time.plusNanos(1000).format(TIME)));
                }
                if (!time.equals(LocalTime.MIDNIGHT)) {
                    literals.add("TIME '%s'".formatted(time.minusNanos(1000).format(TIME)));
                }
            }
            case UUID -> literals.add("UUID '%s'".formatted(value.toUpperCase(Locale.ROOT)));
            default -> {}
        }
    }

    static String literal(String trinoType, Kind kind, String value)
    {
        return switch (kind) {
            case INTEGER, FLOATING -> "%s '%s'".formatted(trinoType.toUpperCase(Locale.ROOT), value);
            case DECIMAL -> "DECIMAL '%s'".formatted(value);
            case BOOLEAN -> value;
            case TEXT, JSON -> text(value);
            case DATE -> "DATE '%s'".formatted(value);
            case TIMESTAMP, TIMESTAMP_TZ -> "TIMESTAMP '%s'".formatted(value);
            case TIME -> "TIME '%s'".formatted(value);
            case UUID -> "UUID '%s'".formatted(value);
            case BYTES -> "X'%s'".formatted(value);
        };
    }

    static String text(String value)
    {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String dateLiteral(LocalDate date)
    {
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new IllegalArgumentException("year out of range");
        }
        return "DATE '%s'".formatted(date);
    }

    private static String timestampLiteral(LocalDateTime timestamp, String zone)
    {
        if (timestamp.getYear() < 1 || timestamp.getYear() > 9999) {
            throw new IllegalArgumentException("year out of range");
        }
        return "TIMESTAMP '%s%s'".formatted(timestamp.format(TIMESTAMP), zone);
    }

    private static List<String> edges(String trinoType, Kind kind)
    {
        return switch (kind) {
            case INTEGER -> List.of("0", "-1", "2147483647", "-2147483648", "BIGINT '9223372036854775807'", "BIGINT '-9223372036854775808'");
            case FLOATING -> {
                String type = trinoType.toUpperCase(Locale.ROOT);
                yield List.of(type + " 'NaN'", type + " 'Infinity'", type + " '-Infinity'", type + " '-0'", type + " '0'", "1.5");
            }
            case DECIMAL -> List.of("0", "DECIMAL '-0.001'", "1e3");
            case BOOLEAN -> List.of("true", "false");
            case TEXT -> List.of("''", "' '", "'\uFFFF'", "'\uD83D\uDE00'", "'a'", "'A'");
            case DATE -> List.of("DATE '0001-01-01'", "DATE '9999-12-31'", "DATE '1970-01-01'", "DATE '1969-12-31'");
            case TIMESTAMP -> List.of("TIMESTAMP '0001-01-01 00:00:00.000000'", "TIMESTAMP '9999-12-31 23:59:59.999999'", "TIMESTAMP '1970-01-01 00:00:00.000000'",
                    "TIMESTAMP '1969-12-31 23:59:59.999999'");
            case TIMESTAMP_TZ -> List.of("TIMESTAMP '1970-01-01 00:00:00.000000 UTC'", "TIMESTAMP '9999-12-31 23:59:59.999999 UTC'", "TIMESTAMP '1970-01-01 05:30:00 +05:30'");
            case TIME -> List.of("TIME '00:00:00.000000'", "TIME '23:59:59.999999'");
            case UUID -> List.of("UUID '00000000-0000-0000-0000-000000000000'");
            case BYTES -> List.of("X''", "X'00'");
            case JSON -> List.of();
        };
    }
}

package dev.pinotcdc.trino.templates;

import java.util.Arrays;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * The Debezium connector settings that decide how PostgreSQL types are encoded, hence the types of promoted columns.
 */
public record DebeziumSettings(TimePrecisionMode timePrecisionMode, DecimalHandlingMode decimalHandlingMode)
{
    /** Debezium's defaults. */
    public static final DebeziumSettings DEFAULTS = new DebeziumSettings(TimePrecisionMode.ADAPTIVE, DecimalHandlingMode.PRECISE);

    public DebeziumSettings
    {
        requireNonNull(timePrecisionMode, "timePrecisionMode is null");
        requireNonNull(decimalHandlingMode, "decimalHandlingMode is null");
    }

    /** Debezium's {@code time.precision.mode}. */
    public enum TimePrecisionMode
    {
        ADAPTIVE,
        ADAPTIVE_TIME_MICROSECONDS,
        CONNECT;

        public static TimePrecisionMode fromArgument(String value)
        {
            return parse(TimePrecisionMode.class, value, "time.precision.mode");
        }
    }

    /** Debezium's {@code decimal.handling.mode}. */
    public enum DecimalHandlingMode
    {
        PRECISE,
        DOUBLE,
        STRING;

        public static DecimalHandlingMode fromArgument(String value)
        {
            return parse(DecimalHandlingMode.class, value, "decimal.handling.mode");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String setting)
    {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new TemplateException("Unknown %s '%s': use one of %s".formatted(setting, value,
                    String.join(", ", Arrays.stream(type.getEnumConstants()).map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList())));
        }
    }
}

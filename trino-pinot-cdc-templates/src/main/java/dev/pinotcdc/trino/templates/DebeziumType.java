package dev.pinotcdc.trino.templates;

import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The type of one field of Debezium's row image as its Kafka Connect schema states it: the Connect type
 * ({@code int64}, {@code string}, {@code bytes}, {@code struct}...) and the semantic name, where there is one
 * ({@code io.debezium.time.MicroTimestamp}, {@code org.apache.kafka.connect.data.Decimal}...).
 */
public record DebeziumType(String connectType, Optional<String> semanticName)
{
    private static final Set<String> CONNECT_TYPES = Set.of(
            "int8", "int16", "int32", "int64", "float32", "float64", "boolean", "string", "bytes", "array", "map", "struct");

    public static final String CONNECT_TIMESTAMP = "org.apache.kafka.connect.data.Timestamp";
    public static final String CONNECT_DATE = "org.apache.kafka.connect.data.Date";
    public static final String CONNECT_TIME = "org.apache.kafka.connect.data.Time";
    public static final String CONNECT_DECIMAL = "org.apache.kafka.connect.data.Decimal";
    public static final String TIMESTAMP = "io.debezium.time.Timestamp";
    public static final String MICRO_TIMESTAMP = "io.debezium.time.MicroTimestamp";
    public static final String NANO_TIMESTAMP = "io.debezium.time.NanoTimestamp";
    public static final String ZONED_TIMESTAMP = "io.debezium.time.ZonedTimestamp";
    public static final String DATE = "io.debezium.time.Date";
    public static final String TIME = "io.debezium.time.Time";
    public static final String MICRO_TIME = "io.debezium.time.MicroTime";
    public static final String NANO_TIME = "io.debezium.time.NanoTime";
    public static final String ZONED_TIME = "io.debezium.time.ZonedTime";
    public static final String VARIABLE_SCALE_DECIMAL = "io.debezium.data.VariableScaleDecimal";

    public DebeziumType
    {
        requireNonNull(connectType, "connectType is null");
        requireNonNull(semanticName, "semanticName is null");
        if (!CONNECT_TYPES.contains(connectType)) {
            throw new TemplateException("Unknown Kafka Connect type '%s' (expected one of int8, int16, int32, int64, float32, float64, boolean, string, bytes, array, map, struct)".formatted(connectType));
        }
    }

    public static DebeziumType of(String connectType)
    {
        return new DebeziumType(connectType, Optional.empty());
    }

    public static DebeziumType of(String connectType, String semanticName)
    {
        return new DebeziumType(connectType, Optional.of(semanticName));
    }

    /**
     * Parses {@code int64} or {@code int64/io.debezium.time.MicroTimestamp}, the form the command line takes.
     */
    public static DebeziumType parse(String text)
    {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return of(text.strip());
        }
        return of(text.substring(0, slash).strip(), text.substring(slash + 1).strip());
    }

    /**
     * An instant: epoch milli-, micro- or nanoseconds, or Debezium's ISO-8601 string of {@code timestamptz}.
     */
    public boolean isTimestamp()
    {
        return semanticName.filter(name -> Set.of(CONNECT_TIMESTAMP, TIMESTAMP, MICRO_TIMESTAMP, NANO_TIMESTAMP, ZONED_TIMESTAMP).contains(name)).isPresent();
    }

    /** A time of day: no epoch, nothing a date-time column could state. */
    public boolean isTimeOfDay()
    {
        return semanticName.filter(name -> Set.of(CONNECT_TIME, TIME, MICRO_TIME, NANO_TIME, ZONED_TIME).contains(name)).isPresent();
    }

    /** Debezium's {@code timestamptz} encoding: an ISO-8601 string in UTC with 0 to 9 fraction digits. */
    public boolean isIsoTimestamp()
    {
        return semanticName.filter(ZONED_TIMESTAMP::equals).isPresent();
    }

    /** The unit of the epoch number a promoted column holds for this type, where it is temporal. */
    public Optional<EpochUnit> epochUnit()
    {
        if (semanticName.isEmpty()) {
            return Optional.empty();
        }
        return switch (semanticName.orElseThrow()) {
            case CONNECT_TIMESTAMP, TIMESTAMP -> Optional.of(EpochUnit.MILLISECONDS);
            // the ISO string is converted to epoch micros: PostgreSQL keeps microseconds
            case MICRO_TIMESTAMP, ZONED_TIMESTAMP -> Optional.of(EpochUnit.MICROSECONDS);
            case NANO_TIMESTAMP -> Optional.of(EpochUnit.NANOSECONDS);
            case DATE, CONNECT_DATE -> Optional.of(EpochUnit.DAYS);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString()
    {
        return semanticName.map(name -> connectType + "/" + name).orElse(connectType);
    }
}

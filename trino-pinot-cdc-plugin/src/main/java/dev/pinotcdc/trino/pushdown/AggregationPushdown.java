package dev.pinotcdc.trino.pushdown;

import dev.pinotcdc.trino.cdc.FieldEncoding;
import dev.pinotcdc.trino.pushdown.AggregateColumnHandle.AggregateKind;
import dev.pinotcdc.trino.query.JsonExtractScalar;
import io.trino.spi.connector.AggregateFunction;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.expression.ConnectorExpression;
import io.trino.spi.expression.Variable;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TimestampWithTimeZoneType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which aggregations Pinot computes exactly as Trino would. Pinot 0.11 has no NULLs in its answers, so each rule
 * also says how a NULL stays a NULL: a source field's absent value is extracted as a default no value can have, and
 * aggregates over fields that can be absent are paired with a count of the present values.
 */
public final class AggregationPushdown
{
    private AggregationPushdown() {}

    /** Pinot can group by this column, and its groups are Trino's groups. */
    public static boolean isGroupable(ColumnHandle handle)
    {
        return switch (handle) {
            case PinotCdcColumnHandle column -> isGroupable(column);
            // made only where Pinot truncates exactly
            case TruncatedTimeColumnHandle _ -> true;
            default -> false;
        };
    }

    /**
     * Pinot's {@code DATETRUNC} truncates this column as Trino's {@code date_trunc} would: a timestamp without time
     * zone (a UTC wall clock, as Pinot truncates) stored in the source JSON as epoch milliseconds or microseconds,
     * every stored value of which decodes.
     */
    public static boolean isTruncatable(PinotCdcColumnHandle column)
    {
        return column.type() instanceof TimestampType
                && column.isSourceField()
                && column.schemaTyped()
                && (column.encoding() == FieldEncoding.EPOCH_MILLIS || column.encoding() == FieldEncoding.EPOCH_MICROS)
                && column.sourcePath().stream().allMatch(JsonExtractScalar::isWritableKey);
    }

    /**
     * Aggregations read a promoted field from the source JSON, not from its native copy: there a row without a value
     * holds Pinot's stand-in, which is also a legal value (Long.MIN_VALUE, "null", false), and no guard can be put on
     * one aggregate or group.
     */
    public static boolean isGroupable(PinotCdcColumnHandle field)
    {
        Type type = field.type();
        if (!field.isSourceField()) {
            return isWholeNumber(type) || type instanceof VarcharType || type == BooleanType.BOOLEAN || isEpoch(field.encoding()) || field.encoding() == FieldEncoding.PINOT_TIMESTAMP;
        }
        // a definition file or inference may type values that do not decode: Trino reads them as NULL, Pinot would not
        if (!field.schemaTyped() || !field.sourcePath().stream().allMatch(JsonExtractScalar::isWritableKey)) {
            return false;
        }
        return switch (field.encoding()) {
            // each of these texts is the one form of its value, so equal texts are equal values
            case NATIVE -> isWholeNumber(type) || type instanceof VarcharType || type == BooleanType.BOOLEAN;
            case EPOCH_DAYS, EPOCH_MILLIS, EPOCH_MICROS, EPOCH_NANOS, UUID_STRING, DECIMAL_BASE64 -> true;
            default -> false;
        };
    }

    /**
     * Pinot truncates each of Debezium's infinities (NULL to Trino) to a time of its own, so the groups of a truncated
     * time are merged after Pinot answers; a distinct count cannot be merged.
     */
    public static boolean isMergeable(List<ColumnHandle> groupBy, List<AggregateColumnHandle> aggregates)
    {
        return groupBy.stream().noneMatch(TruncatedTimeColumnHandle.class::isInstance)
                || aggregates.stream().noneMatch(aggregate -> aggregate.kind() == AggregateKind.COUNT_DISTINCT);
    }

    /**
     * The aggregate Pinot computes for this function, if it can.
     */
    public static Optional<AggregateColumnHandle> aggregate(AggregateFunction function, Map<String, ColumnHandle> assignments, String outputName)
    {
        if (function.getFilter().isPresent() || !function.getSortItems().isEmpty()) {
            return Optional.empty();
        }
        String name = function.getFunctionName();
        if (function.getArguments().isEmpty()) {
            return name.equals("count") && !function.isDistinct()
                    ? Optional.of(new AggregateColumnHandle(outputName, function.getOutputType(), AggregateKind.COUNT_ALL, Optional.empty()))
                    : Optional.empty();
        }
        if (function.getArguments().size() != 1 || !(argument(function.getArguments().getFirst(), assignments) instanceof PinotCdcColumnHandle column)) {
            return Optional.empty();
        }
        if (column.isSourceField() && (!column.schemaTyped() || !column.sourcePath().stream().allMatch(JsonExtractScalar::isWritableKey))) {
            return Optional.empty();
        }
        Optional<AggregateKind> kind = switch (name) {
            case "count" -> function.isDistinct() ? distinct(column) : Optional.of(AggregateKind.COUNT);
            case "approx_distinct" -> distinct(column);
            case "sum" -> function.isDistinct() || !isSummable(column) ? Optional.empty() : Optional.of(AggregateKind.SUM);
            case "avg" -> function.isDistinct() || !isSummable(column) ? Optional.empty() : Optional.of(AggregateKind.AVG);
            case "min", "max" -> isOrderedNumber(column) ? Optional.of(name.equals("min") ? AggregateKind.MIN : AggregateKind.MAX) : Optional.empty();
            default -> Optional.empty();
        };
        return kind.map(aggregateKind -> new AggregateColumnHandle(outputName, function.getOutputType(), aggregateKind, Optional.of(column)));
    }

    private static ColumnHandle argument(ConnectorExpression expression, Map<String, ColumnHandle> assignments)
    {
        return expression instanceof Variable variable ? assignments.get(variable.getName()) : null;
    }

    private static Optional<AggregateKind> distinct(PinotCdcColumnHandle column)
    {
        return isGroupable(column) ? Optional.of(AggregateKind.COUNT_DISTINCT) : Optional.empty();
    }

    /** Whole numbers are summed exactly (SUMPRECISION); doubles as Pinot adds them. */
    private static boolean isSummable(PinotCdcColumnHandle column)
    {
        FieldEncoding encoding = column.encoding();
        return encoding == FieldEncoding.NATIVE && (isWholeNumber(column.type()) || column.type() == DoubleType.DOUBLE);
    }

    /** Pinot's MIN and MAX work on numbers: whole numbers exactly at any size (see ScanPlan), doubles as doubles. */
    private static boolean isOrderedNumber(PinotCdcColumnHandle column)
    {
        Type type = column.type();
        if (column.encoding() == FieldEncoding.NATIVE) {
            return isWholeNumber(type) || type == DoubleType.DOUBLE;
        }
        return isEpoch(column.encoding()) && (type == DateType.DATE || type instanceof TimestampType || type instanceof TimestampWithTimeZoneType);
    }

    static boolean isWholeNumber(Type type)
    {
        return type == BigintType.BIGINT || type == IntegerType.INTEGER || type == SmallintType.SMALLINT || type == TinyintType.TINYINT;
    }

    static boolean isEpoch(FieldEncoding encoding)
    {
        return switch (encoding) {
            case EPOCH_DAYS, EPOCH_MILLIS, EPOCH_MICROS, EPOCH_NANOS -> true;
            default -> false;
        };
    }
}

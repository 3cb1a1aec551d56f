package dev.pinotcdc.trino.cdc;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pinotcdc.trino.client.PinotColumn;
import dev.pinotcdc.trino.client.PinotDataType;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TimestampWithTimeZoneType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * A field of the source JSON that the Pinot table also keeps as a native column (a "promoted" field), so Pinot can
 * filter, group and order by it without parsing JSON. Its native form must hold the field's values exactly.
 *
 * @param column the native Pinot column
 * @param encoding how the native column holds the field's values
 * @param exactTextLength for a text field, the length below which the native column holds a text as it is, and holds
 * no longer text as it (Pinot cuts text at the column's {@code maxLength}); empty where text of any length is kept
 */
public record NativeCopy(String column, FieldEncoding encoding, OptionalInt exactTextLength)
{
    @JsonCreator
    public NativeCopy(@JsonProperty("column") String column, @JsonProperty("encoding") FieldEncoding encoding, @JsonProperty("exactTextLength") OptionalInt exactTextLength)
    {
        this.column = requireNonNull(column, "column is null");
        this.encoding = requireNonNull(encoding, "encoding is null");
        this.exactTextLength = requireNonNull(exactTextLength, "exactTextLength is null");
    }

    public NativeCopy(String column, FieldEncoding encoding)
    {
        this(column, encoding, OptionalInt.empty());
    }

    /**
     * Whether the native column holds this text, and only the field values equal to it, as it is: shorter than the
     * length Pinot cuts text at, and without a NUL character, at which Pinot cuts any text.
     */
    public boolean holdsTextExactly(String text)
    {
        return text.indexOf('\0') < 0 && exactTextLength.stream().allMatch(limit -> text.length() < limit);
    }

    /**
     * The native copy of a field, where the native column holds every value of the field exactly.
     */
    public static Optional<NativeCopy> of(SourceField field, PinotColumn nativeColumn)
    {
        // a field typed by a definition file or by inference may hold other kinds of values than its type (5.7 in a
        // BIGINT, which Trino reads as NULL), which Pinot's ingestion converts its own way (to 5)
        if (!nativeColumn.singleValue() || field.origin() != TypeOrigin.DEBEZIUM_SCHEMA) {
            return Optional.empty();
        }
        Type type = field.type();
        if (nativeColumn.role() == PinotColumn.Role.DATE_TIME || nativeColumn.dataType() == PinotDataType.TIMESTAMP) {
            return temporalEncoding(nativeColumn)
                    .filter(encoding -> holdsExactly(type, encoding))
                    // an INT column holds epoch days; epoch milliseconds and finer overflow it (Pinot wraps them)
                    .filter(encoding -> nativeColumn.dataType() != PinotDataType.INT || encoding == FieldEncoding.EPOCH_DAYS)
                    .map(encoding -> new NativeCopy(nativeColumn.name(), encoding));
        }
        boolean sameValues = switch (nativeColumn.dataType()) {
            case LONG -> field.encoding() == FieldEncoding.NATIVE ? type == BigintType.BIGINT || type == IntegerType.INTEGER : isEpoch(field.encoding());
            // an INT column holds a BIGINT's values, or epoch numbers finer than days, only wrapped around
            case INT -> field.encoding() == FieldEncoding.NATIVE ? type == IntegerType.INTEGER : field.encoding() == FieldEncoding.EPOCH_DAYS;
            case DOUBLE -> field.encoding() == FieldEncoding.NATIVE && type == DoubleType.DOUBLE;
            case STRING -> field.encoding() == FieldEncoding.NATIVE && type instanceof VarcharType;
            case BOOLEAN -> field.encoding() == FieldEncoding.NATIVE && type == BooleanType.BOOLEAN;
            default -> false;
        };
        return sameValues ? Optional.of(new NativeCopy(nativeColumn.name(), field.encoding(), nativeColumn.exactTextLength())) : Optional.empty();
    }

    private static boolean isEpoch(FieldEncoding encoding)
    {
        return switch (encoding) {
            case EPOCH_DAYS, EPOCH_MILLIS, EPOCH_MICROS, EPOCH_NANOS -> true;
            default -> false;
        };
    }

    private static Optional<FieldEncoding> temporalEncoding(PinotColumn column)
    {
        if (column.dataType() == PinotDataType.TIMESTAMP) {
            return Optional.of(FieldEncoding.PINOT_TIMESTAMP);
        }
        if (column.dataType() != PinotDataType.LONG && column.dataType() != PinotDataType.INT) {
            return Optional.empty();
        }
        // 0.x "1:MILLISECONDS:EPOCH" and 1.x "EPOCH|MILLISECONDS|1"; a size other than 1 is not a plain epoch number
        String format = column.dateTimeFormat().orElse("").toUpperCase(Locale.ENGLISH);
        if (!format.matches("1:[A-Z]+:EPOCH|EPOCH\\|[A-Z]+(\\|1)?|EPOCH")) {
            return Optional.empty();
        }
        String unit = format.equals("EPOCH") ? "MILLISECONDS" : format.replaceAll("1:|:EPOCH|EPOCH\\||\\|1", "");
        return switch (unit) {
            case "DAYS" -> Optional.of(FieldEncoding.EPOCH_DAYS);
            case "MILLISECONDS" -> Optional.of(FieldEncoding.EPOCH_MILLIS);
            case "MICROSECONDS" -> Optional.of(FieldEncoding.EPOCH_MICROS);
            case "NANOSECONDS" -> Optional.of(FieldEncoding.EPOCH_NANOS);
            default -> Optional.empty();
        };
    }

    /** The native unit is at least as fine as the type's precision, so each value of the type has one stored form. */
    private static boolean holdsExactly(Type type, FieldEncoding encoding)
    {
        if (type == DateType.DATE) {
            return encoding == FieldEncoding.EPOCH_DAYS;
        }
        int precision;
        if (type instanceof TimestampType timestamp) {
            precision = timestamp.getPrecision();
        }
        else if (type instanceof TimestampWithTimeZoneType timestamp) {
            precision = timestamp.getPrecision();
        }
        else {
            return false;
        }
        int stored = switch (encoding) {
            case EPOCH_MILLIS, PINOT_TIMESTAMP -> 3;
            case EPOCH_MICROS -> 6;
            case EPOCH_NANOS -> 9;
            default -> -1;
        };
        return stored >= precision;
    }
}

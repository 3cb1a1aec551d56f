package dev.pinotcdc.trino.templates;

import dev.pinotcdc.trino.client.PinotDataType;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A field of the row image that also becomes a native Pinot column of the same name, so that range filters and
 * groupings on it run on Pinot's own column and indexes instead of parsing every row's JSON.
 * <p>
 * What the column holds (the contract with the connector, which reads it): a numeric, string or boolean field
 * holds exactly the value of the JSON; a temporal field holds the epoch number in {@link #epochUnit()}, which the
 * column's {@code dateTimeFieldSpec} states in its {@code format}. Debezium's ISO-8601 {@code ZonedTimestamp}
 * strings are converted to epoch microseconds.
 */
public record PromotedColumn(RowField field, PinotDataType dataType, Optional<EpochUnit> epochUnit)
{
    public PromotedColumn
    {
        requireNonNull(field, "field is null");
        requireNonNull(dataType, "dataType is null");
        requireNonNull(epochUnit, "epochUnit is null");
    }

    public String name()
    {
        return field.name();
    }

    public boolean isTemporal()
    {
        return epochUnit.isPresent();
    }

    /** The value is Debezium's ISO-8601 text and must be converted to an epoch number on ingestion. */
    public boolean convertsIsoText()
    {
        return field.type().isIsoTimestamp();
    }

    /**
     * The promoted column for a field, or an explanation of why it cannot be promoted on this Pinot version.
     */
    public static PromotedColumn of(RowField field, PinotVersion version)
    {
        DebeziumType type = field.type();
        if (type.isTimeOfDay()) {
            throw cannotPromote(field, "a time of day has no epoch a Pinot date-time column could state");
        }
        Optional<EpochUnit> unit = type.epochUnit();
        if (unit.isPresent()) {
            if (type.isIsoTimestamp() && version == PinotVersion.V1_X) {
                throw cannotPromote(field, "it is Debezium's ISO-8601 text (ZonedTimestamp) and Pinot 1.x without Groovy has no ingestion function that turns it "
                        + "into exact epoch microseconds (fromDateTime takes one fixed pattern and keeps milliseconds, while Debezium writes 0 to 9 "
                        + "fraction digits); leave it in source, or enable Groovy on the controller and write 0.11 templates");
            }
            return new PromotedColumn(field, PinotDataType.LONG, unit);
        }
        PinotDataType dataType = switch (type.connectType()) {
            case "int8", "int16", "int32" -> PinotDataType.INT;
            case "int64" -> PinotDataType.LONG;
            case "float32" -> PinotDataType.FLOAT;
            case "float64" -> PinotDataType.DOUBLE;
            case "boolean" -> PinotDataType.BOOLEAN;
            case "string" -> PinotDataType.STRING;
            case "bytes" -> throw cannotPromote(field, type.semanticName().filter(DebeziumType.CONNECT_DECIMAL::equals).isPresent()
                    ? "a precise decimal is base64 text in the JSON, useless for ranges; set Debezium's decimal.handling.mode to string or double to promote it"
                    : "binary values are base64 text in the JSON");
            default -> throw cannotPromote(field, "only scalar fields become native columns (this one is " + type + ")");
        };
        return new PromotedColumn(field, dataType, Optional.empty());
    }

    private static TemplateException cannotPromote(RowField field, String reason)
    {
        return new TemplateException("Field '%s' (%s) cannot be promoted: %s".formatted(field.name(), field.type(), reason));
    }
}

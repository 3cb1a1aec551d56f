package dev.pinotcdc.trino.templates;

import dev.pinotcdc.trino.client.PinotDataType;

import static java.util.Objects.requireNonNull;

/**
 * One primary-key column: a native Pinot column named like the row field it is taken from.
 */
public record KeyColumn(String name, PinotDataType type)
{
    public KeyColumn
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (name.isEmpty()) {
            throw new TemplateException("A primary-key column name is empty");
        }
        if (type == PinotDataType.BIG_DECIMAL || type == PinotDataType.JSON || type == PinotDataType.BYTES) {
            // Pinot 0.11 rejects a BIG_DECIMAL dimension, and a JSON or BYTES key would hash Pinot's rendering of it
            throw new TemplateException("Primary-key column '%s' cannot be %s in Pinot: use INT, LONG, FLOAT, DOUBLE, BOOLEAN, TIMESTAMP or STRING".formatted(name, type));
        }
    }

    /**
     * The key column for a row field: the Pinot type that holds the value Debezium writes into the JSON.
     */
    public static KeyColumn of(RowField field)
    {
        PinotDataType type = switch (field.type().connectType()) {
            case "int8", "int16", "int32" -> PinotDataType.INT;
            case "int64" -> PinotDataType.LONG;
            case "float32" -> PinotDataType.FLOAT;
            case "float64" -> PinotDataType.DOUBLE;
            case "boolean" -> PinotDataType.BOOLEAN;
            // bytes (a precise decimal too) arrive as base64 text: the text identifies the key as well as the bytes
            case "string", "bytes" -> PinotDataType.STRING;
            default -> throw new TemplateException("Primary-key field '%s' has type %s: Pinot keys are scalar columns".formatted(field.name(), field.type()));
        };
        return new KeyColumn(field.name(), type);
    }
}

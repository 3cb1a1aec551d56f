package dev.pinotcdc.trino.cdc;

/**
 * How a value is stored: inside the JSON source column (as Debezium wrote it), or in a cell of a broker answer.
 * The Trino type says what the value means; the encoding says how to read it, and how to write a literal for
 * a pushed-down predicate.
 */
public enum FieldEncoding
{
    /** A JSON scalar of the type's natural kind (number, boolean, string), or any JSON value for JSON and ARRAY. */
    NATIVE("native"),
    EPOCH_DAYS("epoch-days"),
    EPOCH_MILLIS("epoch-millis"),
    EPOCH_MICROS("epoch-micros"),
    EPOCH_NANOS("epoch-nanos"),
    ISO_DATE("iso-date"),
    ISO_TIMESTAMP("iso-timestamp"),
    ISO_ZONED_TIMESTAMP("iso-zoned-timestamp"),
    MILLIS_OF_DAY("millis-of-day"),
    MICROS_OF_DAY("micros-of-day"),
    NANOS_OF_DAY("nanos-of-day"),
    ISO_TIME("iso-time"),
    ISO_ZONED_TIME("iso-zoned-time"),
    MICRO_DURATION("micro-duration"),
    ISO_INTERVAL("iso-interval"),
    /** Connect Decimal: base64 of the unscaled big-endian two's-complement bytes; the scale is the column's. */
    DECIMAL_BASE64("decimal-base64"),
    /** Debezium VariableScaleDecimal: an object {"scale": n, "value": base64 unscaled bytes}. */
    VARIABLE_SCALE_DECIMAL("variable-scale-decimal"),
    DECIMAL_STRING("decimal-string"),
    DECIMAL_DOUBLE("decimal-double"),
    JSON_STRING("json-string"),
    UUID_STRING("uuid-string"),
    BASE64_BYTES("base64-bytes"),
    HEX_BYTES("hex-bytes"),
    /** Debezium Bits: base64 of little-endian bytes. */
    BITS_BASE64("bits-base64"),
    /** How Pinot's broker renders a native TIMESTAMP cell: "yyyy-MM-dd HH:mm:ss.S" in UTC, or epoch millis. */
    PINOT_TIMESTAMP("pinot-timestamp"),
    /**
     * A source field that the live rows' Debezium schemas store in different ways (a decimal's scale, a timestamp's
     * unit): each row is read by the schema it was written with, kept in the value schema column. No pushdown.
     */
    SCHEMA_VERSIONS("schema-versions");

    private final String externalName;

    FieldEncoding(String externalName)
    {
        this.externalName = externalName;
    }

    /** The name used in table definition files and documentation. */
    public String externalName()
    {
        return externalName;
    }

    public static FieldEncoding fromExternalName(String name)
    {
        for (FieldEncoding encoding : values()) {
            if (encoding.externalName.equalsIgnoreCase(name)) {
                return encoding;
            }
        }
        throw new IllegalArgumentException("Unknown encoding '" + name + "'");
    }
}

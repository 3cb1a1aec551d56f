package dev.pinotcdc.trino.cdc;

import dev.pinotcdc.trino.client.PinotDataType;
import io.trino.spi.type.ArrayType;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeId;
import io.trino.spi.type.TypeManager;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.StandardTypes.JSON;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MILLIS;
import static io.trino.spi.type.VarbinaryType.VARBINARY;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * The Trino type of a native Pinot column, and how the broker renders its values.
 */
public record NativeColumnType(Type type, FieldEncoding encoding)
{
    /** Pinot's BIG_DECIMAL has no declared scale: values that do not fit this type are reported, never rounded. */
    public static final int BIG_DECIMAL_SCALE = 18;

    public NativeColumnType
    {
        requireNonNull(type, "type is null");
        requireNonNull(encoding, "encoding is null");
    }

    public static NativeColumnType of(PinotDataType dataType, boolean singleValue, TypeManager typeManager)
    {
        NativeColumnType element = switch (dataType) {
            case INT -> new NativeColumnType(INTEGER, FieldEncoding.NATIVE);
            case LONG -> new NativeColumnType(BIGINT, FieldEncoding.NATIVE);
            case FLOAT -> new NativeColumnType(REAL, FieldEncoding.NATIVE);
            case DOUBLE -> new NativeColumnType(DOUBLE, FieldEncoding.NATIVE);
            case BIG_DECIMAL -> new NativeColumnType(createDecimalType(38, BIG_DECIMAL_SCALE), FieldEncoding.DECIMAL_STRING);
            case BOOLEAN -> new NativeColumnType(BOOLEAN, FieldEncoding.NATIVE);
            case TIMESTAMP -> new NativeColumnType(TIMESTAMP_MILLIS, FieldEncoding.PINOT_TIMESTAMP);
            case STRING -> new NativeColumnType(VARCHAR, FieldEncoding.NATIVE);
            case JSON -> new NativeColumnType(typeManager.getType(TypeId.of(JSON)), FieldEncoding.JSON_STRING);
            case BYTES -> new NativeColumnType(VARBINARY, FieldEncoding.HEX_BYTES);
        };
        if (singleValue) {
            return element;
        }
        // the element encoding applies to each element of a multi-value cell
        return new NativeColumnType(new ArrayType(element.type()), element.encoding());
    }
}

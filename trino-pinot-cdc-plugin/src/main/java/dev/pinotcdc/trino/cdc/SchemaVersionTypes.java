package dev.pinotcdc.trino.cdc;

import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Decimals;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.Type;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.TimestampType.createTimestampType;

/**
 * One column for a field that Debezium schemas of different times type differently: after {@code ALTER COLUMN ...
 * TYPE numeric(12,3)} the rows not written since keep scale 2, and after a timestamp's precision changes they keep
 * epoch milliseconds where newer rows hold microseconds. Each row is read by its own schema, into a type that holds
 * every version's values exactly: the widest DECIMAL, the finest TIMESTAMP. Versions no single type holds keep the
 * newest type; a row of another version then fails to read, naming the column.
 */
public final class SchemaVersionTypes
{
    private SchemaVersionTypes() {}

    /**
     * @param versions the field's type in each live schema version that has the field, newest first
     * @return the column's type when the versions differ (with encoding {@link FieldEncoding#SCHEMA_VERSIONS}), or
     *         empty when every version reads the same way
     */
    public static Optional<FieldType> combine(List<FieldType> versions)
    {
        if (versions.stream().distinct().count() <= 1) {
            return Optional.empty();
        }
        FieldType newest = versions.getFirst();
        return Optional.of(new FieldType(widest(versions).orElse(newest.type()), FieldEncoding.SCHEMA_VERSIONS, OptionalInt.empty()));
    }

    private static Optional<Type> widest(List<FieldType> versions)
    {
        if (versions.stream().allMatch(version -> version.type() instanceof DecimalType && version.encoding() == FieldEncoding.DECIMAL_BASE64 && version.storedScale().isEmpty())) {
            int integerDigits = 0;
            int scale = 0;
            for (FieldType version : versions) {
                DecimalType decimal = (DecimalType) version.type();
                integerDigits = Math.max(integerDigits, decimal.getPrecision() - decimal.getScale());
                scale = Math.max(scale, decimal.getScale());
            }
            return integerDigits + scale <= Decimals.MAX_PRECISION ? Optional.of(createDecimalType(integerDigits + scale, scale)) : Optional.empty();
        }
        if (versions.stream().allMatch(version -> version.type() instanceof TimestampType && isEpoch(version.encoding()))) {
            int precision = versions.stream().mapToInt(version -> ((TimestampType) version.type()).getPrecision()).max().orElseThrow();
            return Optional.of(createTimestampType(precision));
        }
        return Optional.empty();
    }

    /** Whether a value of one version reads exactly as the column's type. */
    public static boolean fits(FieldType version, Type column)
    {
        if (version.type().equals(column)) {
            return true;
        }
        if (version.type() instanceof DecimalType stored && column instanceof DecimalType wide && version.encoding() == FieldEncoding.DECIMAL_BASE64 && version.storedScale().isEmpty()) {
            return stored.getScale() <= wide.getScale() && stored.getPrecision() - stored.getScale() <= wide.getPrecision() - wide.getScale();
        }
        if (version.type() instanceof TimestampType stored && column instanceof TimestampType fine && isEpoch(version.encoding())) {
            return stored.getPrecision() <= fine.getPrecision();
        }
        return false;
    }

    private static boolean isEpoch(FieldEncoding encoding)
    {
        return encoding == FieldEncoding.EPOCH_MILLIS || encoding == FieldEncoding.EPOCH_MICROS || encoding == FieldEncoding.EPOCH_NANOS;
    }
}

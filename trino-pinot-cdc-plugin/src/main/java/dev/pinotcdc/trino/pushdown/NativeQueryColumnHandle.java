package dev.pinotcdc.trino.pushdown;

import dev.pinotcdc.trino.cdc.FieldEncoding;
import dev.pinotcdc.trino.cdc.NativeColumnType;
import dev.pinotcdc.trino.cdc.decoder.FieldDecoder;
import dev.pinotcdc.trino.cdc.decoder.FieldDecoders;
import dev.pinotcdc.trino.client.PinotDataType;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeManager;

import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * A column of the answer to a native Pinot query ({@code system.query}).
 *
 * @param name the column name in Pinot's answer
 * @param index the column's place in Pinot's answer
 * @param pinotType the column data type in Pinot's answer (its {@code dataSchema}), for example LONG or STRING_ARRAY
 * @param type the Trino type, as for a native column of a Pinot table with that data type
 * @param encoding how the broker renders the column's values
 */
public record NativeQueryColumnHandle(String name, int index, String pinotType, Type type, FieldEncoding encoding)
        implements ColumnHandle
{
    private static final String ARRAY_SUFFIX = "_ARRAY";

    public NativeQueryColumnHandle
    {
        requireNonNull(name, "name is null");
        requireNonNull(pinotType, "pinotType is null");
        requireNonNull(type, "type is null");
        requireNonNull(encoding, "encoding is null");
    }

    /**
     * The column for a column of Pinot's answer, typed as a native Pinot column of that data type is.
     *
     * @return empty for a data type without a Trino type here (Pinot's OBJECT, UNKNOWN, MAP...)
     */
    public static Optional<NativeQueryColumnHandle> of(String name, int index, String pinotType, TypeManager typeManager)
    {
        boolean array = pinotType.endsWith(ARRAY_SUFFIX);
        String elementType = array ? pinotType.substring(0, pinotType.length() - ARRAY_SUFFIX.length()) : pinotType;
        return PinotDataType.fromPinotName(elementType)
                // Pinot has no arrays of BIG_DECIMAL or JSON
                .filter(dataType -> !array || (dataType != PinotDataType.BIG_DECIMAL && dataType != PinotDataType.JSON))
                .map(dataType -> NativeColumnType.of(dataType, !array, typeManager))
                .map(nativeType -> new NativeQueryColumnHandle(name, index, pinotType, nativeType.type(), nativeType.encoding()));
    }

    FieldDecoder decoder()
    {
        return FieldDecoders.create(type, encoding, OptionalInt.empty());
    }

    public ColumnMetadata toColumnMetadata()
    {
        return ColumnMetadata.builder()
                .setName(name)
                .setType(type)
                .setComment(Optional.of("Pinot " + pinotType))
                .build();
    }
}

package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pinotcdc.trino.cdc.FieldEncoding;
import dev.pinotcdc.trino.cdc.NativeCopy;
import dev.pinotcdc.trino.cdc.SourcePath;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.type.Type;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * A column of a Pinot CDC table.
 *
 * @param name the Trino column name
 * @param pinotColumn the native Pinot column that holds the value: the column itself, or the JSON source column for a source field
 * @param sourcePath for a source field, the keys leading to the value inside the JSON; empty for a native column
 * @param encoding how the value is stored (in the JSON for a source field, in the broker's answer for a native column)
 * @param storedScale the scale of a decimal-base64 value where the type does not carry it
 * @param nativeCopy for a source field the table also keeps as a native column, that column: Pinot filters on it
 * @param schemaTyped every stored value decodes: the type comes from Pinot's schema or Debezium's value schema, not
 *         from a definition file or inference (Pinot may then aggregate the stored values as they are)
 */
public record PinotCdcColumnHandle(
        String name,
        Type type,
        String pinotColumn,
        List<String> sourcePath,
        FieldEncoding encoding,
        OptionalInt storedScale,
        Optional<NativeCopy> nativeCopy,
        boolean schemaTyped,
        boolean hidden,
        Optional<String> comment)
        implements ColumnHandle
{
    @JsonCreator
    public PinotCdcColumnHandle(
            @JsonProperty("name") String name,
            @JsonProperty("type") Type type,
            @JsonProperty("pinotColumn") String pinotColumn,
            @JsonProperty("sourcePath") List<String> sourcePath,
            @JsonProperty("encoding") FieldEncoding encoding,
            @JsonProperty("storedScale") OptionalInt storedScale,
            @JsonProperty("nativeCopy") Optional<NativeCopy> nativeCopy,
            @JsonProperty("schemaTyped") boolean schemaTyped,
            @JsonProperty("hidden") boolean hidden,
            @JsonProperty("comment") Optional<String> comment)
    {
        this.name = requireNonNull(name, "name is null");
        this.type = requireNonNull(type, "type is null");
        this.pinotColumn = requireNonNull(pinotColumn, "pinotColumn is null");
        this.sourcePath = List.copyOf(sourcePath);
        this.encoding = requireNonNull(encoding, "encoding is null");
        this.storedScale = requireNonNull(storedScale, "storedScale is null");
        this.nativeCopy = requireNonNull(nativeCopy, "nativeCopy is null");
        this.schemaTyped = schemaTyped;
        this.hidden = hidden;
        this.comment = requireNonNull(comment, "comment is null");
    }

    public boolean isSourceField()
    {
        return !sourcePath.isEmpty();
    }

    /** The same column, listed by {@code SELECT *} and DESCRIBE. */
    public PinotCdcColumnHandle shown()
    {
        return new PinotCdcColumnHandle(name, type, pinotColumn, sourcePath, encoding, storedScale, nativeCopy, schemaTyped, false, comment);
    }

    /**
     * The column as Pinot should filter, group and order it: its native copy where it has one, which keeps the copy
     * for what the native column holds exactly.
     */
    public PinotCdcColumnHandle filterForm()
    {
        return nativeCopy
                .map(copy -> new PinotCdcColumnHandle(name, type, copy.column(), List.of(), copy.encoding(), OptionalInt.empty(), Optional.of(copy), schemaTyped, hidden, comment))
                .orElse(this);
    }

    public ColumnMetadata toColumnMetadata()
    {
        return ColumnMetadata.builder()
                .setName(name)
                .setType(type)
                .setHidden(hidden)
                .setComment(comment)
                .setNullable(true)
                .build();
    }

    @Override
    public String toString()
    {
        String place = isSourceField() ? SourcePath.format(sourcePath) + " of " + pinotColumn : pinotColumn;
        return name + ":" + type.getDisplayName() + " from " + place + (encoding == FieldEncoding.NATIVE ? "" : " (" + encoding.externalName() + ")");
    }
}

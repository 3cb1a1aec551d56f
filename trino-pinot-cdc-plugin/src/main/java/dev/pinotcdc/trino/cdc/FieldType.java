package dev.pinotcdc.trino.cdc;

import io.trino.spi.type.Type;

import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/** How one source field reads: its Trino type, its stored encoding, and the stored scale where the type lacks it. */
public record FieldType(Type type, FieldEncoding encoding, OptionalInt storedScale)
{
    public FieldType
    {
        requireNonNull(type, "type is null");
        requireNonNull(encoding, "encoding is null");
        requireNonNull(storedScale, "storedScale is null");
    }

    public static FieldType of(Type type, FieldEncoding encoding)
    {
        return new FieldType(type, encoding, OptionalInt.empty());
    }
}

package dev.pinotcdc.trino.cdc.decoder;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.VarcharType;

import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.OUT_OF_RANGE;
import static java.util.Objects.requireNonNull;

/** Writes text to a VARCHAR or VARCHAR(n) column; text longer than n is refused rather than cut. */
final class VarcharWriter
{
    private final VarcharType type;

    VarcharWriter(VarcharType type)
    {
        this.type = requireNonNull(type, "type is null");
    }

    void write(BlockBuilder output, String text)
    {
        if (!type.isUnbounded() && text.length() > type.getBoundedLength() && text.codePointCount(0, text.length()) > type.getBoundedLength()) {
            throw new InvalidValueException(OUT_OF_RANGE, "Text of " + text.codePointCount(0, text.length()) + " characters is longer than " + type);
        }
        type.writeSlice(output, Slices.utf8Slice(text));
    }

    void write(BlockBuilder output, Slice utf8)
    {
        if (!type.isUnbounded() && utf8.length() > type.getBoundedLength()) {
            int length = io.airlift.slice.SliceUtf8.countCodePoints(utf8);
            if (length > type.getBoundedLength()) {
                throw new InvalidValueException(OUT_OF_RANGE, "Text of " + length + " characters is longer than " + type);
            }
        }
        type.writeSlice(output, utf8);
    }
}

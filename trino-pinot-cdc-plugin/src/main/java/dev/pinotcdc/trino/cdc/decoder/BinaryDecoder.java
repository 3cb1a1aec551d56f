package dev.pinotcdc.trino.cdc.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import io.airlift.slice.Slices;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

import java.util.Base64;

import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.OUT_OF_RANGE;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.UNAVAILABLE;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.VarbinaryType.VARBINARY;

/**
 * Bytes stored as base64 (Connect bytes, Debezium binary.handling.mode=bytes or base64 / base64-url-safe) or hex
 * (binary.handling.mode=hex, a broker's BYTES cell), written as VARBINARY. Debezium Bits (base64 of the bits in
 * little-endian byte order) are bytes too; as BOOLEAN (a bit(1) column declared so) the one byte must be 0 or 1.
 * A bytea TOAST placeholder arrives as the placeholder text's bytes and is refused.
 */
final class BinaryDecoder
        extends SourceValueDecoder
{
    enum Format
    {
        BASE64, HEX
    }

    private final Format format;
    private final boolean toBoolean;

    BinaryDecoder(Type type, Format format)
    {
        super(type);
        this.format = format;
        if (type.equals(VARBINARY)) {
            toBoolean = false;
        }
        else if (type.equals(BOOLEAN)) {
            toBoolean = true;
        }
        else {
            throw new IllegalArgumentException("Bytes cannot be read as " + type);
        }
    }

    @Override
    protected void decodeValue(JsonNode value, BlockBuilder output)
    {
        if (toBoolean && value.isBoolean()) {
            BOOLEAN.writeBoolean(output, value.booleanValue());
            return;
        }
        String text = JsonValues.text(value, format == Format.BASE64 ? "a base64 string" : "a hex string");
        byte[] bytes = format == Format.BASE64 ? base64(text) : hex(text);
        if (DebeziumSentinels.isUnavailable(bytes)) {
            throw new InvalidValueException(UNAVAILABLE, "Value is Debezium's placeholder for an unchanged TOASTed value");
        }
        if (toBoolean) {
            if (bytes.length != 1 || (bytes[0] != 0 && bytes[0] != 1)) {
                throw new InvalidValueException(OUT_OF_RANGE, "Bits '" + JsonValues.preview(text) + "' are not a single bit");
            }
            BOOLEAN.writeBoolean(output, bytes[0] == 1);
            return;
        }
        VARBINARY.writeSlice(output, Slices.wrappedBuffer(bytes));
    }

    static byte[] base64(String text)
    {
        try {
            return Base64.getDecoder().decode(text);
        }
        catch (IllegalArgumentException e) {
            try {
                return Base64.getUrlDecoder().decode(text);
            }
            catch (IllegalArgumentException ignored) {
                throw JsonValues.malformed(text, "base64");
            }
        }
    }

    private static byte[] hex(String text)
    {
        int length = text.length();
        if (length % 2 != 0) {
            throw JsonValues.malformed(text, "hex");
        }
        byte[] bytes = new byte[length / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = Character.digit(text.charAt(2 * i), 16);
            int low = Character.digit(text.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                throw JsonValues.malformed(text, "hex");
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }
}

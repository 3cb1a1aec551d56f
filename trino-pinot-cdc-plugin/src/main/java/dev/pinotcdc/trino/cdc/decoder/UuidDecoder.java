package dev.pinotcdc.trino.cdc.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.UuidType;

import java.util.UUID;

import static io.trino.spi.type.UuidType.javaUuidToTrinoUuid;

/** UUID from its canonical 36-character text (either case); UUID.fromString is too lenient ("1-2-3-4-5"). */
final class UuidDecoder
        extends SourceValueDecoder
{
    UuidDecoder()
    {
        super(UuidType.UUID);
    }

    @Override
    protected void decodeValue(JsonNode value, BlockBuilder output)
    {
        String text = JsonValues.text(value, "a UUID string");
        if (text.length() != 36 || text.charAt(8) != '-' || text.charAt(13) != '-' || text.charAt(18) != '-' || text.charAt(23) != '-') {
            throw JsonValues.malformed(text, "a UUID");
        }
        long mostSignificant = hex(text, 0, 8) << 32 | hex(text, 9, 13) << 16 | hex(text, 14, 18);
        long leastSignificant = hex(text, 19, 23) << 48 | hex(text, 24, 36);
        UuidType.UUID.writeSlice(output, javaUuidToTrinoUuid(new UUID(mostSignificant, leastSignificant)));
    }

    private static long hex(String text, int start, int end)
    {
        long result = 0;
        for (int i = start; i < end; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                throw JsonValues.malformed(text, "a UUID");
            }
            result = result << 4 | digit;
        }
        return result;
    }
}

package dev.pinotcdc.trino.cdc.decoder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pinotcdc.trino.cdc.CdcJson;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.MALFORMED;

/**
 * Trino JSON, whose value is JSON text. NATIVE takes the JSON value itself (an object, array, or scalar inside the
 * row image); JSON_STRING takes a string holding JSON text (Debezium's Json for json/jsonb, a broker's JSON cell)
 * and checks that it parses. Both write compact text with sorted keys.
 */
final class JsonDecoder
        extends SourceValueDecoder
{
    private final boolean fromString;

    JsonDecoder(Type jsonType, boolean fromString)
    {
        super(jsonType);
        this.fromString = fromString;
    }

    @Override
    protected void decodeValue(JsonNode value, BlockBuilder output)
    {
        JsonNode document = fromString ? parse(JsonValues.text(value, "a string of JSON text")) : value;
        type().writeSlice(output, CanonicalJson.compact(document, true));
    }

    private static JsonNode parse(String text)
    {
        try {
            return CdcJson.objectMapper().readTree(text);
        }
        catch (JsonProcessingException e) {
            throw new InvalidValueException(MALFORMED, "Value '" + JsonValues.preview(text) + "' is not JSON: " + e.getOriginalMessage());
        }
    }
}

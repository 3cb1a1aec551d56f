package dev.pinotcdc.trino.cdc.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

import java.math.BigInteger;

import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.MALFORMED;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.UNAVAILABLE;

/**
 * Kafka Connect Decimal: base64 of the unscaled value's big-endian two's-complement bytes, with a scale fixed by the
 * schema (the column's, or the stored scale when the column is VARCHAR or its scale differs). Debezium
 * VariableScaleDecimal: an object {"scale": n, "value": base64}, each value with its own scale.
 */
final class Base64DecimalDecoder
        extends SourceValueDecoder
{
    private static final int NO_FIXED_SCALE = Integer.MIN_VALUE;

    private final DecimalSink sink;
    private final int storedScale;

    static Base64DecimalDecoder fixedScale(Type type, int storedScale)
    {
        return new Base64DecimalDecoder(type, storedScale);
    }

    static Base64DecimalDecoder variableScale(Type type)
    {
        return new Base64DecimalDecoder(type, NO_FIXED_SCALE);
    }

    private Base64DecimalDecoder(Type type, int storedScale)
    {
        super(type);
        this.sink = DecimalSink.forType(type);
        this.storedScale = storedScale;
    }

    @Override
    protected void decodeValue(JsonNode value, BlockBuilder output)
    {
        int scale;
        String base64;
        if (storedScale == NO_FIXED_SCALE) {
            if (!value.isObject()) {
                throw JsonValues.wrongType(value, "an object {\"scale\": n, \"value\": base64}");
            }
            JsonNode scaleNode = value.get("scale");
            JsonNode valueNode = value.get("value");
            if (scaleNode == null || !scaleNode.isIntegralNumber() || !scaleNode.canConvertToInt() || valueNode == null || !valueNode.isTextual()) {
                throw new InvalidValueException(MALFORMED, "Value " + JsonValues.preview(value) + " is not a variable-scale decimal {\"scale\": n, \"value\": base64}");
            }
            scale = scaleNode.intValue();
            base64 = valueNode.textValue();
            if (DebeziumSentinels.isUnavailable(base64)) {
                throw new InvalidValueException(UNAVAILABLE, "Value is Debezium's placeholder for an unchanged TOASTed value");
            }
        }
        else {
            scale = storedScale;
            base64 = JsonValues.text(value, "a base64 decimal string");
        }
        byte[] bytes = BinaryDecoder.base64(base64);
        if (bytes.length == 0) {
            throw new InvalidValueException(MALFORMED, "Decimal '" + base64 + "' has no bytes");
        }
        if (bytes.length <= 8) {
            long unscaled = bytes[0]; // sign-extends
            for (int i = 1; i < bytes.length; i++) {
                unscaled = unscaled << 8 | (bytes[i] & 0xFF);
            }
            sink.write(output, unscaled, scale);
        }
        else {
            sink.write(output, new BigInteger(bytes), scale);
        }
    }
}

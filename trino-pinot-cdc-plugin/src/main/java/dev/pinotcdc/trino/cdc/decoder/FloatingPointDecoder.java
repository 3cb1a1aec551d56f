package dev.pinotcdc.trino.cdc.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.OUT_OF_RANGE;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.RealType.REAL;

/**
 * REAL and DOUBLE from a JSON number, a numeric string, or the strings "NaN", "Infinity" and "-Infinity" that
 * Jackson and Debezium write for special floating-point values. REAL and DOUBLE are approximate: a decimal literal
 * becomes its nearest binary value, as in any SQL engine; a finite number too large for the type is refused.
 */
final class FloatingPointDecoder
        extends SourceValueDecoder
{
    private final boolean real;

    FloatingPointDecoder(Type type)
    {
        super(type);
        if (type.equals(REAL)) {
            real = true;
        }
        else if (type.equals(DOUBLE)) {
            real = false;
        }
        else {
            throw new IllegalArgumentException("Not a floating-point type: " + type);
        }
    }

    @Override
    protected void decodeValue(JsonNode value, BlockBuilder output)
    {
        double number = toDouble(value);
        if (real) {
            float narrowed = (float) number;
            if (Float.isInfinite(narrowed) && !Double.isInfinite(number)) {
                throw new InvalidValueException(OUT_OF_RANGE, "Number " + JsonValues.preview(value) + " is out of the range of REAL");
            }
            REAL.writeLong(output, Float.floatToIntBits(narrowed));
        }
        else {
            DOUBLE.writeDouble(output, number);
        }
    }

    private static double toDouble(JsonNode value)
    {
        if (value.isNumber()) {
            double number = value.doubleValue();
            if (Double.isInfinite(number)) {
                throw new InvalidValueException(OUT_OF_RANGE, "Number " + JsonValues.preview(value) + " is out of the range of DOUBLE");
            }
            return number;
        }
        if (value.isTextual()) {
            String text = value.textValue();
            switch (text) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    return parseDecimalText(text);
            }
        }
        throw JsonValues.wrongType(value, "a number");
    }

    private static double parseDecimalText(String text)
    {
        // Double.parseDouble also takes hex floats, "1f", and padding: accept only plain decimal literals
        int length = text.length();
        if (length == 0 || length > 400) {
            throw JsonValues.malformed(text, "a number");
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                throw JsonValues.malformed(text, "a number");
            }
        }
        try {
            double number = Double.parseDouble(text);
            if (Double.isInfinite(number)) {
                throw new InvalidValueException(OUT_OF_RANGE, "Number '" + JsonValues.preview(text) + "' is out of the range of DOUBLE");
            }
            return number;
        }
        catch (NumberFormatException e) {
            throw JsonValues.malformed(text, "a number");
        }
    }
}

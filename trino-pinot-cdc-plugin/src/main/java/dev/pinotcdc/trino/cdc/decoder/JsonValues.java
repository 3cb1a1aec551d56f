package dev.pinotcdc.trino.cdc.decoder;

import com.fasterxml.jackson.databind.JsonNode;

import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.MALFORMED;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.OUT_OF_RANGE;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.WRONG_TYPE;

/** Reading JSON scalars strictly, without exceptions on the happy path. */
final class JsonValues
{
    private static final int MAX_PREVIEW = 60;

    private JsonValues() {}

    /**
     * An integral JSON number, or a string of decimal digits (brokers return extracted JSON values as strings).
     * A floating-point number is refused even when its value is whole: a float where an integer belongs means the
     * column's type is wrong.
     */
    static long integral(JsonNode value)
    {
        if (value.isIntegralNumber()) {
            if (!value.canConvertToLong()) {
                throw new InvalidValueException(OUT_OF_RANGE, "Integer " + preview(value) + " is out of the range of a 64-bit integer");
            }
            return value.longValue();
        }
        if (value.isTextual()) {
            return parseLong(value.textValue());
        }
        throw wrongType(value, "an integer");
    }

    static long parseLong(String text)
    {
        int length = text.length();
        int start = 0;
        boolean negative = false;
        if (length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            start = 1;
        }
        if (start == length || length - start > 19) {
            if (length - start > 19 && allDigits(text, start)) {
                throw new InvalidValueException(OUT_OF_RANGE, "Integer '" + preview(text) + "' is out of the range of a 64-bit integer");
            }
            throw new InvalidValueException(MALFORMED, "Value '" + preview(text) + "' is not an integer");
        }
        // accumulate negatively so that Long.MIN_VALUE parses
        long result = 0;
        for (int i = start; i < length; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                throw new InvalidValueException(MALFORMED, "Value '" + preview(text) + "' is not an integer");
            }
            if (result < (Long.MIN_VALUE + digit) / 10) {
                throw new InvalidValueException(OUT_OF_RANGE, "Integer '" + preview(text) + "' is out of the range of a 64-bit integer");
            }
            result = result * 10 - digit;
        }
        if (!negative) {
            if (result == Long.MIN_VALUE) {
                throw new InvalidValueException(OUT_OF_RANGE, "Integer '" + preview(text) + "' is out of the range of a 64-bit integer");
            }
            return -result;
        }
        return result;
    }

    private static boolean allDigits(String text, int start)
    {
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static String text(JsonNode value, String expected)
    {
        if (!value.isTextual()) {
            throw wrongType(value, expected);
        }
        return value.textValue();
    }

    static InvalidValueException wrongType(JsonNode value, String expected)
    {
        return new InvalidValueException(WRONG_TYPE, "Expected " + expected + " but found " + kind(value) + " " + preview(value));
    }

    static InvalidValueException malformed(String text, String expected)
    {
        return new InvalidValueException(MALFORMED, "Value '" + preview(text) + "' is not " + expected);
    }

    static String kind(JsonNode value)
    {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case BOOLEAN -> "a boolean";
            case NUMBER -> value.isIntegralNumber() ? "an integer" : "a floating-point number";
            case STRING -> "a string";
            case BINARY -> "binary data";
            case NULL, MISSING -> "null";
        };
    }

    static String preview(JsonNode value)
    {
        return preview(value.toString());
    }

    static String preview(String text)
    {
        // values may be large (documents) or sensitive; error messages carry only their start
        if (text.length() <= MAX_PREVIEW) {
            return text;
        }
        return text.substring(0, MAX_PREVIEW) + "...";
    }
}

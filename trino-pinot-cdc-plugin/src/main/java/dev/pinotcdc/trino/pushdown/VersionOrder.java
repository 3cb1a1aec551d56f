package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Orders two values of a version column as Pinot's upsert compares them: numbers by value (an LSN beyond a double's
 * precision exactly), anything else by its text.
 */
final class VersionOrder
{
    private VersionOrder() {}

    static int compare(JsonNode left, JsonNode right)
    {
        if (left.isIntegralNumber() && right.isIntegralNumber() && left.canConvertToLong() && right.canConvertToLong()) {
            return Long.compare(left.longValue(), right.longValue());
        }
        if (left.isNumber() && right.isNumber()) {
            return compareNumbers(left, right);
        }
        return left.asText().compareTo(right.asText());
    }

    private static int compareNumbers(JsonNode left, JsonNode right)
    {
        double leftValue = left.doubleValue();
        double rightValue = right.doubleValue();
        if (Double.isFinite(leftValue) && Double.isFinite(rightValue)) {
            return left.decimalValue().compareTo(right.decimalValue());
        }
        return Double.compare(leftValue, rightValue);
    }
}

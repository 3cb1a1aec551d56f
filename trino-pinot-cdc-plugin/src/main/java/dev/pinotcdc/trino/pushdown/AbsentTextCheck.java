package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinotcdc.trino.client.PinotDataType;
import dev.pinotcdc.trino.pushdown.RowDecoder.ExtractedText;
import dev.pinotcdc.trino.query.CaseWhen;
import dev.pinotcdc.trino.query.ComparisonOperator;
import dev.pinotcdc.trino.query.JsonExtractScalar;
import dev.pinotcdc.trino.query.LongLiteral;
import dev.pinotcdc.trino.query.PinotExpression;
import dev.pinotcdc.trino.query.PinotFilter;
import dev.pinotcdc.trino.query.StringLiteral;
import io.trino.spi.type.VarcharType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tells a missing text field apart from a text equal to the absent marker. Pinot extracts a missing field (or a JSON
 * null) as the default it is given, and every default is legal text: a VARCHAR field may hold U+FFFF, the marker,
 * itself. Such a field is extracted a second time with another default, U+FFFE: only a missing value gives both
 * extractions their own defaults. A field of another type never holds the marker as its whole text and is extracted
 * once.
 */
final class AbsentTextCheck
{
    /** The second extraction's default. */
    static final String SECOND_DEFAULT = "\uFFFE";

    private AbsentTextCheck() {}

    /** Whether the field's text may be the marker itself, so that a marker needs the second extraction to confirm it. */
    static boolean isNeeded(PinotCdcColumnHandle field)
    {
        return field.isSourceField() && field.type() instanceof VarcharType;
    }

    /**
     * 1 where the second extraction gives its default or one of {@code nullTexts} (texts Trino reads as NULL), else 0.
     * Beside the first extraction, which gives the marker there, it says that the value is missing.
     */
    static PinotExpression confirmation(PinotCdcColumnHandle field, List<String> nullTexts)
    {
        return new CaseWhen(secondExtractionIsAbsent(field, nullTexts), new LongLiteral(1), new LongLiteral(0));
    }

    /** As {@link #confirmation}, as a condition. */
    static PinotFilter secondExtractionIsAbsent(PinotCdcColumnHandle field, List<String> nullTexts)
    {
        List<String> texts = new ArrayList<>();
        texts.add(SECOND_DEFAULT);
        texts.addAll(nullTexts);
        return InfinityStandIns.textIsOneOf(secondExtraction(field), field, texts);
    }

    /**
     * 1 for each row whose value is the marker text itself; with the rows where the first extraction gives the marker,
     * it tells whether a distinct count counted a missing value or that text.
     */
    static PinotExpression markerTextRows(PinotExpression firstExtraction, PinotCdcColumnHandle field, List<String> nullTexts)
    {
        return new CaseWhen(
                new PinotFilter.Comparison(firstExtraction, ComparisonOperator.EQUAL, new StringLiteral(ExtractedText.ABSENT)),
                new CaseWhen(secondExtractionIsAbsent(field, nullTexts), new LongLiteral(0), new LongLiteral(1)),
                new LongLiteral(0));
    }

    /** Whether an extracted text and its confirmation (a cell of {@link #confirmation}) say the value is missing. */
    static boolean isAbsent(JsonNode text, JsonNode confirmation)
    {
        return text != null && text.isTextual() && text.textValue().equals(ExtractedText.ABSENT) && isSet(confirmation);
    }

    /** A flag as a broker answers it: a number (1 or 1.0), a boolean, or the text of either. */
    static boolean isSet(JsonNode flag)
    {
        if (flag == null || flag.isNull()) {
            return false;
        }
        if (flag.isBoolean() || flag.isNumber()) {
            return flag.isBoolean() ? flag.booleanValue() : flag.asDouble() != 0;
        }
        String text = flag.asText();
        try {
            return text.equalsIgnoreCase("true") || Double.parseDouble(text) != 0;
        }
        catch (NumberFormatException e) {
            return false;
        }
    }

    private static JsonExtractScalar secondExtraction(PinotCdcColumnHandle field)
    {
        return new JsonExtractScalar(field.pinotColumn(), field.sourcePath(), PinotDataType.STRING, Optional.of(SECOND_DEFAULT));
    }
}

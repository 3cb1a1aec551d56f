package dev.pinotcdc.trino.cdc.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;

import java.math.BigDecimal;

import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.INFINITY;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.OUT_OF_RANGE;

/**
 * DECIMAL (or VARCHAR) from a decimal number written as a JSON number or as a string (decimal.handling.mode=string,
 * a broker's BIG_DECIMAL cell). For VARCHAR the text is checked and kept as written ("-0.50" stays "-0.50"); NaN
 * and infinities, which PostgreSQL numeric allows, are text a VARCHAR keeps and a DECIMAL cannot hold.
 */
final class DecimalDecoder
        extends SourceValueDecoder
{
    private final DecimalSink sink;
    private final VarcharWriter textWriter;

    DecimalDecoder(Type type)
    {
        super(type);
        this.sink = DecimalSink.forType(type);
        this.textWriter = type instanceof VarcharType varcharType ? new VarcharWriter(varcharType) : null;
    }

    @Override
    protected void decodeValue(JsonNode value, BlockBuilder output)
    {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            long number = value.longValue();
            if (textWriter != null) {
                textWriter.write(output, Long.toString(number));
            }
            else {
                sink.write(output, number, 0);
            }
            return;
        }
        if (value.isNumber()) {
            if (value.isDouble() || value.isFloat()) {
                double number = value.doubleValue();
                if (!Double.isFinite(number)) {
                    throw new InvalidValueException(OUT_OF_RANGE, "Number " + number + " is not a decimal number");
                }
                // a JSON number parsed without BigDecimal support: its shortest repr is the literal that was written
                sink.write(output, BigDecimal.valueOf(number));
                return;
            }
            sink.write(output, value.decimalValue());
            return;
        }
        if (value.isTextual()) {
            String text = value.textValue();
            switch (text) {
                case "NaN" -> {
                    if (textWriter != null) {
                        textWriter.write(output, text);
                        return;
                    }
                    throw new InvalidValueException(OUT_OF_RANGE, "NaN is not a decimal number");
                }
                case "Infinity", "-Infinity", "+Infinity", "infinity", "-infinity" -> {
                    if (textWriter != null) {
                        textWriter.write(output, text);
                        return;
                    }
                    throw new InvalidValueException(INFINITY, "Value '" + text + "' is infinite");
                }
                default -> {}
            }
            BigDecimal number = parse(text);
            if (textWriter != null) {
                textWriter.write(output, text);
            }
            else {
                sink.write(output, number);
            }
            return;
        }
        throw JsonValues.wrongType(value, "a decimal number");
    }

    private static BigDecimal parse(String text)
    {
        // BigDecimal's parser takes exponents up to 10 digits: refuse absurd lengths before it allocates
        if (text.isEmpty() || text.length() > 200) {
            throw JsonValues.malformed(text, "a decimal number");
        }
        try {
            return new BigDecimal(text);
        }
        catch (NumberFormatException e) {
            throw JsonValues.malformed(text, "a decimal number");
        }
    }
}

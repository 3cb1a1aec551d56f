package dev.pinotcdc.trino.pushdown;

import dev.pinotcdc.trino.cdc.TableShape;
import dev.pinotcdc.trino.client.PinotClientException;
import dev.pinotcdc.trino.client.PinotDataType;
import dev.pinotcdc.trino.client.PinotQueryException;
import dev.pinotcdc.trino.pushdown.RowDecoder.ExtractedText;
import dev.pinotcdc.trino.query.JsonExtractScalar;
import io.trino.spi.type.ArrayType;
import io.trino.spi.type.MapType;
import io.trino.spi.type.RowType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;

import java.util.List;
import java.util.Optional;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TinyintType.TINYINT;

/**
 * Whether a scan has Pinot extract the source fields it reads, one {@code JSONEXTRACTSCALAR} each, instead of
 * receiving whole source documents. Pinot parses the document again for every extraction, so extraction pays only
 * when few fields are read (the limit is a session property; the benchmark measured where it pays, see the README).
 * <p>
 * A field is extracted as text, which Pinot renders the same way the document holds it for strings, whole numbers,
 * booleans and floating-point numbers; fields whose value is an object, an array or a decimal number stay with the
 * whole document, where the decoder sees the JSON itself.
 */
public final class SourceFieldExtraction
{
    private SourceFieldExtraction() {}

    static boolean applies(PinotCdcTableHandle table, List<PinotCdcColumnHandle> columns)
    {
        // only an upsert scan is sure that every row holds a row image: Pinot 0.11 fails to extract from a null source
        if (table.shape() != TableShape.UPSERT_CDC) {
            return false;
        }
        List<PinotCdcColumnHandle> fields = columns.stream().filter(PinotCdcColumnHandle::isSourceField).toList();
        long distinctFields = fields.stream().map(PinotCdcColumnHandle::sourcePath).distinct().count();
        return distinctFields > 0
                && distinctFields <= table.maxExtractedSourceFields()
                && fields.stream().allMatch(SourceFieldExtraction::isExtractable);
    }

    /** The field as text, {@link ExtractedText#ABSENT} where it is missing or a JSON null. */
    static JsonExtractScalar text(PinotCdcColumnHandle field)
    {
        return new JsonExtractScalar(field.pinotColumn(), field.sourcePath(), PinotDataType.STRING, Optional.of(ExtractedText.ABSENT));
    }

    /**
     * Whether the text Pinot extracts for the field (a value read, or a group's key) is a number its decoder wants as
     * a number.
     */
    static boolean isWholeNumberText(PinotCdcColumnHandle field)
    {
        return switch (field.encoding()) {
            case EPOCH_DAYS, EPOCH_MILLIS, EPOCH_MICROS, EPOCH_NANOS, MILLIS_OF_DAY, MICROS_OF_DAY, NANOS_OF_DAY, MICRO_DURATION -> true;
            // any native number: text that is no integer becomes the number it is (see ExtractedText)
            case NATIVE -> field.type() != BOOLEAN && !(field.type() instanceof VarcharType);
            default -> false;
        };
    }

    /**
     * Whether Pinot failed because a row's source is not JSON: it then fails every extraction, and a scan has to read
     * whole documents to show such rows.
     */
    public static boolean failedOnMalformedSource(PinotClientException failure)
    {
        return failure instanceof PinotQueryException && failure.getMessage() != null && failure.getMessage().contains("InvalidJsonException");
    }

    private static boolean isExtractable(PinotCdcColumnHandle field)
    {
        if (!field.sourcePath().stream().allMatch(JsonExtractScalar::isWritableKey)) {
            return false;
        }
        Type type = field.type();
        return switch (field.encoding()) {
            // REAL and DOUBLE come whole: Pinot's text of a negative zero loses its sign (the differential tests saw it)
            case NATIVE -> type == BOOLEAN || type instanceof VarcharType || isInteger(type);
            case EPOCH_DAYS, EPOCH_MILLIS, EPOCH_MICROS, EPOCH_NANOS, MILLIS_OF_DAY, MICROS_OF_DAY, NANOS_OF_DAY, MICRO_DURATION,
                    ISO_DATE, ISO_TIMESTAMP, ISO_ZONED_TIMESTAMP, ISO_TIME, ISO_ZONED_TIME, ISO_INTERVAL,
                    DECIMAL_BASE64, DECIMAL_STRING, JSON_STRING, UUID_STRING, BASE64_BYTES, HEX_BYTES, BITS_BASE64 -> !isContainer(type);
            // an object, a number Pinot would turn into a double, or not a source encoding at all
            case VARIABLE_SCALE_DECIMAL, DECIMAL_DOUBLE, PINOT_TIMESTAMP, SCHEMA_VERSIONS -> false;
        };
    }

    private static boolean isContainer(Type type)
    {
        return type instanceof ArrayType || type instanceof RowType || type instanceof MapType;
    }

    private static boolean isInteger(Type type)
    {
        return type == BIGINT || type == INTEGER || type == SMALLINT || type == TINYINT;
    }
}

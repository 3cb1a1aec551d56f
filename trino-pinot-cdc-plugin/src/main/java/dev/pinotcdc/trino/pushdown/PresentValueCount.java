package dev.pinotcdc.trino.pushdown;

import dev.pinotcdc.trino.cdc.FieldEncoding;
import dev.pinotcdc.trino.cdc.decoder.DebeziumSentinels;
import dev.pinotcdc.trino.client.JsonIndexScope;
import dev.pinotcdc.trino.client.PinotDataType;
import dev.pinotcdc.trino.pushdown.RowDecoder.ExtractedText;
import dev.pinotcdc.trino.query.CaseWhen;
import dev.pinotcdc.trino.query.ComparisonOperator;
import dev.pinotcdc.trino.query.CountAll;
import dev.pinotcdc.trino.query.FilteredAggregation;
import dev.pinotcdc.trino.query.FunctionCall;
import dev.pinotcdc.trino.query.JsonExtractScalar;
import dev.pinotcdc.trino.query.JsonMatchPredicate;
import dev.pinotcdc.trino.query.LongLiteral;
import dev.pinotcdc.trino.query.PinotExpression;
import dev.pinotcdc.trino.query.PinotFilter;
import dev.pinotcdc.trino.query.StringLiteral;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TinyintType.TINYINT;

/**
 * The aggregation counting the rows where a source field holds a value: not absent, not a JSON null and, where the
 * type can be TOASTed, not Debezium's placeholder. It says when Trino's count, sum, min or max is NULL.
 */
final class PresentValueCount
{
    private PresentValueCount() {}

    /**
     * Whether the JSON index answers {@link #byJsonIndex}: the path can be written inside JSON_MATCH, and the field
     * holds a scalar, which the index keeps under the field's own key (an object or array it keeps under the keys
     * of its elements, and an empty one not at all).
     */
    static boolean isIndexed(PinotCdcColumnHandle field, JsonIndexScope index)
    {
        return isIndexable(field)
                && index.keepsPath(field.sourcePath())
                && index.keepsValue(DebeziumSentinels.UNAVAILABLE_VALUE);
    }

    private static boolean isIndexable(PinotCdcColumnHandle field)
    {
        return JsonMatchPredicate.isWritablePath(field.sourcePath()) && holdsScalar(field.encoding(), field.type());
    }

    /** Counts through the JSON index: no row's JSON is parsed. Pinot 0.11 takes it only in a query without GROUP BY. */
    static PinotExpression byJsonIndex(PinotCdcColumnHandle field, boolean mayHoldUnavailableValue)
    {
        if (!isIndexable(field)) {
            throw new IllegalArgumentException("The JSON index cannot count the values of " + field.name());
        }
        List<String> path = field.sourcePath();
        PinotFilter present = new PinotFilter.JsonMatch(field.pinotColumn(), new JsonMatchPredicate.IsNull(path, true));
        // the index refuses IS NOT NULL and <> in one JSON_MATCH: two, each a whole predicate
        List<String> nullTexts = new ArrayList<>(mayHoldUnavailableValue ? List.of(DebeziumSentinels.UNAVAILABLE_VALUE) : List.of());
        InfinityStandIns.of(field).forEach(number -> nullTexts.add(number.toString()));
        if (!nullTexts.isEmpty()) {
            PinotFilter notNullText = new PinotFilter.JsonMatch(field.pinotColumn(), new JsonMatchPredicate.ValueIn(path, nullTexts, true));
            present = new PinotFilter.And(List.of(present, notNullText));
        }
        return new FilteredAggregation(new CountAll(), present);
    }

    /** Counts with a CASE over the extracted text: works beside GROUP BY, and parses each row's JSON once more. */
    static PinotExpression byExtraction(PinotCdcColumnHandle field, boolean mayHoldUnavailableValue)
    {
        JsonExtractScalar text = new JsonExtractScalar(field.pinotColumn(), field.sourcePath(), PinotDataType.STRING, Optional.of(ExtractedText.ABSENT));
        // Pinot 0.11 has no NOT IN inside CASE: absent values, then (where the type can be TOASTed) Debezium's
        // placeholder, count 0; every extraction parses the JSON again, so the second test is added only where needed
        PinotExpression presentUnlessUnavailable = mayHoldUnavailableValue
                ? new CaseWhen(new PinotFilter.Comparison(text, ComparisonOperator.EQUAL, new StringLiteral(DebeziumSentinels.UNAVAILABLE_VALUE)), new LongLiteral(0), new LongLiteral(1))
                : new LongLiteral(1);
        // a text that may be the marker itself is present where a second extraction does not confirm the marker
        PinotExpression whereMarker = AbsentTextCheck.isNeeded(field)
                ? new CaseWhen(AbsentTextCheck.secondExtractionIsAbsent(field, List.of()), new LongLiteral(0), new LongLiteral(1))
                : new LongLiteral(0);
        // Debezium's infinities (NULL to Trino) count 0 with the absent values: IN takes them in one extraction
        PinotExpression isPresent = new CaseWhen(
                InfinityStandIns.textIsOneOf(text, field, List.of(ExtractedText.ABSENT)),
                whereMarker,
                presentUnlessUnavailable);
        return FunctionCall.of("SUM", isPresent);
    }

    private static boolean holdsScalar(FieldEncoding encoding, Type type)
    {
        return switch (encoding) {
            // JSON and ARRAY values are written natively, as objects and arrays
            case NATIVE -> type == BOOLEAN || type == BIGINT || type == INTEGER || type == SMALLINT || type == TINYINT
                    || type == DOUBLE || type == REAL || type instanceof VarcharType || type instanceof DecimalType;
            case VARIABLE_SCALE_DECIMAL -> false;
            default -> true;
        };
    }
}

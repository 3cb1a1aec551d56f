package dev.pinotcdc.trino.pushdown;

import dev.pinotcdc.trino.cdc.decoder.DebeziumSentinels;
import dev.pinotcdc.trino.client.JsonIndexScope;
import dev.pinotcdc.trino.query.ColumnReference;
import dev.pinotcdc.trino.query.ComparisonOperator;
import dev.pinotcdc.trino.query.JsonMatchPredicate;
import dev.pinotcdc.trino.query.PinotFilter;
import dev.pinotcdc.trino.query.StringLiteral;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;

import java.util.ArrayList;
import java.util.List;

/**
 * What a filter on a promoted field's native column needs besides the values, to hold exactly where Trino's filter
 * on the field holds. Pinot 0.11 stores its stand-in (Long.MIN_VALUE, Integer.MIN_VALUE, "null", false, -Infinity)
 * where the field is missing or NULL, and the stand-in is also a legal value: only the source JSON tells them apart.
 * Its JSON index does so without parsing a row: {@code JSON_MATCH(source, '"$.f" IS NOT NULL')}. A text field may also
 * hold Debezium's placeholder for an unchanged TOASTed value, which Trino reads as NULL. Debezium's numbers for
 * PostgreSQL's infinities are taken out of the values themselves (they decode to NULL: see StoredValueSet).
 */
final class PromotedFieldGuard
{
    private PromotedFieldGuard() {}

    /**
     * Whether Pinot may filter the field on its native copy: the JSON index can tell the rows holding a value, and
     * Pinot compares the stored values as Trino does. Not so for REAL and DOUBLE: a committed segment's sorted
     * dictionary orders them as {@code Double.compare} does (-0.0 before 0.0, NaN after +Infinity) while its range
     * lookup compares with {@code <}, so {@code d > 1.5} takes NaN in, and a range bounded by 0 takes in or leaves out
     * either zero. The source field's extraction compares with {@code <} throughout, as Trino does.
     */
    static boolean applies(PinotCdcColumnHandle field, JsonIndexScope sourceJsonIndex)
    {
        return field.nativeCopy().isPresent()
                && !isFloatingPoint(field.type())
                && sourceJsonIndex.keepsPath(field.sourcePath())
                && JsonMatchPredicate.isWritablePath(field.sourcePath());
    }

    private static boolean isFloatingPoint(Type type)
    {
        return type == RealType.REAL || type == DoubleType.DOUBLE;
    }

    /**
     * @param placeholderAdmitted the filter's values include the text of Debezium's placeholder
     */
    static List<PinotFilter> guards(PinotCdcColumnHandle field, boolean placeholderAdmitted)
    {
        List<PinotFilter> guards = new ArrayList<>();
        guards.add(new PinotFilter.JsonMatch(field.pinotColumn(), new JsonMatchPredicate.IsNull(field.sourcePath(), true)));
        if (placeholderAdmitted && field.type() instanceof VarcharType) {
            String nativeColumn = field.nativeCopy().orElseThrow().column();
            guards.add(new PinotFilter.Comparison(new ColumnReference(nativeColumn), ComparisonOperator.NOT_EQUAL, new StringLiteral(DebeziumSentinels.UNAVAILABLE_VALUE)));
        }
        return guards;
    }
}

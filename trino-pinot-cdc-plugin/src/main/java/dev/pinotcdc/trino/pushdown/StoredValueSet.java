package dev.pinotcdc.trino.pushdown;

import dev.pinotcdc.trino.query.DoubleLiteral;
import dev.pinotcdc.trino.query.JsonMatchPredicate;
import dev.pinotcdc.trino.query.LongLiteral;
import dev.pinotcdc.trino.query.PinotExpression;
import dev.pinotcdc.trino.query.PinotFilter;
import dev.pinotcdc.trino.query.PinotFilter.Between;
import dev.pinotcdc.trino.query.PinotFilter.Comparison;
import dev.pinotcdc.trino.query.PinotFilter.In;
import dev.pinotcdc.trino.query.PinotLiteral;
import dev.pinotcdc.trino.query.StringLiteral;
import io.trino.spi.predicate.Range;
import io.trino.spi.predicate.ValueSet;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TinyintType;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static dev.pinotcdc.trino.query.ComparisonOperator.EQUAL;
import static dev.pinotcdc.trino.query.ComparisonOperator.GREATER_THAN;
import static dev.pinotcdc.trino.query.ComparisonOperator.GREATER_THAN_OR_EQUAL;
import static dev.pinotcdc.trino.query.ComparisonOperator.LESS_THAN;
import static dev.pinotcdc.trino.query.ComparisonOperator.LESS_THAN_OR_EQUAL;
import static dev.pinotcdc.trino.query.ComparisonOperator.NOT_EQUAL;
import static io.trino.spi.type.BooleanType.BOOLEAN;

/** The non-null part of a Trino domain, converted to stored values: the set of stored values a row must hold. */
sealed interface StoredValueSet
{
    /**
     * Disjoint, ascending, inclusive intervals of stored whole numbers; an empty bound is unbounded. {@code excluded}:
     * values inside the intervals that are not in the set (Debezium's numbers for PostgreSQL's infinities, which
     * decode to NULL), ascending.
     */
    record Numbers(List<Interval> intervals, List<Long> excluded)
            implements StoredValueSet
    {
        public Numbers
        {
            intervals = List.copyOf(intervals);
            excluded = List.copyOf(excluded);
        }

        /** The intervals less the given values: a value alone is dropped, one inside a wider interval is excluded. */
        static Numbers of(List<Interval> intervals, List<Long> notValues)
        {
            List<Interval> kept = intervals.stream()
                    .filter(interval -> !(interval.isSingleValue() && notValues.contains(interval.low().getAsLong())))
                    .toList();
            List<Long> excluded = notValues.stream()
                    .filter(value -> kept.stream().anyMatch(interval -> interval.contains(value)))
                    .sorted()
                    .toList();
            return new Numbers(kept, excluded);
        }

        record Interval(OptionalLong low, OptionalLong high)
        {
            boolean isSingleValue()
            {
                return low.isPresent() && high.isPresent() && low.getAsLong() == high.getAsLong();
            }

            boolean contains(long value)
            {
                return (low.isEmpty() || low.getAsLong() <= value) && (high.isEmpty() || value <= high.getAsLong());
            }
        }
    }

    record FloatingRanges(List<Bounds> ranges)
            implements StoredValueSet
    {
    }

    /** Text equal to one of the values. */
    record TextValues(List<String> values)
            implements StoredValueSet
    {
    }

    /** Text equal to none of the values. */
    record TextExcluded(List<String> values)
            implements StoredValueSet
    {
    }

    record TextRanges(List<Bounds> ranges)
            implements StoredValueSet
    {
    }

    /** A range with literal bounds. */
    record Bounds(Optional<PinotLiteral> low, boolean lowInclusive, Optional<PinotLiteral> high, boolean highInclusive)
    {
        boolean isSingleValue()
        {
            return low.isPresent() && low.equals(high) && lowInclusive && highInclusive;
        }
    }

    /** True when every stored value is in the set (rounding or clamping can widen a bounded Trino range to that). */
    default boolean isAll()
    {
        // values that decode to NULL (excluded) are no values: the rest of every stored value is every Trino value
        return this instanceof Numbers numbers && numbers.intervals().size() == 1 &&
                numbers.intervals().getFirst().low().orElse(Long.MIN_VALUE) == Long.MIN_VALUE &&
                numbers.intervals().getFirst().high().orElse(Long.MAX_VALUE) == Long.MAX_VALUE;
    }

    default boolean isEmpty()
    {
        return switch (this) {
            case Numbers numbers -> numbers.intervals().isEmpty();
            case FloatingRanges floating -> floating.ranges().isEmpty();
            case TextValues values -> values.values().isEmpty();
            case TextExcluded _ -> false;
            case TextRanges ranges -> ranges.ranges().isEmpty();
        };
    }

    /**
     * The values as text, when the set is a finite list of values that JSON_MATCH can compare (its index keeps
     * each leaf's text: Jackson writes JSON integers, booleans and strings exactly as these texts).
     */
    default Optional<List<String>> jsonMatchValues()
    {
        List<String> texts = switch (this) {
            case Numbers numbers when numbers.intervals().stream().allMatch(Numbers.Interval::isSingleValue) ->
                    numbers.intervals().stream().map(interval -> Long.toString(interval.low().getAsLong())).toList();
            case TextValues values -> values.values();
            default -> null;
        };
        return Optional.ofNullable(texts).filter(values -> values.stream().allMatch(JsonMatchPredicate::isWritableValue));
    }

    /** The filter on {@code value} that holds exactly for the stored values of this set (non-empty). */
    default PinotFilter toFilter(PinotExpression value)
    {
        List<PinotFilter> disjuncts = new ArrayList<>();
        switch (this) {
            case Numbers numbers when !numbers.excluded().isEmpty() -> {
                // the set without its exclusions, less them
                Numbers included = new Numbers(numbers.intervals(), List.of());
                PinotFilter notExcluded = valueIn(value, numbers.excluded().stream().map(number -> (PinotLiteral) new LongLiteral(number)).toList(), true);
                return included.isAll() ? notExcluded : PinotFilter.and(List.of(included.toFilter(value), notExcluded));
            }
            case Numbers numbers -> {
                Optional<List<Long>> excluded = excludedNumbers(numbers);
                if (excluded.isPresent()) {
                    disjuncts.add(valueIn(value, excluded.orElseThrow().stream().map(number -> (PinotLiteral) new LongLiteral(number)).toList(), true));
                    break;
                }
                List<PinotLiteral> singles = new ArrayList<>();
                for (Numbers.Interval interval : numbers.intervals()) {
                    if (interval.isSingleValue()) {
                        singles.add(new LongLiteral(interval.low().getAsLong()));
                    }
                }
                if (!singles.isEmpty()) {
                    disjuncts.add(valueIn(value, singles, false));
                }
                for (Numbers.Interval interval : numbers.intervals()) {
                    if (!interval.isSingleValue()) {
                        disjuncts.add(range(value, new Bounds(
                                interval.low().isPresent() ? Optional.of(new LongLiteral(interval.low().getAsLong())) : Optional.empty(),
                                true,
                                interval.high().isPresent() ? Optional.of(new LongLiteral(interval.high().getAsLong())) : Optional.empty(),
                                true)));
                    }
                }
            }
            case FloatingRanges floating -> {
                for (Bounds bounds : floating.ranges()) {
                    // Pinot merges ORed equalities into IN, whose hash set tells 0.0 from -0.0: a single value among
                    // several is written as a range, compared with primitive double comparisons like '='
                    if (bounds.isSingleValue() && floating.ranges().size() == 1) {
                        disjuncts.add(new Comparison(value, EQUAL, bounds.low().orElseThrow()));
                    }
                    else {
                        disjuncts.add(range(value, bounds));
                    }
                }
            }
            case TextValues values -> disjuncts.add(valueIn(value, values.values().stream().map(text -> (PinotLiteral) new StringLiteral(text)).toList(), false));
            case TextExcluded excluded -> disjuncts.add(valueIn(value, excluded.values().stream().map(text -> (PinotLiteral) new StringLiteral(text)).toList(), true));
            case TextRanges ranges -> {
                List<PinotLiteral> singles = new ArrayList<>();
                for (Bounds bounds : ranges.ranges()) {
                    if (bounds.isSingleValue()) {
                        singles.add(bounds.low().orElseThrow());
                    }
                }
                if (!singles.isEmpty()) {
                    disjuncts.add(valueIn(value, singles, false));
                }
                for (Bounds bounds : ranges.ranges()) {
                    if (!bounds.isSingleValue()) {
                        disjuncts.add(range(value, bounds));
                    }
                }
            }
        }
        return PinotFilter.or(disjuncts);
    }

    /** The numbers outside the set, when they are a few values (the shape of {@code <>} and NOT IN). */
    private static Optional<List<Long>> excludedNumbers(Numbers numbers)
    {
        List<Numbers.Interval> intervals = numbers.intervals();
        if (intervals.size() < 2 || intervals.getFirst().low().isPresent() || intervals.getLast().high().isPresent()) {
            return Optional.empty();
        }
        List<Long> excluded = new ArrayList<>();
        for (int i = 1; i < intervals.size(); i++) {
            long previousHigh = intervals.get(i - 1).high().getAsLong();
            long low = intervals.get(i).low().getAsLong();
            if (low - previousHigh - 1 > MAX_EXCLUDED_VALUES - excluded.size()) {
                return Optional.empty();
            }
            for (long value = previousHigh + 1; value < low; value++) {
                excluded.add(value);
            }
        }
        return Optional.of(excluded);
    }

    int MAX_EXCLUDED_VALUES = 10;

    private static PinotFilter valueIn(PinotExpression value, List<PinotLiteral> values, boolean negated)
    {
        if (values.size() == 1) {
            return new Comparison(value, negated ? NOT_EQUAL : EQUAL, values.getFirst());
        }
        return new In(value, values, negated);
    }

    private static PinotFilter range(PinotExpression value, Bounds bounds)
    {
        if (bounds.low().isPresent() && bounds.high().isPresent() && bounds.lowInclusive() && bounds.highInclusive()) {
            return new Between(value, bounds.low().orElseThrow(), bounds.high().orElseThrow());
        }
        List<PinotFilter> terms = new ArrayList<>();
        bounds.low().ifPresent(low -> terms.add(new Comparison(value, bounds.lowInclusive() ? GREATER_THAN_OR_EQUAL : GREATER_THAN, low)));
        bounds.high().ifPresent(high -> terms.add(new Comparison(value, bounds.highInclusive() ? LESS_THAN_OR_EQUAL : LESS_THAN, high)));
        return PinotFilter.and(terms);
    }

    /**
     * Converts the non-null values of a domain; empty when Pinot cannot compare them exactly. The value set is
     * neither all nor none.
     */
    static Optional<StoredValueSet> of(StoredForm form, ValueSet values)
    {
        return switch (form) {
            case StoredForm.WholeNumber number -> Optional.of(numbers(number, values));
            case StoredForm.FloatingPoint floating -> floatingRanges(floating, values);
            case StoredForm.Text text -> texts(text, values);
        };
    }

    private static Numbers numbers(StoredForm.WholeNumber form, ValueSet values)
    {
        BigInteger unit = form.unit();
        List<Numbers.Interval> intervals = new ArrayList<>();
        for (Range range : values.getRanges().getOrderedRanges()) {
            // stored s decodes to s * unit exactly: s >= x iff s >= ceil(x / unit), s > x iff s > floor(x / unit)
            BigInteger low = null;
            if (!range.isLowUnbounded()) {
                BigInteger fine = form.toFineUnits(range.getLowBoundedValue());
                low = range.isLowInclusive() ? ceilDiv(fine, unit) : floorDiv(fine, unit).add(BigInteger.ONE);
            }
            BigInteger high = null;
            if (!range.isHighUnbounded()) {
                BigInteger fine = form.toFineUnits(range.getHighBoundedValue());
                high = range.isHighInclusive() ? floorDiv(fine, unit) : ceilDiv(fine, unit).subtract(BigInteger.ONE);
            }
            if (low != null && high != null && low.compareTo(high) > 0) {
                // no stored value decodes into this range, e.g. a microsecond between two stored milliseconds
                continue;
            }
            BigInteger min = storedMin(form);
            BigInteger max = storedMax(form);
            if ((low != null && low.compareTo(max) > 0) || (high != null && high.compareTo(min) < 0)) {
                continue;
            }
            // a bound beyond the stored range excludes nothing
            OptionalLong storedLow = low == null || low.compareTo(min) < 0 ? OptionalLong.empty() : OptionalLong.of(low.longValueExact());
            OptionalLong storedHigh = high == null || high.compareTo(max) > 0 ? OptionalLong.empty() : OptionalLong.of(high.longValueExact());
            Numbers.Interval interval = new Numbers.Interval(storedLow, storedHigh);
            // rounding can make neighbouring ranges meet: keep the intervals disjoint and maximal
            if (!intervals.isEmpty() && touches(intervals.getLast(), interval)) {
                interval = new Numbers.Interval(intervals.removeLast().low(), interval.high());
            }
            intervals.add(interval);
        }
        return Numbers.of(intervals, form.infinityStandIns());
    }

    /**
     * The smallest stored value: a whole number of a narrower type than BIGINT holds only that type's values, so a
     * range wholly beyond them matches nothing (sent to Pinot, {@code c_int <= -2147483649} made Pinot 0.11 prune
     * every segment of an INT column, which the connector must refuse as an answer from no server).
     */
    private static BigInteger storedMin(StoredForm.WholeNumber form)
    {
        return switch (form.type()) {
            case IntegerType _ when form.unit().equals(BigInteger.ONE) -> BigInteger.valueOf(Integer.MIN_VALUE);
            case SmallintType _ when form.unit().equals(BigInteger.ONE) -> BigInteger.valueOf(Short.MIN_VALUE);
            case TinyintType _ when form.unit().equals(BigInteger.ONE) -> BigInteger.valueOf(Byte.MIN_VALUE);
            default -> LONG_MIN;
        };
    }

    private static BigInteger storedMax(StoredForm.WholeNumber form)
    {
        return switch (form.type()) {
            case IntegerType _ when form.unit().equals(BigInteger.ONE) -> BigInteger.valueOf(Integer.MAX_VALUE);
            case SmallintType _ when form.unit().equals(BigInteger.ONE) -> BigInteger.valueOf(Short.MAX_VALUE);
            case TinyintType _ when form.unit().equals(BigInteger.ONE) -> BigInteger.valueOf(Byte.MAX_VALUE);
            default -> LONG_MAX;
        };
    }

    private static boolean touches(Numbers.Interval previous, Numbers.Interval next)
    {
        return previous.high().isEmpty() || next.low().isEmpty() || next.low().getAsLong() - 1 <= previous.high().getAsLong();
    }

    private static Optional<StoredValueSet> floatingRanges(StoredForm.FloatingPoint form, ValueSet values)
    {
        List<Bounds> bounds = new ArrayList<>();
        for (Range range : values.getRanges().getOrderedRanges()) {
            Optional<PinotLiteral> low = Optional.empty();
            if (!range.isLowUnbounded()) {
                Optional<DoubleLiteral> literal = form.toLiteral(range.getLowBoundedValue());
                if (literal.isEmpty()) {
                    return Optional.empty();
                }
                low = Optional.of(literal.orElseThrow());
            }
            Optional<PinotLiteral> high = Optional.empty();
            if (!range.isHighUnbounded()) {
                Optional<DoubleLiteral> literal = form.toLiteral(range.getHighBoundedValue());
                if (literal.isEmpty()) {
                    return Optional.empty();
                }
                high = Optional.of(literal.orElseThrow());
            }
            bounds.add(new Bounds(low, range.isLowInclusive(), high, range.isHighInclusive()));
        }
        return Optional.of(new FloatingRanges(bounds));
    }

    private static Optional<StoredValueSet> texts(StoredForm.Text form, ValueSet values)
    {
        if (!form.orderable()) {
            // UUID and BOOLEAN: only finite lists of values; a boolean set is always one (there are two values)
            if (values.isDiscreteSet()) {
                return writableTexts(values.getDiscreteSet().stream().map(form::toText).toList()).map(TextValues::new);
            }
            if (form.type() == BOOLEAN) {
                List<String> texts = new ArrayList<>();
                for (boolean value : new boolean[] {false, true}) {
                    if (values.containsValue(value)) {
                        texts.add(Boolean.toString(value));
                    }
                }
                return Optional.of(new TextValues(texts));
            }
            return Optional.empty();
        }
        if (values.isDiscreteSet()) {
            return writableTexts(values.getDiscreteSet().stream().map(form::toText).toList()).map(TextValues::new);
        }
        ValueSet complement = values.complement();
        if (complement.isDiscreteSet()) {
            return writableTexts(complement.getDiscreteSet().stream().map(form::toText).toList()).map(TextExcluded::new);
        }
        List<Bounds> bounds = new ArrayList<>();
        for (Range range : values.getRanges().getOrderedRanges()) {
            Optional<PinotLiteral> low = Optional.empty();
            if (!range.isLowUnbounded()) {
                Optional<StringLiteral> literal = orderableText(form.toText(range.getLowBoundedValue()));
                if (literal.isEmpty()) {
                    return Optional.empty();
                }
                low = Optional.of(literal.orElseThrow());
            }
            Optional<PinotLiteral> high = Optional.empty();
            if (!range.isHighUnbounded()) {
                Optional<StringLiteral> literal = orderableText(form.toText(range.getHighBoundedValue()));
                if (literal.isEmpty()) {
                    return Optional.empty();
                }
                high = Optional.of(literal.orElseThrow());
            }
            bounds.add(new Bounds(low, range.isLowInclusive(), high, range.isHighInclusive()));
        }
        return Optional.of(new TextRanges(bounds));
    }

    private static Optional<List<String>> writableTexts(List<String> texts)
    {
        return texts.stream().allMatch(StringLiteral::isWritable) ? Optional.of(texts) : Optional.empty();
    }

    /**
     * A range bound Pinot orders like Trino: String.compareTo (UTF-16 units) and Trino (code points) disagree only
     * where one string has a surrogate and the other a character from U+E000 up; with every bound character below
     * U+D800 the first difference from any stored string decides the same way in both orders.
     */
    private static Optional<StringLiteral> orderableText(String text)
    {
        if (!StringLiteral.isWritable(text) || text.chars().anyMatch(c -> c >= 0xD800)) {
            return Optional.empty();
        }
        return Optional.of(new StringLiteral(text));
    }

    /** Whether a stored value is in the set: used to choose a default that decides rows lacking the field. */
    default boolean containsNumber(long value)
    {
        Numbers numbers = (Numbers) this;
        return !numbers.excluded().contains(value) && numbers.intervals().stream().anyMatch(interval -> interval.contains(value));
    }

    default boolean containsText(String value)
    {
        return switch (this) {
            case TextValues values -> values.values().contains(value);
            case TextExcluded excluded -> !excluded.values().contains(value);
            case TextRanges ranges -> ranges.ranges().stream().anyMatch(bounds -> textInBounds(value, bounds));
            default -> throw new IllegalStateException("Not a text set: " + this);
        };
    }

    private static boolean textInBounds(String value, Bounds bounds)
    {
        if (bounds.low().isPresent()) {
            int comparison = value.compareTo(((StringLiteral) bounds.low().orElseThrow()).value());
            if (comparison < 0 || (comparison == 0 && !bounds.lowInclusive())) {
                return false;
            }
        }
        if (bounds.high().isPresent()) {
            int comparison = value.compareTo(((StringLiteral) bounds.high().orElseThrow()).value());
            return comparison < 0 || (comparison == 0 && bounds.highInclusive());
        }
        return true;
    }

    BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private static BigInteger floorDiv(BigInteger value, BigInteger divisor)
    {
        BigInteger[] quotientAndRemainder = value.divideAndRemainder(divisor);
        return quotientAndRemainder[1].signum() < 0 ? quotientAndRemainder[0].subtract(BigInteger.ONE) : quotientAndRemainder[0];
    }

    private static BigInteger ceilDiv(BigInteger value, BigInteger divisor)
    {
        BigInteger[] quotientAndRemainder = value.divideAndRemainder(divisor);
        return quotientAndRemainder[1].signum() > 0 ? quotientAndRemainder[0].add(BigInteger.ONE) : quotientAndRemainder[0];
    }
}

package dev.pinotcdc.trino.pushdown;

import dev.pinotcdc.trino.cdc.NativeCopy;
import dev.pinotcdc.trino.client.JsonIndexScope;
import dev.pinotcdc.trino.client.PinotDataType;
import dev.pinotcdc.trino.query.ColumnReference;
import dev.pinotcdc.trino.query.ComparisonOperator;
import dev.pinotcdc.trino.query.JsonExtractScalar;
import dev.pinotcdc.trino.query.JsonMatchPredicate;
import dev.pinotcdc.trino.query.PinotExpression;
import dev.pinotcdc.trino.query.PinotFilter;
import dev.pinotcdc.trino.query.PinotFilter.Comparison;
import dev.pinotcdc.trino.query.StringLiteral;
import io.airlift.slice.Slice;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.expression.Call;
import io.trino.spi.expression.ConnectorExpression;
import io.trino.spi.expression.Constant;
import io.trino.spi.expression.Variable;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.type.VarcharType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static dev.pinotcdc.trino.query.ComparisonOperator.EQUAL;
import static dev.pinotcdc.trino.query.ComparisonOperator.NOT_EQUAL;
import static io.trino.plugin.base.expression.ConnectorExpressions.and;
import static io.trino.plugin.base.expression.ConnectorExpressions.extractConjuncts;
import static io.trino.spi.expression.StandardFunctions.LIKE_FUNCTION_NAME;
import static java.util.Objects.requireNonNull;

/**
 * Translates what Trino offers in {@code applyFilter} into a {@link PinotFilter}, keeping in Trino everything Pinot
 * would not answer exactly.
 * <p>
 * Native columns: Pinot 0.11 keeps no nulls without null handling, so a domain that admits NULL stays in Trino.
 * <p>
 * Source fields, with a JSON index: values, IS NULL and IS NOT NULL go into JSON_MATCH where the path and values
 * allow; ranges use JSONEXTRACTSCALAR behind a {@code JSON_MATCH(.. IS NOT NULL)} guard, which also keeps Pinot from
 * reading rows whose source is null. Without a JSON index: JSONEXTRACTSCALAR with a default outside the wanted
 * values (so a missing or null field never matches), and an explicit null test where NULL is wanted; not at all
 * when the source may be null.
 */
public final class PinotFilterTranslator
{
    // two different defaults: a field is missing or null exactly when the extraction returns both of them
    private static final String NULL_PROBE_ONE = "0";
    private static final String NULL_PROBE_TWO = "1";

    private PinotFilterTranslator() {}

    public static FilterTranslation translate(TupleDomain<ColumnHandle> constraint, JsonSourceCapabilities source)
    {
        requireNonNull(constraint, "constraint is null");
        requireNonNull(source, "source is null");
        if (constraint.isNone()) {
            return new FilterTranslation(Optional.empty(), TupleDomain.none(), TupleDomain.all(), true);
        }
        List<PinotFilter> filters = new ArrayList<>();
        Map<ColumnHandle, Domain> pushed = new LinkedHashMap<>();
        Map<ColumnHandle, Domain> remaining = new LinkedHashMap<>();
        for (Map.Entry<ColumnHandle, Domain> entry : constraint.getDomains().orElseThrow().entrySet()) {
            Optional<ColumnFilter> filter = entry.getKey() instanceof PinotCdcColumnHandle column
                    ? translateDomain(column, entry.getValue(), source)
                    : Optional.empty();
            if (filter.isEmpty()) {
                remaining.put(entry.getKey(), entry.getValue());
                continue;
            }
            switch (filter.orElseThrow()) {
                case ColumnFilter.Never _ -> {
                    return new FilterTranslation(Optional.empty(), TupleDomain.none(), TupleDomain.all(), true);
                }
                case ColumnFilter.Always _ -> pushed.put(entry.getKey(), entry.getValue());
                case ColumnFilter.When when -> {
                    filters.add(when.filter());
                    pushed.put(entry.getKey(), entry.getValue());
                }
            }
        }
        Optional<PinotFilter> filter = filters.isEmpty() ? Optional.empty() : Optional.of(PinotFilter.and(filters));
        return new FilterTranslation(filter, TupleDomain.withColumnDomains(pushed), TupleDomain.withColumnDomains(remaining), false);
    }

    /**
     * Finds the conjuncts Trino cannot express as a TupleDomain but Pinot answers exactly: today
     * {@code column LIKE 'prefix%'} (with or without ESCAPE) on a VARCHAR column.
     *
     * @param assignments {@code Constraint.getAssignments()}: variable names to column handles
     */
    public static ExpressionTranslation translate(ConnectorExpression expression, Map<String, ColumnHandle> assignments, JsonSourceCapabilities source)
    {
        requireNonNull(expression, "expression is null");
        requireNonNull(assignments, "assignments is null");
        requireNonNull(source, "source is null");
        List<PrefixMatch> matches = new ArrayList<>();
        List<ConnectorExpression> pushed = new ArrayList<>();
        List<ConnectorExpression> remaining = new ArrayList<>();
        for (ConnectorExpression conjunct : extractConjuncts(expression)) {
            Optional<PrefixMatch> match = prefixMatch(conjunct, assignments).filter(candidate -> prefixFilter(candidate, source).isPresent());
            if (match.isPresent()) {
                matches.add(match.orElseThrow());
                pushed.add(conjunct);
            }
            else {
                remaining.add(conjunct);
            }
        }
        return new ExpressionTranslation(matches, pushed, remaining.isEmpty() ? Constant.TRUE : and(remaining));
    }

    /** What one column's domain becomes; empty when it stays in Trino. */
    private sealed interface ColumnFilter
    {
        record When(PinotFilter filter)
                implements ColumnFilter {}

        /** No row can match. */
        record Never()
                implements ColumnFilter {}

        /** Every row matches (a bounded range that covers every stored value of a non-null native column). */
        record Always()
                implements ColumnFilter {}
    }

    private static Optional<ColumnFilter> translateDomain(PinotCdcColumnHandle column, Domain domain, JsonSourceCapabilities source)
    {
        if (domain.isAll()) {
            return Optional.of(new ColumnFilter.Always());
        }
        Optional<StoredForm> form = StoredForm.of(column);
        if (form.isEmpty()) {
            return Optional.empty();
        }
        Optional<StoredValueSet> values = Optional.empty();
        if (!domain.getValues().isAll() && !domain.getValues().isNone()) {
            values = StoredValueSet.of(form.orElseThrow(), domain.getValues());
            if (values.isEmpty()) {
                return Optional.empty();
            }
        }
        boolean valuesAll = domain.getValues().isAll() || values.map(StoredValueSet::isAll).orElse(false);
        boolean valuesNone = domain.getValues().isNone() || values.map(StoredValueSet::isEmpty).orElse(false);
        if (valuesNone && !domain.isNullAllowed()) {
            return Optional.of(new ColumnFilter.Never());
        }
        if (!column.isSourceField()) {
            return nativeColumnFilter(column, domain.isNullAllowed(), valuesAll, valuesNone, values);
        }
        return sourceFieldFilter(column, form.orElseThrow(), domain.isNullAllowed(), valuesAll, valuesNone, values, source);
    }

    private static Optional<ColumnFilter> nativeColumnFilter(PinotCdcColumnHandle column, boolean nullAllowed, boolean valuesAll, boolean valuesNone, Optional<StoredValueSet> values)
    {
        // without Pinot's null handling a null is stored as a default value: IS NULL and IS NOT NULL cannot be told apart
        if (nullAllowed || valuesNone) {
            return Optional.empty();
        }
        if (valuesAll) {
            return Optional.empty();
        }
        StoredValueSet set = values.orElseThrow();
        if (column.nativeCopy().isPresent() && column.type() instanceof VarcharType varchar) {
            Optional<StoredValueSet> exact = textsOfCopy(column.nativeCopy().orElseThrow(), varchar, set);
            if (exact.isEmpty()) {
                return Optional.empty();
            }
            if (exact.orElseThrow().isEmpty()) {
                return Optional.of(new ColumnFilter.Never());
            }
            set = exact.orElseThrow();
        }
        return Optional.of(new ColumnFilter.When(set.toFilter(new ColumnReference(column.pinotColumn()))));
    }

    /**
     * The texts a promoted text field's native copy is filtered by, where the copy decides them as the field does.
     * Pinot stores a text cut at the column's {@code maxLength} (or at a NUL character), so only texts the copy holds
     * exactly ({@link NativeCopy#holdsTextExactly}) are compared there; a cut text is then never taken for one of
     * them. Trino reads text longer than a {@code varchar(n)} field as NULL, which equals no value and is neither
     * in a range nor unequal to a value, while the copy holds that text: such a field is filtered natively only by
     * values, those longer than {@code n} dropped. Empty where the field's filter stays in Trino.
     */
    private static Optional<StoredValueSet> textsOfCopy(NativeCopy copy, VarcharType varchar, StoredValueSet set)
    {
        return switch (set) {
            case StoredValueSet.TextValues texts -> {
                List<String> fitting = textsThatFit(texts.values(), varchar);
                yield fitting.stream().allMatch(copy::holdsTextExactly) ? Optional.of(new StoredValueSet.TextValues(fitting)) : Optional.empty();
            }
            case StoredValueSet.TextExcluded excluded -> varchar.isUnbounded() && excluded.values().stream().allMatch(copy::holdsTextExactly)
                    ? Optional.of(excluded)
                    : Optional.empty();
            case StoredValueSet.TextRanges ranges -> varchar.isUnbounded() && ranges.ranges().stream()
                    .flatMap(bounds -> Stream.of(bounds.low(), bounds.high()).flatMap(Optional::stream))
                    .allMatch(bound -> bound instanceof StringLiteral literal && copy.holdsTextExactly(literal.value()))
                    ? Optional.of(ranges)
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The texts a {@code varchar(n)} column can hold; Trino reads a longer stored text as NULL, which equals none. */
    private static List<String> textsThatFit(List<String> texts, VarcharType varchar)
    {
        return texts.stream()
                .filter(text -> varchar.isUnbounded() || text.codePointCount(0, text.length()) <= varchar.getBoundedLength())
                .toList();
    }

    private static Optional<ColumnFilter> sourceFieldFilter(
            PinotCdcColumnHandle column,
            StoredForm form,
            boolean nullAllowed,
            boolean valuesAll,
            boolean valuesNone,
            Optional<StoredValueSet> domainValues,
            JsonSourceCapabilities source)
    {
        Optional<StoredValueSet> values = domainValues;
        String sourceColumn = column.pinotColumn();
        List<String> path = column.sourcePath();
        if (!path.stream().allMatch(JsonExtractScalar::isWritableKey)) {
            return Optional.empty();
        }
        boolean jsonMatch = source.jsonIndex().keepsPath(path) && JsonMatchPredicate.isWritablePath(path);
        if (!jsonMatch && source.nullSourcePossible()) {
            // JSONEXTRACTSCALAR would fail the whole query on a row with a null source, and nothing can guard it
            return Optional.empty();
        }
        // Trino reads as NULL what Pinot sees as present: Debezium's placeholder for an unchanged TOASTed value, and
        // any stored value that does not fit the column. So IS NULL, IS NOT NULL and domains that take in NULLs stay
        // in Trino, and text is matched only by its values (=, IN), which neither the placeholder nor a misfit equals.
        if (nullAllowed || valuesAll || (form instanceof StoredForm.Text && !(values.orElse(null) instanceof StoredValueSet.TextValues))) {
            return Optional.empty();
        }
        if (values.orElse(null) instanceof StoredValueSet.TextValues texts && column.type() instanceof VarcharType varchar && !varchar.isUnbounded()) {
            // Trino reads text longer than the column as no value (NULL), so such text never equals a value
            List<String> fitting = textsThatFit(texts.values(), varchar);
            if (fitting.isEmpty()) {
                return Optional.of(new ColumnFilter.Never());
            }
            values = Optional.of(new StoredValueSet.TextValues(fitting));
        }
        if (!column.schemaTyped() && (values.isEmpty() || !isStringOnlyMatch(form, values.orElseThrow()))) {
            return Optional.empty();
        }

        List<PinotFilter> disjuncts = new ArrayList<>();
        if (valuesAll) {
            disjuncts.add(jsonMatch ? jsonMatch(sourceColumn, new JsonMatchPredicate.IsNull(path, true)) : notNullProbe(sourceColumn, path));
        }
        else if (!valuesNone) {
            StoredValueSet set = values.orElseThrow();
            Optional<PinotFilter> matched = jsonMatch && !(form instanceof StoredForm.FloatingPoint)
                    ? jsonMatchValues(sourceColumn, path, set, source.jsonIndex())
                    : Optional.empty();
            if (matched.isPresent()) {
                disjuncts.add(matched.orElseThrow());
            }
            else {
                Optional<String> defaultValue = defaultOutside(form, set);
                if (defaultValue.isEmpty()) {
                    return Optional.empty();
                }
                PinotFilter valueFilter = set.toFilter(new JsonExtractScalar(sourceColumn, path, form.extractionType(), defaultValue));
                disjuncts.add(jsonMatch ? guarded(jsonMatch(sourceColumn, new JsonMatchPredicate.IsNull(path, true)), valueFilter) : valueFilter);
            }
        }
        if (nullAllowed) {
            disjuncts.add(jsonMatch ? jsonMatch(sourceColumn, new JsonMatchPredicate.IsNull(path, false)) : nullProbe(sourceColumn, path));
        }
        return Optional.of(new ColumnFilter.When(PinotFilter.or(disjuncts)));
    }

    /**
     * Whether a filter on a field typed by a definition file or by inference matches the stored values Trino reads as
     * the wanted values, and only those. Such a type is not what Debezium's schema promised of the stored values: a
     * BIGINT may hold the text "007" (Trino reads 7; Pinot compares the text, or extracts what it can from 5.7, which
     * Trino reads as no value), a VARCHAR a number (Trino reads its text; Pinot's index and extraction may write
     * another text of the same number). So only text values pass that nothing but a JSON string can read as: no
     * number, boolean, null, object or array has them as its text, in any spelling.
     */
    private static boolean isStringOnlyMatch(StoredForm form, StoredValueSet values)
    {
        return form instanceof StoredForm.Text text
                && text.type() instanceof VarcharType
                && values instanceof StoredValueSet.TextValues texts
                && texts.values().stream().noneMatch(PinotFilterTranslator::mayBeTextOfNonString);
    }

    private static boolean mayBeTextOfNonString(String text)
    {
        if (text.startsWith("[") || text.startsWith("{") || NON_STRING_WORDS.contains(text)) {
            return true;
        }
        try {
            new BigDecimal(text);
            return true;
        }
        catch (NumberFormatException e) {
            return false;
        }
    }

    /** Prefixes of a non-string's text: any start of a number, of a word, of an object or array. */
    private static boolean mayStartTextOfNonString(String prefix)
    {
        char first = prefix.charAt(0);
        return "[{+-.0123456789".indexOf(first) >= 0 || NON_STRING_WORDS.stream().anyMatch(word -> word.startsWith(prefix));
    }

    private static final Set<String> NON_STRING_WORDS = Set.of("true", "false", "null", "NaN", "Infinity", "-Infinity");

    /** The values as JSON_MATCH, where they are a finite list (or all but one) of values it can compare as text. */
    private static Optional<PinotFilter> jsonMatchValues(String sourceColumn, List<String> path, StoredValueSet set, JsonIndexScope index)
    {
        Optional<List<String>> included = set.jsonMatchValues();
        if (included.isPresent() && included.orElseThrow().stream().allMatch(index::keepsValue)) {
            return Optional.of(jsonMatch(sourceColumn, new JsonMatchPredicate.ValueIn(path, included.orElseThrow(), false)));
        }
        return Optional.empty();
    }

    /** A default that is not in the set, so that a row lacking the field (or holding null) does not match. */
    private static Optional<String> defaultOutside(StoredForm form, StoredValueSet set)
    {
        return switch (form) {
            // NaN passes no comparison, equality or range in Pinot
            case StoredForm.FloatingPoint _ -> Optional.of("NaN");
            case StoredForm.WholeNumber _ -> {
                List<Long> candidates = new ArrayList<>(List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L));
                for (StoredValueSet.Numbers.Interval interval : ((StoredValueSet.Numbers) set).intervals()) {
                    interval.low().ifPresent(low -> candidates.add(low - 1));
                    interval.high().ifPresent(high -> candidates.add(high + 1));
                }
                yield candidates.stream().filter(candidate -> !set.containsNumber(candidate)).findFirst().map(Object::toString);
            }
            case StoredForm.Text _ -> {
                List<String> candidates = new ArrayList<>(List.of("", "\uFFFF", "0"));
                if (set instanceof StoredValueSet.TextExcluded excluded) {
                    candidates.addAll(excluded.values());
                }
                yield candidates.stream().filter(candidate -> !set.containsText(candidate)).findFirst();
            }
        };
    }

    /**
     * The extraction filter behind its JSON_MATCH guard, so that Pinot extracts only from rows the guard keeps. Pinot
     * 0.11 narrows a scan to an index's rows only for the scans directly beside the index in the same AND: an OR of
     * scans is evaluated over every row, rows without a row image too, where extraction fails the whole query. So an
     * OR gets the guard in each of its terms, and an AND is flattened beside it.
     */
    static PinotFilter guarded(PinotFilter guard, PinotFilter filter)
    {
        return switch (filter) {
            case PinotFilter.Or or -> PinotFilter.or(or.terms().stream().map(term -> guarded(guard, term)).toList());
            case PinotFilter.And and -> {
                List<PinotFilter> terms = new ArrayList<>();
                terms.add(guard);
                for (PinotFilter term : and.terms()) {
                    if (term instanceof PinotFilter.Or) {
                        terms.add(guarded(guard, term));
                    }
                    else {
                        terms.add(term);
                    }
                }
                yield PinotFilter.and(terms);
            }
            default -> PinotFilter.and(List.of(guard, filter));
        };
    }

    private static PinotFilter jsonMatch(String sourceColumn, JsonMatchPredicate predicate)
    {
        return new PinotFilter.JsonMatch(sourceColumn, predicate);
    }

    private static PinotFilter nullProbe(String sourceColumn, List<String> path)
    {
        return PinotFilter.and(List.of(
                new Comparison(probe(sourceColumn, path, NULL_PROBE_ONE), EQUAL, new StringLiteral(NULL_PROBE_ONE)),
                new Comparison(probe(sourceColumn, path, NULL_PROBE_TWO), EQUAL, new StringLiteral(NULL_PROBE_TWO))));
    }

    private static PinotFilter notNullProbe(String sourceColumn, List<String> path)
    {
        return PinotFilter.or(List.of(
                new Comparison(probe(sourceColumn, path, NULL_PROBE_ONE), NOT_EQUAL, new StringLiteral(NULL_PROBE_ONE)),
                new Comparison(probe(sourceColumn, path, NULL_PROBE_TWO), NOT_EQUAL, new StringLiteral(NULL_PROBE_TWO))));
    }

    private static PinotExpression probe(String sourceColumn, List<String> path, String defaultValue)
    {
        // STRING extraction reads any scalar without a conversion error
        return new JsonExtractScalar(sourceColumn, path, PinotDataType.STRING, Optional.of(defaultValue));
    }

    private static Optional<PrefixMatch> prefixMatch(ConnectorExpression expression, Map<String, ColumnHandle> assignments)
    {
        if (!(expression instanceof Call call) || !call.getFunctionName().equals(LIKE_FUNCTION_NAME)) {
            return Optional.empty();
        }
        List<ConnectorExpression> arguments = call.getArguments();
        if (arguments.size() < 2 || arguments.size() > 3 || !(arguments.get(0) instanceof Variable variable) ||
                !(assignments.get(variable.getName()) instanceof PinotCdcColumnHandle column)) {
            return Optional.empty();
        }
        Optional<String> pattern = constantText(arguments.get(1));
        Optional<String> escape = arguments.size() == 3 ? constantText(arguments.get(2)) : Optional.empty();
        if (pattern.isEmpty() || (arguments.size() == 3 && (escape.isEmpty() || escape.orElseThrow().codePointCount(0, escape.orElseThrow().length()) != 1))) {
            return Optional.empty();
        }
        return LikePrefix.of(pattern.orElseThrow(), escape.map(text -> text.codePointAt(0)))
                .map(prefix -> new PrefixMatch(column, prefix));
    }

    /**
     * The Pinot filter for {@code column LIKE 'prefix%'}, where Pinot gives exactly Trino's answer.
     */
    public static Optional<PinotFilter> prefixFilter(PrefixMatch match, JsonSourceCapabilities source)
    {
        PinotCdcColumnHandle column = match.column();
        if (!(column.type() instanceof VarcharType) || StoredForm.of(column).isEmpty()) {
            return Optional.empty();
        }
        // Pinot's LIKE has no escape: % and _ are always wildcards there, and '_' is not exact ('.' skips line breaks)
        String text = match.prefix();
        if (text.indexOf('%') >= 0 || text.indexOf('_') >= 0 || !StringLiteral.isWritable(text + "%")) {
            return Optional.empty();
        }
        if (!column.isSourceField()) {
            // on a column with an FST index Pinot hands the pattern to Lucene, which treats these characters as operators
            if (text.chars().anyMatch(c -> c == '"' || c == '#' || c == '@' || c == '~')) {
                return Optional.empty();
            }
            // a promoted field's copy holds text cut at its maxLength: only a shorter prefix starts the same texts there
            if (column.nativeCopy().isPresent() && !column.nativeCopy().orElseThrow().holdsTextExactly(text)) {
                return Optional.empty();
            }
            ColumnReference value = new ColumnReference(column.pinotColumn());
            return prefixRange(value, text).map(range -> PinotFilter.and(List.of(new PinotFilter.Like(value, text + "%"), range.getFirst(), range.getLast())));
        }
        if (column.type() instanceof VarcharType varchar && !varchar.isUnbounded()) {
            // Trino reads text longer than the column as NULL, which no pattern matches; Pinot cannot tell the length
            return Optional.empty();
        }
        List<String> path = column.sourcePath();
        if (!path.stream().allMatch(JsonExtractScalar::isWritableKey)) {
            return Optional.empty();
        }
        // a field typed by a definition file or inference may hold other kinds of JSON values, whose text Pinot and
        // Trino may write differently (see isStringOnlyMatch): Pinot must not drop a row whose text Trino would keep
        if (!column.schemaTyped() && mayStartTextOfNonString(text)) {
            return Optional.empty();
        }
        boolean jsonMatch = source.jsonIndex().keepsPath(path) && JsonMatchPredicate.isWritablePath(path);
        if (!jsonMatch && source.nullSourcePossible()) {
            return Optional.empty();
        }
        // the empty default never starts with the (non-empty) prefix, so rows lacking the field do not match
        JsonExtractScalar value = new JsonExtractScalar(column.pinotColumn(), path, PinotDataType.STRING, Optional.of(""));
        Optional<List<PinotFilter>> range = prefixRange(value, text);
        if (range.isEmpty()) {
            return Optional.empty();
        }
        PinotFilter like = PinotFilter.and(List.of(new PinotFilter.Like(value, text + "%"), range.orElseThrow().getFirst(), range.orElseThrow().getLast()));
        return Optional.of(jsonMatch ? guarded(jsonMatch(column.pinotColumn(), new JsonMatchPredicate.IsNull(path, true)), like) : like);
    }

    /**
     * {@code value >= 'prefix' AND value < 'prefiy'}: exactly the texts starting with the prefix, in UTF-16 order and in
     * UTF-8 byte order alike. Pinot 0.11's LIKE ignores case (Trino's does not), so the pushed LIKE is exact only
     * with this range beside it; the LIKE stays for Pinot's FST and text indexes. Empty when the last character
     * has no successor that is a character of its own (U+D7FF and up).
     */
    private static Optional<List<PinotFilter>> prefixRange(PinotExpression value, String prefix)
    {
        char last = prefix.charAt(prefix.length() - 1);
        if (last >= 0xD7FF) {
            return Optional.empty();
        }
        String after = prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
        if (!StringLiteral.isWritable(prefix) || !StringLiteral.isWritable(after)) {
            return Optional.empty();
        }
        return Optional.of(List.of(
                new Comparison(value, ComparisonOperator.GREATER_THAN_OR_EQUAL, new StringLiteral(prefix)),
                new Comparison(value, ComparisonOperator.LESS_THAN, new StringLiteral(after))));
    }

    private static Optional<String> constantText(ConnectorExpression expression)
    {
        if (expression instanceof Constant constant && constant.getType() instanceof VarcharType && constant.getValue() instanceof Slice slice) {
            return Optional.of(slice.toStringUtf8());
        }
        return Optional.empty();
    }
}

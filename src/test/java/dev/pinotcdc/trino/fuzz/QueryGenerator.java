package dev.pinotcdc.trino.fuzz;

import dev.pinotcdc.trino.fuzz.FuzzColumn.Kind;
import dev.pinotcdc.trino.fuzz.FuzzQuery.Comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static java.util.Objects.requireNonNull;

/**
 * Seeded random queries over the main table (and joins with the side table): every comparison operator, BETWEEN,
 * IN / NOT IN, IS [NOT] NULL, LIKE with {@code _}, {@code %}, ESCAPE and case, AND / OR / NOT, expressions on
 * columns, date_trunc grains, GROUP BY with count, count(DISTINCT), sum, min, max, avg, top-N with NULLS FIRST /
 * LAST, LIMIT, DISTINCT and joins. The same seed and columns give the same queries.
 */
final class QueryGenerator
{
    private static final List<String> COMPARISONS = List.of("=", "<>", "<", "<=", ">", ">=", "IS DISTINCT FROM", "IS NOT DISTINCT FROM");
    private static final List<String> GRAINS = List.of("second", "minute", "hour", "day", "week", "month", "quarter", "year");

    private final Random random;
    private final List<FuzzColumn> main;
    private final List<FuzzColumn> side;

    QueryGenerator(long seed, List<FuzzColumn> main, List<FuzzColumn> side)
    {
        this.random = new Random(seed);
        this.main = List.copyOf(requireNonNull(main, "main is null"));
        this.side = List.copyOf(requireNonNull(side, "side is null"));
    }

    FuzzQuery next()
    {
        return switch (random.nextInt(11)) {
            case 0, 1 -> select();
            case 2 -> count();
            case 3 -> aggregates();
            case 4, 5 -> groupBy();
            case 6 -> topN();
            case 7 -> limit();
            case 8 -> distinct();
            case 9 -> dateTrunc();
            default -> join();
        };
    }

    private FuzzQuery select()
    {
        List<FuzzColumn> columns = someColumns(1 + random.nextInt(3));
        return FuzzQuery.of("SELECT id, %s FROM {main}%s".formatted(names(columns), where()), "filter", Comparison.ROWS);
    }

    private FuzzQuery count()
    {
        return FuzzQuery.of("SELECT count(*) FROM {main}%s".formatted(where()), "count", Comparison.GROUPED_ROWS);
    }

    private FuzzQuery aggregates()
    {
        FuzzColumn column = column();
        List<String> aggregates = new ArrayList<>(List.of("count(*)", "count(%s)".formatted(column.name()), "count(DISTINCT %s)".formatted(column.name())));
        if (column.kind().orderable()) {
            aggregates.add("min(%s)".formatted(column.name()));
            aggregates.add("max(%s)".formatted(column.name()));
        }
        FuzzColumn number = numericColumn();
        aggregates.add(sum(number));
        aggregates.add("avg(%s)".formatted(number.name()));
        String where = where();
        return aggregateQuery("SELECT %s FROM {main}%s", aggregates, where, "aggregate", number);
    }

    private FuzzQuery groupBy()
    {
        String key = groupKey();
        FuzzColumn column = column();
        List<String> aggregates = new ArrayList<>(List.of("count(*)", "count(%s)".formatted(column.name())));
        if (random.nextBoolean()) {
            aggregates.add("count(DISTINCT %s)".formatted(column.name()));
        }
        if (column.kind().orderable() && random.nextBoolean()) {
            aggregates.add("min(%s)".formatted(column.name()));
            aggregates.add("max(%s)".formatted(column.name()));
        }
        FuzzColumn number = null;
        if (random.nextBoolean()) {
            number = numericColumn();
            aggregates.add(sum(number));
            aggregates.add("avg(%s)".formatted(number.name()));
        }
        String where = where();
        if (number == null) {
            return FuzzQuery.of("SELECT %s AS g, %s FROM {main}%s GROUP BY 1".formatted(key, String.join(", ", aggregates), where), "group by", Comparison.GROUPED_ROWS);
        }
        List<String> columns = new ArrayList<>();
        columns.add(key + " AS g");
        columns.addAll(aggregates);
        return aggregateQuery("SELECT %s FROM {main}%s GROUP BY 1", columns, where, "group by", number);
    }

    private FuzzQuery topN()
    {
        FuzzColumn column = orderableColumn();
        String order = "%s %s NULLS %s".formatted(column.name(), random.nextBoolean() ? "ASC" : "DESC", random.nextBoolean() ? "FIRST" : "LAST");
        long limit = 1 + random.nextInt(random.nextBoolean() ? 5 : 40);
        if (random.nextBoolean()) {
            // the key breaks ties: every position is decided
            return FuzzQuery.of("SELECT id, %s FROM {main}%s ORDER BY %s, id LIMIT %s".formatted(column.name(), where(), order, limit), "top-n", Comparison.ORDERED);
        }
        // ties undecided: only the sort key's values are selected, and those are decided
        return FuzzQuery.of("SELECT %s FROM {main}%s ORDER BY %s LIMIT %s".formatted(column.name(), where(), order, limit), "top-n", Comparison.ORDERED);
    }

    private FuzzQuery limit()
    {
        List<FuzzColumn> columns = someColumns(1 + random.nextInt(2));
        String unlimited = "SELECT id, %s FROM {main}%s".formatted(names(columns), where());
        long limit = 1 + random.nextInt(random.nextBoolean() ? 5 : 200);
        return FuzzQuery.limited(unlimited + " LIMIT " + limit, "limit", unlimited, limit);
    }

    private FuzzQuery distinct()
    {
        List<FuzzColumn> columns = someColumns(1 + random.nextInt(2));
        return FuzzQuery.of("SELECT DISTINCT %s FROM {main}%s".formatted(names(columns), where()), "distinct", Comparison.GROUPED_ROWS);
    }

    private FuzzQuery dateTrunc()
    {
        FuzzColumn column = pick(main.stream().filter(c -> c.kind() == Kind.TIMESTAMP || c.kind() == Kind.DATE || c.kind() == Kind.TIMESTAMP_TZ).toList());
        List<String> grains = column.kind() == Kind.DATE ? GRAINS.subList(3, GRAINS.size()) : GRAINS;
        String truncated = "date_trunc('%s', %s)".formatted(pick(grains), column.name());
        if (random.nextBoolean()) {
            return FuzzQuery.of("SELECT %s AS g, count(*) FROM {main}%s GROUP BY 1".formatted(truncated, where()), "date_trunc", Comparison.GROUPED_ROWS);
        }
        return FuzzQuery.of("SELECT id, %s FROM {main}%s".formatted(truncated, where()), "date_trunc", Comparison.ROWS);
    }

    private FuzzQuery join()
    {
        FuzzColumn column = column();
        String on = random.nextInt(3) == 0 ? "m.c_int = s.id" : "m.id = s.main_id";
        String type = random.nextInt(3) == 0 ? "LEFT JOIN" : "JOIN";
        String where = where("m.");
        FuzzColumn sideColumn = pick(side.stream().filter(c -> c.kind().orderable() && !c.name().equals("id")).toList());
        if (random.nextBoolean()) {
            return FuzzQuery.of("SELECT m.id, m.%s, s.id, s.grp, s.%s FROM {main} m %s {side} s ON %s%s".formatted(column.name(), sideColumn.name(), type, on, where), "join", Comparison.ROWS);
        }
        String aggregate = column.kind().orderable() ? "max(m.%s)".formatted(column.name()) : "count(m.%s)".formatted(column.name());
        return FuzzQuery.of("SELECT s.grp, count(*), sum(s.amount), min(s.%s), %s FROM {main} m %s {side} s ON %s%s GROUP BY s.grp".formatted(sideColumn.name(), aggregate, type, on, where),
                "join", Comparison.GROUPED_ROWS);
    }

    private String where()
    {
        return where("");
    }

    private String where(String prefix)
    {
        if (random.nextInt(6) == 0) {
            return "";
        }
        return " WHERE " + predicate(prefix, 0);
    }

    private String predicate(String prefix, int depth)
    {
        int dice = random.nextInt(depth >= 2 ? 10 : 14);
        if (dice < 10) {
            return simplePredicate(prefix);
        }
        return switch (dice) {
            case 10, 11 -> "(%s AND %s)".formatted(predicate(prefix, depth + 1), predicate(prefix, depth + 1));
            case 12 -> "(%s OR %s)".formatted(predicate(prefix, depth + 1), predicate(prefix, depth + 1));
            default -> "NOT (%s)".formatted(predicate(prefix, depth + 1));
        };
    }

    private String simplePredicate(String prefix)
    {
        FuzzColumn column = column();
        String name = prefix + column.name();
        if (column.kind() == Kind.JSON || column.literals().isEmpty() || random.nextInt(12) == 0) {
            return "%s IS %sNULL".formatted(name, random.nextBoolean() ? "NOT " : "");
        }
        String operand = random.nextInt(6) == 0 ? expression(column, name) : name;
        if (operand == null) {
            operand = name;
        }
        boolean onColumn = operand.equals(name);
        int dice = random.nextInt(10);
        if (column.kind() == Kind.TEXT && dice < 3) {
            return like(column, operand);
        }
        if (!onColumn) {
            return expressionPredicate(column, operand);
        }
        if (dice < 6 || column.kind() == Kind.BOOLEAN) {
            String operator = column.kind().orderable() ? pick(COMPARISONS) : pick(List.of("=", "<>", "IS DISTINCT FROM"));
            return "%s %s %s".formatted(operand, operator, literal(column));
        }
        if (dice < 8) {
            List<String> values = IntStream.range(0, 1 + random.nextInt(4)).mapToObj(_ -> inListLiteral(column)).toList();
            return "%s %sIN (%s)".formatted(operand, random.nextBoolean() ? "NOT " : "", String.join(", ", values));
        }
        return "%s %sBETWEEN %s AND %s".formatted(operand, random.nextInt(4) == 0 ? "NOT " : "", literal(column), literal(column));
    }

    /**
     * An expression on the column and a literal of the expression's type, or null where there is none.
     */
    private String expression(FuzzColumn column, String name)
    {
        return switch (column.kind()) {
            case INTEGER -> pick(List.of("CAST(%s AS bigint) + 1", "%s %% 3", "CAST(%s AS double) / 2")).formatted(name);
            case FLOATING -> pick(List.of("%s * 2", "abs(%s)", "-%s")).formatted(name);
            case DECIMAL -> pick(List.of("%s * 2", "abs(%s)", "CAST(%s AS double)")).formatted(name);
            case TEXT -> pick(List.of("lower(%s)", "upper(%s)", "length(%s)", "substr(%s, 1, 1)", "%s || 'x'", "trim(%s)")).formatted(name);
            case DATE -> pick(List.of("year(%s)", "date_trunc('month', %s)", "day_of_week(%s)")).formatted(name);
            case TIMESTAMP, TIMESTAMP_TZ -> pick(List.of("year(%s)", "date_trunc('day', %s)", "CAST(%s AS date)", "hour(%s)")).formatted(name);
            case TIME -> "hour(%s)".formatted(name);
            default -> null;
        };
    }

    private String expressionPredicate(FuzzColumn column, String expression)
    {
        String operator = pick(COMPARISONS.subList(0, 6));
        String literal;
        if (expression.startsWith("length(") || expression.startsWith("year(") || expression.startsWith("day_of_week(") || expression.startsWith("hour(") || expression.contains("% 3")) {
            literal = String.valueOf(pick(List.of(0, 1, 2, 3, 4, 5, 12, 1970, 2024, 9999, -1)));
        }
        else if (expression.startsWith("lower(") || expression.startsWith("upper(") || expression.startsWith("substr(") || expression.contains("||") || expression.startsWith("trim(")) {
            literal = literal(column);
        }
        else if (expression.startsWith("date_trunc('month'") && column.kind() == Kind.DATE) {
            literal = literal(column);
        }
        else if (expression.startsWith("date_trunc(") || expression.startsWith("CAST(") && column.kind().temporal()) {
            literal = expression.startsWith("CAST(") ? pick(List.of("DATE '1970-01-01'", "DATE '2024-01-01'", "DATE '9999-12-31'", "DATE '0001-01-01'")) : literal(column);
        }
        else {
            literal = pick(List.of("0", "1", "-1", "1.5", "1e10", "DOUBLE 'NaN'", "DOUBLE 'Infinity'"));
        }
        return "%s %s %s".formatted(expression, operator, literal);
    }

    private String like(FuzzColumn column, String name)
    {
        String value = pick(column.literals());
        // the text inside a quoted literal
        if (!value.startsWith("'")) {
            return "%s LIKE '%%'".formatted(name);
        }
        String text = value.substring(1, value.length() - 1).replace("''", "'");
        String pattern;
        boolean escape = false;
        int kind = random.nextInt(6);
        if (text.isEmpty()) {
            pattern = pick(List.of("", "%", "_", "%%"));
        }
        else {
            int cut = text.offsetByCodePoints(0, random.nextInt(text.codePointCount(0, text.length())));
            String literalText = text;
            if (text.contains("%") || text.contains("_") || text.contains("\\") || random.nextInt(4) == 0) {
                literalText = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
                escape = true;
                cut = literalText.offsetByCodePoints(0, random.nextInt(literalText.codePointCount(0, literalText.length())));
                if (cut > 0 && literalText.charAt(cut - 1) == '\\') {
                    cut--;
                }
            }
            pattern = switch (kind) {
                case 0 -> literalText.substring(0, cut) + "%";
                case 1 -> "%" + literalText.substring(cut);
                case 2 -> literalText.substring(0, cut) + "_" + (cut < literalText.length() ? literalText.substring(literalText.offsetByCodePoints(cut, 1)) : "");
                case 3 -> "%" + literalText + "%";
                case 4 -> literalText.toUpperCase(java.util.Locale.ROOT) + "%";
                default -> literalText;
            };
            if (escape && (pattern.endsWith("\\") && !pattern.endsWith("\\\\"))) {
                pattern = pattern + "%";
            }
        }
        String like = "%s %sLIKE %s".formatted(name, random.nextInt(5) == 0 ? "NOT " : "", Literals.text(pattern));
        return escape ? like + " ESCAPE '\\'" : like;
    }

    private String groupKey()
    {
        FuzzColumn column = pick(main.stream().filter(c -> c.kind() != Kind.JSON && !c.name().equals("id")).toList());
        if (random.nextInt(4) == 0) {
            String expression = expression(column, column.name());
            if (expression != null) {
                return expression;
            }
        }
        return column.name();
    }

    private String sum(FuzzColumn number)
    {
        // an integer sum may leave BIGINT's range at the extremes: Trino fails then, so sum them as decimals
        return number.kind() == Kind.INTEGER ? "sum(CAST(%s AS decimal(38,0)))".formatted(number.name()) : "sum(%s)".formatted(number.name());
    }

    /**
     * Trino sums REAL and DOUBLE, and averages every non-decimal type, in double arithmetic whose result depends on
     * the order rows arrive in: not only in the last bits, for values that cancel lose every smaller value added
     * while they stand (3.4e38 + 0.1 - 3.4e38 is 0, 3.4e38 - 3.4e38 + 0.1 is 0.1). So the truth of such a query also
     * answers, for each column, a bound of that difference: two orders (or trees) of summation of n values differ by
     * at most about 2 (n - 1) u times the sum of their magnitudes (u = 2^-53; 2.3e-16 is a little over 2 u); an
     * average by that over n. Sums that may
     * overflow have no bound (infinite). Exact columns have the bound -1.
     */
    private static FuzzQuery aggregateQuery(String template, List<String> columns, String where, String shape, FuzzColumn number)
    {
        String sql = template.formatted(String.join(", ", columns), where);
        if (number.kind() == Kind.DECIMAL) {
            return FuzzQuery.of(sql, shape, Comparison.GROUPED_ROWS);
        }
        String magnitude = "CAST(%s AS double)".formatted(number.name());
        String sumBound = "(greatest(count(%1$s) - 1, 0) * 2.3E-16 * coalesce(sum(abs(%2$s)) FILTER (WHERE is_finite(%2$s)), 0.0E0))".formatted(number.name(), magnitude);
        List<String> bounds = new ArrayList<>();
        for (String column : columns) {
            if (column.equals("sum(%s)".formatted(number.name()))) {
                bounds.add(sumBound);
            }
            else if (column.equals("avg(%s)".formatted(number.name()))) {
                bounds.add("%s / greatest(count(%s), 1)".formatted(sumBound, number.name()));
            }
            else {
                bounds.add("-1.0E0");
            }
        }
        List<String> withBounds = new ArrayList<>(columns);
        withBounds.addAll(bounds);
        return FuzzQuery.floatingAggregates(sql, shape, template.formatted(String.join(", ", withBounds), where));
    }

    private String literal(FuzzColumn column)
    {
        return pick(column.literals());
    }

    /**
     * A literal for an IN list. Trino 476 compiles IN over REAL to a comparison of the raw float bits
     * (trinodb/trino#31069, fixed in 2026-09 by #31079): there {@code REAL 'NaN' IN (REAL 'NaN')} is true and
     * {@code REAL '-0' IN (REAL '0')} false, where {@code =} (and so the predicate a connector is given) says the
     * opposite. The truth would hold Trino's defect, not the connector's: a REAL IN list holds no NaN and no zero
     * (comparisons and BETWEEN still meet them; Trino also rewrites {@code x = a OR x = b} into such an IN, checked
     * on this data, so an OR of equalities with NaN or zero on one REAL column can still show the defect).
     */
    private String inListLiteral(FuzzColumn column)
    {
        if (!column.trinoType().equals("real")) {
            return literal(column);
        }
        List<String> literals = column.literals().stream().filter(literal -> !isNaNOrZero(literal)).toList();
        return literals.isEmpty() ? literal(column) : pick(literals);
    }

    static boolean isNaNOrZero(String realLiteral)
    {
        String text = realLiteral.startsWith("REAL '") ? realLiteral.substring("REAL '".length(), realLiteral.length() - 1) : realLiteral;
        try {
            float value = Float.parseFloat(text);
            return Float.isNaN(value) || value == 0;
        }
        catch (NumberFormatException e) {
            return false;
        }
    }

    private FuzzColumn column()
    {
        return pick(main);
    }

    private FuzzColumn numericColumn()
    {
        return pick(main.stream().filter(column -> column.kind().numeric()).toList());
    }

    private FuzzColumn orderableColumn()
    {
        return pick(main.stream().filter(column -> column.kind().orderable()).toList());
    }

    private List<FuzzColumn> someColumns(int count)
    {
        List<FuzzColumn> columns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FuzzColumn column = pick(main);
            if (!columns.contains(column) && !column.name().equals("id")) {
                columns.add(column);
            }
        }
        return columns.isEmpty() ? List.of(main.get(1)) : columns;
    }

    private static String names(List<FuzzColumn> columns)
    {
        return columns.stream().map(FuzzColumn::name).collect(Collectors.joining(", "));
    }

    private <T> T pick(List<T> values)
    {
        return values.get(random.nextInt(values.size()));
    }
}

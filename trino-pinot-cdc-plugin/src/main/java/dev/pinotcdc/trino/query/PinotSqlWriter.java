package dev.pinotcdc.trino.query;

import java.util.List;

/**
 * Writes a {@link PinotQuery} as Pinot SQL text. All quoting and escaping of the plugin lives here.
 * <p>
 * Pinot 0.11 parses with Calcite in the double-quoted-identifier state: identifiers are {@code "..."} with
 * {@code ""} for a quote, strings {@code '...'} with {@code ''} for a quote, and a backslash is an ordinary
 * character. Before parsing, Pinot strips comments ({@code --}, {@code /*}) with a scanner that tracks both quote
 * kinds, so comment markers inside quoted text are safe; and it removes a trailing {@code OPTION(...)}, which can
 * never match here because every query ends with its LIMIT or OFFSET number.
 */
public final class PinotSqlWriter
{
    private PinotSqlWriter() {}

    public static String write(PinotQuery query)
    {
        StringBuilder sql = new StringBuilder();
        sql.append("SELECT ");
        appendList(sql, query.select().stream().map(PinotSqlWriter::selectItem).toList());
        sql.append(" FROM ").append(identifier(query.table()));
        query.filter().ifPresent(filter -> sql.append(" WHERE ").append(filter(filter)));
        if (!query.groupBy().isEmpty()) {
            sql.append(" GROUP BY ");
            appendList(sql, query.groupBy().stream().map(PinotSqlWriter::expression).toList());
        }
        if (!query.orderBy().isEmpty()) {
            sql.append(" ORDER BY ");
            appendList(sql, query.orderBy().stream()
                    .map(item -> expression(item.expression()) + (item.ascending() ? " ASC" : " DESC"))
                    .toList());
        }
        sql.append(" LIMIT ").append(query.limit());
        query.offset().ifPresent(offset -> sql.append(" OFFSET ").append(offset));
        return sql.toString();
    }

    public static String filter(PinotFilter filter)
    {
        return switch (filter) {
            case PinotFilter.And and -> junction(and.terms(), " AND ");
            case PinotFilter.Or or -> junction(or.terms(), " OR ");
            case PinotFilter.Comparison comparison ->
                    expression(comparison.left()) + " " + comparison.operator().sql() + " " + expression(comparison.right());
            case PinotFilter.In in -> expression(in.value()) + (in.negated() ? " NOT IN (" : " IN (") +
                    String.join(", ", in.values().stream().map(PinotSqlWriter::expression).toList()) + ")";
            case PinotFilter.Between between ->
                    expression(between.value()) + " BETWEEN " + expression(between.low()) + " AND " + expression(between.high());
            case PinotFilter.IsNull isNull -> expression(isNull.value()) + (isNull.negated() ? " IS NOT NULL" : " IS NULL");
            case PinotFilter.Like like -> expression(like.value()) + " LIKE " + stringLiteral(like.pattern());
            case PinotFilter.JsonMatch jsonMatch ->
                    "JSON_MATCH(" + identifier(jsonMatch.column()) + ", " + stringLiteral(jsonMatchPredicate(jsonMatch.predicate())) + ")";
        };
    }

    public static String expression(PinotExpression expression)
    {
        return switch (expression) {
            case ColumnReference column -> identifier(column.column());
            case JsonExtractScalar extract -> "JSONEXTRACTSCALAR(" + identifier(extract.column()) + ", " +
                    stringLiteral(jsonPath(extract.path())) + ", " +
                    stringLiteral(extract.resultType().name()) +
                    extract.defaultValue().map(value -> ", " + stringLiteral(value)).orElse("") + ")";
            case FunctionCall call -> call.name() + "(" +
                    String.join(", ", call.arguments().stream().map(PinotSqlWriter::expression).toList()) + ")";
            case CountAll _ -> "COUNT(*)";
            case FilteredAggregation filtered -> expression(filtered.aggregation()) + " FILTER (WHERE " + filter(filtered.filter()) + ")";
            case CaseWhen caseWhen -> "CASE WHEN " + filter(caseWhen.condition()) + " THEN " + expression(caseWhen.whenTrue()) + " ELSE " + expression(caseWhen.otherwise()) + " END";
            case StringLiteral literal -> stringLiteral(literal.value());
            case LongLiteral literal -> Long.toString(literal.value());
            // Double.toString is the shortest text that parses back to the same double; Calcite reads "1.0E-5" too
            case DoubleLiteral literal -> Double.toString(literal.value());
            case BooleanLiteral literal -> literal.value() ? "true" : "false";
            case DecimalLiteral literal -> stringLiteral(literal.value().toPlainString());
        };
    }

    /**
     * JsonPath (Jayway 2.7, what Pinot 0.11 uses) in bracket notation, which takes any key: inside {@code ['...']}
     * a backslash escapes, and {@code \\u0027} stands for a quote. The quote is written as {@code \\u0027} rather than
     * {@code \\'} so that the path holds no quote besides the brackets' own, which keeps it clear of Pinot's
     * second quote un-doubling (a key ending in a quote would otherwise produce {@code \\''}).
     */
    static String jsonPath(List<String> keys)
    {
        StringBuilder path = new StringBuilder("$");
        for (String key : keys) {
            path.append("['");
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                switch (c) {
                    case '\\' -> path.append("\\\\");
                    case '\'' -> path.append("\\u0027");
                    default -> path.append(c);
                }
            }
            path.append("']");
        }
        return path.toString();
    }

    /** The text inside JSON_MATCH's string: paths as quoted identifiers {@code "$.a.b"}, values as string literals. */
    static String jsonMatchPredicate(JsonMatchPredicate predicate)
    {
        return switch (predicate) {
            case JsonMatchPredicate.ValueIn in -> {
                String path = jsonMatchPath(in.path());
                if (in.values().size() == 1) {
                    yield path + (in.negated() ? " <> " : " = ") + stringLiteral(in.values().getFirst());
                }
                yield path + (in.negated() ? " NOT IN (" : " IN (") +
                        String.join(", ", in.values().stream().map(PinotSqlWriter::stringLiteral).toList()) + ")";
            }
            case JsonMatchPredicate.IsNull isNull -> jsonMatchPath(isNull.path()) + (isNull.negated() ? " IS NOT NULL" : " IS NULL");
            case JsonMatchPredicate.And and -> String.join(" AND ", and.terms().stream().map(term -> "(" + jsonMatchPredicate(term) + ")").toList());
            case JsonMatchPredicate.Or or -> String.join(" OR ", or.terms().stream().map(term -> "(" + jsonMatchPredicate(term) + ")").toList());
        };
    }

    private static String jsonMatchPath(List<String> keys)
    {
        return identifier("$." + String.join(".", keys));
    }

    public static String identifier(String name)
    {
        PinotIdentifiers.checkIdentifier(name);
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    public static String stringLiteral(String value)
    {
        StringLiteral.checkWritable(value);
        return "'" + value.replace("'", "''") + "'";
    }

    private static String selectItem(SelectItem item)
    {
        return expression(item.expression()) + item.alias().map(alias -> " AS " + identifier(alias)).orElse("");
    }

    private static String junction(List<PinotFilter> terms, String operator)
    {
        return String.join(operator, terms.stream().map(term -> "(" + filter(term) + ")").toList());
    }

    private static void appendList(StringBuilder sql, List<String> items)
    {
        sql.append(String.join(", ", items));
    }
}

package dev.pinotcdc.trino.query;

import dev.pinotcdc.trino.client.PinotDataType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static dev.pinotcdc.trino.query.ComparisonOperator.EQUAL;
import static dev.pinotcdc.trino.query.ComparisonOperator.GREATER_THAN_OR_EQUAL;
import static dev.pinotcdc.trino.query.ComparisonOperator.LESS_THAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TestPinotSqlWriter
{
    @Test
    void testSelectWithEveryClause()
    {
        PinotQuery query = PinotQuery.builder("orders")
                .select(new ColumnReference("status"))
                .select(FunctionCall.of("DATETRUNC", new StringLiteral("DAY"), new ColumnReference("ts_ms")), "day")
                .select(new CountAll(), "n")
                .select(FunctionCall.of("SUM", new ColumnReference("amount")))
                .select(FunctionCall.of("DISTINCTCOUNTHLL", new ColumnReference("id")))
                .filter(new PinotFilter.Comparison(new ColumnReference("ts_ms"), GREATER_THAN_OR_EQUAL, new LongLiteral(1700000000000L)))
                .groupBy(new ColumnReference("status"))
                .groupBy(FunctionCall.of("DATETRUNC", new StringLiteral("DAY"), new ColumnReference("ts_ms")))
                .orderBy(new CountAll(), false)
                .orderBy(new ColumnReference("status"), true)
                .limit(100)
                .offset(20)
                .build();
        assertThat(PinotSqlWriter.write(query)).isEqualTo(
                "SELECT \"status\", DATETRUNC('DAY', \"ts_ms\") AS \"day\", COUNT(*) AS \"n\", SUM(\"amount\"), DISTINCTCOUNTHLL(\"id\") " +
                        "FROM \"orders\" WHERE \"ts_ms\" >= 1700000000000 " +
                        "GROUP BY \"status\", DATETRUNC('DAY', \"ts_ms\") " +
                        "ORDER BY COUNT(*) DESC, \"status\" ASC LIMIT 100 OFFSET 20");
    }

    @Test
    void testMinimalQueryEndsWithLimit()
    {
        // a query ending in a number can never be taken for Pinot's legacy trailing OPTION(...)
        assertThat(PinotSqlWriter.write(PinotQuery.builder("t").select(new ColumnReference("a")).limit(0).build()))
                .isEqualTo("SELECT \"a\" FROM \"t\" LIMIT 0");
    }

    @Test
    void testIdentifiers()
    {
        assertThat(PinotSqlWriter.identifier("plain")).isEqualTo("\"plain\"");
        assertThat(PinotSqlWriter.identifier("we\"ird")).isEqualTo("\"we\"\"ird\"");
        assertThat(PinotSqlWriter.identifier("it's")).isEqualTo("\"it's\"");
        assertThat(PinotSqlWriter.identifier("a.b[0]*?@$--x/*y*/")).isEqualTo("\"a.b[0]*?@$--x/*y*/\"");
        assertThat(PinotSqlWriter.identifier("back\\slash")).isEqualTo("\"back\\slash\"");
        assertThat(PinotSqlWriter.identifier("ünï😀")).isEqualTo("\"ünï😀\"");
        assertThatThrownBy(() -> PinotSqlWriter.identifier("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ColumnReference("line\nbreak")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ColumnReference("carriage\rreturn")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void testStringLiterals()
    {
        assertThat(write(new StringLiteral("O'Brien"))).isEqualTo("'O''Brien'");
        assertThat(write(new StringLiteral(""))).isEqualTo("''");
        assertThat(write(new StringLiteral("'"))).isEqualTo("''''");
        // a backslash escapes nothing in Pinot's grammar: it is written as it is
        assertThat(write(new StringLiteral("C:\\dir\\n"))).isEqualTo("'C:\\dir\\n'");
        assertThat(write(new StringLiteral("line\nbreak\ttab\r"))).isEqualTo("'line\nbreak\ttab\r'");
        assertThat(write(new StringLiteral("-- not a comment /* nor this */"))).isEqualTo("'-- not a comment /* nor this */'");
        assertThat(write(new StringLiteral("$.a[*]?@\"q\""))).isEqualTo("'$.a[*]?@\"q\"'");
        assertThat(write(new StringLiteral("ünïcödé 😀 \u0000"))).isEqualTo("'ünïcödé 😀 \u0000'");
        assertThat(write(new StringLiteral("option(a=b)"))).isEqualTo("'option(a=b)'");
    }

    @Test
    void testAdjacentQuotesAreRefused()
    {
        // Pinot 0.11 would read 'a''''b' as a'b
        assertThat(StringLiteral.isWritable("a''b")).isFalse();
        assertThat(StringLiteral.isWritable("a'b'c")).isTrue();
        assertThatThrownBy(() -> new StringLiteral("a''b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PinotFilter.Like(new ColumnReference("a"), "x''%")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void testNumericAndOtherLiterals()
    {
        assertThat(write(new LongLiteral(-5))).isEqualTo("-5");
        assertThat(write(new LongLiteral(Long.MIN_VALUE))).isEqualTo("-9223372036854775808");
        assertThat(write(new DoubleLiteral(1.5))).isEqualTo("1.5");
        assertThat(write(new DoubleLiteral(0.1))).isEqualTo("0.1");
        assertThat(write(new DoubleLiteral(1e-5))).isEqualTo("1.0E-5");
        assertThat(write(new DoubleLiteral(-1.7976931348623157E308))).isEqualTo("-1.7976931348623157E308");
        assertThat(write(new DoubleLiteral((double) 0.1f))).isEqualTo("0.10000000149011612");
        assertThat(Double.parseDouble(write(new DoubleLiteral(Math.PI)))).isEqualTo(Math.PI);
        assertThatThrownBy(() -> new DoubleLiteral(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DoubleLiteral(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(write(new BooleanLiteral(true))).isEqualTo("true");
        assertThat(write(new DecimalLiteral(new BigDecimal("123456789012345678901234.5678")))).isEqualTo("'123456789012345678901234.5678'");
        assertThat(write(new DecimalLiteral(new BigDecimal("1E+3")))).isEqualTo("'1000'");
    }

    @Test
    void testJsonExtractScalarPath()
    {
        assertThat(write(new JsonExtractScalar("source", List.of("name"), PinotDataType.STRING, Optional.of(""))))
                .isEqualTo("JSONEXTRACTSCALAR(\"source\", '$[''name'']', 'STRING', '')");
        assertThat(write(new JsonExtractScalar("source", List.of("a", "b"), PinotDataType.LONG, Optional.empty())))
                .isEqualTo("JSONEXTRACTSCALAR(\"source\", '$[''a''][''b'']', 'LONG')");
        // a quote in a key becomes \u0027 (Jayway unescapes it), so the path holds no quote besides the brackets' own
        assertThat(write(new JsonExtractScalar("source", List.of("na'me", "e'"), PinotDataType.STRING, Optional.of("x"))))
                .isEqualTo("JSONEXTRACTSCALAR(\"source\", '$[''na\\u0027me''][''e\\u0027'']', 'STRING', 'x')");
        assertThat(write(new JsonExtractScalar("source", List.of("a\\b", "\\u0027"), PinotDataType.STRING, Optional.of("x"))))
                .isEqualTo("JSONEXTRACTSCALAR(\"source\", '$[''a\\\\b''][''\\\\u0027'']', 'STRING', 'x')");
        assertThat(write(new JsonExtractScalar("so\"urce", List.of("x.y", "[0]", "*", "?", "@", "$", "q\"r", "c,d", "n\nl", "--", "/*", "ü😀"), PinotDataType.DOUBLE, Optional.of("NaN"))))
                .isEqualTo("JSONEXTRACTSCALAR(\"so\"\"urce\", '$[''x.y''][''[0]''][''*''][''?''][''@''][''$''][''q\"r''][''c,d''][''n\nl''][''--''][''/*''][''ü😀'']', 'DOUBLE', 'NaN')");
        assertThatThrownBy(() -> new JsonExtractScalar("source", List.of(""), PinotDataType.STRING, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JsonExtractScalar("source", List.of("a"), PinotDataType.JSON, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JsonExtractScalar("source", List.of(), PinotDataType.STRING, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void testFilters()
    {
        ColumnReference a = new ColumnReference("a");
        PinotFilter filter = new PinotFilter.Or(List.of(
                new PinotFilter.And(List.of(
                        new PinotFilter.In(a, List.of(new LongLiteral(1), new LongLiteral(2)), false),
                        new PinotFilter.In(a, List.of(new StringLiteral("x'"), new StringLiteral("y")), true),
                        new PinotFilter.Between(a, new DoubleLiteral(1.5), new DoubleLiteral(2.5)))),
                new PinotFilter.Comparison(a, LESS_THAN, new LongLiteral(0)),
                new PinotFilter.IsNull(a, false),
                new PinotFilter.IsNull(a, true),
                new PinotFilter.Like(a, "ab\\_%")));
        assertThat(PinotSqlWriter.filter(filter)).isEqualTo(
                "((\"a\" IN (1, 2)) AND (\"a\" NOT IN ('x''', 'y')) AND (\"a\" BETWEEN 1.5 AND 2.5)) OR " +
                        "(\"a\" < 0) OR (\"a\" IS NULL) OR (\"a\" IS NOT NULL) OR " +
                        "(\"a\" LIKE 'ab\\_%')");
    }

    @Test
    void testJsonMatch()
    {
        assertThat(PinotSqlWriter.filter(new PinotFilter.JsonMatch("source", new JsonMatchPredicate.ValueIn(List.of("name"), List.of("x"), false))))
                .isEqualTo("JSON_MATCH(\"source\", '\"$.name\" = ''x''')");
        assertThat(PinotSqlWriter.filter(new PinotFilter.JsonMatch("source", new JsonMatchPredicate.ValueIn(List.of("a", "b"), List.of("1", "-2"), false))))
                .isEqualTo("JSON_MATCH(\"source\", '\"$.a.b\" IN (''1'', ''-2'')')");
        assertThat(PinotSqlWriter.filter(new PinotFilter.JsonMatch("source", new JsonMatchPredicate.ValueIn(List.of("k"), List.of("v"), true))))
                .isEqualTo("JSON_MATCH(\"source\", '\"$.k\" <> ''v''')");
        assertThat(PinotSqlWriter.filter(new PinotFilter.JsonMatch("source", new JsonMatchPredicate.ValueIn(List.of("k"), List.of("v", "w"), true))))
                .isEqualTo("JSON_MATCH(\"source\", '\"$.k\" NOT IN (''v'', ''w'')')");
        assertThat(PinotSqlWriter.filter(new PinotFilter.JsonMatch("source", new JsonMatchPredicate.IsNull(List.of("we\"ird $ key"), false))))
                .isEqualTo("JSON_MATCH(\"source\", '\"$.we\"\"ird $ key\" IS NULL')");
        assertThat(PinotSqlWriter.filter(new PinotFilter.JsonMatch("source", new JsonMatchPredicate.Or(List.of(
                new JsonMatchPredicate.And(List.of(
                        new JsonMatchPredicate.ValueIn(List.of("a"), List.of("back\\slash -- /* ü"), false),
                        new JsonMatchPredicate.IsNull(List.of("b"), true))),
                new JsonMatchPredicate.ValueIn(List.of("c"), List.of("true"), false))))))
                .isEqualTo("JSON_MATCH(\"source\", '((\"$.a\" = ''back\\slash -- /* ü'') AND (\"$.b\" IS NOT NULL)) OR (\"$.c\" = ''true'')')");
    }

    @Test
    void testJsonMatchRefusesWhatPinotCannotRead()
    {
        for (String key : List.of("a.b", "a[0]", "x]", "", "$index", "it's", "n\nl", "nul\u0000")) {
            assertThat(JsonMatchPredicate.isWritableKey(key)).as(key).isFalse();
            assertThatThrownBy(() -> new JsonMatchPredicate.IsNull(List.of(key), false)).isInstanceOf(IllegalArgumentException.class);
        }
        for (String value : List.of("", "O'Brien", "nul\u0000")) {
            assertThatThrownBy(() -> new JsonMatchPredicate.ValueIn(List.of("k"), List.of(value), false)).isInstanceOf(IllegalArgumentException.class);
        }
        // Pinot answers these by flipping the document set and rejects them nested
        assertThatThrownBy(() -> new JsonMatchPredicate.And(List.of(
                new JsonMatchPredicate.IsNull(List.of("a"), false),
                new JsonMatchPredicate.IsNull(List.of("b"), true))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JsonMatchPredicate.Or(List.of(
                new JsonMatchPredicate.ValueIn(List.of("a"), List.of("1"), true),
                new JsonMatchPredicate.IsNull(List.of("b"), true))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void testModelValidation()
    {
        assertThatThrownBy(() -> FunctionCall.of("SUM(x); DROP")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PinotQuery.builder("t").select(new ColumnReference("a")).limit(1L + Integer.MAX_VALUE).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PinotQuery.builder("t").limit(1).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PinotFilter.And(List.of(new PinotFilter.IsNull(new ColumnReference("a"), false))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PinotSqlWriter.filter(new PinotFilter.Comparison(new ColumnReference("a"), EQUAL, new ColumnReference("b"))))
                .isEqualTo("\"a\" = \"b\"");
    }

    private static String write(PinotExpression expression)
    {
        return PinotSqlWriter.expression(expression);
    }
}

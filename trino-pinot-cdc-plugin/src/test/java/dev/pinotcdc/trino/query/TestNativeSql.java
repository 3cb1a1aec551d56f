package dev.pinotcdc.trino.query;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TestNativeSql
{
    @Test
    void testSentAsWritten()
    {
        NativeSql sql = NativeSql.parse("SELECT id, status FROM orders WHERE status = 'Paid' AND note <> 'it''s; LIMIT 3' LIMIT 5;");
        assertThat(sql.tableName()).isEqualTo("orders");
        assertThat(sql.limit()).isEqualTo(OptionalLong.of(5));
        assertThat(sql.sqlToSend(1000)).isEqualTo("SELECT id, status FROM orders WHERE status = 'Paid' AND note <> 'it''s; LIMIT 3' LIMIT 5");
        assertThat(sql.requestedRows(1000)).isEqualTo(5);
        assertThat(sql.columnsOnly()).isEqualTo("SELECT id, status FROM orders WHERE status = 'Paid' AND note <> 'it''s; LIMIT 3' \nLIMIT 1");
    }

    @Test
    void testLimitAppendedWhereMissing()
    {
        // Pinot would answer 10 rows: one more than allowed is asked for, so that too many rows show
        NativeSql sql = NativeSql.parse("select status, count(*) from orders group by status -- every status");
        assertThat(sql.limit()).isEmpty();
        assertThat(sql.sqlToSend(1000)).isEqualTo("select status, count(*) from orders group by status\nLIMIT 1001");
        assertThat(sql.requestedRows(1000)).isEqualTo(1001);
        assertThat(sql.columnsOnly()).isEqualTo("select status, count(*) from orders group by status\nLIMIT 1");
    }

    @Test
    void testLimitForms()
    {
        assertThat(NativeSql.parse("SELECT * FROM t LIMIT 20 OFFSET 5").limit()).isEqualTo(OptionalLong.of(20));
        assertThat(NativeSql.parse("SELECT * FROM t LIMIT 5, 20").limit()).isEqualTo(OptionalLong.of(20));
        assertThat(NativeSql.parse("SELECT * FROM t LIMIT 5, 20").columnsOnly()).isEqualTo("SELECT * FROM t \nLIMIT 1");
        assertThat(NativeSql.parse("SELECT * FROM t /* LIMIT 7 */ ORDER BY id limit 7 -- seven").sqlToSend(100)).isEqualTo("SELECT * FROM t /* LIMIT 7 */ ORDER BY id limit 7");
    }

    @Test
    void testTableName()
    {
        assertThat(NativeSql.parse("SELECT COUNT(*) FROM \"Orders_Table\"").tableName()).isEqualTo("Orders_Table");
        assertThat(NativeSql.parse("SELECT a FROM `my``table` WHERE b IN (SELECT 1 FROM other)").tableName()).isEqualTo("my`table");
        assertThat(NativeSql.parse("SELECT JSONEXTRACTSCALAR(source, '$.from', 'STRING') FROM orders").tableName()).isEqualTo("orders");
    }

    @Test
    void testRefusals()
    {
        assertRefused("", "empty");
        assertRefused("  ; ", "empty");
        assertRefused("-- nothing", "empty");
        assertRefused("SET timeoutMs = 1; SELECT * FROM orders", "Only a SELECT statement");
        assertRefused("INSERT INTO orders VALUES (1)", "Only a SELECT statement");
        assertRefused("EXPLAIN PLAN FOR SELECT * FROM orders", "Only a SELECT statement");
        assertRefused("DELETE FROM orders", "Only a SELECT statement");
        assertRefused("SELECT * FROM orders; SELECT * FROM customers", "Only one statement");
        assertRefused("SELECT * FROM orders; SET skipUpsert = 'true'", "Only one statement");
        assertRefused("SELECT * FROM orders OPTION(skipUpsert=true)", "OPTION");
        assertRefused("SELECT 1", "no FROM");
        assertRefused("SELECT * FROM (SELECT * FROM orders)", "table name must follow FROM");
        assertRefused("SELECT * FROM orders LIMIT 5 ORDER BY id", "LIMIT must end the query");
        assertRefused("SELECT * FROM orders LIMIT ?", "LIMIT must end the query");
        assertRefused("SELECT * FROM orders WHERE status = 'Paid", "string literal that is not closed");
        assertRefused("SELECT * FROM \"orders", "quoted identifier that is not closed");
        assertRefused("SELECT * FROM orders /* open", "comment that is not closed");
    }

    private static void assertRefused(String text, String message)
    {
        assertThatThrownBy(() -> NativeSql.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}

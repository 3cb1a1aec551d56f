package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumEventFactory;
import dev.pinotcdc.trino.testing.KafkaMessage;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.PinotNativeTable;
import dev.pinotcdc.trino.testing.SampleCdcTables;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.pinotcdc.trino.testing.SampleCdcTables.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * {@code system.query} against the real Pinot: the text reaches Pinot as written (literals keep their case), the
 * answer is typed from Pinot's data types, and its rows equal what Trino computes over the connector's tables for the
 * same question. Refusals name their reason.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcNativeQuery
{
    private static final String ORDERS = "nq_orders";
    private static final String PLAIN = "nq_plain";
    private static final int ORDER_COUNT = 40;

    private PinotCdcTestEnvironment environment;
    private QueryRunner queryRunner;

    @BeforeAll
    void setUp()
    {
        environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();
        Random random = new Random(5);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DebeziumEventFactory orders = SampleCdcTables.ordersFactory("nq", ORDERS);
        List<KafkaMessage> events = new ArrayList<>();
        List<String> statuses = List.of("Paid", "paid", "PAID", "new");
        for (long id = 1; id <= ORDER_COUNT; id++) {
            Map<String, Object> order = SampleCdcTables.order(id, 1 + random.nextInt(7), now.minus(random.nextInt(1000), ChronoUnit.HOURS), random);
            order.put("status", statuses.get((int) (id % statuses.size())));
            events.add(message(orders.insert(order)));
        }
        DebeziumCdcTable.builder(ORDERS).topic(orders.topic())
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .create(environment.cluster())
                .sendAndAwait(events);
        PinotNativeTable.allTypesBuilder(PLAIN)
                .create(environment.cluster())
                .sendAndAwait(List.of(
                        """
                        {"int_col": 7, "long_col": 9000000000, "float_col": 1.5, "double_col": 2.25, "big_decimal_col": "12345.678901",
                         "boolean_col": true, "timestamp_col": 1700000000123, "string_col": "Alpha", "json_col": {"k": "V"},
                         "bytes_col": "cafe01", "int_array_col": [1, 2, 3], "long_array_col": [10000000000, -1], "float_array_col": [0.5, 1.25],
                         "double_array_col": [3.5], "string_array_col": ["a", "B c"], "event_time": 1700000000000}
                        """,
                        """
                        {"int_col": -3, "long_col": -1, "float_col": -0.25, "double_col": 1e10, "big_decimal_col": "-0.5",
                         "boolean_col": false, "timestamp_col": 981173106789, "string_col": "alpha", "json_col": [1, "two"],
                         "bytes_col": "00ff", "int_array_col": [-1], "long_array_col": [0], "float_array_col": [-2.5],
                         "double_array_col": [0.125, -8], "string_array_col": ["only"], "event_time": 1700000001000}
                        """));
    }

    @Test
    void testLiteralsKeepTheirCase()
    {
        for (String status : List.of("Paid", "paid", "PAID")) {
            MaterializedResult nativeAnswer = nativeQuery(
                    "SELECT id, JSONEXTRACTSCALAR(source, '$.status', 'STRING') AS status FROM " + ORDERS + " WHERE JSONEXTRACTSCALAR(source, '$.status', 'STRING') = '" + status + "'");
            assertSameRows(nativeAnswer, "SELECT id, status FROM " + ORDERS + " WHERE status = '" + status + "'");
            assertThat(nativeAnswer.getRowCount()).isEqualTo(ORDER_COUNT / 4);
        }
        // a native column of the plain table, compared as Pinot compares: case-sensitive
        assertSameRows(nativeQuery("SELECT int_col FROM " + PLAIN + " WHERE string_col = 'Alpha'"), "SELECT int_col FROM " + PLAIN + " WHERE string_col = 'Alpha'");
        assertThat(nativeQuery("SELECT int_col FROM " + PLAIN + " WHERE string_col = 'Alpha'").getOnlyValue()).isEqualTo(7);
    }

    @Test
    void testAggregationsAndGroups()
    {
        assertSameRows(
                nativeQuery("SELECT COUNT(*) FROM " + ORDERS),
                "SELECT count(*) FROM " + ORDERS);
        assertSameRows(
                nativeQuery("SELECT JSONEXTRACTSCALAR(source, '$.status', 'STRING') AS s, COUNT(*), SUM(JSONEXTRACTSCALAR(source, '$.user_id', 'LONG')) FROM " + ORDERS +
                        " GROUP BY JSONEXTRACTSCALAR(source, '$.status', 'STRING')"),
                "SELECT status, count(*), CAST(sum(user_id) AS double) FROM " + ORDERS + " GROUP BY status");
        assertSameRows(
                nativeQuery("SELECT JSONEXTRACTSCALAR(source, '$.user_id', 'LONG') AS u, MAX(id), MIN(id) FROM " + ORDERS +
                        " WHERE JSONEXTRACTSCALAR(source, '$.status', 'STRING') IN ('Paid', 'new') GROUP BY JSONEXTRACTSCALAR(source, '$.user_id', 'LONG') ORDER BY u LIMIT 100"),
                "SELECT user_id, CAST(max(id) AS double), CAST(min(id) AS double) FROM " + ORDERS + " WHERE status IN ('Paid', 'new') GROUP BY user_id");
        // Trino works on the function's answer like on any table
        assertThat(queryRunner.execute("SELECT sum(\"count(*)\") FROM TABLE(pinot_cdc.system.query(query => 'SELECT JSONEXTRACTSCALAR(source, ''$.status'', ''STRING''), COUNT(*) FROM " +
                ORDERS + " GROUP BY JSONEXTRACTSCALAR(source, ''$.status'', ''STRING'')'))").getOnlyValue())
                .isEqualTo((long) ORDER_COUNT);
    }

    @Test
    void testAnswerWithoutLimitIsComplete()
    {
        // Pinot alone would answer 10 rows
        MaterializedResult all = nativeQuery("SELECT id FROM " + ORDERS);
        assertThat(all.getRowCount()).isEqualTo(ORDER_COUNT);
        assertSameRows(all, "SELECT id FROM " + ORDERS);
        assertThat(nativeQuery("SELECT id FROM " + ORDERS + " ORDER BY id DESC LIMIT 3").getMaterializedRows())
                .extracting(row -> row.getField(0))
                .containsExactly((long) ORDER_COUNT, ORDER_COUNT - 1L, ORDER_COUNT - 2L);
    }

    @Test
    void testTypes()
    {
        String columns = "int_col, long_col, float_col, double_col, big_decimal_col, boolean_col, timestamp_col, string_col, bytes_col, " +
                "int_array_col, long_array_col, float_array_col, double_array_col, string_array_col";
        assertSameRows(nativeQuery("SELECT " + columns + " FROM " + PLAIN), "SELECT " + columns + " FROM " + PLAIN);
        MaterializedResult typed = queryRunner.execute("SELECT * FROM TABLE(pinot_cdc.system.query(query => 'SELECT " + columns + ", json_col FROM " + PLAIN + " LIMIT 1'))");
        assertThat(typed.getTypes()).extracting(type -> type.getDisplayName()).containsExactly(
                "integer", "bigint", "real", "double", "decimal(38,18)", "boolean", "timestamp(3)", "varchar", "varbinary",
                "array(integer)", "array(bigint)", "array(real)", "array(double)", "array(varchar)", "json");
    }

    @Test
    void testRefusals()
    {
        assertRefused("DELETE FROM " + ORDERS, "Only a SELECT statement");
        assertRefused("SET skipUpsert = ''true''; SELECT id FROM " + ORDERS, "Only a SELECT statement");
        assertRefused("SELECT id FROM " + ORDERS + "; SELECT id FROM " + PLAIN, "Only one statement");
        // Pinot's own errors, with Pinot's message
        assertRefused("SELECT id,, FROM " + ORDERS, "SQLParsingError");
        assertRefused("SELECT no_such_column FROM " + ORDERS, "Unknown columnName 'no_such_column'");
        assertRefused("SELECT id FROM nq_no_such_table", "Pinot table 'nq_no_such_table' does not exist");
        // more rows than one broker query may return: refused, not cut
        String threeRows = environment.catalog("nq_three_rows", Map.of("pinot.max-rows-per-broker-query", "3"));
        assertThatThrownBy(() -> queryRunner.execute("SELECT * FROM TABLE(" + threeRows + ".system.query(query => 'SELECT id FROM " + ORDERS + "'))"))
                .hasMessageContaining("more than the 3");
        assertThatThrownBy(() -> queryRunner.execute("SELECT * FROM TABLE(" + threeRows + ".system.query(query => 'SELECT id FROM " + ORDERS + " LIMIT 4'))"))
                .hasMessageContaining("more than the 3");
        assertThat(queryRunner.execute("SELECT * FROM TABLE(" + threeRows + ".system.query(query => 'SELECT id FROM " + ORDERS + " LIMIT 3'))").getRowCount())
                .isEqualTo(3);
    }

    private void assertRefused(String pinotSql, String message)
    {
        assertThatThrownBy(() -> queryRunner.execute("SELECT * FROM TABLE(pinot_cdc.system.query(query => '" + pinotSql + "'))"))
                .as(pinotSql)
                .hasMessageContaining(message);
    }

    private MaterializedResult nativeQuery(String pinotSql)
    {
        return queryRunner.execute("SELECT * FROM TABLE(pinot_cdc.system.query(query => '" + pinotSql.replace("'", "''") + "'))");
    }

    private void assertSameRows(MaterializedResult actual, String trinoQuery)
    {
        List<MaterializedRow> expected = queryRunner.execute(trinoQuery).getMaterializedRows();
        assertThat(actual.getMaterializedRows()).as(trinoQuery).containsExactlyInAnyOrderElementsOf(expected);
    }
}

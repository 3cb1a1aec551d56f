package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotNativeTable;
import io.trino.Session;
import io.trino.sql.query.QueryAssertions;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * A plain (not CDC) Pinot table with a column of every Pinot 0.11 type: each reads with its Trino type and value.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcPlainTable
{
    private static final String TABLE = "plain_all_types";

    private QueryRunner queryRunner;
    private QueryAssertions assertions;

    @BeforeAll
    void setUp()
    {
        PinotCdcTestEnvironment environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();
        assertions = new QueryAssertions(queryRunner);
        PinotNativeTable.allTypesBuilder(TABLE)
                .create(environment.cluster())
                .sendAndAwait(List.of(
                        """
                        {"int_col": 7, "long_col": 9000000000, "float_col": 1.5, "double_col": 2.25, "big_decimal_col": "12345.678901",
                         "boolean_col": true, "timestamp_col": 1700000000123, "string_col": "alpha", "json_col": {"k": "v", "n": [1, 2]},
                         "bytes_col": "cafe01", "int_array_col": [1, 2, 3], "long_array_col": [10000000000, -1], "float_array_col": [0.5, 1.25],
                         "double_array_col": [3.5], "string_array_col": ["a", "b c"], "event_time": 1700000000000}
                        """,
                        """
                        {"int_col": -3, "long_col": -1, "float_col": -0.25, "double_col": 1e10, "big_decimal_col": "-0.5",
                         "boolean_col": false, "timestamp_col": 981173106789, "string_col": "beta", "json_col": [1, "two"],
                         "bytes_col": "", "int_array_col": [-1], "long_array_col": [0], "float_array_col": [-2.5],
                         "double_array_col": [0.125, -8], "string_array_col": ["only"], "event_time": 1700000001000}
                        """,
                        // every other column missing: NULL, not Pinot's stand-in default value
                        "{\"string_col\": \"gamma\", \"event_time\": 1700000002000}"));
    }

    @Test
    void testDescribe()
    {
        MaterializedResult describe = queryRunner.execute("DESCRIBE " + TABLE);
        assertThat(describe.getMaterializedRows())
                .extracting(row -> row.getField(0) + " " + row.getField(1))
                .containsExactly(
                        "int_col integer",
                        "long_col bigint",
                        "float_col real",
                        "double_col double",
                        "boolean_col boolean",
                        "timestamp_col timestamp(3)",
                        "string_col varchar",
                        "json_col json",
                        "bytes_col varbinary",
                        "int_array_col array(integer)",
                        "long_array_col array(bigint)",
                        "float_array_col array(real)",
                        "double_array_col array(double)",
                        "string_array_col array(varchar)",
                        "big_decimal_col decimal(38,18)",
                        "event_time bigint");
        assertThat(describe.getMaterializedRows())
                .allSatisfy(row -> assertThat((String) row.getField(3)).isEqualTo("Pinot column " + row.getField(0)));
    }

    @Test
    void testEveryTypeReadsItsValue()
    {
        assertThat(assertions.query("""
                SELECT int_col, long_col, float_col, double_col, big_decimal_col, boolean_col, timestamp_col, string_col,
                       json_format(json_col), bytes_col, int_array_col, long_array_col, float_array_col, double_array_col, string_array_col, event_time
                FROM %s
                WHERE event_time < 1700000002000
                """.formatted(TABLE)))
                .matches("""
                        VALUES
                        (7, BIGINT '9000000000', REAL '1.5', DOUBLE '2.25', CAST('12345.678901' AS DECIMAL(38, 18)), true,
                         TIMESTAMP '2023-11-14 22:13:20.123', VARCHAR 'alpha', VARCHAR '{"k":"v","n":[1,2]}', X'cafe01',
                         ARRAY[1, 2, 3], ARRAY[BIGINT '10000000000', -1], ARRAY[REAL '0.5', REAL '1.25'], ARRAY[DOUBLE '3.5'], ARRAY[VARCHAR 'a', 'b c'],
                         BIGINT '1700000000000'),
                        (-3, BIGINT '-1', REAL '-0.25', DOUBLE '1e10', CAST('-0.5' AS DECIMAL(38, 18)), false,
                         TIMESTAMP '2001-02-03 04:05:06.789', VARCHAR 'beta', VARCHAR '[1,"two"]', X'',
                         ARRAY[-1], ARRAY[BIGINT '0'], ARRAY[REAL '-2.5'], ARRAY[DOUBLE '0.125', -8], ARRAY[VARCHAR 'only'],
                         BIGINT '1700000001000')
                        """);
    }

    @Test
    @Disabled("Pinot 0.11 answers a missing native value with the column's stand-in default, and the only way to tell "
            + "them apart in an answer, ISNULL(column) in the select list, fails on committed segments "
            + "(IndexOutOfBoundsException): the connector returns the stored value, as the README says")
    void testMissingValuesAreNull()
    {
        assertThat(assertions.query("""
                SELECT int_col, long_col, float_col, double_col, big_decimal_col, boolean_col, timestamp_col, json_col, bytes_col,
                       int_array_col, string_array_col
                FROM %s
                WHERE string_col = 'gamma'
                """.formatted(TABLE)))
                .matches("VALUES (CAST(NULL AS integer), CAST(NULL AS bigint), CAST(NULL AS real), CAST(NULL AS double), CAST(NULL AS decimal(38, 18)), " +
                        "CAST(NULL AS boolean), CAST(NULL AS timestamp(3)), CAST(NULL AS json), CAST(NULL AS varbinary), CAST(NULL AS array(integer)), CAST(NULL AS array(varchar)))");
        assertSameRowsBothWays(List.of("int_col IS NULL", "double_col IS NOT NULL", "timestamp_col IS NULL", "boolean_col IS NULL", "string_array_col IS NULL", "json_col IS NULL"));
    }

    @Test
    void testFiltersGiveTheSameRowsBothWays()
    {
        assertSameRowsBothWays(List.of(
                "int_col = 7",
                "int_col < 0",
                "long_col > 100",
                "long_col IN (-1, 5)",
                "float_col = REAL '1.5'",
                "float_col < 0",
                "double_col BETWEEN 1 AND 3",
                "double_col > 1e9",
                "big_decimal_col > 100",
                "big_decimal_col = -0.5",
                "boolean_col",
                "boolean_col = false",
                "timestamp_col >= TIMESTAMP '2023-01-01 00:00:00'",
                "timestamp_col = TIMESTAMP '2001-02-03 04:05:06.789'",
                "string_col = 'beta'",
                "string_col LIKE 'al%'",
                "string_col IN ('alpha', 'gamma')",
                "bytes_col = X'cafe01'",
                "contains(int_array_col, 2)",
                "contains(string_array_col, 'only')",
                "json_extract_scalar(json_col, '$.k') = 'v'",
                "event_time > 1700000000500"));
    }

    private void assertSameRowsBothWays(List<String> predicates)
    {
        Session pushdown = queryRunner.getDefaultSession();
        Session noPushdown = Session.builder(pushdown)
                .setCatalogSessionProperty("pinot_cdc", "pushdown_enabled", "false")
                .build();
        for (String predicate : predicates) {
            String query = "SELECT string_col FROM " + TABLE + " WHERE " + predicate;
            List<MaterializedRow> expected = queryRunner.execute(noPushdown, query).getMaterializedRows();
            assertThat(expected).as(query).isNotEmpty();
            assertThat(queryRunner.execute(pushdown, query).getMaterializedRows()).as(query).containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}

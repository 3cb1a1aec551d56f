package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumFixtures;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import io.trino.Session;
import io.trino.sql.query.QueryAssertions;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Every Pinot column of a CDC table that is not a key is a hidden column, {@code _<pinot name>}: selectable and
 * filterable by name, absent from {@code SELECT *}, DESCRIBE and information_schema.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcHiddenColumns
{
    private static final String TABLE = "hidden_person";
    private static final List<String> HIDDEN = List.of("_op", "_ts_ms", "_lsn", "_source", "_source_schema");

    private QueryRunner queryRunner;
    private QueryAssertions assertions;

    @BeforeAll
    void setUp()
    {
        PinotCdcTestEnvironment environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();
        assertions = new QueryAssertions(queryRunner);
        DebeziumCdcTable.builder(TABLE)
                .topic("hidden_person")
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .primaryKeyColumn("customer_id", PinotColumnType.LONG)
                .create(environment.cluster())
                .sendAndAwait(DebeziumFixtures.read("connect-precise", "snapshot"));
    }

    @Test
    void testHiddenColumnsAreSelectableByNameWithTheirTypes()
    {
        assertThat(assertions.query("SELECT typeof(_op), typeof(_ts_ms), typeof(_lsn), typeof(_source), typeof(_source_schema) FROM " + TABLE + " WHERE id = 1"))
                .matches("VALUES (VARCHAR 'varchar', VARCHAR 'bigint', VARCHAR 'bigint', VARCHAR 'json', VARCHAR 'json')");
        assertThat(assertions.query("""
                SELECT _op, _ts_ms > 0, _lsn > 0,
                       json_extract_scalar(_source, '$.name') = name, CAST(json_extract_scalar(_source, '$.id') AS bigint) = id,
                       json_extract_scalar(_source_schema, '$.type'), json_extract_scalar(_source_schema, '$.field')
                FROM %s
                """.formatted(TABLE)))
                .matches("VALUES (VARCHAR 'r', true, true, true, true, VARCHAR 'struct', VARCHAR 'after'), ('r', true, true, true, true, 'struct', 'after')");
    }

    @Test
    void testHiddenColumnsAreNotInSelectStarDescribeOrInformationSchema()
    {
        assertThat(queryRunner.execute("SELECT * FROM " + TABLE).getColumnNames()).doesNotContainAnyElementsOf(HIDDEN).contains("id", "name");
        assertThat(queryRunner.execute("DESCRIBE " + TABLE).getMaterializedRows().stream().map(row -> row.getField(0)).toList()).doesNotContainAnyElementsOf(HIDDEN).contains("id", "name");
        assertThat(queryRunner.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = 'default' AND table_name = '" + TABLE + "'").getOnlyColumnAsSet())
                .doesNotContainAnyElementsOf(HIDDEN)
                .contains("id", "name");
    }

    @Test
    void testFiltersOnHiddenColumnsGiveTheSameRowsBothWays()
    {
        Session pushdown = queryRunner.getDefaultSession();
        Session noPushdown = Session.builder(pushdown)
                .setCatalogSessionProperty("pinot_cdc", "pushdown_enabled", "false")
                .build();
        for (String predicate : List.of(
                "_op = 'r'",
                "_op IN ('c', 'r')",
                "_lsn > 0",
                "_ts_ms > 0",
                "json_extract_scalar(_source, '$.name') IS NOT NULL",
                "_source_schema IS NOT NULL")) {
            String query = "SELECT id, customer_id FROM " + TABLE + " WHERE " + predicate;
            List<MaterializedRow> expected = queryRunner.execute(noPushdown, query).getMaterializedRows();
            assertThat(expected).as(query).hasSize(2);
            assertThat(queryRunner.execute(pushdown, query).getMaterializedRows()).as(query).containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}

package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumFixtures;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import io.trino.testing.MaterializedResult;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * SHOW, DESCRIBE, information_schema and table names, over tables in a real Pinot.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcMetadata
{
    private static final String TABLE = "meta_person";
    private static final String MIXED_CASE_TABLE = "Meta_MixedCase";

    private QueryRunner queryRunner;

    @BeforeAll
    void setUp()
    {
        PinotCdcTestEnvironment environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();
        for (String name : List.of(TABLE, MIXED_CASE_TABLE)) {
            DebeziumCdcTable.builder(name)
                    .topic("meta_" + name.toLowerCase())
                    .primaryKeyColumn("id", PinotColumnType.LONG)
                    .primaryKeyColumn("customer_id", PinotColumnType.LONG)
                    .create(environment.cluster())
                    .sendAndAwait(DebeziumFixtures.read("connect-precise", "snapshot"));
        }
    }

    @Test
    void testSchemas()
    {
        assertThat(column(queryRunner.execute("SHOW SCHEMAS FROM pinot_cdc"), 0))
                .contains("default", "information_schema");
    }

    @Test
    void testTablesAreListedInLowerCase()
    {
        assertThat(column(queryRunner.execute("SHOW TABLES FROM pinot_cdc.default"), 0))
                .contains(TABLE, MIXED_CASE_TABLE.toLowerCase());
    }

    @Test
    void testTableNamesAreCaseInsensitive()
    {
        assertThat(queryRunner.execute("SELECT count(*) FROM \"META_MIXEDCASE\"").getOnlyValue()).isEqualTo(2L);
        assertThat(queryRunner.execute("SELECT count(*) FROM meta_mixedcase").getOnlyValue()).isEqualTo(2L);
    }

    @Test
    void testDescribeShowsVisibleColumnsWithComments()
    {
        MaterializedResult describe = queryRunner.execute("DESCRIBE " + TABLE);
        assertThat(column(describe, 0)).containsExactly("id", "customer_id", "name", "balance", "birth", "created_at", "updated_at", "active", "attrs", "uid", "tags");
        assertThat(describe.getMaterializedRows().get(2).getField(3).toString()).contains("$.name of source");
    }

    @Test
    void testInformationSchemaColumnsIncludesTypesAndComments()
    {
        MaterializedResult columns = queryRunner.execute(
                "SELECT column_name, data_type, comment FROM information_schema.columns " +
                        "WHERE table_catalog = 'pinot_cdc' AND table_schema = 'default' AND table_name = '" + TABLE + "' ORDER BY ordinal_position");
        assertThat(column(columns, 0)).containsExactly("id", "customer_id", "name", "balance", "birth", "created_at", "updated_at", "active", "attrs", "uid", "tags");
        assertThat(column(columns, 1)).containsExactly("bigint", "bigint", "varchar", "decimal(10,2)", "date", "timestamp(3)", "timestamp(6) with time zone", "boolean", "json", "uuid", "array(varchar)");
        assertThat(column(columns, 2)).allSatisfy(comment -> assertThat(comment).isNotNull());
    }

    @Test
    void testAllTablesInInformationSchema()
    {
        MaterializedResult tables = queryRunner.execute("SELECT table_name FROM information_schema.tables WHERE table_catalog = 'pinot_cdc' AND table_schema = 'default'");
        assertThat(column(tables, 0)).contains(TABLE, MIXED_CASE_TABLE.toLowerCase());
        MaterializedResult columns = queryRunner.execute("SELECT DISTINCT table_name FROM information_schema.columns WHERE table_catalog = 'pinot_cdc' AND table_schema = 'default'");
        assertThat(column(columns, 0)).contains(TABLE, MIXED_CASE_TABLE.toLowerCase());
    }

    @Test
    void testTableComment()
    {
        Object comment = queryRunner.execute("SELECT comment FROM system.metadata.table_comments WHERE catalog_name = 'pinot_cdc' AND schema_name = 'default' AND table_name = '" + TABLE + "'").getOnlyValue();
        assertThat(comment.toString()).contains("Latest state").contains(TABLE);
    }

    @Test
    void testHiddenColumnsAreNotInSelectStarButDescribed()
    {
        MaterializedResult all = queryRunner.execute("SELECT * FROM " + TABLE);
        assertThat(all.getColumnNames()).doesNotContain("_op", "_ts_ms", "_source", "_lsn");
        MaterializedResult hidden = queryRunner.execute("SELECT _op, _ts_ms, _lsn FROM " + TABLE + " WHERE id = 1");
        assertThat(hidden.getMaterializedRows().getFirst().getField(0)).isEqualTo("r");
    }

    @Test
    void testUnknownTableAndSchema()
    {
        assertThatThrownBy(() -> queryRunner.execute("SELECT * FROM no_such_table"))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> queryRunner.execute("SELECT * FROM pinot_cdc.other.meta_person"))
                .hasMessageContaining("does not exist");
    }

    @Test
    void testUnknownColumn()
    {
        assertThatThrownBy(() -> queryRunner.execute("SELECT no_such_column FROM " + TABLE))
                .hasMessageContaining("cannot be resolved");
    }

    private static List<Object> column(MaterializedResult result, int field)
    {
        return result.getMaterializedRows().stream().map(row -> row.getField(field)).toList();
    }
}

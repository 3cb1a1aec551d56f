package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.PinotNativeTable;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Two Pinot tables whose names differ only by case are one name to Trino: using it is a clear error naming both.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcTableNameCase
{
    private static final String LOWER = "case_clash";
    private static final String MIXED = "Case_Clash";
    private static final String OTHER = "case_other";

    private QueryRunner queryRunner;
    private final List<PinotNativeTable> tables = new ArrayList<>();

    @BeforeAll
    void setUp()
    {
        PinotCdcTestEnvironment environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();
        for (String name : List.of(LOWER, MIXED, OTHER)) {
            PinotNativeTable table = PinotNativeTable.builder(name)
                    .column("label", PinotColumnType.STRING)
                    .create(environment.cluster());
            tables.add(table);
            table.sendAndAwait(List.of("{\"label\": \"" + name + "\", \"event_time\": 1}"));
        }
    }

    @AfterAll
    void tearDown()
    {
        // the cluster is shared: other classes list every table of it
        tables.forEach(PinotNativeTable::drop);
    }

    @Test
    void testUsingTheNameIsAnErrorNamingBothTables()
    {
        for (String query : List.of("SELECT * FROM " + LOWER, "SELECT label FROM \"CASE_CLASH\"", "DESCRIBE " + LOWER, "SHOW COLUMNS FROM " + MIXED)) {
            assertThatThrownBy(() -> queryRunner.execute(query))
                    .as(query)
                    .hasMessageContaining("'" + LOWER + "'")
                    .hasMessageContaining("'" + MIXED + "'")
                    .hasMessageContaining("differ only by case");
        }
    }

    @Test
    void testShowTablesAndOtherTablesStillWork()
    {
        assertThat(queryRunner.execute("SHOW TABLES FROM pinot_cdc.default").getOnlyColumn())
                .filteredOn(LOWER::equals)
                .hasSize(1);
        assertThat(queryRunner.execute("SELECT label FROM " + OTHER).getOnlyValue()).isEqualTo(OTHER);
    }

    @Test
    void testInformationSchemaColumnsListsTheOtherTables()
    {
        // tools read every table's columns at once: one unusable name must not hide the others
        assertThat(queryRunner.execute("SELECT DISTINCT table_name FROM information_schema.columns WHERE table_schema = 'default'").getOnlyColumnAsSet())
                .contains(OTHER)
                .doesNotContain(LOWER);
    }
}

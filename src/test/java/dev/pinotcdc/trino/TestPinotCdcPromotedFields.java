package dev.pinotcdc.trino;

import dev.pinotcdc.trino.templates.DebeziumType;
import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumFixtures;
import dev.pinotcdc.trino.testing.KafkaMessage;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import io.trino.Session;
import io.trino.testing.MaterializedResult;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Fields the template promotes to native Pinot columns are filtered natively and read with the same answers as from
 * the JSON, NULLs included, also once Pinot has committed segments.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcPromotedFields
{
    private static final String PROMOTED = "promoted_person";
    private static final String PLAIN_JSON = "json_only_person";

    private QueryRunner queryRunner;

    @BeforeAll
    void setUp()
    {
        PinotCdcTestEnvironment environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();
        List<KafkaMessage> events = new ArrayList<>();
        for (String file : List.of("snapshot", "insert", "update", "pk-change", "delete")) {
            events.addAll(DebeziumFixtures.read("connect-precise", file));
        }
        DebeziumCdcTable.builder(PROMOTED)
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .primaryKeyColumn("customer_id", PinotColumnType.LONG)
                .promotedField("created_at", DebeziumType.of("int64", DebeziumType.CONNECT_TIMESTAMP))
                .promotedField("birth", DebeziumType.of("int32", DebeziumType.CONNECT_DATE))
                .flushThresholdRows(2)
                .create(environment.cluster())
                .sendAndAwait(events);
        DebeziumCdcTable.builder(PLAIN_JSON)
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .primaryKeyColumn("customer_id", PinotColumnType.LONG)
                .create(environment.cluster())
                .sendAndAwait(events);
    }

    @Test
    void testValuesAreTheSameAsWithoutPromotion()
    {
        String columns = "SELECT id, customer_id, created_at, birth, name FROM ";
        MaterializedResult fromJson = queryRunner.execute(columns + PLAIN_JSON);
        MaterializedResult promoted = queryRunner.execute(columns + PROMOTED);
        assertThat(promoted.getMaterializedRows()).containsExactlyInAnyOrderElementsOf(fromJson.getMaterializedRows());
        assertThat(promoted.getRowCount()).isEqualTo(3);

        String plan = (String) queryRunner.execute("EXPLAIN SELECT id, created_at FROM " + PROMOTED).getOnlyValue();
        // values come from the JSON, extracted there: the native column answers a missing value with a stand-in
        assertThat(plan).contains("Pinot SQL: SELECT \"id\", JSONEXTRACTSCALAR(\"source\", '$[''created_at'']', 'STRING'")
                .doesNotContain("\"created_at\"");
        assertThat(queryRunner.execute("SHOW COLUMNS FROM " + PROMOTED).getMaterializedRows())
                .filteredOn(row -> row.getField(0).equals("created_at"))
                .extracting(row -> (String) row.getField(3))
                .singleElement()
                .asString()
                .contains("native column created_at");
    }

    @Test
    void testFiltersOnTheNativeColumnGiveTheSameRowsBothWays()
    {
        Session noPushdown = Session.builder(queryRunner.getDefaultSession())
                .setCatalogSessionProperty("pinot_cdc", "pushdown_enabled", "false")
                .build();
        for (String predicate : List.of(
                "created_at >= TIMESTAMP '2024-01-01 00:00:00'",
                "created_at < TIMESTAMP '2024-06-30 12:00:00'",
                "birth = DATE '2000-02-29'",
                "birth BETWEEN DATE '1990-01-01' AND DATE '2001-01-01'",
                "created_at IS NULL")) {
            String query = "SELECT id, customer_id FROM " + PROMOTED + " WHERE " + predicate;
            assertThat(queryRunner.execute(query).getMaterializedRows()).as(predicate)
                    .containsExactlyInAnyOrderElementsOf(queryRunner.execute(noPushdown, query).getMaterializedRows());
        }
        String plan = (String) queryRunner.execute("EXPLAIN SELECT id FROM " + PROMOTED + " WHERE created_at >= TIMESTAMP '2024-01-01 00:00:00'").getOnlyValue();
        assertThat(plan).contains("\"created_at\" >= 1704067200000").doesNotContain("$[''created_at'']");
    }
}

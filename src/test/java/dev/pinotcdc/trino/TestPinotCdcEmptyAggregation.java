package dev.pinotcdc.trino;

import com.google.common.collect.ImmutableMap;
import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumEventFactory;
import dev.pinotcdc.trino.testing.DebeziumEventFactory.Field;
import dev.pinotcdc.trino.testing.KafkaMessage;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import io.trino.Session;
import io.trino.testing.MaterializedResult;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.pinotcdc.trino.testing.SampleCdcTables.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * An aggregation without GROUP BY yields one row also when no row matches: where the connector itself finds that no
 * row can match (a filter the stored precision cannot meet), the pushed aggregation still answers one row of 0
 * counts and NULL sums, as Trino does over no rows.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcEmptyAggregation
{
    private static final String TABLE = "empty_aggs";
    private static final String NEW_TABLE = "empty_aggs_new";
    // the file types a millisecond field as TIMESTAMP(6): an equality between two milliseconds matches no row
    private static final String DEFINITION = """
            {"columns": [{"name": "ts", "type": "timestamp(6)", "encoding": "epoch-millis"}]}
            """;
    private static final String BETWEEN_MILLISECONDS = "TIMESTAMP '2023-11-14 22:13:20.000500'";
    // over fields Debezium's schema types, so that Pinot computes them
    private static final String AGGREGATES = "count(*), count(n), sum(n), min(n), max(n), avg(n), count(DISTINCT n)";

    private QueryRunner queryRunner;
    private Session pushdown;
    private Session noPushdown;

    @BeforeAll
    void setUp()
            throws IOException
    {
        PinotCdcTestEnvironment environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();

        List<Field> fields = List.of(
                Field.required("id", "int64"),
                Field.optional("n", "int64"),
                Field.optional("ts", "int64"));
        DebeziumEventFactory events = new DebeziumEventFactory("emptyaggs", TABLE, fields, List.of("id"));
        List<KafkaMessage> messages = new ArrayList<>();
        for (long id = 1; id <= 30; id++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("n", id % 7);
            // 2023-11-14 22:13:20 plus whole milliseconds
            row.put("ts", 1_700_000_000_000L + id);
            messages.add(message(events.insert(row)));
        }
        DebeziumCdcTable.builder(TABLE).topic(events.topic())
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .flushThresholdRows(10)
                .create(environment.cluster())
                .sendAndAwait(messages);
        // a table no change reached yet: only an empty consuming segment
        DebeziumEventFactory nothing = new DebeziumEventFactory("emptyaggs_new", NEW_TABLE, fields, List.of("id"));
        DebeziumCdcTable.builder(NEW_TABLE).topic(nothing.topic())
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .create(environment.cluster());

        Path definitions = Files.createTempDirectory("empty-aggregation-definitions");
        definitions.toFile().deleteOnExit();
        Files.writeString(definitions.resolve(TABLE + ".json"), DEFINITION).toFile().deleteOnExit();
        String catalog = environment.catalog("pinot_cdc_empty_aggregation", ImmutableMap.of("cdc.table-definition-dir", definitions.toString()));
        pushdown = Session.builder(queryRunner.getDefaultSession()).setCatalog(catalog).build();
        noPushdown = Session.builder(pushdown)
                .setCatalogSessionProperty(catalog, "pushdown_enabled", "false")
                .build();
    }

    @Test
    void testGlobalAggregationOverAFilterNoRowCanMeetHasItsRow()
    {
        for (String filter : List.of(
                "ts = " + BETWEEN_MILLISECONDS,
                "ts IN (" + BETWEEN_MILLISECONDS + ", TIMESTAMP '2023-11-14 22:13:20.000501')",
                "ts = " + BETWEEN_MILLISECONDS + " AND n > 2",
                "n = 1 AND n = 2")) {
            String query = "SELECT " + AGGREGATES + " FROM " + TABLE + " WHERE " + filter;
            MaterializedResult expected = queryRunner.execute(noPushdown, query);
            MaterializedResult actual = queryRunner.execute(pushdown, query);
            assertThat(expected.getRowCount()).as(query).isEqualTo(1);
            assertThat(actual.getMaterializedRows()).as(query).containsExactlyElementsOf(expected.getMaterializedRows());
        }
        // count(*) alone, as Trino asks it when nothing else is read
        assertThat(queryRunner.execute(pushdown, "SELECT count(*) FROM " + TABLE + " WHERE ts = " + BETWEEN_MILLISECONDS).getOnlyValue()).isEqualTo(0L);
        assertThat(queryRunner.execute(pushdown, "SELECT count(*) FROM (SELECT count(*) FROM " + TABLE + " WHERE ts = " + BETWEEN_MILLISECONDS + ")").getOnlyValue()).isEqualTo(1L);
    }

    @Test
    void testGroupedAggregationOverAFilterNoRowCanMeetHasNoRow()
    {
        String query = "SELECT n, count(*), sum(n) FROM " + TABLE + " WHERE ts = " + BETWEEN_MILLISECONDS + " GROUP BY n";
        assertThat(queryRunner.execute(noPushdown, query).getRowCount()).isZero();
        assertThat(queryRunner.execute(pushdown, query).getRowCount()).isZero();
    }

    @Test
    void testTableWithoutRowsAnswersNoRows()
    {
        assertThat(queryRunner.execute(pushdown, "SELECT count(*), max(id) FROM " + NEW_TABLE).getMaterializedRows().getFirst().getFields()).containsExactly(0L, null);
        assertThat(queryRunner.execute(noPushdown, "SELECT count(*) FROM " + NEW_TABLE).getOnlyValue()).isEqualTo(0L);
        assertThat(queryRunner.execute(pushdown, "SELECT * FROM " + NEW_TABLE).getRowCount()).isZero();
    }

    @Test
    void testFilterThatMatchesStillCounts()
    {
        String query = "SELECT " + AGGREGATES + " FROM " + TABLE + " WHERE ts >= TIMESTAMP '2023-11-14 22:13:20.010'";
        MaterializedResult expected = queryRunner.execute(noPushdown, query);
        assertThat((long) expected.getMaterializedRows().getFirst().getField(0)).isGreaterThan(0L);
        assertThat(queryRunner.execute(pushdown, query).getMaterializedRows()).containsExactlyElementsOf(expected.getMaterializedRows());
    }
}

package dev.pinotcdc.trino;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableMap;
import dev.pinotcdc.trino.testing.AdjustedCdcTable;
import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumEventFactory;
import dev.pinotcdc.trino.testing.DebeziumEventFactory.Field;
import dev.pinotcdc.trino.testing.KafkaMessage;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import io.trino.Session;
import io.trino.execution.QueryInfo;
import io.trino.operator.OperatorStats;
import io.trino.spi.QueryId;
import io.trino.spi.metrics.Count;
import io.trino.sql.query.QueryAssertions;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.pinotcdc.trino.testing.SampleCdcTables.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Stored values that do not fit their columns, in a real Pinot: NULL and a count the user can see by default, a
 * clear error naming table and column in strict mode.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcBadValues
{
    /** Debezium's schema types the fields; some rows hold values that contradict it. */
    private static final String BAD_VALUES = "bad_values";
    /** The source column is a Pinot STRING; some rows hold text that is not a JSON object. */
    private static final String BAD_SOURCE = "bad_source";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PinotCdcTestEnvironment environment;
    private QueryRunner queryRunner;
    private QueryAssertions assertions;
    private Session strict;

    @BeforeAll
    void setUp()
    {
        environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();
        assertions = new QueryAssertions(queryRunner);
        strict = Session.builder(queryRunner.getDefaultSession())
                .setCatalogSessionProperty("pinot_cdc", "strict_decoding", "true")
                .build();

        DebeziumEventFactory events = new DebeziumEventFactory("bad", BAD_VALUES, List.of(
                Field.required("id", "int64"),
                Field.optional("amount", "int64"),
                Field.logical("uid", "string", "io.debezium.data.Uuid"),
                Field.logical("born", "int32", "io.debezium.time.Date")),
                List.of("id"));
        DebeziumCdcTable.builder(BAD_VALUES).topic(events.topic())
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .create(environment.cluster())
                .sendAndAwait(List.of(
                        message(events.insert(row(1, 10L, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", 19000))),
                        // malformed: text where the schema says int64
                        message(events.insert(row(2, "abc", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12", 19001))),
                        // wrong type: a fraction where the schema says int64
                        message(events.insert(row(3, 1.5, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13", 19002))),
                        // malformed: not a UUID
                        message(events.insert(row(4, 40L, "not-a-uuid", 19003))),
                        // Debezium's placeholder for an unchanged TOASTed value: not bad data, still no value
                        message(events.insert(row(5, "__debezium_unavailable_value", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a15", 19004)))));

        AdjustedCdcTable badSource = AdjustedCdcTable.withTextSource(
                DebeziumCdcTable.builder(BAD_SOURCE).primaryKeyColumn("id", PinotColumnType.LONG).build(),
                environment.cluster());
        List<KafkaMessage> messages = new ArrayList<>();
        messages.add(textSourceMessage(1, "{\"name\": \"a\", \"n\": 1}"));
        messages.add(textSourceMessage(2, "{\"name\": \"b\", "));
        messages.add(textSourceMessage(3, "[1, 2]"));
        messages.add(textSourceMessage(4, "{\"name\": \"d\", \"n\": 4}"));
        badSource.sendAndAwait(messages);
    }

    @Test
    void testBadValuesAreNullByDefault()
    {
        assertThat(assertions.query("SELECT id, amount, uid, born FROM " + BAD_VALUES))
                .matches("""
                        VALUES
                        (BIGINT '1', BIGINT '10', UUID 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', DATE '2022-01-08'),
                        (2, NULL, UUID 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', DATE '2022-01-09'),
                        (3, NULL, UUID 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13', DATE '2022-01-10'),
                        (4, 40, NULL, DATE '2022-01-11'),
                        (5, NULL, UUID 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a15', DATE '2022-01-12')
                        """);
    }

    @Test
    void testExplainAnalyzeVerboseShowsTheCounts()
    {
        String plan = (String) queryRunner.execute("EXPLAIN ANALYZE VERBOSE SELECT id, amount, uid FROM " + BAD_VALUES).getOnlyValue();
        assertThat(plan)
                .containsPattern("pinot_cdc\\.null_values\\.malformed.{0,40}\\b2\\b")
                .containsPattern("pinot_cdc\\.null_values\\.wrong_type.{0,40}\\b1\\b")
                .containsPattern("pinot_cdc\\.null_values\\.unavailable.{0,40}\\b1\\b");
        String clean = (String) queryRunner.execute("EXPLAIN ANALYZE VERBOSE SELECT id, born FROM " + BAD_VALUES).getOnlyValue();
        assertThat(clean).doesNotContain("pinot_cdc.null_values");
    }

    @Test
    void testQueryStatisticsCarryTheCounts()
    {
        // what the Web UI, /v1/query/{id} and event listeners (QueryCompletedEvent's operator summaries) show
        QueryId queryId = queryRunner.executeWithPlan(queryRunner.getDefaultSession(), "SELECT id, amount, uid FROM " + BAD_VALUES).queryId();
        QueryInfo queryInfo = ((DistributedQueryRunner) queryRunner).getCoordinator().getQueryManager().getFullQueryInfo(queryId);
        Map<String, Long> counts = new HashMap<>();
        for (OperatorStats operator : queryInfo.getQueryStats().getOperatorSummaries()) {
            // the decoding counts; the scans also report a distribution (the consuming segments' lag)
            operator.getConnectorMetrics().getMetrics().forEach((name, metric) -> {
                if (name.startsWith("pinot_cdc.null_values.")) {
                    counts.merge(name, ((Count<?>) metric).getTotal(), Long::sum);
                }
            });
        }
        assertThat(counts).isEqualTo(Map.of(
                "pinot_cdc.null_values.malformed", 2L,
                "pinot_cdc.null_values.wrong_type", 1L,
                "pinot_cdc.null_values.unavailable", 1L));
    }

    @Test
    void testStrictModeFailsNamingTableAndColumn()
    {
        assertThatThrownBy(() -> queryRunner.execute(strict, "SELECT id, amount FROM " + BAD_VALUES))
                .hasMessageContaining("Pinot table '" + BAD_VALUES + "'")
                .hasMessageContaining("column 'amount'")
                .hasMessageContaining("strict_decoding");
        assertThatThrownBy(() -> queryRunner.execute(strict, "SELECT uid FROM " + BAD_VALUES))
                .hasMessageContaining("Pinot table '" + BAD_VALUES + "'")
                .hasMessageContaining("column 'uid'")
                .hasMessageContaining("not-a-uuid");
        // rows whose values all fit still read, and a TOAST placeholder is no error
        assertThat(queryRunner.execute(strict, "SELECT amount FROM " + BAD_VALUES + " WHERE id IN (1, 5)").getOnlyColumnAsSet())
                .containsExactlyInAnyOrder(10L, null);

        String strictCatalog = environment.catalog("pinot_cdc_strict", ImmutableMap.of("cdc.strict-decoding", "true"));
        assertThatThrownBy(() -> queryRunner.execute("SELECT id, amount FROM " + strictCatalog + ".default." + BAD_VALUES))
                .hasMessageContaining("Pinot table '" + BAD_VALUES + "'")
                .hasMessageContaining("column 'amount'");
    }

    @Test
    void testFiltersOnBadValuesGiveTheSameRowsBothWays()
    {
        assertSameRowsBothWays(List.of(
                "SELECT id FROM " + BAD_VALUES + " WHERE amount = 10",
                "SELECT id FROM " + BAD_VALUES + " WHERE uid = UUID 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'",
                "SELECT id FROM " + BAD_SOURCE + " WHERE name = 'a'",
                "SELECT id FROM " + BAD_SOURCE + " WHERE n > 0",
                "SELECT id FROM " + BAD_SOURCE + " WHERE id > 1"));
    }

    @Test
    void testNullFiltersOnBadValuesGiveTheSameRowsBothWays()
    {
        // Trino reads a value that does not fit as NULL; IS NULL stays in Trino so both ways agree
        assertSameRowsBothWays(List.of("SELECT id FROM " + BAD_VALUES + " WHERE amount IS NULL"));
    }

    @Test
    void testRangeOverANonNumberIsAClearErrorNotAWrongAnswer()
    {
        // Pinot extracts the field as a number to compare it and fails on "abc": the message says how to read it anyway
        assertThatThrownBy(() -> queryRunner.execute("SELECT id FROM " + BAD_VALUES + " WHERE amount > 5"))
                .hasMessageContaining("Pinot table '" + BAD_VALUES + "'")
                .hasMessageContaining("pushdown_enabled = false");
        Session noPushdown = Session.builder(queryRunner.getDefaultSession())
                .setCatalogSessionProperty("pinot_cdc", "pushdown_enabled", "false")
                .build();
        assertThat(queryRunner.execute(noPushdown, "SELECT id FROM " + BAD_VALUES + " WHERE amount > 5").getRowCount()).isGreaterThan(0);
    }

    private void assertSameRowsBothWays(List<String> queries)
    {
        Session noPushdown = Session.builder(queryRunner.getDefaultSession())
                .setCatalogSessionProperty("pinot_cdc", "pushdown_enabled", "false")
                .build();
        for (String query : queries) {
            List<MaterializedRow> expected = queryRunner.execute(noPushdown, query).getMaterializedRows();
            assertThat(expected).as(query).isNotEmpty();
            assertThat(queryRunner.execute(query).getMaterializedRows()).as(query).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void testKeysOfRowsWithMalformedSourceStillShow()
    {
        assertThat(assertions.query("SELECT id, name, n FROM " + BAD_SOURCE))
                .matches("VALUES (BIGINT '1', VARCHAR 'a', BIGINT '1'), (2, NULL, NULL), (3, NULL, NULL), (4, 'd', 4)");
        // from whole documents, both rows are counted; Pinot extracting the field reads the JSON array as a document
        // without the field, and fails on the broken JSON, which makes the split read whole documents
        Session wholeDocuments = Session.builder(queryRunner.getDefaultSession())
                .setCatalogSessionProperty("pinot_cdc", "max_extracted_source_fields", "0")
                .build();
        String plan = (String) queryRunner.execute(wholeDocuments, "EXPLAIN ANALYZE VERBOSE SELECT id, name FROM " + BAD_SOURCE).getOnlyValue();
        assertThat(plan).containsPattern("pinot_cdc\\.null_values\\.malformed_source_rows.{0,40}\\b2\\b");
        assertThat(assertions.query(wholeDocuments, "SELECT id, name, n FROM " + BAD_SOURCE))
                .matches("VALUES (BIGINT '1', VARCHAR 'a', BIGINT '1'), (2, NULL, NULL), (3, NULL, NULL), (4, 'd', 4)");
        assertThat(assertions.query("SELECT id, n FROM " + BAD_SOURCE + " WHERE id <> 1"))
                .matches("VALUES (BIGINT '2', CAST(NULL AS BIGINT)), (3, NULL), (4, 4)");
    }

    @Test
    void testStrictModeFailsOnMalformedSourceNamingTableAndColumn()
    {
        assertThatThrownBy(() -> queryRunner.execute(strict, "SELECT id, name FROM " + BAD_SOURCE))
                .hasMessageContaining("Pinot table '" + BAD_SOURCE + "'")
                .hasMessageContaining("'name'")
                .hasMessageContaining("strict_decoding");
        // only the key: the source is not read, nothing fails
        assertThat(queryRunner.execute(strict, "SELECT count(id) FROM " + BAD_SOURCE).getOnlyValue()).isEqualTo(4L);
    }

    private static Map<String, Object> row(long id, Object amount, String uid, int born)
    {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("amount", amount);
        row.put("uid", uid);
        row.put("born", born);
        return row;
    }

    private static KafkaMessage textSourceMessage(long id, String sourceText)
    {
        Map<String, Object> value = new HashMap<>();
        value.put("id", id);
        value.put("source", sourceText);
        value.put("op", "c");
        value.put("ts_ms", System.currentTimeMillis());
        value.put("lsn", 1000 + id);
        try {
            return KafkaMessage.of("{\"id\": " + id + "}", JSON.writeValueAsString(value));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumEventFactory;
import dev.pinotcdc.trino.testing.KafkaMessage;
import dev.pinotcdc.trino.testing.PinotCdcQueryRunner;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.PinotTestCluster;
import dev.pinotcdc.trino.testing.SampleCdcTables;
import io.trino.Session;
import io.trino.execution.QueryInfo;
import io.trino.execution.StageInfo;
import io.trino.execution.TaskInfo;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.MaterializedResult;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static dev.pinotcdc.trino.testing.SampleCdcTables.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * A large scan becomes several broker queries that the workers of a 3-node Trino run in parallel, and their union
 * is the single query's answer.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcParallelSplits
{
    private static final String ORDERS = "splits_orders";
    private static final String APPEND_ONLY = "splits_history";

    private QueryRunner queryRunner;

    @BeforeAll
    void setUp()
            throws Exception
    {
        PinotTestCluster cluster = PinotTestCluster.shared();
        queryRunner = PinotCdcQueryRunner.builder(cluster.controllerUrl()).nodeCount(3).build();

        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (String table : List.of(ORDERS, APPEND_ONLY)) {
            // the same change stream into both tables
            Random random = new Random(3);
            DebeziumEventFactory orders = SampleCdcTables.ordersFactory("splits", table);
            Map<Long, Map<String, Object>> live = new LinkedHashMap<>();
            List<KafkaMessage> events = new ArrayList<>();
            for (long id = -200; id <= 2000; id++) {
                Map<String, Object> order = SampleCdcTables.order(id, 1 + random.nextInt(40), now.minus(random.nextInt(2000), ChronoUnit.HOURS), random);
                events.add(message(orders.insert(order)));
                live.put(id, order);
            }
            for (long id = -200; id <= 2000; id += 3) {
                Map<String, Object> after = new LinkedHashMap<>(live.get(id));
                after.put("status", "paid");
                events.add(message(orders.update(live.get(id), after)));
                live.put(id, after);
            }
            for (long id = -199; id <= 2000; id += 9) {
                events.add(message(orders.delete(live.remove(id))));
            }
            DebeziumCdcTable.Builder builder = DebeziumCdcTable.builder(table).topic(orders.topic())
                    .primaryKeyColumn("id", PinotColumnType.LONG)
                    // several segments, as a large table has
                    .flushThresholdRows(700);
            if (table.equals(APPEND_ONLY)) {
                builder.appendOnly();
            }
            builder.create(cluster).sendAndAwait(events);
        }
    }

    @AfterAll
    void tearDown()
    {
        if (queryRunner != null) {
            queryRunner.close();
        }
    }

    @Test
    void testSplitsRunOnSeveralWorkersAndAddUpToTheWholeScan()
    {
        for (String table : List.of(ORDERS, APPEND_ONLY)) {
            String query = "SELECT id, user_id, status, created_at FROM " + table;
            MaterializedResult single = queryRunner.execute(splits(1), query);
            QueryRunner.MaterializedResultWithPlan parallel = queryRunner.executeWithPlan(splits(12), query);

            assertThat(single.getRowCount()).as(table).isGreaterThan(1500);
            assertThat(parallel.result().getMaterializedRows()).as(table).containsExactlyInAnyOrderElementsOf(single.getMaterializedRows());

            QueryInfo info = ((DistributedQueryRunner) queryRunner).getCoordinator().getQueryManager().getFullQueryInfo(parallel.queryId());
            assertThat(nodesThatRead(info.getOutputStage().orElseThrow())).as(table).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void testTableThatKeepsEveryVersionShowsTheSameLatestStateAsTheUpsertTable()
    {
        MaterializedResult upserted = queryRunner.execute("SELECT id, user_id, status, created_at FROM " + ORDERS);
        MaterializedResult chosenByTrino = queryRunner.execute("SELECT id, user_id, status, created_at FROM " + APPEND_ONLY);
        assertThat(chosenByTrino.getMaterializedRows()).containsExactlyInAnyOrderElementsOf(upserted.getMaterializedRows());
        // Pinot holds every version; only the newest of each live key is shown
        assertThat((long) queryRunner.execute("SELECT count(*) FROM " + APPEND_ONLY + " WHERE id BETWEEN 0 AND 100").getOnlyValue())
                .isEqualTo((long) queryRunner.execute("SELECT count(*) FROM " + ORDERS + " WHERE id BETWEEN 0 AND 100").getOnlyValue());
    }

    @Test
    void testExplainShowsOneQueryPerSplitShare()
    {
        String plan = (String) queryRunner.execute(splits(12), "EXPLAIN SELECT id FROM " + ORDERS).getOnlyValue();
        assertThat(plan).contains("Pinot SQL: SELECT \"id\", \"lsn\" FROM \"" + ORDERS + "\"");
    }

    private Session splits(int count)
    {
        return Session.builder(queryRunner.getDefaultSession())
                .setCatalogSessionProperty("pinot_cdc", "scan_splits", Integer.toString(count))
                .build();
    }

    private static Set<String> nodesThatRead(StageInfo stage)
    {
        Set<String> nodes = new HashSet<>();
        for (TaskInfo task : stage.getTasks()) {
            if (task.stats().getRawInputPositions() > 0 && stage.getSubStages().isEmpty()) {
                nodes.add(task.taskStatus().getNodeId());
            }
        }
        for (StageInfo subStage : stage.getSubStages()) {
            nodes.addAll(nodesThatRead(subStage));
        }
        return nodes;
    }
}

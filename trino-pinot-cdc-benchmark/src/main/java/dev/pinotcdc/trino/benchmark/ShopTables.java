package dev.pinotcdc.trino.benchmark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumCdcTableDefinition;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.PinotTestCluster;

import java.time.Duration;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The benchmark's Pinot tables, each a REALTIME upsert table of the test harness's CDC layout (key columns,
 * {@code source} JSON with a JSON index, {@code op}, {@code ts_ms}, {@code lsn}) consuming a topic from its start.
 * Two tables may consume the same topic: the variant with {@code created_at} promoted reads the orders the default
 * table read, without producing them again.
 */
public final class ShopTables
{
    /** The promoted column: Pinot's own LONG column with the epoch milliseconds of {@code source.created_at}. */
    public static final String PROMOTED_COLUMN = "created_at";

    private final PinotTestCluster cluster;

    public ShopTables(PinotTestCluster cluster)
    {
        this.cluster = requireNonNull(cluster, "cluster is null");
    }

    public void createTopic(String topic, int partitions)
    {
        cluster.kafka().createTopic(topic, partitions);
    }

    /**
     * A table of the default layout (what the harness and the template generator's defaults create).
     */
    public void createDefault(String tableName, String topic, int flushThresholdRows)
    {
        DebeziumCdcTableDefinition definition = definition(tableName, topic, flushThresholdRows);
        cluster.controller().addSchema(definition.schema());
        cluster.controller().addTable(definition.tableConfig(cluster.kafkaBootstrapServers()));
    }

    /**
     * The default layout plus {@value #PROMOTED_COLUMN} as a native date-time column (epoch milliseconds, the same
     * number as the JSON field) with a range index, filled at ingestion from {@code payload.after}.
     */
    public void createWithPromotedCreatedAt(String tableName, String topic, int flushThresholdRows)
    {
        DebeziumCdcTableDefinition definition = definition(tableName, topic, flushThresholdRows);
        ObjectNode schema = definition.schema();
        ((ArrayNode) schema.get("dateTimeFieldSpecs")).addObject()
                .put("name", PROMOTED_COLUMN)
                .put("dataType", "LONG")
                .put("format", "1:MILLISECONDS:EPOCH")
                .put("granularity", "1:MILLISECONDS");
        ObjectNode tableConfig = definition.tableConfig(cluster.kafkaBootstrapServers());
        // the default layout always has transforms: the key, source, op, ts_ms and lsn come from the message
        ((ArrayNode) tableConfig.get("ingestionConfig").get("transformConfigs")).addObject()
                .put("columnName", PROMOTED_COLUMN)
                // a delete has no "after": the column holds null (null handling is on)
                .put("transformFunction", "Groovy({payload.after?.created_at}, payload)");
        ((ObjectNode) tableConfig.get("tableIndexConfig")).putArray("rangeIndexColumns").add(PROMOTED_COLUMN);
        cluster.controller().addSchema(schema);
        cluster.controller().addTable(tableConfig);
    }

    public void drop(String tableName)
    {
        cluster.controller().dropTable(tableName);
    }

    /**
     * Waits until the table holds this many documents (every version of every key), printing progress.
     *
     * @return the time waited
     */
    public Duration awaitDocuments(String tableName, long expected, Duration timeout)
    {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long lastReport = start;
        long count = -1;
        while (true) {
            try {
                count = cluster.broker().query("SELECT COUNT(*) FROM " + tableName, Map.of("skipUpsert", "true")).singleLong();
            }
            catch (RuntimeException e) {
                // a table just created answers with an exception until its first consuming segment exists
                count = -1;
            }
            long now = System.nanoTime();
            if (count >= expected) {
                return Duration.ofNanos(now - start);
            }
            if (now > deadline) {
                throw new IllegalStateException("%s holds %s of %s documents after %s".formatted(tableName, count, expected, timeout));
            }
            if (now - lastReport > Duration.ofSeconds(15).toNanos()) {
                System.out.printf("  %s: %,d of %,d documents after %.0f s%n", tableName, Math.max(count, 0), expected, (now - start) / 1e9);
                lastReport = now;
            }
            sleep(Duration.ofMillis(expected > 100_000 ? 500 : 100));
        }
    }

    private static DebeziumCdcTableDefinition definition(String tableName, String topic, int flushThresholdRows)
    {
        return DebeziumCdcTable.builder(tableName)
                .topic(topic)
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .flushThresholdRows(flushThresholdRows)
                .build();
    }

    private static void sleep(Duration duration)
    {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for Pinot", e);
        }
    }
}

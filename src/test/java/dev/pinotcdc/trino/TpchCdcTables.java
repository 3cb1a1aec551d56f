package dev.pinotcdc.trino;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumEventFactory;
import dev.pinotcdc.trino.testing.DebeziumEventFactory.Field;
import dev.pinotcdc.trino.testing.PinotCdcQueryRunner;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.PinotTestCluster;
import io.airlift.log.Logger;
import io.trino.plugin.tpch.TpchPlugin;
import io.trino.testing.QueryRunner;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * TPC-H's {@code tiny} schema (what Trino's query tests compare against in H2) as CDC tables of the shared Pinot
 * cluster: every row one Debezium snapshot event, as the PostgreSQL connector (JsonConverter with schemas) emits it
 * for a table with TPC-H's column types and primary key, into a REALTIME upsert table of the project's layout.
 * Created once per test JVM, under the TPC-H table names.
 */
final class TpchCdcTables
{
    static final double TINY_SCALE_FACTOR = 0.01;
    static final List<TpchTable<?>> TABLES = ImmutableList.copyOf(TpchTable.getTables());

    private static final Logger LOG = Logger.get(TpchCdcTables.class);
    private static final Duration INGESTION_TIMEOUT = Duration.ofMinutes(3);

    /** TPC-H's primary keys (lineitem and partsupp have two columns). */
    private static final Map<String, List<String>> PRIMARY_KEYS = ImmutableMap.<String, List<String>>builder()
            .put("nation", List.of("nationkey"))
            .put("region", List.of("regionkey"))
            .put("part", List.of("partkey"))
            .put("supplier", List.of("suppkey"))
            .put("partsupp", List.of("partkey", "suppkey"))
            .put("customer", List.of("custkey"))
            .put("orders", List.of("orderkey"))
            .put("lineitem", List.of("orderkey", "linenumber"))
            .buildOrThrow();

    private static boolean created;

    private static PinotTestCluster tpchCluster;

    private TpchCdcTables() {}

    /**
     * Trino with this plugin (a coordinator and two workers, as Trino's connector suites ask) over the shared Pinot
     * cluster holding the TPC-H tables, and the {@code tpch} catalog the suites also expect beside it.
     */
    static QueryRunner createQueryRunner()
            throws Exception
    {
        PinotTestCluster cluster = tpchCluster();
        createOnce(cluster);
        QueryRunner queryRunner = PinotCdcQueryRunner.builder(cluster.controllerUrl())
                .nodeCount(3)
                .build();
        try {
            queryRunner.installPlugin(new TpchPlugin());
            queryRunner.createCatalog("tpch", "tpch");
            return queryRunner;
        }
        catch (Throwable e) {
            queryRunner.close();
            throw e;
        }
    }

    /**
     * A Pinot cluster of their own: the suites list every table of the schema (information_schema with LIKE
     * patterns), which in the shared cluster would also show the other test classes' tables.
     */
    private static synchronized PinotTestCluster tpchCluster()
    {
        if (tpchCluster == null) {
            tpchCluster = PinotTestCluster.start(Path.of("target").toAbsolutePath());
            PinotTestCluster started = tpchCluster;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "tpch-pinot-cluster-stop"));
        }
        return tpchCluster;
    }

    static synchronized void createOnce(PinotTestCluster cluster)
    {
        if (created) {
            return;
        }
        long start = System.nanoTime();
        Map<String, Long> rowCounts = new LinkedHashMap<>();
        for (TpchTable<?> table : TABLES) {
            createTable(cluster, table);
        }
        AtomicReference<Exception> failure = new AtomicReference<>();
        // one producer for every table, in big compressed batches: the envelope's schema repeats in each message
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                        ProducerConfig.LINGER_MS_CONFIG, "20",
                        ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024),
                        ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(),
                new StringSerializer())) {
            for (TpchTable<?> table : TABLES) {
                rowCounts.put(table.getTableName(), send(producer, table, failure));
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Sending TPC-H events to Kafka failed", failure.get());
        }
        rowCounts.forEach((table, rows) -> cluster.broker().awaitQuery(
                "SELECT COUNT(*) FROM " + table,
                Map.of(),
                response -> response.singleLong() == rows,
                INGESTION_TIMEOUT,
                "%s rows in %s".formatted(rows, table)));
        created = true;
        LOG.info("TPC-H tiny: %s rows as Debezium events in Pinot after %s", rowCounts.values().stream().mapToLong(Long::longValue).sum(), Duration.ofNanos(System.nanoTime() - start));
    }

    private static void createTable(PinotTestCluster cluster, TpchTable<?> table)
    {
        DebeziumCdcTable.Builder builder = DebeziumCdcTable.builder(table.getTableName());
        for (String key : primaryKey(table)) {
            TpchColumn<?> column = column(table, key);
            builder.primaryKeyColumn(key, switch (column.getType().getBase()) {
                case IDENTIFIER -> PinotColumnType.LONG;
                case INTEGER -> PinotColumnType.INT;
                default -> throw new IllegalArgumentException("Unexpected key type: " + column.getType());
            });
        }
        builder.create(cluster);
    }

    private static <E extends TpchEntity> long send(KafkaProducer<String, String> producer, TpchTable<E> table, AtomicReference<Exception> failure)
    {
        DebeziumEventFactory events = new DebeziumEventFactory("tpch", table.getTableName(), fields(table), primaryKey(table));
        long rows = 0;
        for (E row : table.createGenerator(TINY_SCALE_FACTOR, 1, 1)) {
            Map<String, Object> image = new LinkedHashMap<>();
            for (TpchColumn<E> column : table.getColumns()) {
                image.put(column.getSimplifiedColumnName(), value(column, row));
            }
            DebeziumEventFactory.Event event = events.read(image);
            producer.send(new ProducerRecord<>(table.getTableName(), event.key(), event.value()), (metadata, exception) -> {
                if (exception != null) {
                    failure.compareAndSet(null, exception);
                }
            });
            rows++;
        }
        return rows;
    }

    /**
     * The Connect schema Debezium gives PostgreSQL's types for TPC-H's columns: bigint, integer, double precision,
     * varchar(n) (a string: without {@code column.propagate.source.type} the length is not in the schema) and date
     * (epoch days, {@code io.debezium.time.Date}). Every TPC-H column is NOT NULL.
     */
    private static List<Field> fields(TpchTable<?> table)
    {
        return table.getColumns().stream()
                .map(column -> {
                    String name = column.getSimplifiedColumnName();
                    return switch (column.getType().getBase()) {
                        case IDENTIFIER -> Field.required(name, "int64");
                        case INTEGER -> Field.required(name, "int32");
                        case DOUBLE -> Field.required(name, "double");
                        case VARCHAR -> Field.required(name, "string");
                        case DATE -> new Field(name, "int32", Optional.of("io.debezium.time.Date"), Map.of(), false);
                    };
                })
                .toList();
    }

    private static <E extends TpchEntity> Object value(TpchColumn<E> column, E row)
    {
        return switch (column.getType().getBase()) {
            case IDENTIFIER -> column.getIdentifier(row);
            case INTEGER -> column.getInteger(row);
            case DOUBLE -> column.getDouble(row);
            case VARCHAR -> column.getString(row);
            case DATE -> column.getDate(row);
        };
    }

    private static List<String> primaryKey(TpchTable<?> table)
    {
        return PRIMARY_KEYS.get(table.getTableName());
    }

    private static TpchColumn<?> column(TpchTable<?> table, String simplifiedName)
    {
        return table.getColumns().stream()
                .filter(column -> column.getSimplifiedColumnName().equals(simplifiedName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No column %s in %s".formatted(simplifiedName, table.getTableName())));
    }
}

package dev.pinotcdc.trino.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableMap;
import dev.pinotcdc.trino.fuzz.FuzzColumn.Kind;
import dev.pinotcdc.trino.templates.DebeziumType;
import dev.pinotcdc.trino.testing.DebeziumCapture;
import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumCdcTableDefinition;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.PostgresTruth;
import dev.pinotcdc.trino.testing.TestingPostgreSql;
import io.trino.Session;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.google.common.collect.ImmutableSet.toImmutableSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * The differential query fuzzer: seeded random queries over CDC tables full of hostile values, each answered by
 * Trino over the Pinot tables (with pushdown, with {@code pinot_cdc.pushdown_enabled = false} and with
 * {@code pinot_cdc.snapshot_reads = true}) and by Trino over
 * the truth, PostgreSQL's latest state read by Trino's own {@code postgresql} connector (on Trino 483: through JDBC,
 * see {@link PostgresTruth}) and copied into the {@code memory} connector with the same column types. Every difference fails the test, printed with the seed,
 * both answers and the Pinot SQL from EXPLAIN.
 * <p>
 * The same topic feeds several Pinot layouts: committed and consuming segments, with and without a JSON index on
 * {@code source}, promoted native fields, upsert and append-only. Each query runs on one layout in turn (on every
 * layout with {@code -Dpinotcdc.fuzz.all-layouts=true}); the first query, a read of every column, runs on all. Long
 * run: {@code -Dpinotcdc.fuzz.queries=3000 -Dpinotcdc.fuzz.all-layouts=true [-Dpinotcdc.fuzz.seed=<seed>]}. Repeat
 * some queries of a run, on the same layouts: {@code -Dpinotcdc.fuzz.seed=<seed> -Dpinotcdc.fuzz.only=76,310}.
 */
@TestInstance(PER_CLASS)
final class TestDifferentialQueries
{
    static final String QUERIES_PROPERTY = "pinotcdc.fuzz.queries";
    static final String SEED_PROPERTY = "pinotcdc.fuzz.seed";
    private static final long DEFAULT_SEED = 4438619865721513035L;
    static final String ALL_LAYOUTS_PROPERTY = "pinotcdc.fuzz.all-layouts";
    /** Runs only the given query numbers (comma-separated) of the seed's sequence: repeats a mismatch in seconds. */
    static final String ONLY_PROPERTY = "pinotcdc.fuzz.only";
    private static final int DEFAULT_QUERIES = 250;
    private static final String DATABASE = "fuzz";
    private static final String TOPIC_PREFIX = "fuzz";
    private static final String TRUTH_CATALOG = "fuzz_truth";
    private static final String TRUTH_SCHEMA = "fuzz";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int MAX_PRINTED_ROWS = 12;

    /** A Pinot layout of the main table, read from the same topic. */
    private record Variant(String table, String description) {}

    private final long seed = seed();
    private final Set<Integer> only = only();
    private final int queryCount = only.isEmpty() ? Integer.getInteger(QUERIES_PROPERTY, DEFAULT_QUERIES) : Collections.max(only);
    private final boolean allLayouts = Boolean.getBoolean(ALL_LAYOUTS_PROPERTY);
    private PinotCdcTestEnvironment environment;
    private QueryRunner queryRunner;
    private DebeziumCapture capture;
    private final List<Variant> variants = new ArrayList<>();
    private final List<String> pinotTables = new ArrayList<>();
    private String sideTable;

    @BeforeAll
    void setUp()
            throws SQLException
    {
        // one println per message: the test JVM's stdout goes through a logger, line by line
        System.out.println("Differential query fuzzer: seed %s, %s queries (repeat with -D%s=%s -D%s=%s)".formatted(seed, queryCount, SEED_PROPERTY, seed, QUERIES_PROPERTY, queryCount));
        long start = System.nanoTime();
        environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();
        TestingPostgreSql postgres = TestingPostgreSql.shared();
        postgres.createDatabase(DATABASE);
        FuzzData data = new FuzzData(seed);
        try (Connection connection = postgres.connect(DATABASE)) {
            data.createSchema(connection);
            data.load(connection, 120, 40);

            String mainTopic = topic(FuzzData.MAIN);
            String sideTopic = topic(FuzzData.SIDE);
            environment.cluster().kafka().createTopic(mainTopic);
            environment.cluster().kafka().createTopic(sideTopic);
            // committed and consuming segments, JSON index
            variants.add(new Variant(createPinotTable(mainBuilder("fz_main_segments", mainTopic).flushThresholdRows(100), true), "upsert, segments of 100 rows, JSON index"));
            variants.add(new Variant(createPinotTable(mainBuilder("fz_main_nojsonindex", mainTopic), false), "upsert, one consuming segment, no JSON index"));
            variants.add(new Variant(createPinotTable(mainBuilder("fz_main_promoted", mainTopic).flushThresholdRows(100)
                    .promotedField("c_int", DebeziumType.of("int32"))
                    .promotedField("c_big", DebeziumType.of("int64"))
                    .promotedField("c_double", DebeziumType.of("float64"))
                    .promotedField("c_text", DebeziumType.of("string"))
                    .promotedField("c_date", DebeziumType.of("int32", DebeziumType.DATE))
                    .promotedField("c_ts", DebeziumType.of("int64", DebeziumType.MICRO_TIMESTAMP)), true), "upsert, promoted native fields, segments of 100 rows"));
            variants.add(new Variant(createPinotTable(mainBuilder("fz_main_append", mainTopic).appendOnly().flushThresholdRows(150), true), "append-only, segments of 150 rows"));
            sideTable = createPinotTable(DebeziumCdcTable.builder("fz_side").topic(sideTopic).primaryKeyColumn("id", PinotColumnType.INT).flushThresholdRows(50), true);

            capture = DebeziumCapture.builder(postgres, DATABASE, environment.cluster().kafkaBootstrapServers())
                    .topicPrefix(TOPIC_PREFIX)
                    .timePrecisionMode(DebeziumCapture.TimePrecisionMode.ADAPTIVE)
                    .decimalHandlingMode(DebeziumCapture.DecimalHandlingMode.PRECISE)
                    .start();
            data.change(connection, 400);
        }
        capture.awaitCaughtUp(TIMEOUT);
        awaitPinotHoldsKafka();

        // how PostgreSQL's rows reach the memory connector depends on the Trino version (src/test/trino-NNN)
        PostgresTruth truth = PostgresTruth.create(queryRunner, postgres, DATABASE, TRUTH_CATALOG, TRUTH_SCHEMA);
        copyTruth(truth, FuzzData.MAIN, variants.getFirst().table(), List.of("c_date", "c_ts", "c_tstz"));
        copyTruth(truth, FuzzData.SIDE, sideTable, List.of());
        System.out.println("Fuzz data: %s statements in PostgreSQL; pipeline and truth ready in %s s".formatted(data.statements(), Duration.ofNanos(System.nanoTime() - start).toSeconds()));
    }

    @AfterAll
    void tearDown()
    {
        if (capture != null) {
            capture.close();
        }
        // the Pinot tables stay until the cluster stops (dropping a consuming upsert table crashes Pinot 0.11's server)
    }

    @Test
    void testQueriesAnswerAsTheTruth()
    {
        List<FuzzColumn> mainColumns = columns(FuzzData.MAIN);
        List<FuzzColumn> sideColumns = columns(FuzzData.SIDE);
        QueryGenerator generator = new QueryGenerator(seed, mainColumns, sideColumns);
        Session pushdown = queryRunner.getDefaultSession();
        Session noPushdown = Session.builder(pushdown).setCatalogSessionProperty(environment.defaultCatalog(), "pushdown_enabled", "false").build();
        Session snapshotReads = Session.builder(pushdown).setCatalogSessionProperty(environment.defaultCatalog(), "snapshot_reads", "true").build();
        Map<String, Session> sessions = ImmutableMap.of("pushdown on", pushdown, "pushdown off", noPushdown, "snapshot reads", snapshotReads);
        String truthMain = "%s.%s.%s".formatted(TRUTH_CATALOG, TRUTH_SCHEMA, FuzzData.MAIN);
        String truthSide = "%s.%s.%s".formatted(TRUTH_CATALOG, TRUTH_SCHEMA, FuzzData.SIDE);

        List<String> mismatches = new ArrayList<>();
        Map<String, Integer> shapes = new TreeMap<>();
        Map<String, Integer> mismatchesByVariant = new TreeMap<>();
        int runs = 0;
        int pushed = 0;
        int truthFailures = 0;
        long start = System.nanoTime();
        // the plain read of every column first: a decoding difference shows here on its own
        List<FuzzQuery> queries = new ArrayList<>();
        queries.add(FuzzQuery.of("SELECT %s FROM {main}".formatted(mainColumns.stream().map(FuzzColumn::name).collect(Collectors.joining(", "))), "all rows", FuzzQuery.Comparison.ROWS));
        for (int i = 0; i < queryCount; i++) {
            queries.add(generator.next());
        }
        for (int index = 0; index < queries.size(); index++) {
            FuzzQuery query = queries.get(index);
            if (!only.isEmpty() && !only.contains(index)) {
                // generated all the same: the sequence decides each query
                continue;
            }
            shapes.merge(query.shape(), 1, Integer::sum);
            Answer truth = answer(queryRunner.getDefaultSession(), query.truthOver(truthMain, truthSide));
            Optional<Answer> truthUnlimited = query.unlimited().map(unlimited -> answer(queryRunner.getDefaultSession(), unlimited.replace("{main}", truthMain).replace("{side}", truthSide)));
            if (truth.failure().isPresent()) {
                // a query Trino itself refuses over the truth (an overflow, say) proves nothing
                truthFailures++;
                continue;
            }
            List<Variant> layouts = allLayouts || index == 0 ? variants : List.of(variants.get(index % variants.size()));
            for (Variant variant : layouts) {
                String sql = query.over(variant.table(), sideTable);
                runs++;
                List<String> pinotSql = pinotSql(pushdown, sql);
                if (pinotSql.stream().anyMatch(PushedWork::pushesWork)) {
                    pushed++;
                }
                for (Map.Entry<String, Session> session : sessions.entrySet()) {
                    Answer actual = answer(session.getValue(), sql);
                    Optional<String> difference = ResultComparison.difference(query, truth, truthUnlimited, actual);
                    if (difference.isPresent()) {
                        mismatchesByVariant.merge("%s, %s".formatted(variant.table(), session.getKey()), 1, Integer::sum);
                        mismatches.add("""
                                query #%s (seed %s) on %s (%s), %s: %s
                                  SQL:       %s
                                  expected:  %s
                                  actual:    %s
                                  Pinot SQL: %s
                                  repeat:    -D%s=%s -D%s=%s""".formatted(index, seed, variant.table(), variant.description(), session.getKey(), difference.orElseThrow(), sql,
                                truth.describe(MAX_PRINTED_ROWS), actual.describe(MAX_PRINTED_ROWS), String.join("\n             ", pinotSql),
                                SEED_PROPERTY, seed, ONLY_PROPERTY, index));
                    }
                }
            }
        }
        mismatches.forEach(System.out::println);
        System.out.println("Differential query fuzzer, seed %s: %s queries (%s refused by Trino over the truth), %s runs over %s Pinot layouts (%s), each with pushdown, without and with snapshot reads, in %s s; pushed work into Pinot: %s of %s runs (%.0f%%); shapes %s; mismatches: %s %s".formatted(
                seed, queries.size(), truthFailures, runs, variants.size(), allLayouts ? "every query on every layout" : "in turn", Duration.ofNanos(System.nanoTime() - start).toSeconds(),
                pushed, runs, 100.0 * pushed / Math.max(runs, 1), shapes, mismatches.size(), mismatchesByVariant));
        // every mismatch is printed above; the failure repeats the first few
        assertThat(mismatches.stream().limit(3).toList())
                .as("%s answers differ from the truth (seed %s; repeat with -D%s=%s -D%s=%s); the first of them", mismatches.size(), seed, SEED_PROPERTY, seed, QUERIES_PROPERTY, queryCount)
                .isEmpty();
    }

    private Answer answer(Session session, String sql)
    {
        try {
            MaterializedResult result = queryRunner.execute(session, sql);
            List<List<Object>> rows = new ArrayList<>();
            for (MaterializedRow row : result.getMaterializedRows()) {
                rows.add(new ArrayList<>(row.getFields()));
            }
            return Answer.of(rows);
        }
        catch (RuntimeException e) {
            return Answer.failed(e);
        }
    }

    private List<String> pinotSql(Session session, String sql)
    {
        try {
            String plan = (String) queryRunner.execute(session, "EXPLAIN " + sql).getOnlyValue();
            List<String> statements = new ArrayList<>();
            Matcher matcher = Pattern.compile("Pinot SQL: (.*)").matcher(plan);
            while (matcher.find()) {
                statements.add(matcher.group(1).trim());
            }
            return statements;
        }
        catch (RuntimeException e) {
            return List.of("(EXPLAIN failed: %s)".formatted(e.getMessage()));
        }
    }

    private List<FuzzColumn> columns(String table)
    {
        List<FuzzColumn> columns = new ArrayList<>();
        String qualified = "%s.%s.%s".formatted(TRUTH_CATALOG, TRUTH_SCHEMA, table);
        for (MaterializedRow row : queryRunner.execute("DESCRIBE " + qualified).getMaterializedRows()) {
            String name = (String) row.getField(0);
            String type = (String) row.getField(1);
            Kind kind = Kind.of(type);
            List<String> values = List.of();
            if (kind != Kind.JSON) {
                String text = kind == Kind.BYTES ? "to_hex(%s)".formatted(name) : "CAST(%s AS varchar)".formatted(name);
                values = queryRunner.execute("SELECT DISTINCT %s FROM %s WHERE %s IS NOT NULL".formatted(text, qualified, name)).getMaterializedRows().stream()
                        .map(value -> (String) value.getField(0))
                        .sorted()
                        .toList();
            }
            columns.add(new FuzzColumn(name, type, kind, Literals.of(type, kind, values)));
        }
        return columns;
    }

    /**
     * Copies PostgreSQL's latest state into the memory connector, each column cast to the type the Pinot table shows,
     * applying only the connector's documented lossy mapping: {@code infinity} and {@code -infinity} dates and
     * timestamps read as NULL (README, "Values that do not fit").
     */
    private void copyTruth(PostgresTruth truth, String postgresTable, String pinotTable, List<String> infinityColumns)
    {
        Map<String, String> types = new LinkedHashMap<>();
        for (MaterializedRow row : queryRunner.execute("DESCRIBE " + pinotTable).getMaterializedRows()) {
            types.put((String) row.getField(0), (String) row.getField(1));
        }
        truth.copy(postgresTable, types, infinityColumns);
    }

    private DebeziumCdcTable.Builder mainBuilder(String table, String topic)
    {
        return DebeziumCdcTable.builder(table).topic(topic).primaryKeyColumn("id", PinotColumnType.LONG);
    }

    /**
     * Creates a Pinot table on an existing topic (several tables read one topic here).
     */
    private String createPinotTable(DebeziumCdcTable.Builder builder, boolean jsonIndex)
    {
        DebeziumCdcTableDefinition definition = builder.build();
        ObjectNode tableConfig = definition.tableConfig(environment.cluster().kafkaBootstrapServers());
        if (!jsonIndex) {
            ((ObjectNode) tableConfig.path("tableIndexConfig")).remove("jsonIndexColumns");
        }
        environment.cluster().controller().addSchema(definition.schema());
        environment.cluster().controller().addTable(tableConfig);
        pinotTables.add(definition.tableName());
        return definition.tableName();
    }

    private static String topic(String table)
    {
        return "%s.public.%s".formatted(TOPIC_PREFIX, table);
    }

    private void awaitPinotHoldsKafka()
    {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, environment.cluster().kafkaBootstrapServers()))) {
            for (String table : pinotTables) {
                TopicPartition partition = new TopicPartition(topic(table.startsWith("fz_side") ? FuzzData.SIDE : FuzzData.MAIN), 0);
                long messages = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get(30, TimeUnit.SECONDS).get(partition).offset();
                // segment commits on a busy machine take their time: longer than the broker helper's default wait
                environment.cluster().broker().awaitQuery("SELECT COUNT(*) FROM " + table, Map.of("skipUpsert", "true"), response -> response.singleLong() == messages,
                        TIMEOUT.multipliedBy(2), "%s to hold %s documents".formatted(table, messages));
            }
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the end offsets of the fuzz topics", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Set<Integer> only()
    {
        String property = System.getProperty(ONLY_PROPERTY, "");
        return Arrays.stream(property.split(","))
                .map(String::trim)
                .filter(number -> !number.isEmpty())
                .map(Integer::valueOf)
                .collect(toImmutableSet());
    }

    /**
     * The build's run uses one seed whose 250 queries were checked after the fixes, so that CI answers the same way
     * every time; {@code -Dpinotcdc.fuzz.seed=random} explores new data and queries (the long run).
     */
    private static long seed()
    {
        String property = System.getProperty(SEED_PROPERTY);
        if (property == null || property.isBlank()) {
            return DEFAULT_SEED;
        }
        return property.trim().equals("random") ? new Random().nextLong() : Long.parseLong(property.trim());
    }
}

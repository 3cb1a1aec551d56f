package dev.pinotcdc.trino;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinotcdc.trino.testing.CdcWorkload;
import dev.pinotcdc.trino.testing.CdcWorkload.WorkloadColumn;
import dev.pinotcdc.trino.testing.CdcWorkload.WorkloadTable;
import dev.pinotcdc.trino.testing.DebeziumCapture;
import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.TestingPostgreSql;
import io.trino.Session;
import io.trino.testing.MaterializedResult;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * The product's promise, end to end: PostgreSQL holds the truth of the latest state; after a random workload
 * commits there and flows through Debezium (pgoutput), Kafka and Pinot 0.11 upsert tables, {@code SELECT *} in Trino
 * gives PostgreSQL's rows, value for value and type for type. How each type is compared, and where the pipeline
 * genuinely loses information, is the table in {@link PostgresTypeParity}.
 * <p>
 * The workload runs once; one capture per {@link ParityCaptureMode} reads it into Pinot tables of its own. The
 * ledger table is the one the workload truncates: its test is apart, so that truncate parity shows on its own.
 */
@TestInstance(PER_CLASS)
final class TestPostgresPinotParity
{
    private static final String DATABASE = "parity";
    private static final String FRESHNESS_TABLE = "parity_fresh";
    private static final String LEDGER_TABLE = "wl_ledger";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int SNAPSHOT_TRANSACTIONS = 40;
    private static final int STREAMED_TRANSACTIONS = 300;
    private static final int FRESHNESS_COMMITS = 50;

    private PinotCdcTestEnvironment environment;
    private TestingPostgreSql postgres;
    private CdcWorkload workload;
    private final Map<ParityCaptureMode, DebeziumCapture> captures = new EnumMap<>(ParityCaptureMode.class);
    private final List<DebeziumCdcTable> pinotTables = new ArrayList<>();

    @BeforeAll
    void setUp()
            throws SQLException
    {
        long startNanos = System.nanoTime();
        environment = PinotCdcTestEnvironment.shared();
        postgres = TestingPostgreSql.shared();
        postgres.createDatabase(DATABASE);
        workload = CdcWorkload.create();
        try (Connection connection = postgres.connect(DATABASE)) {
            workload.createSchema(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE %s (id integer PRIMARY KEY, v bigint)".formatted(FRESHNESS_TABLE));
                statement.execute("INSERT INTO %s VALUES (1, 0)".formatted(FRESHNESS_TABLE));
            }
            // these rows reach Kafka through each capture's snapshot (op r)
            workload.run(connection, SNAPSHOT_TRANSACTIONS);

            // Pinot looks the topic up when a realtime table is created: tables (and topics) before data
            for (ParityCaptureMode mode : ParityCaptureMode.values()) {
                for (WorkloadTable table : workload.tables()) {
                    DebeziumCdcTable.Builder builder = DebeziumCdcTable.builder(mode.pinotTable(table.name())).topic(mode.topic(table.name()));
                    table.keyColumns().forEach(column -> builder.primaryKeyColumn(column.name(), pinotKeyType(column)));
                    pinotTables.add(builder.create(environment.cluster()));
                }
            }
            pinotTables.add(DebeziumCdcTable.builder(ParityCaptureMode.CONNECT_PRECISE.pinotTable(FRESHNESS_TABLE))
                    .topic(ParityCaptureMode.CONNECT_PRECISE.topic(FRESHNESS_TABLE))
                    .primaryKeyColumn("id", PinotColumnType.INT)
                    .create(environment.cluster()));

            for (ParityCaptureMode mode : ParityCaptureMode.values()) {
                captures.put(mode, DebeziumCapture.builder(postgres, DATABASE, environment.cluster().kafkaBootstrapServers())
                        .topicPrefix(mode.prefix())
                        .timePrecisionMode(mode.timePrecision())
                        .decimalHandlingMode(mode.decimalHandling())
                        .start());
            }
            workload.runWithTruncate(connection, STREAMED_TRANSACTIONS);
        }
        captures.values().forEach(capture -> capture.awaitCaughtUp(TIMEOUT));
        awaitPinotHoldsKafka();
        System.out.println("Parity workload seed %s: %s transactions %s; pipeline caught up %s ms after start".formatted(
                workload.seed(), workload.transactions(), workload.counts(), Duration.ofNanos(System.nanoTime() - startNanos).toMillis()));
    }

    @AfterAll
    void tearDown()
    {
        for (DebeziumCapture capture : captures.values()) {
            capture.close();
        }
        // the Pinot tables stay until the cluster stops: dropping a consuming upsert table crashes Pinot 0.11's server
        // (SIGSEGV: the upsert metadata reads the primary keys of a segment it has just destroyed)
    }

    @ParameterizedTest
    @EnumSource
    void testTypesTableMatchesPostgreSql(ParityCaptureMode mode)
            throws SQLException
    {
        assertParity(table("wl_types"), mode);
    }

    @ParameterizedTest
    @EnumSource
    void testReplicaIdentityFullTableMatchesPostgreSql(ParityCaptureMode mode)
            throws SQLException
    {
        assertParity(table("wl_types_full"), mode);
    }

    /**
     * The ledger table was truncated in the middle of the workload: rows from before the truncate must be gone.
     */
    @ParameterizedTest
    @EnumSource
    void testTruncatedLedgerMatchesPostgreSql(ParityCaptureMode mode)
            throws SQLException
    {
        assertThat(workload.counts()).containsEntry(CdcWorkload.Operation.TRUNCATE, 1);
        assertParity(table(LEDGER_TABLE), mode);
    }

    /**
     * Every field of every type, extracted by Pinot one at a time, reads as it does from the whole document (which the
     * tests above compare with PostgreSQL).
     */
    @ParameterizedTest
    @EnumSource
    void testFieldsExtractedInPinotMatchWholeDocuments(ParityCaptureMode mode)
    {
        Session extracting = Session.builder(environment.queryRunner().getDefaultSession())
                .setCatalogSessionProperty("pinot_cdc", "max_extracted_source_fields", "1")
                .build();
        Session wholeDocuments = Session.builder(environment.queryRunner().getDefaultSession())
                .setCatalogSessionProperty("pinot_cdc", "max_extracted_source_fields", "0")
                .build();
        WorkloadTable table = table("wl_types");
        String keys = table.keyColumns().stream().map(WorkloadColumn::name).collect(Collectors.joining(", "));
        List<String> extracted = new ArrayList<>();
        for (WorkloadColumn column : table.valueColumns()) {
            String sql = "SELECT %s, %s FROM %s".formatted(keys, column.name(), mode.pinotTable(table.name()));
            String plan = (String) environment.queryRunner().execute(extracting, "EXPLAIN " + sql).getOnlyValue();
            if (plan.contains("JSONEXTRACTSCALAR")) {
                extracted.add(column.name());
            }
            MaterializedResult expected = environment.queryRunner().execute(wholeDocuments, sql);
            assertThat(environment.queryRunner().execute(extracting, sql).getMaterializedRows())
                    .as("%s of %s extracted in Pinot", column.name(), mode.pinotTable(table.name()))
                    .containsExactlyInAnyOrderElementsOf(expected.getMaterializedRows());
        }
        System.out.println("Extracted in Pinot (%s): %s; from whole documents: the other %s columns".formatted(mode, extracted, table.valueColumns().size() - extracted.size()));
        // strings, numbers, times and encoded decimals at least; arrays, JSON objects and double-encoded decimals stay whole
        assertThat(extracted).hasSizeGreaterThan(table.valueColumns().size() / 2);
    }

    @ParameterizedTest
    @EnumSource
    void testDescribeShowsPostgreSqlTypes(ParityCaptureMode mode)
    {
        List<String> failures = new ArrayList<>();
        StringBuilder expectations = new StringBuilder("DESCRIBE expectations (%s):".formatted(mode));
        for (WorkloadTable table : workload.tables()) {
            List<String> expected = table.columns().stream()
                    .map(column -> column.name() + " " + PostgresTypeParity.of(column.type()).trinoType().apply(mode))
                    .toList();
            List<String> actual = environment.queryRunner().execute("DESCRIBE " + mode.pinotTable(table.name())).getMaterializedRows().stream()
                    .map(row -> row.getField(0) + " " + row.getField(1))
                    .toList();
            for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                String expectedColumn = i < expected.size() ? expected.get(i) : "<none>";
                String actualColumn = i < actual.size() ? actual.get(i) : "<none>";
                if (table == workload.tables().getFirst() || i < table.keyColumns().size()) {
                    String postgresType = i < table.columns().size() ? table.columns().get(i).type() : "";
                    expectations.append("\n    %-16s %-18s -> %s".formatted(table.name(), postgresType, expectedColumn));
                }
                if (!expectedColumn.equals(actualColumn)) {
                    failures.add("%s: expected %s, DESCRIBE shows %s".formatted(mode.pinotTable(table.name()), expectedColumn, actualColumn));
                }
            }
        }
        System.out.println(expectations);
        assertThat(failures).as("DESCRIBE differences").isEmpty();
    }

    /**
     * Pins the known difference of arrays to Pinot, not to the connector: the newest document Pinot keeps for a row
     * whose PostgreSQL array holds NULL elements already lacks them.
     */
    @Test
    void testPinotDropsNullArrayElementsOnIngestion()
            throws SQLException
    {
        String pinotTable = ParityCaptureMode.CONNECT_PRECISE.pinotTable("wl_types");
        int checked = 0;
        try (Connection connection = postgres.connect(DATABASE);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, array_remove(c_int_array, NULL)::text FROM wl_types WHERE array_position(c_int_array, NULL) IS NOT NULL LIMIT 5")) {
            while (rows.next()) {
                long id = rows.getLong(1);
                String withoutNulls = rows.getString(2).replace("{", "[").replace("}", "]");
                JsonNode source = parseJson(environment.cluster().broker().query("SELECT source FROM %s WHERE id = %s".formatted(pinotTable, id)).singleValue().asText());
                JsonNode array = source.get("c_int_array");
                assertThat(array == null || array.isNull() ? "[]" : array.toString()).as("c_int_array of id %s in Pinot", id).isEqualTo(withoutNulls);
                checked++;
            }
        }
        System.out.println("Pinot dropped the NULL elements of %s arrays (workload seed %s)".formatted(checked, workload.seed()));
    }

    /**
     * Commit-to-visible time in Trino, printed (a figure, not a requirement); every commit must become visible.
     */
    @Test
    void testFreshness()
            throws SQLException
    {
        String trinoTable = ParityCaptureMode.CONNECT_PRECISE.pinotTable(FRESHNESS_TABLE);
        List<Long> millis = new ArrayList<>();
        try (Connection connection = postgres.connect(DATABASE)) {
            connection.setAutoCommit(true);
            for (int i = 1; i <= FRESHNESS_COMMITS; i++) {
                long value = 1_000_000L + i;
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("UPDATE %s SET v = %s WHERE id = 1".formatted(FRESHNESS_TABLE, value));
                }
                long committed = System.nanoTime();
                long deadline = committed + TIMEOUT.toNanos();
                while (true) {
                    MaterializedResult result = environment.queryRunner().execute("SELECT v FROM %s WHERE id = 1".formatted(trinoTable));
                    if (result.getRowCount() == 1 && Long.valueOf(value).equals(result.getOnlyValue())) {
                        millis.add(Duration.ofNanos(System.nanoTime() - committed).toMillis());
                        break;
                    }
                    assertThat(System.nanoTime()).as("commit %s visible in Trino within %s", value, TIMEOUT).isLessThan(deadline);
                    sleep(10);
                }
            }
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.println("Freshness, commit in PostgreSQL to visible in Trino, %s commits: p50 %s ms, p95 %s ms, min %s ms, max %s ms".formatted(
                sorted.size(), percentile(sorted, 50), percentile(sorted, 95), sorted.getFirst(), sorted.getLast()));
        assertThat(millis).hasSize(FRESHNESS_COMMITS);
    }

    private void assertParity(WorkloadTable table, ParityCaptureMode mode)
            throws SQLException
    {
        MaterializedResult trino = environment.queryRunner().execute("SELECT * FROM " + mode.pinotTable(table.name()));
        ParityComparison comparison;
        try (Connection connection = postgres.connect(DATABASE)) {
            comparison = new ParityComparison(table, mode).compare(connection, trino);
        }
        System.out.println(comparison.summary());
        assertThat(comparison.mismatches())
                .as("%s differs from PostgreSQL (workload seed %s, repeat with -D%s=%s):%n%s",
                        mode.pinotTable(table.name()), workload.seed(), CdcWorkload.SEED_PROPERTY, workload.seed(), comparison.summary())
                .isEmpty();
    }

    private WorkloadTable table(String name)
    {
        return workload.tables().stream().filter(table -> table.name().equals(name)).findFirst().orElseThrow();
    }

    private static PinotColumnType pinotKeyType(WorkloadColumn column)
    {
        return switch (column.type()) {
            case "bigint" -> PinotColumnType.LONG;
            case "integer" -> PinotColumnType.INT;
            case "text" -> PinotColumnType.STRING;
            default -> throw new IllegalArgumentException("No Pinot key type for " + column.type());
        };
    }

    /**
     * Waits until each Pinot table holds as many documents as its Kafka topic holds messages.
     */
    private void awaitPinotHoldsKafka()
    {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, environment.cluster().kafkaBootstrapServers()))) {
            for (DebeziumCdcTable table : pinotTables) {
                TopicPartition partition = new TopicPartition(table.topic(), 0);
                long messages = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get(30, TimeUnit.SECONDS).get(partition).offset();
                environment.cluster().broker().awaitDocumentCount(table.tableName(), messages);
            }
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the end offsets of the parity topics", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long percentile(List<Long> sorted, int percent)
    {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(index, 0));
    }

    private static JsonNode parseJson(String json)
    {
        try {
            return new ObjectMapper().readTree(json);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + json, e);
        }
    }

    private static void sleep(long millis)
    {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

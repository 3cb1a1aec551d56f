package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.DebeziumCapture;
import dev.pinotcdc.trino.testing.DebeziumCapture.DecimalHandlingMode;
import dev.pinotcdc.trino.testing.DebeziumCapture.TimePrecisionMode;
import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.TestingPostgreSql;
import io.trino.Session;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Rows keep the Debezium schema they were written with. After {@code ALTER COLUMN balance TYPE numeric(12,3)} and
 * {@code ALTER COLUMN seen TYPE timestamp(6)} (epoch milliseconds become epoch microseconds in adaptive mode), the rows
 * not rewritten since still hold scale-2 decimals and milliseconds: each row is read by its own schema, into the
 * widest DECIMAL and the finest TIMESTAMP, and no pushdown treats the versions alike.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcSchemaVersions
{
    private static final String DATABASE = "schema_versions";
    private static final String PREFIX = "schemaver";
    private static final String PINOT_TABLE = "schemaver_accounts";
    /** Changes its Debezium schema after a catalog that caches table descriptions read it. */
    private static final String LEDGER = "schemaver_ledger";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private PinotCdcTestEnvironment environment;
    private TestingPostgreSql postgres;
    private DebeziumCapture capture;
    private DebeziumCdcTable table;
    private DebeziumCdcTable ledger;

    @BeforeAll
    void setUp()
    {
        environment = PinotCdcTestEnvironment.shared();
        postgres = TestingPostgreSql.shared();
        postgres.createDatabase(DATABASE);
        postgres.execute(DATABASE,
                "CREATE TABLE accounts (id bigint PRIMARY KEY, balance numeric(10,2), seen timestamp(3))",
                "INSERT INTO accounts VALUES (1, 12.34, '2024-01-02 03:04:05.678'), (2, -0.05, '1969-12-31 23:59:59.999'), " +
                        "(3, 99999999.99, '2024-06-30 12:00:00.001'), (4, NULL, NULL), (5, 0.10, '2000-02-29 00:00:00')");
        postgres.execute(DATABASE,
                "CREATE TABLE ledger (id bigint PRIMARY KEY, amount numeric(10,2), at timestamp(3))",
                "INSERT INTO ledger VALUES (1, 12.34, '2024-01-02 03:04:05.678'), (2, -0.05, '1969-12-31 23:59:59.999'), (3, NULL, NULL)");
        table = DebeziumCdcTable.builder(PINOT_TABLE).topic(PREFIX + ".public.accounts")
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .create(environment.cluster());
        ledger = DebeziumCdcTable.builder(LEDGER).topic(PREFIX + ".public.ledger")
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .create(environment.cluster());
        capture = DebeziumCapture.builder(postgres, DATABASE, environment.cluster().kafkaBootstrapServers())
                .topicPrefix(PREFIX)
                .timePrecisionMode(TimePrecisionMode.ADAPTIVE)
                .decimalHandlingMode(DecimalHandlingMode.PRECISE)
                .start();
        postgres.execute(DATABASE,
                "UPDATE accounts SET balance = 7.5 WHERE id = 5",
                "ALTER TABLE accounts ALTER COLUMN balance TYPE numeric(12,3)",
                "ALTER TABLE accounts ALTER COLUMN seen TYPE timestamp(6)",
                "INSERT INTO accounts VALUES (6, 1.234, '2024-01-02 03:04:05.678901'), (7, -999999999.999, '1970-01-01 00:00:00.000001'), " +
                        "(8, 12.34, '2024-01-02 03:04:05.678')",
                // rewritten under the new schema
                "UPDATE accounts SET seen = '2025-05-05 05:05:05.123456' WHERE id = 2");
        capture.awaitCaughtUp(TIMEOUT);
        awaitPinotHoldsKafka(table);
        awaitPinotHoldsKafka(ledger);
    }

    @AfterAll
    void tearDown()
    {
        if (capture != null) {
            capture.close();
        }
    }

    @Test
    void testEachRowReadsAsPostgreSqlHoldsIt()
            throws SQLException
    {
        MaterializedResult describe = environment.queryRunner().execute("DESCRIBE " + PINOT_TABLE);
        assertThat(describe.getMaterializedRows())
                .extracting(row -> row.getField(0) + " " + row.getField(1))
                .contains("balance decimal(12,3)", "seen timestamp(6)");

        List<String> expected = postgresRows("SELECT id, balance, seen FROM accounts ORDER BY id");
        assertThat(trinoRows(pushdown(), "SELECT id, balance, seen FROM " + PINOT_TABLE + " ORDER BY id")).containsExactlyElementsOf(expected);
        assertThat(trinoRows(noPushdown(), "SELECT id, balance, seen FROM " + PINOT_TABLE + " ORDER BY id")).containsExactlyElementsOf(expected);
    }

    @Test
    void testFiltersAggregationsAndTopNAreExactForEveryVersion()
            throws SQLException
    {
        List<String> queries = List.of(
                "SELECT id FROM %s WHERE seen > TIMESTAMP '2024-01-01 00:00:00' ORDER BY id",
                "SELECT id FROM %s WHERE seen = TIMESTAMP '2024-01-02 03:04:05.678' ORDER BY id",
                "SELECT id FROM %s WHERE balance > 10 ORDER BY id",
                "SELECT count(*), count(seen), max(seen), min(seen), sum(balance), max(balance) FROM %s",
                "SELECT seen, count(*) FROM %s GROUP BY seen ORDER BY seen",
                "SELECT id, seen FROM %s ORDER BY seen DESC NULLS LAST, id LIMIT 3",
                "SELECT id FROM %s ORDER BY balance, id LIMIT 3");
        for (String query : queries) {
            List<String> expected = postgresRows(query.formatted("accounts").replace("TIMESTAMP '", "TIMESTAMP '"));
            assertThat(trinoRows(pushdown(), query.formatted(PINOT_TABLE))).as(query).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void testSchemaChangeAfterACachedReadIsSeenByTheNextQuery()
            throws SQLException
    {
        // a catalog that keeps table descriptions for an hour: only the live rows' schemas can tell it of the change
        String catalog = environment.catalog("pinot_cdc_cached_schemas", Map.of("pinot.metadata-cache-ttl", "1h"));
        String sql = "SELECT id, amount, at FROM %s ORDER BY id";
        Session cached = Session.builder(pushdown()).setCatalog(catalog).build();
        assertThat(trinoRows(cached, sql.formatted(LEDGER))).containsExactlyElementsOf(postgresRows(sql.formatted("ledger")));

        postgres.execute(DATABASE,
                "ALTER TABLE ledger ALTER COLUMN amount TYPE numeric(12,3)",
                "ALTER TABLE ledger ALTER COLUMN at TYPE timestamp(6)",
                "INSERT INTO ledger VALUES (4, 1.234, '2024-01-02 03:04:05.678901'), (5, -999999999.999, '1970-01-01 00:00:00.000001')",
                "UPDATE ledger SET amount = 7.125 WHERE id = 1");
        capture.awaitCaughtUp(TIMEOUT);
        awaitPinotHoldsKafka(ledger);

        List<String> expected = postgresRows(sql.formatted("ledger"));
        assertThat(trinoRows(cached, sql.formatted(LEDGER))).containsExactlyElementsOf(expected);
        Session cachedNoPushdown = Session.builder(cached).setCatalogSessionProperty(catalog, "pushdown_enabled", "false").build();
        assertThat(trinoRows(cachedNoPushdown, sql.formatted(LEDGER))).containsExactlyElementsOf(expected);
        String aggregates = "SELECT count(*), sum(amount), max(at), min(amount) FROM %s";
        assertThat(trinoRows(cached, aggregates.formatted(LEDGER))).containsExactlyElementsOf(postgresRows(aggregates.formatted("ledger")));
    }

    @Test
    void testValueSchemaFoundByItsContent()
            throws SQLException
    {
        // a catalog naming a schema column the table does not have: the column holding Debezium's schema is found by
        // what it holds, and every row reads by its own schema as in the default catalog
        String catalog = environment.catalog("pinot_cdc_found_schema", Map.of("cdc.value-schema-column", "debezium_value_schema"));
        Session found = Session.builder(pushdown()).setCatalog(catalog).build();
        assertThat(environment.queryRunner().execute(found, "DESCRIBE " + PINOT_TABLE).getMaterializedRows())
                .containsExactlyElementsOf(environment.queryRunner().execute("DESCRIBE " + PINOT_TABLE).getMaterializedRows());
        assertThat((String) environment.queryRunner().execute(found, "SELECT comment FROM system.metadata.table_comments WHERE catalog_name = '%s' AND table_name = '%s'".formatted(catalog, PINOT_TABLE)).getOnlyValue())
                .contains("Debezium's value schema found by its content in column source_schema (the catalog names debezium_value_schema)");
        List<String> expected = postgresRows("SELECT id, balance, seen FROM accounts ORDER BY id");
        assertThat(trinoRows(found, "SELECT id, balance, seen FROM " + PINOT_TABLE + " ORDER BY id")).containsExactlyElementsOf(expected);
        assertThat(trinoRows(found, "SELECT count(*), max(seen), sum(balance) FROM " + PINOT_TABLE))
                .containsExactlyElementsOf(postgresRows("SELECT count(*), max(seen), sum(balance) FROM accounts"));
    }

    private Session pushdown()
    {
        return environment.queryRunner().getDefaultSession();
    }

    private Session noPushdown()
    {
        return Session.builder(pushdown()).setCatalogSessionProperty("pinot_cdc", "pushdown_enabled", "false").build();
    }

    private List<String> trinoRows(Session session, String sql)
    {
        List<String> rows = new ArrayList<>();
        for (MaterializedRow row : environment.queryRunner().execute(session, sql).getMaterializedRows()) {
            List<String> cells = new ArrayList<>();
            for (Object value : row.getFields()) {
                cells.add(normalized(value));
            }
            rows.add(String.join("|", cells));
        }
        return rows;
    }

    private List<String> postgresRows(String sql)
            throws SQLException
    {
        List<String> rows = new ArrayList<>();
        try (Connection connection = postgres.connect(DATABASE);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> cells = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    Object value = result.getObject(column);
                    cells.add(normalized(value instanceof java.sql.Timestamp timestamp ? timestamp.toLocalDateTime() : value));
                }
                rows.add(String.join("|", cells));
            }
        }
        return rows;
    }

    /** Numbers by value (PostgreSQL's sum has its own scale), times as ISO text. */
    private static String normalized(Object value)
    {
        return switch (value) {
            case null -> "NULL";
            case BigDecimal decimal -> decimal.stripTrailingZeros().toPlainString();
            case Long number -> new BigDecimal(number).toPlainString();
            case Integer number -> new BigDecimal(number).toPlainString();
            case LocalDateTime time -> time.toString();
            default -> value.toString();
        };
    }

    private void awaitPinotHoldsKafka(DebeziumCdcTable table)
    {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, environment.cluster().kafkaBootstrapServers()))) {
            TopicPartition partition = new TopicPartition(table.topic(), 0);
            long messages = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get(30, TimeUnit.SECONDS).get(partition).offset();
            environment.cluster().broker().awaitDocumentCount(table.tableName(), messages);
        }
        catch (Exception e) {
            throw new IllegalStateException("Cannot wait for Pinot to hold the topic", e);
        }
    }
}

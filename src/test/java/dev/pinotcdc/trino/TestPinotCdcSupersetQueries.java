package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.JdbcRows;
import dev.pinotcdc.trino.testing.PinotTestCluster;
import dev.pinotcdc.trino.testing.SharedTrinoServer;
import dev.pinotcdc.trino.testing.TrinoArtifacts;
import dev.pinotcdc.trino.testing.TrinoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static dev.pinotcdc.trino.ClientTestTables.ORDERS;
import static dev.pinotcdc.trino.ClientTestTables.PERSON;
import static dev.pinotcdc.trino.ClientTestTables.USERS;
import static dev.pinotcdc.trino.UserInstalledTrino.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * The SQL Superset sends when a user connects {@code trino://user@host:8080/pinot_cdc}, browses the catalog,
 * previews a table and builds a time-series chart: the reflection queries of the trino SQLAlchemy dialect
 * (trino-python-client's {@code trino/sqlalchemy/dialect.py}) and the queries of Superset's Trino engine spec
 * (time grains {@code date_trunc('day', CAST(col AS TIMESTAMP))}, time ranges {@code from_iso8601_timestamp('...')},
 * the 100-row preview). The answers are checked, and EXPLAIN shows that filters and limits reach Pinot.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcSupersetQueries
{
    @RegisterExtension
    static final SharedTrinoServer TRINO = UserInstalledTrino.TRINO;

    private ClientTestTables tables;

    @BeforeAll
    void setUp()
    {
        tables = ClientTestTables.createOnce(PinotTestCluster.shared());
    }

    @Test
    void testSchemaAndTableListing()
            throws SQLException
    {
        try (Connection connection = superset()) {
            assertThat(column(connection, "SHOW SCHEMAS")).containsExactlyInAnyOrder("default", "information_schema");
            assertThat(column(connection, "SELECT \"schema_name\" FROM \"information_schema\".\"schemata\""))
                    .containsExactlyInAnyOrder("default", "information_schema");
            assertThat(column(connection, "SHOW TABLES LIKE 'clients\\_%' ESCAPE '\\'")).containsExactly(ORDERS, PERSON, USERS);
            assertThat(JdbcRows.query(connection, "SELECT \"table_name\" FROM \"information_schema\".\"tables\" WHERE \"table_schema\" = ? AND \"table_type\" = 'BASE TABLE'", "default"))
                    .contains(List.of(ORDERS), List.of(PERSON), List.of(USERS));
            assertThat(JdbcRows.query(connection, "SELECT \"table_name\" FROM \"information_schema\".\"tables\" WHERE \"table_schema\" = ? AND \"table_type\" = 'VIEW'", "default"))
                    .isEmpty();
            assertThat(JdbcRows.query(connection, "SELECT \"table_name\" FROM \"information_schema\".\"tables\" WHERE \"table_schema\" = ? AND \"table_name\" = ?", "default", ORDERS))
                    .containsExactly(List.of(ORDERS));
        }
    }

    @Test
    void testColumnsWithTypesAndComments()
            throws SQLException
    {
        try (Connection connection = superset()) {
            List<List<Object>> columns = JdbcRows.query(connection, """
                    SELECT "column_name", "data_type", "column_default", UPPER("is_nullable") AS "is_nullable", "comment"
                    FROM "information_schema"."columns"
                    WHERE "table_schema" = ? AND "table_name" = ?
                    ORDER BY "ordinal_position" ASC""", "default", PERSON);
            assertThat(columns).extracting(row -> row.get(0) + " " + row.get(1) + " " + row.get(2) + " " + row.get(3)).containsExactly(
                    "id bigint null YES",
                    "customer_id bigint null YES",
                    "name varchar null YES",
                    "balance decimal(10,2) null YES",
                    "birth date null YES",
                    "created_at timestamp(3) null YES",
                    "updated_at timestamp(6) with time zone null YES",
                    "active boolean null YES",
                    "attrs json null YES",
                    "uid uuid null YES",
                    "tags array(varchar) null YES");
            assertThat((String) columns.get(0).get(4)).contains("Primary key");
            assertThat((String) columns.get(2).get(4)).contains("$.name of source");

            // Superset's engine spec lists columns with SHOW COLUMNS too
            List<List<Object>> shown = JdbcRows.query(connection, "SHOW COLUMNS FROM \"default\".\"" + ORDERS + "\"");
            assertThat(shown).extracting(row -> row.get(0) + " " + row.get(1))
                    .containsExactly("id bigint", "user_id bigint", "amount decimal(10,2)", "status varchar", "created_at timestamp(3)");
        }
    }

    @Test
    void testTableComment()
            throws SQLException
    {
        try (Connection connection = superset()) {
            assertThat(JdbcRows.query(connection, """
                    SELECT "comment"
                    FROM "system"."metadata"."table_comments"
                    WHERE "catalog_name" = ? AND "schema_name" = ? AND "table_name" = ?""", CATALOG, "default", USERS))
                    .containsExactly(List.of("Latest state of Debezium change events in Pinot table " + USERS + " (upsert)"));
        }
    }

    @Test
    void testDialectProbesThatMayFail()
            throws SQLException
    {
        try (Connection connection = superset()) {
            assertThat(column(connection, "SELECT version()")).containsExactly(TrinoArtifacts.trinoVersion());
            // the dialect looks for Hive-style partitions and takes a failure as "none"
            assertThatThrownBy(() -> column(connection, "SELECT * FROM \"default\".\"" + ORDERS + "$partitions\""))
                    .hasMessageContaining("does not exist");
        }
    }

    @Test
    void testPreviewOfHundredRowsIsLimitedInPinot()
            throws SQLException
    {
        String preview = "SELECT \"id\", \"user_id\", \"amount\", \"status\", \"created_at\" FROM \"default\".\"" + ORDERS + "\" LIMIT 100";
        try (Connection connection = superset()) {
            List<List<Object>> rows = JdbcRows.query(connection, preview);
            assertThat(rows).hasSize(100);
            for (List<Object> row : rows) {
                Map<String, Object> order = tables.orders().get((Long) row.get(0));
                assertThat(order).as("order %s is live", row.get(0)).isNotNull();
                // trino-jdbc gives a timestamp as java.sql.Timestamp, in the JVM's zone (UTC here)
                assertThat(row).containsExactly(row.get(0), order.get("user_id"), ClientTestTables.amount(order), order.get("status"), Timestamp.valueOf(ClientTestTables.createdAt(order)));
            }
            assertThat(explain(connection, preview)).containsPattern("Pinot SQL: SELECT .* FROM \"" + ORDERS + "\" WHERE .* LIMIT 100\\b");
        }
    }

    @Test
    void testTimeGrainChartWithTimeRange()
            throws SQLException
    {
        LocalDate today = LocalDate.ofInstant(tables.now(), ZoneOffset.UTC);
        LocalDateTime from = today.minusDays(30).atStartOfDay();
        LocalDateTime to = today.minusDays(2).atStartOfDay();
        Map<LocalDateTime, Long> expected = new TreeMap<>();
        tables.orders().values().stream()
                .map(ClientTestTables::createdAt)
                .filter(createdAt -> !createdAt.isBefore(from) && createdAt.isBefore(to))
                .forEach(createdAt -> expected.merge(createdAt.truncatedTo(ChronoUnit.DAYS), 1L, Long::sum));
        assertThat(expected).hasSizeGreaterThan(20);

        // Superset's Trino engine spec: time grain P1D, a time range bound by from_iso8601_timestamp, metric COUNT(*)
        String chart = """
                SELECT date_trunc('day', CAST(created_at AS TIMESTAMP)) AS __timestamp, COUNT(*) AS count
                FROM "default".%s
                WHERE created_at >= from_iso8601_timestamp('%s') AND created_at < from_iso8601_timestamp('%s')
                GROUP BY date_trunc('day', CAST(created_at AS TIMESTAMP))
                ORDER BY count DESC
                LIMIT 10000""".formatted(ORDERS, from + ":00.000000", to + ":00.000000");
        try (Connection connection = superset()) {
            Map<LocalDateTime, Long> actual = new TreeMap<>();
            for (List<Object> row : JdbcRows.query(connection, chart)) {
                actual.put(((Timestamp) row.get(0)).toLocalDateTime(), (Long) row.get(1));
            }
            assertThat(actual).isEqualTo(expected);

            String plan = explain(connection, chart);
            long fromMillis = from.toInstant(ZoneOffset.UTC).toEpochMilli();
            long toMillis = to.toInstant(ZoneOffset.UTC).toEpochMilli();
            // the half-open range of the chart arrives as its closed equivalent in milliseconds
            assertThat(plan).containsPattern("Pinot SQL: SELECT .*JSONEXTRACTSCALAR\\(\"source\", '\\$\\[''created_at''\\]', 'LONG'.*\\) BETWEEN %s AND %s\\)"
                    .formatted(fromMillis, toMillis - 1));
        }
    }

    @Test
    void testCountMetricWithAFilter()
            throws SQLException
    {
        long expected = tables.orders().values().stream().filter(order -> "paid".equals(order.get("status"))).count();
        String metric = "SELECT COUNT(*) AS count FROM \"default\".\"" + ORDERS + "\" WHERE status IN ('paid') LIMIT 50000";
        try (Connection connection = superset()) {
            assertThat(JdbcRows.query(connection, metric)).containsExactly(List.of(expected));
            assertThat(explain(connection, metric)).contains("Pinot SQL: ").contains("JSON_MATCH(\"source\", '\"$.status\" = ''paid''')");
        }
    }

    /**
     * A connection like Superset's: catalog and schema from the URL {@code trino://user@host:port/pinot_cdc/default},
     * the time zone of a server run in UTC.
     */
    private static Connection superset()
            throws SQLException
    {
        TrinoServer server = TRINO.server();
        Properties properties = new Properties();
        properties.setProperty("user", "superset");
        properties.setProperty("source", "trino-sqlalchemy");
        properties.setProperty("timezone", "UTC");
        return DriverManager.getConnection("%s/%s/%s".formatted(server.jdbcUrl(), CATALOG, "default"), properties);
    }

    private static List<String> column(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            return JdbcRows.read(resultSet).stream().map(row -> String.valueOf(row.getFirst())).toList();
        }
    }

    private static String explain(Connection connection, String sql)
            throws SQLException
    {
        return String.join("\n", column(connection, "EXPLAIN " + sql));
    }
}

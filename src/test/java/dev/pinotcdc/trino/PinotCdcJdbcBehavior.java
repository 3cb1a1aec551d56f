package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.JdbcRows;
import dev.pinotcdc.trino.testing.PinotTestCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.pinotcdc.trino.ClientTestTables.ORDERS;
import static dev.pinotcdc.trino.ClientTestTables.PERSON;
import static dev.pinotcdc.trino.ClientTestTables.USERS;
import static dev.pinotcdc.trino.UserInstalledTrino.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * trino-jdbc against a Trino with the plugin: what DatabaseMetaData tells tools (schemas, tables with their comments,
 * columns with JDBC types and comments), and prepared statements with parameters. {@link TestPinotCdcJdbc} runs it
 * on the Trino 476 server installed as users install it; src/test/trino-483 on Trino 483 with trino-jdbc 483.
 */
@TestInstance(PER_CLASS)
abstract class PinotCdcJdbcBehavior
{
    private ClientTestTables tables;

    /** A connection without a default catalog. */
    protected abstract Connection connect()
            throws SQLException;

    protected abstract Connection connect(String catalog, String schema)
            throws SQLException;

    @BeforeAll
    void setUp()
    {
        tables = ClientTestTables.createOnce(PinotTestCluster.shared());
    }

    @Test
    void testSchemas()
            throws SQLException
    {
        try (Connection connection = connect()) {
            assertThat(JdbcRows.column(connection.getMetaData().getSchemas(CATALOG, null), "TABLE_SCHEM"))
                    .containsExactlyInAnyOrder("default", "information_schema");
        }
    }

    /**
     * Trino 476 leaves getTables' REMARKS empty for every connector (its system.jdbc.tables has no comments): tools
     * find a table's comment in system.metadata.table_comments, as the SQLAlchemy dialect does, or SHOW CREATE TABLE.
     */
    @Test
    void testTablesAndWhereTheirCommentsAre()
            throws SQLException
    {
        try (Connection connection = connect()) {
            List<List<String>> tablesFound = new ArrayList<>();
            try (ResultSet resultSet = connection.getMetaData().getTables(CATALOG, "default", "clients\\_%", new String[] {"TABLE"})) {
                while (resultSet.next()) {
                    tablesFound.add(List.of(resultSet.getString("TABLE_NAME"), resultSet.getString("TABLE_TYPE"), String.valueOf(resultSet.getString("REMARKS"))));
                }
            }
            assertThat(tablesFound).containsExactly(
                    List.of(ORDERS, "TABLE", "null"),
                    List.of(PERSON, "TABLE", "null"),
                    List.of(USERS, "TABLE", "null"));

            assertThat(JdbcRows.query(connection, "SELECT table_name, comment FROM system.metadata.table_comments WHERE catalog_name = ? AND schema_name = ? AND table_name LIKE ? ORDER BY 1",
                    CATALOG, "default", "clients%"))
                    .containsExactly(
                            List.of(ORDERS, "Latest state of Debezium change events in Pinot table " + ORDERS + " (upsert)"),
                            List.of(PERSON, "Latest state of Debezium change events in Pinot table " + PERSON + " (upsert)"),
                            List.of(USERS, "Latest state of Debezium change events in Pinot table " + USERS + " (upsert)"));
            try (Statement statement = connection.createStatement();
                    ResultSet resultSet = statement.executeQuery("SHOW CREATE TABLE %s.default.%s".formatted(CATALOG, USERS))) {
                assertThat(resultSet.next()).isTrue();
                assertThat(resultSet.getString(1)).contains("COMMENT 'Latest state of Debezium change events in Pinot table " + USERS + " (upsert)'");
            }
        }
    }

    @Test
    void testColumnsWithJdbcTypesAndComments()
            throws SQLException
    {
        List<String> columns = new ArrayList<>();
        List<String> remarks = new ArrayList<>();
        try (Connection connection = connect();
                ResultSet resultSet = connection.getMetaData().getColumns(CATALOG, "default", PERSON, null)) {
            while (resultSet.next()) {
                columns.add("%s %s %s %s/%s %s".formatted(
                        resultSet.getString("COLUMN_NAME"),
                        jdbcTypeName(resultSet.getInt("DATA_TYPE")),
                        resultSet.getString("TYPE_NAME"),
                        resultSet.getObject("COLUMN_SIZE"),
                        resultSet.getObject("DECIMAL_DIGITS"),
                        resultSet.getString("IS_NULLABLE")));
                remarks.add(resultSet.getString("REMARKS"));
            }
        }
        assertThat(columns).containsExactly(
                "id BIGINT bigint 19/null YES",
                "customer_id BIGINT bigint 19/null YES",
                "name VARCHAR varchar 2147483647/null YES",
                "balance DECIMAL decimal(10,2) 10/2 YES",
                "birth DATE date 14/null YES",
                "created_at TIMESTAMP timestamp(3) 25/3 YES",
                "updated_at TIMESTAMP_WITH_TIMEZONE timestamp(6) with time zone 62/6 YES",
                "active BOOLEAN boolean null/null YES",
                "attrs JAVA_OBJECT json null/null YES",
                "uid JAVA_OBJECT uuid null/null YES",
                "tags ARRAY array(varchar) null/null YES");
        assertThat(remarks.get(0)).contains("Primary key");
        assertThat(remarks.get(3)).contains("$.balance of source").contains("Debezium value schema");
    }

    @Test
    void testResultSetValuesHaveTheirJavaTypes()
            throws SQLException
    {
        try (Connection connection = connect(CATALOG, "default");
                ResultSet resultSet = connection.createStatement().executeQuery(
                        "SELECT balance, birth, created_at, active, attrs, uid, tags FROM " + PERSON + " WHERE id = 3")) {
            assertThat(resultSet.next()).isTrue();
            assertThat(resultSet.getBigDecimal("balance")).isEqualByComparingTo("99999999.99");
            assertThat(resultSet.getObject("birth", LocalDate.class)).isEqualTo(LocalDate.of(2000, 2, 29));
            assertThat(resultSet.getObject("created_at", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 6, 30, 12, 0));
            assertThat(resultSet.getBoolean("active")).isTrue();
            assertThat(resultSet.getString("attrs")).isEqualTo("{\"nested\":{\"a\":[1,2]}}");
            assertThat(resultSet.getString("uid")).isEqualTo("c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a33");
            Array tags = resultSet.getArray("tags");
            assertThat((Object[]) tags.getArray()).containsExactly("x", "y z", "\"q\"");
            assertThat(resultSet.next()).isFalse();
        }
    }

    @Test
    void testPreparedStatementWithNumberAndStringParameters()
            throws SQLException
    {
        List<List<Object>> expected = tables.orders().entrySet().stream()
                .filter(order -> order.getValue().get("user_id").equals(7L) && "paid".equals(order.getValue().get("status")))
                .map(order -> List.<Object>of(order.getKey(), ClientTestTables.amount(order.getValue())))
                .toList();
        assertThat(expected).isNotEmpty();
        try (Connection connection = connect(CATALOG, "default")) {
            assertThat(JdbcRows.query(connection, "SELECT id, amount FROM " + ORDERS + " WHERE user_id = ? AND status = ? ORDER BY id", 7L, "paid"))
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void testPreparedStatementWithDecimalAndTimestampParameters()
            throws SQLException
    {
        LocalDateTime from = LocalDateTime.ofInstant(tables.now(), java.time.ZoneOffset.UTC).minusDays(20);
        LocalDateTime to = from.plusDays(7);
        BigDecimal minimum = new BigDecimal("250.00");
        long expected = tables.orders().values().stream()
                .filter(order -> !ClientTestTables.createdAt(order).isBefore(from) && ClientTestTables.createdAt(order).isBefore(to))
                .filter(order -> ClientTestTables.amount(order).compareTo(minimum) > 0)
                .count();
        assertThat(expected).isPositive();
        try (Connection connection = connect(CATALOG, "default");
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM " + ORDERS + " WHERE created_at >= ? AND created_at < ? AND amount > ?")) {
            statement.setTimestamp(1, Timestamp.valueOf(from));
            statement.setObject(2, to);
            statement.setBigDecimal(3, minimum);
            try (ResultSet resultSet = statement.executeQuery()) {
                assertThat(JdbcRows.read(resultSet)).containsExactly(List.of(expected));
            }
        }
    }

    @Test
    void testPreparedStatementRunsAgainWithOtherParameters()
            throws SQLException
    {
        try (Connection connection = connect(CATALOG, "default");
                PreparedStatement statement = connection.prepareStatement("SELECT name, country FROM " + USERS + " WHERE id = ?")) {
            for (long id : List.of(1L, 2L, 5L, 8L)) {
                statement.setLong(1, id);
                try (ResultSet resultSet = statement.executeQuery()) {
                    Map<String, Object> user = tables.users().get(id);
                    List<List<Object>> expected = user == null ? List.of() : List.of(List.of(user.get("name"), user.get("country")));
                    assertThat(JdbcRows.read(resultSet)).as("user %s", id).containsExactlyElementsOf(expected);
                }
            }
        }
    }

    private static String jdbcTypeName(int type)
    {
        for (java.lang.reflect.Field field : Types.class.getFields()) {
            try {
                if (field.getInt(null) == type) {
                    return field.getName();
                }
            }
            catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return Integer.toString(type);
    }
}

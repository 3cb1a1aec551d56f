package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.CliResult;
import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumFixtures;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.PinotTestCluster;
import dev.pinotcdc.trino.testing.SharedTrinoServer;
import dev.pinotcdc.trino.testing.TrinoCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.google.common.util.concurrent.Uninterruptibles.sleepUninterruptibly;
import static dev.pinotcdc.trino.ClientTestTables.ORDERS;
import static dev.pinotcdc.trino.ClientTestTables.PERSON;
import static dev.pinotcdc.trino.ClientTestTables.USERS;
import static dev.pinotcdc.trino.UserInstalledTrino.CATALOG;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * The real trino-cli against the server installed as users install it: CSV answers over CDC tables are their latest
 * state, and failures exit with 1 and one clear line.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcTrinoCli
{
    @RegisterExtension
    static final SharedTrinoServer TRINO = UserInstalledTrino.TRINO;

    private ClientTestTables tables;
    private TrinoCli cli;

    @BeforeAll
    void setUp()
    {
        tables = ClientTestTables.createOnce(PinotTestCluster.shared());
        cli = TRINO.server().cli().withCatalog(CATALOG).withSchema("default");
    }

    @Test
    void testCsvOfAChangedTableIsItsLatestState()
    {
        List<List<String>> expected = tables.orders().entrySet().stream()
                .map(order -> List.of(
                        order.getKey().toString(),
                        order.getValue().get("user_id").toString(),
                        ClientTestTables.amount(order.getValue()).toPlainString(),
                        (String) order.getValue().get("status"),
                        ClientTestTables.cliTimestamp(ClientTestTables.createdAt(order.getValue()))))
                .toList();
        CliResult result = cli.execute("SELECT id, user_id, amount, status, created_at FROM " + ORDERS + " ORDER BY id");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.csvRows()).containsExactlyElementsOf(expected);
    }

    @Test
    void testCsvOfEveryDebeziumTypeFromRealMessages()
    {
        // PostgreSQL held these rows after the fixture's statements (update, key change 3,200 -> 3,300, delete of 2,100)
        CliResult result = cli.execute("SELECT id, customer_id, name, balance, birth, created_at, updated_at, active, attrs, uid, tags FROM " + PERSON + " ORDER BY id");
        assertThat(result.csvRows()).containsExactly(
                List.of("1", "100", "Alice Updated", "0.01", "1990-05-17", "2024-01-02 03:04:05.123", "2025-03-04 05:06:07.891000 UTC", "true",
                        "{\"tier\":\"gold\",\"vip\":true}", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "[c]"),
                List.of("3", "300", "Carol", "99999999.99", "2000-02-29", "2024-06-30 12:00:00.000", "2024-06-30 19:00:00.500000 UTC", "true",
                        "{\"nested\":{\"a\":[1,2]}}", "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a33", "[x, y z, \"q\"]"),
                List.of("4", "200", "Dave", "", "2001-01-01", "2001-01-01 00:00:00.000", "", "true", "{\"k\":\"v\"}", "", ""));
    }

    @Test
    void testAggregateOverTheLatestState()
    {
        Map<String, Long> expected = new TreeMap<>();
        tables.orders().values().forEach(order -> expected.merge((String) order.get("status"), 1L, Long::sum));
        List<List<String>> rows = cli.execute("SELECT status, count(*) FROM " + ORDERS + " GROUP BY status ORDER BY status").csvRows();
        assertThat(rows).containsExactlyElementsOf(expected.entrySet().stream()
                .map(entry -> List.of(entry.getKey(), entry.getValue().toString()))
                .toList());
    }

    @Test
    void testDeletedRowsAreGone()
    {
        String deletedUsers = cli.execute("SELECT count(*) FROM " + USERS + " WHERE id IN (5, 20, 35, 50)").csvRows().getFirst().getFirst();
        assertThat(deletedUsers).isEqualTo("0");
        assertThat(cli.execute("SELECT count(*) FROM " + USERS).csvRows())
                .containsExactly(List.of(Integer.toString(tables.users().size())));
    }

    @Test
    void testUnknownTableExitsWithOneAndSaysSo()
    {
        CliResult result = cli.execute("SELECT * FROM no_such_table");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr())
                .contains("Table '" + CATALOG + ".default.no_such_table' does not exist")
                .doesNotContain("\tat ");
    }

    @Test
    void testPinotErrorExitsWithOneAndNamesTheTable()
    {
        // the catalog keeps the table's metadata for its cache time; Pinot no longer has the table, and its broker
        // answers the scan with an error (not an upsert table: dropping a consuming upsert table crashes Pinot 0.11)
        String table = "cli_vanishing";
        DebeziumCdcTable vanishing = DebeziumCdcTable.builder(table)
                .appendOnly()
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .primaryKeyColumn("customer_id", PinotColumnType.LONG)
                .create(PinotTestCluster.shared());
        vanishing.sendAndAwait(DebeziumFixtures.read("connect-precise", "snapshot"));
        // the shipped catalog caches the table list for 30 s: wait until the new table is listed
        CliResult first = cli.execute("SELECT count(*) FROM " + table);
        for (int attempt = 0; first.exitCode() != 0 && attempt < 45; attempt++) {
            sleepUninterruptibly(1, SECONDS);
            first = cli.execute("SELECT count(*) FROM " + table);
        }
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        vanishing.drop();

        CliResult result = cli.execute("SELECT * FROM " + table);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr())
                .contains("Pinot table '" + table + "'")
                .doesNotContain("\tat ");
    }

    @Test
    void testUnknownCatalogExitsWithOne()
    {
        CliResult result = TRINO.server().cli().execute("SHOW SCHEMAS FROM no_such_catalog");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("Catalog 'no_such_catalog' not found");
    }
}

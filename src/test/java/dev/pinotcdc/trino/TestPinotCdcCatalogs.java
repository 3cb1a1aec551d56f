package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.CliResult;
import dev.pinotcdc.trino.testing.PinotTestCluster;
import dev.pinotcdc.trino.testing.SharedTrinoServer;
import dev.pinotcdc.trino.testing.TrinoCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.pinotcdc.trino.ClientTestTables.ORDERS;
import static dev.pinotcdc.trino.ClientTestTables.USERS;
import static dev.pinotcdc.trino.UserInstalledTrino.CATALOG;
import static dev.pinotcdc.trino.UserInstalledTrino.DEFINED_CATALOG;
import static dev.pinotcdc.trino.UserInstalledTrino.DEFINED_CATALOG_MAX_ROWS;
import static dev.pinotcdc.trino.UserInstalledTrino.STRICT_CATALOG;
import static dev.pinotcdc.trino.UserInstalledTrino.USERS_DEFINITION_COMMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Three catalogs of this connector in one server, made from copies of the shipped catalog file, over the same Pinot:
 * the stock one, one with a table definition directory and strict decoding, one with the same definitions read
 * leniently and a small row limit per broker query. Each keeps to its own settings.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcCatalogs
{
    @RegisterExtension
    static final SharedTrinoServer TRINO = UserInstalledTrino.TRINO;

    private ClientTestTables tables;
    private TrinoCli cli;

    @BeforeAll
    void setUp()
    {
        tables = ClientTestTables.createOnce(PinotTestCluster.shared());
        cli = TRINO.server().cli();
    }

    @Test
    void testEveryCatalogFileIsACatalog()
    {
        assertThat(cli.execute("SHOW CATALOGS").csvRows())
                .containsExactlyInAnyOrder(List.of(CATALOG), List.of(DEFINED_CATALOG), List.of(STRICT_CATALOG), List.of("system"));
        assertThat(cli.execute("SELECT catalog_name, connector_name FROM system.metadata.catalogs WHERE catalog_name LIKE 'pinot%' ORDER BY 1").csvRows())
                .containsExactly(List.of(CATALOG, "pinot_cdc"), List.of(DEFINED_CATALOG, "pinot_cdc"), List.of(STRICT_CATALOG, "pinot_cdc"));
    }

    @Test
    void testTableDefinitionsApplyOnlyWhereConfigured()
    {
        String typeOfCountry = "SELECT data_type FROM %s.information_schema.columns WHERE table_name = '" + USERS + "' AND column_name = 'country'";
        assertThat(cli.execute(typeOfCountry.formatted(CATALOG)).csvRows()).containsExactly(List.of("varchar"));
        assertThat(cli.execute(typeOfCountry.formatted(STRICT_CATALOG)).csvRows()).containsExactly(List.of("bigint"));
        assertThat(cli.execute(typeOfCountry.formatted(DEFINED_CATALOG)).csvRows()).containsExactly(List.of("bigint"));
        assertThat(cli.execute("SELECT comment FROM %s.information_schema.columns WHERE table_name = '%s' AND column_name = 'country'".formatted(DEFINED_CATALOG, USERS)).csvRows().getFirst().getFirst())
                .startsWith(USERS_DEFINITION_COMMENT);
    }

    @Test
    void testStrictDecodingFailsWhereLenientReadsNull()
    {
        String countries = "SELECT count(*), count(country) FROM %s.default." + USERS;
        String users = Integer.toString(tables.users().size());
        assertThat(cli.execute(countries.formatted(CATALOG)).csvRows()).containsExactly(List.of(users, users));
        assertThat(cli.execute(countries.formatted(DEFINED_CATALOG)).csvRows()).containsExactly(List.of(users, "0"));

        CliResult strict = cli.execute(countries.formatted(STRICT_CATALOG));
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.stderr())
                .contains("Pinot table '" + USERS + "', column 'country'")
                .contains("strict_decoding=false");
        // the session property of that catalog alone lifts it
        assertThat(cli.withSessionProperty(STRICT_CATALOG + ".strict_decoding", "false").execute(countries.formatted(STRICT_CATALOG)).csvRows())
                .containsExactly(List.of(users, "0"));
    }

    @Test
    void testRowLimitAppliesOnlyToItsCatalog()
    {
        String allOrders = "SELECT id, status FROM %s.default." + ORDERS;
        assertThat(cli.execute(allOrders.formatted(CATALOG)).csvRows()).hasSize(tables.orders().size());
        assertThat(cli.execute(allOrders.formatted(STRICT_CATALOG)).csvRows()).hasSize(tables.orders().size());

        CliResult limited = cli.execute(allOrders.formatted(DEFINED_CATALOG));
        assertThat(limited.exitCode()).isEqualTo(1);
        assertThat(limited.stderr()).contains("pinot.max-rows-per-broker-query");
        // a query narrow enough for the limit still works there
        assertThat(cli.execute((allOrders + " WHERE id <= %s").formatted(DEFINED_CATALOG, DEFINED_CATALOG_MAX_ROWS / 2)).csvRows())
                .hasSize((int) tables.orders().keySet().stream().filter(id -> id <= DEFINED_CATALOG_MAX_ROWS / 2).count());
    }

    @Test
    void testCatalogsJoinEachOther()
    {
        // the same Pinot table through two catalogs: the key columns agree row for row
        List<List<String>> rows = cli.execute("""
                SELECT count(*) FROM %s.default.%s a JOIN %s.default.%s b ON a.id = b.id AND a.name = b.name"""
                .formatted(CATALOG, USERS, DEFINED_CATALOG, USERS)).csvRows();
        assertThat(rows).containsExactly(List.of(Integer.toString(tables.users().size())));
    }
}

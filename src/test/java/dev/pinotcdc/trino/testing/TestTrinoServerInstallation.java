package dev.pinotcdc.trino.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.pinotcdc.trino.testing.TrinoServerInstallation.PINOT_CDC_PLUGIN_NAME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real trino-server 476 tarball with our plugin installed from its zip, queried through the real trino-cli
 * and trino-jdbc. Connector checks belong here too: add the pinot_cdc catalog to {@link #catalogs()} (SHOW
 * CATALOGS then expects it) and query it with the CLI and JDBC like the tpch checks below.
 */
class TestTrinoServerInstallation
{
    @RegisterExtension
    static final SharedTrinoServer TRINO = new SharedTrinoServer("pinot-cdc-with-tpch-and-memory", () -> {
        TrinoServerInstallation.Builder installation = TrinoServerInstallation.builder()
                .withName("pinot-cdc-tpch-memory")
                .withPinotCdcPlugin()
                .withBundledPlugins("tpch", "memory")
                // C1 only: the server answers in about half the time on two busy cores; queries here are small
                .withJvmOption("-XX:TieredStopAtLevel=1");
        catalogs().forEach(installation::withCatalog);
        return installation.build();
    });

    private static Map<String, Map<String, String>> catalogs()
    {
        Map<String, Map<String, String>> catalogs = new LinkedHashMap<>();
        catalogs.put("tpch", Map.of("connector.name", "tpch"));
        catalogs.put("memory", Map.of("connector.name", "memory"));
        return catalogs;
    }

    @Test
    void testPluginDirectoryHoldsOnlyOurPluginAndTheBundledOnesAskedFor()
            throws Exception
    {
        TrinoServer server = TRINO.server();
        assertThat(server.installedPlugins()).containsExactly("memory", PINOT_CDC_PLUGIN_NAME, "tpch");
        try (Stream<Path> jars = Files.list(server.installationDirectory().resolve("plugin").resolve(PINOT_CDC_PLUGIN_NAME))) {
            assertThat(jars.map(jar -> jar.getFileName().toString()))
                    .anyMatch(jar -> jar.matches("trino-pinot-cdc-plugin-.*\\.jar"))
                    // one HTTP stack, Trino's own; no logging backend (the server has its logging) and no templates driver
                    .anyMatch(jar -> jar.startsWith("http-client-"))
                    .noneMatch(jar -> jar.startsWith("trino-spi-"))
                    .noneMatch(jar -> jar.startsWith("netty-") || jar.startsWith("async-http-client") || jar.startsWith("pinot-"))
                    .noneMatch(jar -> jar.startsWith("postgresql-") || jar.startsWith("logback-") || jar.startsWith("log-manager-"));
        }
    }

    @Test
    void testTarballKeepsTrinosOwnPinotConnectorForTheBenchmark()
            throws Exception
    {
        Path pinotPlugin = TrinoArtifacts.fromBuild().bundledPlugin("pinot");
        try (Stream<Path> jars = Files.list(pinotPlugin)) {
            // the tarball stores shared jars as hard links: an unpack that loses them leaves empty files
            assertThat(jars.filter(jar -> jar.getFileName().toString().endsWith(".jar")))
                    .anyMatch(jar -> jar.getFileName().toString().equals("io.trino_trino-pinot-" + TrinoArtifacts.trinoVersion() + ".jar"))
                    .allMatch(jar -> jar.toFile().length() > 0);
        }
    }

    @Test
    void testServerLoadedOurPlugin()
    {
        String log = TRINO.server().serverLogText();
        assertThat(log)
                .containsPattern("-- Loading plugin \\S*/plugin/" + PINOT_CDC_PLUGIN_NAME + " --")
                .contains("Installing dev.pinotcdc.trino.PinotCdcPlugin")
                .containsPattern("-- Finished loading plugin \\S*/plugin/" + PINOT_CDC_PLUGIN_NAME + " --")
                .contains("======== SERVER STARTED ========");
    }

    @Test
    void testShowCatalogsListsEveryCatalogFile()
    {
        List<List<String>> rows = TRINO.server().cli().execute("SHOW CATALOGS").csvRows();
        List<List<String>> expected = Stream.concat(catalogs().keySet().stream(), Stream.of("system"))
                .map(List::of)
                .toList();
        assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void testCatalogCreatedAtRuntimeIsQueryableAndDroppable()
    {
        TrinoCli cli = TRINO.server().cli();
        assertThat(cli.execute("CREATE CATALOG runtime_tpch USING tpch WITH (\"tpch.splits-per-node\" = '2')").exitCode()).isZero();
        try {
            assertThat(cli.execute("SELECT count(*) FROM runtime_tpch.tiny.region").csvRows()).containsExactly(List.of("5"));
        }
        finally {
            assertThat(cli.execute("DROP CATALOG runtime_tpch").exitCode()).isZero();
        }
        assertThat(cli.execute("SHOW CATALOGS").csvRows()).doesNotContain(List.of("runtime_tpch"));
    }

    @Test
    void testCliPrintsRowsAsCsv()
    {
        CliResult result = TRINO.server().cli()
                .withCatalog("tpch")
                .withSchema("tiny")
                .execute("SELECT nationkey, name, regionkey FROM nation WHERE regionkey = 1 ORDER BY nationkey");
        assertThat(result.exitCode()).isZero();
        assertThat(result.csvRows()).containsExactly(
                List.of("1", "ARGENTINA", "1"),
                List.of("2", "BRAZIL", "1"),
                List.of("3", "CANADA", "1"),
                List.of("17", "PERU", "1"),
                List.of("24", "UNITED STATES", "1"));
    }

    @Test
    void testCliCsvQuotesSeparatorsAndQuotesAndPrintsNullAsEmpty()
    {
        CliResult result = TRINO.server().cli().execute("SELECT 'a,b', 'say \"hi\"', CAST(NULL AS varchar), 'two\nlines'");
        assertThat(result.stdout()).startsWith("\"a,b\",\"say \"\"hi\"\"\",\"\",\"two\nlines\"");
        assertThat(result.csvRows()).containsExactly(List.of("a,b", "say \"hi\"", "", "two\nlines"));
    }

    @Test
    void testCliFailingQueryExitsNonZeroWithTheError()
    {
        CliResult result = TRINO.server().cli()
                .withCatalog("tpch")
                .withSchema("tiny")
                .execute("SELECT * FROM no_such_table");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("Table 'tpch.tiny.no_such_table' does not exist");
    }

    @Test
    void testJdbcMetadata()
            throws SQLException
    {
        try (Connection connection = TRINO.server().connect()) {
            DatabaseMetaData metadata = connection.getMetaData();
            assertThat(JdbcRows.column(metadata.getCatalogs(), "TABLE_CAT"))
                    .containsExactlyInAnyOrderElementsOf(Stream.concat(catalogs().keySet().stream(), Stream.of("system")).toList());
            assertThat(JdbcRows.column(metadata.getSchemas("tpch", null), "TABLE_SCHEM"))
                    .contains("information_schema", "tiny", "sf1");
            assertThat(JdbcRows.column(metadata.getTables("tpch", "tiny", null, new String[] {"TABLE"}), "TABLE_NAME"))
                    .containsExactly("customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier");

            List<String> columns = JdbcRows.read(metadata.getColumns("tpch", "tiny", "nation", null)).stream()
                    .map(column -> "%s %s".formatted(column.get(3), column.get(5)))
                    .toList();
            assertThat(columns).containsExactly("nationkey bigint", "name varchar(25)", "regionkey bigint", "comment varchar(152)");
        }
    }

    @Test
    void testJdbcPreparedStatementBindsParameters()
            throws SQLException
    {
        try (Connection connection = TRINO.server().connect("tpch", "tiny")) {
            assertThat(JdbcRows.query(connection, "SELECT nationkey, name FROM nation WHERE regionkey = ? AND name LIKE ? ORDER BY nationkey", 1L, "%R%"))
                    .containsExactly(List.of(1L, "ARGENTINA"), List.of(2L, "BRAZIL"), List.of(17L, "PERU"));
        }
    }

    @Test
    void testJdbcAndCliAgreeOnADateFilteredAggregate()
            throws SQLException
    {
        List<List<Object>> jdbc;
        try (Connection connection = TRINO.server().connect("tpch", "tiny")) {
            jdbc = JdbcRows.query(connection, "SELECT count(*), sum(totalprice) FROM orders WHERE orderdate >= ?", LocalDate.of(1998, 1, 1));
        }
        List<List<String>> cli = TRINO.server().cli()
                .withCatalog("tpch")
                .withSchema("tiny")
                .execute("SELECT count(*), sum(totalprice) FROM orders WHERE orderdate >= DATE '1998-01-01'")
                .csvRows();

        assertThat(jdbc).hasSize(1);
        assertThat((long) jdbc.getFirst().get(0)).isPositive();
        assertThat(cli).containsExactly(List.of(jdbc.getFirst().get(0).toString(), jdbc.getFirst().get(1).toString()));
    }

    @Test
    void testRowsWrittenThroughJdbcReadBackThroughCli()
            throws SQLException
    {
        try (Connection connection = TRINO.server().connect("memory", "default")) {
            connection.createStatement().execute("CREATE TABLE jdbc_to_cli (id bigint, name varchar, day date, amount decimal(10, 2), at timestamp(3))");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO jdbc_to_cli VALUES (?, ?, ?, ?, ?)")) {
                insert.setLong(1, 1);
                insert.setString(2, "Zoë, \"quoted\"");
                insert.setObject(3, LocalDate.of(2024, 2, 29));
                insert.setBigDecimal(4, new BigDecimal("12.50"));
                insert.setTimestamp(5, Timestamp.valueOf(LocalDateTime.of(2024, 2, 29, 13, 45, 1, 123_000_000)));
                insert.addBatch();
                insert.setLong(1, 2);
                insert.setNull(2, java.sql.Types.VARCHAR);
                insert.setObject(3, LocalDate.of(1970, 1, 1));
                insert.setBigDecimal(4, new BigDecimal("-0.01"));
                insert.setTimestamp(5, Timestamp.valueOf(LocalDateTime.of(1999, 12, 31, 23, 59, 59)));
                insert.addBatch();
                assertThat(insert.executeBatch()).containsExactly(1, 1);
            }
        }

        List<List<String>> rows = TRINO.server().cli()
                .withCatalog("memory")
                .withSchema("default")
                .execute("SELECT id, name, day, amount, at FROM jdbc_to_cli ORDER BY id")
                .csvRows();
        assertThat(rows).containsExactly(
                List.of("1", "Zoë, \"quoted\"", "2024-02-29", "12.50", "2024-02-29 13:45:01.123"),
                List.of("2", "", "1970-01-01", "-0.01", "1999-12-31 23:59:59.000"));

        try (Connection connection = TRINO.server().connect("memory", "default");
                ResultSet nulls = connection.createStatement().executeQuery("SELECT id FROM jdbc_to_cli WHERE name IS NULL")) {
            assertThat(JdbcRows.read(nulls)).containsExactly(List.of(2L));
        }
    }
}

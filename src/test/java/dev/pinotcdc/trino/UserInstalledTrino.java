package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.CatalogFile;
import dev.pinotcdc.trino.testing.PinotTestCluster;
import dev.pinotcdc.trino.testing.SharedTrinoServer;
import dev.pinotcdc.trino.testing.TrinoArtifacts;
import dev.pinotcdc.trino.testing.TrinoServerInstallation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real trino-server for the client tests, installed the way the README tells users to: the plugin zip unpacked
 * into plugin/, etc-catalog/pinot_cdc.properties copied into etc/catalog/ with only {@code pinot.controller-urls}
 * changed, Trino's stock static catalog management, {@code bin/launcher run}. Beside it, two more copies of the same
 * file under other names and with other settings, as a user who wants several catalogs makes them.
 */
final class UserInstalledTrino
{
    /** The catalog file exactly as shipped, pointed at the test Pinot. */
    static final String CATALOG = "pinot_cdc";
    /** The same Pinot through a table definition directory, decoding strictly. */
    static final String STRICT_CATALOG = "pinot_cdc_strict";
    /** The same Pinot through the same definitions, lenient, and with a small row limit per broker query. */
    static final String DEFINED_CATALOG = "pinot_cdc_defined";
    static final int DEFINED_CATALOG_MAX_ROWS = 100;
    static final String USERS_DEFINITION_COMMENT = "Country as a number, on purpose: no stored value fits";

    static final SharedTrinoServer TRINO = new SharedTrinoServer("pinot-cdc-as-installed", UserInstalledTrino::installation);

    private UserInstalledTrino() {}

    private static TrinoServerInstallation installation()
    {
        PinotTestCluster cluster = PinotTestCluster.shared();
        // the tables exist before the server starts, so that the readiness query can scan one
        ClientTestTables.createOnce(cluster);
        Path definitions = writeTableDefinitions();
        CatalogFile shipped = CatalogFile.shipped(CATALOG);
        return TrinoServerInstallation.builder()
                .withName("as-installed")
                .withPinotCdcPlugin()
                .withCatalogFile(CATALOG, shipped.with("pinot.controller-urls", cluster.controllerUrl()).text())
                .withCatalogFile(STRICT_CATALOG, shipped
                        .with("pinot.controller-urls", cluster.controllerUrl())
                        .with("cdc.table-definition-dir", definitions.toString())
                        .with("cdc.strict-decoding", "true")
                        .text())
                .withCatalogFile(DEFINED_CATALOG, shipped
                        .with("pinot.controller-urls", cluster.controllerUrl())
                        .with("cdc.table-definition-dir", definitions.toString())
                        .with("pinot.max-rows-per-broker-query", Integer.toString(DEFINED_CATALOG_MAX_ROWS))
                        .text())
                .withStaticCatalogs()
                .withReadinessQuery("SELECT count(*) FROM %s.default.%s".formatted(CATALOG, ClientTestTables.USERS))
                // C1 only: the server answers in about half the time on two busy cores; the queries here are small
                .withJvmOption("-XX:TieredStopAtLevel=1")
                .build();
    }

    private static Path writeTableDefinitions()
    {
        try {
            Path directory = Files.createDirectories(TrinoArtifacts.fromBuild().workDirectory().resolve("client-table-definitions"));
            Files.writeString(directory.resolve(ClientTestTables.USERS + ".json"), """
                    {"columns": [{"name": "country", "type": "bigint", "comment": "%s"}]}
                    """.formatted(USERS_DEFINITION_COMMENT));
            return directory;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

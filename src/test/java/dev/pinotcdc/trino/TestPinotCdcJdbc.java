package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.SharedTrinoServer;
import dev.pinotcdc.trino.testing.TrinoArtifacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * trino-jdbc against the server installed as users install it (the trino-server tarball).
 */
final class TestPinotCdcJdbc
        extends PinotCdcJdbcBehavior
{
    @RegisterExtension
    static final SharedTrinoServer TRINO = UserInstalledTrino.TRINO;

    @Override
    protected Connection connect()
            throws SQLException
    {
        return TRINO.server().connect();
    }

    @Override
    protected Connection connect(String catalog, String schema)
            throws SQLException
    {
        return TRINO.server().connect(catalog, schema);
    }

    @Test
    void testDatabaseMetaDataNamesTheServer()
            throws SQLException
    {
        try (Connection connection = connect()) {
            DatabaseMetaData metadata = connection.getMetaData();
            assertThat(metadata.getDatabaseProductName()).isEqualTo("Trino");
            assertThat(metadata.getDatabaseProductVersion()).isEqualTo(TrinoArtifacts.trinoVersion());
        }
    }
}

package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import io.trino.testing.DistributedQueryRunner;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * trino-jdbc 483 against Trino 483 with the plugin built for it, in process (a coordinator and a worker): there is no
 * trino-server 483 to install here.
 */
final class TestPinotCdcJdbcOnTrino483
        extends PinotCdcJdbcBehavior
{
    @Override
    protected Connection connect()
            throws SQLException
    {
        return DriverManager.getConnection(url(), properties());
    }

    @Override
    protected Connection connect(String catalog, String schema)
            throws SQLException
    {
        return DriverManager.getConnection("%s/%s/%s".formatted(url(), catalog, schema), properties());
    }

    @Test
    void testDriverAndServerAreTrino483()
            throws SQLException
    {
        try (Connection connection = connect()) {
            DatabaseMetaData metadata = connection.getMetaData();
            assertThat(metadata.getDatabaseProductName()).isEqualTo("Trino");
            assertThat(metadata.getDriverVersion()).isEqualTo("483");
            assertThat(((DistributedQueryRunner) PinotCdcTestEnvironment.shared().queryRunner()).getNodeCount()).isEqualTo(2);
        }
    }

    private static String url()
    {
        URI coordinator = ((DistributedQueryRunner) PinotCdcTestEnvironment.shared().queryRunner()).getCoordinator().getBaseUrl();
        return "jdbc:trino://%s:%s".formatted(coordinator.getHost(), coordinator.getPort());
    }

    private static Properties properties()
    {
        Properties properties = new Properties();
        properties.setProperty("user", "test");
        return properties;
    }
}

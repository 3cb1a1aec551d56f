package dev.pinotcdc.trino;

import com.google.common.collect.ImmutableMap;
import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumFixtures;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import io.trino.Session;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * What a user sees when Pinot is unreachable, answers with an error, or runs out of time.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcErrors
{
    private PinotCdcTestEnvironment environment;
    private QueryRunner queryRunner;

    @BeforeAll
    void setUp()
    {
        environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();
    }

    @Test
    void testUnreachableControllerNamesTheUrl()
            throws IOException
    {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        String catalog = environment.catalog("pinot_cdc_unreachable", ImmutableMap.of("pinot.controller-urls", url, "pinot.connect-timeout", "2s"));
        assertThatThrownBy(() -> queryRunner.execute("SHOW TABLES FROM " + catalog + ".default"))
                .hasMessageContaining(url);
    }

    @Test
    void testBrokerAnswerCarryingAnExceptionFailsNamingTheTable()
    {
        String table = "errors_dropped";
        // not an upsert table: dropping a consuming upsert table crashes Pinot 0.11's server
        DebeziumCdcTable cdcTable = DebeziumCdcTable.builder(table)
                .appendOnly()
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .primaryKeyColumn("customer_id", PinotColumnType.LONG)
                .create(environment.cluster());
        cdcTable.sendAndAwait(DebeziumFixtures.read("connect-precise", "snapshot"));
        // metadata stays cached while the table disappears from Pinot: the broker answers the scan with an exception
        String catalog = environment.catalog("pinot_cdc_cached", ImmutableMap.of(
                "pinot.metadata-cache-ttl", "1h",
                "pinot.broker-urls", environment.cluster().brokerUrl()));
        assertThat(queryRunner.execute("SELECT count(*) FROM " + catalog + ".default." + table).getOnlyValue()).isEqualTo(2L);
        cdcTable.drop();
        assertThatThrownBy(() -> queryRunner.execute("SELECT * FROM " + catalog + ".default." + table))
                .hasMessageContaining("Pinot table '" + table + "'");
    }

    @Test
    void testPinotQueryTimeoutIsAClearError()
    {
        String table = "errors_timeout";
        DebeziumCdcTable.builder(table)
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .primaryKeyColumn("customer_id", PinotColumnType.LONG)
                .create(environment.cluster())
                .sendAndAwait(DebeziumFixtures.read("connect-precise", "snapshot"));
        Session impatient = Session.builder(queryRunner.getDefaultSession())
                .setCatalogSessionProperty("pinot_cdc", "query_timeout", "1ms")
                .build();
        assertThatThrownBy(() -> queryRunner.execute(impatient, "SELECT * FROM " + table))
                .hasMessageContaining("Pinot table '" + table + "'");
    }

    @Test
    void testControllerTimeoutIsAClearError()
    {
        String catalog = environment.catalog("pinot_cdc_impatient", ImmutableMap.of("pinot.read-timeout", "1ms"));
        assertThatThrownBy(() -> queryRunner.execute("SHOW TABLES FROM " + catalog + ".default"))
                .hasMessageContaining(environment.cluster().controllerUrl())
                .hasMessageContaining("1 ms");
    }
}

package dev.pinotcdc.trino;

import com.google.common.collect.ImmutableMap;
import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumEventFactory;
import dev.pinotcdc.trino.testing.DebeziumFixtures;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.SampleCdcTables;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    void testPinotFailingThePushedQueryIsAClearError()
    {
        // a range pushed on a JSON field makes Pinot parse every value as a number; a text value fails the query there
        String table = "errors_not_a_number";
        DebeziumEventFactory events = new DebeziumEventFactory("errors", table,
                List.of(DebeziumEventFactory.Field.required("id", "int64"), DebeziumEventFactory.Field.optional("amount", "int64")),
                List.of("id"));
        Map<String, Object> good = new LinkedHashMap<>();
        good.put("id", 1L);
        good.put("amount", 7L);
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("id", 2L);
        bad.put("amount", "seven");
        DebeziumCdcTable.builder(table).topic(events.topic())
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .create(environment.cluster())
                .sendAndAwait(List.of(SampleCdcTables.message(events.insert(good)), SampleCdcTables.message(events.insert(bad))));
        assertThatThrownBy(() -> queryRunner.execute("SELECT id FROM " + table + " WHERE amount > 5"))
                .hasMessageContaining("Pinot table '" + table + "'")
                .hasMessageContaining("pushdown_enabled = false");
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

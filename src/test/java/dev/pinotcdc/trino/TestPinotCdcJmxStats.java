package dev.pinotcdc.trino;

import com.google.common.collect.ImmutableMap;
import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumFixtures;
import dev.pinotcdc.trino.testing.PinotCdcQueryRunner;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.PinotTestCluster;
import io.trino.Session;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * The catalog's stats as a person running Trino reads them: one MBean per catalog in the platform MBean server,
 * moved by the queries of that catalog only. One Trino node, so that each catalog has one connector in this JVM
 * (nodes sharing a JVM would share the MBean name; a real cluster runs one node per JVM).
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcJmxStats
{
    private static final String TABLE = "jmx_stats_orders";
    private static final String CATALOG = "pinot_cdc_jmx";
    private static final String UNREACHABLE_CATALOG = "pinot_cdc_jmx_unreachable";

    private final MBeanServer mbeanServer = ManagementFactory.getPlatformMBeanServer();
    private PinotTestCluster cluster;
    private QueryRunner queryRunner;

    @BeforeAll
    void setUp()
            throws Exception
    {
        cluster = PinotTestCluster.shared();
        DebeziumCdcTable.builder(TABLE)
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .primaryKeyColumn("customer_id", PinotColumnType.LONG)
                .create(cluster)
                .sendAndAwait(DebeziumFixtures.read("connect-precise", "snapshot"));
        queryRunner = PinotCdcQueryRunner.builder(cluster.controllerUrl()).nodeCount(1).build();
        queryRunner.createCatalog(CATALOG, PinotCdcConnectorFactory.CONNECTOR_NAME, ImmutableMap.of(
                "pinot.controller-urls", cluster.controllerUrl(),
                "pinot.metadata-cache-ttl", "1h"));
        queryRunner.createCatalog(UNREACHABLE_CATALOG, PinotCdcConnectorFactory.CONNECTOR_NAME, ImmutableMap.of(
                "pinot.controller-urls", cluster.controllerUrl(),
                "pinot.broker-urls", closedPortUrl(),
                "pinot.metadata-cache-ttl", "0s"));
    }

    @AfterAll
    void tearDown()
    {
        if (queryRunner != null) {
            queryRunner.close();
        }
    }

    @Test
    void testQueriesMoveTheirCatalogsStats()
            throws JMException
    {
        ObjectName stats = statsOf(CATALOG);
        ObjectName otherStats = statsOf(UNREACHABLE_CATALOG);
        assertThat(mbeanServer.isRegistered(stats)).as(stats.toString()).isTrue();
        assertThat(mbeanServer.isRegistered(otherStats)).as(otherStats.toString()).isTrue();

        // the truth: the latest state as Trino computes it with nothing pushed down
        Session withoutPushdown = Session.builder(queryRunner.getDefaultSession())
                .setCatalogSessionProperty(CATALOG, "pushdown_enabled", "false")
                .build();
        long rows = (long) queryRunner.execute(withoutPushdown, "SELECT count(*) FROM " + CATALOG + ".default." + TABLE).getOnlyValue();
        assertThat(rows).isPositive();

        long queriesBefore = counter(stats, "BrokerQueryCount");
        long rowsBefore = counter(stats, "BrokerRowsRead");
        long bytesBefore = counter(stats, "BrokerBytesRead");
        long hitsBefore = counter(stats, "MetadataCacheHits");

        assertThat(queryRunner.execute("SELECT * FROM " + CATALOG + ".default." + TABLE).getRowCount()).isEqualTo(rows);

        assertThat(counter(stats, "BrokerQueryCount")).isGreaterThan(queriesBefore);
        // the table's rows, and the one row (LIMIT 1) of the check that the cached description still matches the
        // Debezium schema of the newest live row
        assertThat(counter(stats, "BrokerRowsRead") - rowsBefore).isEqualTo(rows + 1);
        assertThat(counter(stats, "BrokerBytesRead")).isGreaterThan(bytesBefore);
        assertThat(counter(stats, "MetadataCacheHits")).isGreaterThan(hitsBefore);
        assertThat(counter(stats, "ControllerRequestCount")).isPositive();
        assertThat(errors(stats)).isZero();

        // the other catalog's brokers cannot be reached: its stats count that, this catalog's do not
        assertThatThrownBy(() -> queryRunner.execute("SELECT * FROM " + UNREACHABLE_CATALOG + ".default." + TABLE))
                .hasMessageContaining("cannot reach any of its brokers");
        assertThat(counter(otherStats, "Unreachable")).isPositive();
        assertThat(counter(otherStats, "BrokerRowsRead")).isZero();
        assertThat(errors(stats)).isZero();
    }

    private long errors(ObjectName stats)
            throws JMException
    {
        long errors = 0;
        for (String kind : new String[] {"Timeouts", "Unreachable", "QueryErrors", "PartialResults", "PermissionDenied", "InvalidResponses", "OtherErrors"}) {
            errors += counter(stats, kind);
        }
        return errors;
    }

    private long counter(ObjectName stats, String name)
            throws JMException
    {
        return (long) mbeanServer.getAttribute(stats, name + ".TotalCount");
    }

    private static ObjectName statsOf(String catalog)
            throws JMException
    {
        return new ObjectName("trino.plugin.pinot_cdc.client:type=PinotCdcStats,name=" + catalog);
    }

    private static String closedPortUrl()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }
}

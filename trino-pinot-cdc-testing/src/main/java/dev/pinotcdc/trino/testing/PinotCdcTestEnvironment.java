package dev.pinotcdc.trino.testing;

import com.google.common.collect.ImmutableMap;
import dev.pinotcdc.trino.PinotCdcConnectorFactory;
import io.trino.testing.QueryRunner;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static dev.pinotcdc.trino.testing.PinotCdcQueryRunner.CATALOG;

/**
 * The real Pinot cluster and one in-process Trino with the plugin, both started once per test JVM and shared by
 * the test classes. A class that needs other catalog settings adds a catalog of its own to the same Trino.
 */
public final class PinotCdcTestEnvironment
{
    private static PinotCdcTestEnvironment shared;

    private final PinotTestCluster cluster;
    private final QueryRunner queryRunner;
    private final Set<String> catalogs = new HashSet<>();

    private PinotCdcTestEnvironment(PinotTestCluster cluster, QueryRunner queryRunner)
    {
        this.cluster = cluster;
        this.queryRunner = queryRunner;
    }

    public static synchronized PinotCdcTestEnvironment shared()
    {
        if (shared == null) {
            PinotTestCluster cluster = PinotTestCluster.shared();
            try {
                QueryRunner queryRunner = PinotCdcQueryRunner.builder(cluster.controllerUrl()).build();
                shared = new PinotCdcTestEnvironment(cluster, queryRunner);
                Runtime.getRuntime().addShutdownHook(new Thread(queryRunner::close, "close-query-runner"));
            }
            catch (Exception e) {
                throw new RuntimeException("Cannot start Trino with the plugin", e);
            }
        }
        return shared;
    }

    public PinotTestCluster cluster()
    {
        return cluster;
    }

    public QueryRunner queryRunner()
    {
        return queryRunner;
    }

    /** The default catalog, {@value PinotCdcQueryRunner#CATALOG}, reads every table of the test cluster. */
    public String defaultCatalog()
    {
        return CATALOG;
    }

    /**
     * Adds a catalog of this connector with extra properties over the defaults, once per name.
     */
    public synchronized String catalog(String name, Map<String, String> properties)
    {
        if (catalogs.add(name)) {
            ImmutableMap.Builder<String, String> all = ImmutableMap.builder();
            all.put("pinot.controller-urls", cluster.controllerUrl());
            all.put("pinot.metadata-cache-ttl", "0s");
            all.putAll(properties);
            queryRunner.createCatalog(name, PinotCdcConnectorFactory.CONNECTOR_NAME, all.buildKeepingLast());
        }
        return name;
    }
}

package dev.pinotcdc.trino.testing;

import com.google.common.collect.ImmutableMap;
import dev.pinotcdc.trino.PinotCdcConnectorFactory;
import dev.pinotcdc.trino.PinotCdcPlugin;
import io.airlift.log.Logger;
import io.trino.Session;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.QueryRunner;

import java.util.HashMap;
import java.util.Map;

import static io.trino.testing.TestingSession.testSessionBuilder;
import static java.util.Objects.requireNonNull;

/**
 * Trino with this plugin, in-process, over a Pinot cluster. {@link #main} starts the test Pinot cluster with sample
 * CDC tables and Trino on localhost:8080, for local runs: {@code trino --server localhost:8080 --catalog pinot_cdc --schema default}.
 */
public final class PinotCdcQueryRunner
{
    public static final String CATALOG = "pinot_cdc";

    private PinotCdcQueryRunner() {}

    public static Builder builder(String controllerUrl)
    {
        return new Builder(controllerUrl);
    }

    public static Session defaultSession()
    {
        return testSessionBuilder()
                .setCatalog(CATALOG)
                .setSchema("default")
                .build();
    }

    public static final class Builder
    {
        private final Map<String, String> catalogProperties = new HashMap<>();
        private final Map<String, String> serverProperties = new HashMap<>();
        // the build may ask for more nodes (the Trino 483 tests run a coordinator and a worker)
        private int workerCount = Integer.getInteger("pinotcdc.trino.nodes", 1);

        private Builder(String controllerUrl)
        {
            catalogProperties.put("pinot.controller-urls", requireNonNull(controllerUrl, "controllerUrl is null"));
            // tests change tables while they run: see changes at once
            catalogProperties.put("pinot.metadata-cache-ttl", "0s");
        }

        public Builder catalogProperty(String name, String value)
        {
            catalogProperties.put(name, value);
            return this;
        }

        public Builder serverProperty(String name, String value)
        {
            serverProperties.put(name, value);
            return this;
        }

        /** The number of Trino nodes, the coordinator included. */
        public Builder nodeCount(int nodeCount)
        {
            this.workerCount = nodeCount;
            return this;
        }

        public QueryRunner build()
                throws Exception
        {
            QueryRunner queryRunner = DistributedQueryRunner.builder(defaultSession())
                    .setWorkerCount(workerCount - 1)
                    .setExtraProperties(serverProperties)
                    .build();
            try {
                queryRunner.installPlugin(new PinotCdcPlugin());
                queryRunner.createCatalog(CATALOG, PinotCdcConnectorFactory.CONNECTOR_NAME, ImmutableMap.copyOf(catalogProperties));
                return queryRunner;
            }
            catch (Throwable e) {
                queryRunner.close();
                throw e;
            }
        }
    }

    public static void main(String[] args)
            throws Exception
    {
        Logger log = Logger.get(PinotCdcQueryRunner.class);
        PinotTestCluster cluster = PinotTestCluster.shared();
        SampleCdcTables.create(cluster);
        QueryRunner queryRunner = builder(cluster.controllerUrl())
                .catalogProperty("pinot.metadata-cache-ttl", "10s")
                .serverProperty("http-server.http.port", System.getProperty("trino.port", "8080"))
                .build();
        log.info("======== SERVER STARTED ========");
        log.info("trino --server %s --catalog %s --schema default", ((DistributedQueryRunner) queryRunner).getCoordinator().getBaseUrl(), CATALOG);
        log.info("Pinot controller: %s  broker: %s", cluster.controllerUrl(), cluster.brokerUrl());
    }
}

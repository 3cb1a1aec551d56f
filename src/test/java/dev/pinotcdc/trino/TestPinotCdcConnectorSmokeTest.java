package dev.pinotcdc.trino;

import io.trino.testing.BaseConnectorSmokeTest;
import io.trino.testing.QueryRunner;
import io.trino.testing.TestingConnectorBehavior;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trino's connector smoke test over TPC-H's tiny schema loaded through the CDC path (Debezium envelopes, Kafka, Pinot
 * REALTIME upsert tables); answers are compared with H2. The connector reads only: what it cannot do is declared in
 * {@link #hasBehavior}.
 */
final class TestPinotCdcConnectorSmokeTest
        extends BaseConnectorSmokeTest
{
    @Override
    protected QueryRunner createQueryRunner()
            throws Exception
    {
        return TpchCdcTables.createQueryRunner();
    }

    @Override
    protected boolean hasBehavior(TestingConnectorBehavior connectorBehavior)
    {
        return PinotCdcConnectorBehavior.hasBehavior(connectorBehavior)
                .orElseGet(() -> super.hasBehavior(connectorBehavior));
    }

    /**
     * The suite expects bare columns. This connector comments each column and the table with where the values come
     * from, and Debezium's schema of a varchar(n) column is a string without length: unbounded VARCHAR.
     */
    @Test
    @Override
    public void testShowCreateTable()
    {
        assertThat((String) computeScalar("SHOW CREATE TABLE region")).isEqualTo("""
                CREATE TABLE pinot_cdc.default.region (
                   regionkey bigint COMMENT 'Primary key column',
                   name varchar COMMENT '$.name of source; type from the Debezium value schema',
                   comment varchar COMMENT '$.comment of source; type from the Debezium value schema'
                )
                COMMENT 'Latest state of Debezium change events in Pinot table region (upsert)'""");
    }
}

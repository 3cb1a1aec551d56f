package dev.pinotcdc.trino;

import io.trino.testing.BaseConnectorTest;
import io.trino.testing.MaterializedResult;
import io.trino.testing.QueryRunner;
import io.trino.testing.TestingConnectorBehavior;
import org.junit.jupiter.api.Test;

import static io.trino.spi.type.VarcharType.VARCHAR;
import static io.trino.testing.MaterializedResult.resultBuilder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trino's connector test (its read-only part: the queries of {@code AbstractTestQueries} and the metadata tests) over
 * TPC-H's tiny schema loaded through the CDC path (Debezium envelopes, Kafka, Pinot REALTIME upsert tables); answers
 * are compared with H2. Writes, DDL and the other features the connector lacks are declared in {@link #hasBehavior},
 * and the suite checks that each is refused.
 */
final class TestPinotCdcConnectorTest
        extends BaseConnectorTest
{
    private static final String SOURCE_FIELD_COMMENT = "$.%s of source; type from the Debezium value schema";

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
     * The suite expects TPC-H's varchar(n) and no comments. Debezium's schema of a varchar(n) column is a string
     * without length (unbounded VARCHAR here), and the connector comments each column with where its values come from.
     */
    @Override
    protected MaterializedResult getDescribeOrdersResult()
    {
        return resultBuilder(getSession(), VARCHAR, VARCHAR, VARCHAR, VARCHAR)
                .row("orderkey", "bigint", "", "Primary key column")
                .row("custkey", "bigint", "", SOURCE_FIELD_COMMENT.formatted("custkey"))
                .row("orderstatus", "varchar", "", SOURCE_FIELD_COMMENT.formatted("orderstatus"))
                .row("totalprice", "double", "", SOURCE_FIELD_COMMENT.formatted("totalprice"))
                .row("orderdate", "date", "", SOURCE_FIELD_COMMENT.formatted("orderdate"))
                .row("orderpriority", "varchar", "", SOURCE_FIELD_COMMENT.formatted("orderpriority"))
                .row("clerk", "varchar", "", SOURCE_FIELD_COMMENT.formatted("clerk"))
                .row("shippriority", "integer", "", SOURCE_FIELD_COMMENT.formatted("shippriority"))
                .row("comment", "varchar", "", SOURCE_FIELD_COMMENT.formatted("comment"))
                .build();
    }

    /**
     * As {@link #getDescribeOrdersResult()}: unbounded VARCHAR, and comments on the columns and the table.
     */
    @Test
    @Override
    public void testShowCreateTable()
    {
        assertThat((String) computeScalar("SHOW CREATE TABLE orders")).isEqualTo("""
                CREATE TABLE pinot_cdc.default.orders (
                   orderkey bigint COMMENT 'Primary key column',
                   custkey bigint COMMENT '$.custkey of source; type from the Debezium value schema',
                   orderstatus varchar COMMENT '$.orderstatus of source; type from the Debezium value schema',
                   totalprice double COMMENT '$.totalprice of source; type from the Debezium value schema',
                   orderdate date COMMENT '$.orderdate of source; type from the Debezium value schema',
                   orderpriority varchar COMMENT '$.orderpriority of source; type from the Debezium value schema',
                   clerk varchar COMMENT '$.clerk of source; type from the Debezium value schema',
                   shippriority integer COMMENT '$.shippriority of source; type from the Debezium value schema',
                   comment varchar COMMENT '$.comment of source; type from the Debezium value schema'
                )
                COMMENT 'Latest state of Debezium change events in Pinot table orders (upsert)'""");
    }

    /**
     * As {@link #getDescribeOrdersResult()}: the suite expects no comments.
     */
    @Test
    @Override
    public void testShowColumns()
    {
        assertThat(computeActual("SHOW COLUMNS FROM orders")).isEqualTo(getDescribeOrdersResult());
    }

    /**
     * The table handle shows the filter as the Pinot SQL it becomes, not as Trino's predicate (the suite's format is
     * connector-specific).
     */
    @Test
    @Override
    public void testPredicateReflectedInExplain()
    {
        assertExplain(
                "EXPLAIN SELECT name FROM nation WHERE nationkey = 42",
                "Pinot SQL: SELECT .* FROM \"nation\" WHERE .*\\(\"nationkey\" = 42\\)");
    }

    /**
     * As {@link #testPredicateReflectedInExplain()}: the pushed-down top-N shows as Pinot SQL's ORDER BY and LIMIT.
     */
    @Test
    @Override
    public void testSortItemsReflectedInExplain()
    {
        assertExplain(
                "EXPLAIN SELECT name FROM nation ORDER BY nationkey DESC NULLS LAST LIMIT 5",
                "Pinot SQL: SELECT .* FROM \"nation\" .*ORDER BY \"nationkey\" DESC LIMIT 5");
    }

    /**
     * The connector reads CDC tables as of a moment or version (docs/history.md): the suite's moment and version are
     * refused for what they are, a moment older than any version Pinot holds (the date's first moment in the
     * session's zone) and text that is not a version.
     */
    @Test
    @Override
    public void testTrySelectTableVersion()
    {
        assertThat(query("SELECT * FROM nation FOR TIMESTAMP AS OF DATE '2005-09-10'"))
                .failure().hasMessageMatching("Pinot table 'nation' holds versions from .* on \\(its oldest ts_ms\\); 2005-09-\\d\\dT\\d\\d:00:00Z .* is older, and the table's state then is not known");
        assertThat(query("SELECT * FROM nation FOR VERSION AS OF 'ala'"))
                .failure().hasMessageContaining("Not a version: 'ala'");
    }
}

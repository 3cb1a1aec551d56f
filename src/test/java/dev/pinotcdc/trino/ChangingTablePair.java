package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.ChangingTable;
import dev.pinotcdc.trino.testing.ChangingTable.KeyKind;
import dev.pinotcdc.trino.testing.PinotCdcQueryRunner;
import dev.pinotcdc.trino.testing.PinotTestCluster;
import io.trino.testing.QueryRunner;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What the tests of reads under live ingestion start from: a query runner over two fresh tables of {@code keys} keys
 * each, one with integral keys and one with text keys, each ready to change {@code changesPerSecond} times a second.
 * Each test class needs tables of its own: a {@link ChangingTable} cannot change again once closed.
 */
final class ChangingTablePair
        implements AutoCloseable
{
    private static final int FLUSH_THRESHOLD_ROWS = 4_000;

    private final QueryRunner queryRunner;
    private final List<ChangingTable> tables;

    private ChangingTablePair(QueryRunner queryRunner, List<ChangingTable> tables)
    {
        this.queryRunner = requireNonNull(queryRunner, "queryRunner is null");
        this.tables = List.copyOf(tables);
    }

    static ChangingTablePair create(String namePrefix, int keys, int changesPerSecond)
            throws Exception
    {
        PinotTestCluster cluster = PinotTestCluster.shared();
        QueryRunner queryRunner = PinotCdcQueryRunner.builder(cluster.controllerUrl()).build();
        try {
            return new ChangingTablePair(queryRunner, List.of(
                    ChangingTable.create(cluster, PinotTestCluster.uniqueTableName(namePrefix + "_orders"), KeyKind.INTEGRAL, keys, changesPerSecond, FLUSH_THRESHOLD_ROWS),
                    ChangingTable.create(cluster, PinotTestCluster.uniqueTableName(namePrefix + "_codes"), KeyKind.TEXT, keys, changesPerSecond, FLUSH_THRESHOLD_ROWS)));
        }
        catch (Exception | Error e) {
            queryRunner.close();
            throw e;
        }
    }

    QueryRunner queryRunner()
    {
        return queryRunner;
    }

    List<ChangingTable> tables()
    {
        return tables;
    }

    @Override
    public void close()
    {
        tables.forEach(ChangingTable::close);
        queryRunner.close();
    }
}

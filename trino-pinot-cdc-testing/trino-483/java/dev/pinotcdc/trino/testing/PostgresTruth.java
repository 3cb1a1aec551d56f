package dev.pinotcdc.trino.testing;

import com.google.common.collect.ImmutableMap;
import io.trino.plugin.memory.MemoryPlugin;
import io.trino.testing.QueryRunner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The truth of the differential tests on Trino 483: PostgreSQL's tables copied through JDBC ({@link PostgresRowCopy})
 * into Trino 483's {@code memory} connector. No postgresql connector 477+ resolves here, and the 476 tarball's cannot
 * run in 483 (it calls SPI that 478-483 removed, {@code TypeSignature} and the old {@code getSplits} among them). On
 * Trino 476 the same copy is checked against the postgresql connector's on every run.
 */
public final class PostgresTruth
{
    private final QueryRunner queryRunner;
    private final TestingPostgreSql postgres;
    private final String database;
    private final String catalog;
    private final String schema;

    private PostgresTruth(QueryRunner queryRunner, TestingPostgreSql postgres, String database, String catalog, String schema)
    {
        this.queryRunner = requireNonNull(queryRunner, "queryRunner is null");
        this.postgres = requireNonNull(postgres, "postgres is null");
        this.database = requireNonNull(database, "database is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.schema = requireNonNull(schema, "schema is null");
    }

    /**
     * Creates the memory catalog {@code catalog} with the schema {@code schema} that the copies go to.
     */
    public static PostgresTruth create(QueryRunner queryRunner, TestingPostgreSql postgres, String database, String catalog, String schema)
    {
        queryRunner.installPlugin(new MemoryPlugin());
        queryRunner.createCatalog(catalog, "memory", ImmutableMap.of());
        queryRunner.execute("CREATE SCHEMA %s.%s".formatted(catalog, schema));
        return new PostgresTruth(queryRunner, postgres, database, catalog, schema);
    }

    /**
     * Copies {@code postgresTable} into the table of the same name, each column cast to its Trino type; the
     * {@code infiniteAsNull} columns read {@code infinity} and {@code -infinity} as NULL.
     */
    public void copy(String postgresTable, Map<String, String> trinoTypes, List<String> infiniteAsNull)
    {
        try (Connection connection = postgres.connect(database)) {
            PostgresRowCopy.copy(connection, postgresTable, queryRunner, "%s.%s.%s".formatted(catalog, schema, postgresTable), trinoTypes, Set.copyOf(infiniteAsNull));
        }
        catch (SQLException e) {
            throw new RuntimeException("Cannot copy " + postgresTable, e);
        }
    }
}

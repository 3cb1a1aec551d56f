package dev.pinotcdc.trino.testing;

import com.google.common.collect.ImmutableMap;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The truth of the differential tests on Trino 476: PostgreSQL's tables read by Trino's own {@code postgresql}
 * connector (from the trino-server tarball) and copied into the {@code memory} connector. Every copy is checked
 * against {@link PostgresRowCopy}, the copy the Trino 483 tests make (no postgresql connector 477+ resolves), so
 * that both Trino versions compare with the same truth.
 */
public final class PostgresTruth
{
    private static final String POSTGRESQL_CATALOG = "truth_postgresql";

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
        BundledTrinoPlugins.install(queryRunner, List.of("geospatial", "postgresql", "memory"));
        queryRunner.createCatalog(POSTGRESQL_CATALOG, "postgresql", ImmutableMap.of(
                "connection-url", postgres.jdbcUrl(database),
                "connection-user", postgres.user(),
                "connection-password", postgres.password()));
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
        String postgresSelect = "SELECT %s FROM %s".formatted(trinoTypes.keySet().stream()
                .map(column -> infiniteAsNull.contains(column) ? "CASE WHEN isfinite(%1$s) THEN %1$s END AS %1$s".formatted(column) : column)
                .collect(Collectors.joining(", ")), postgresTable);
        String select = trinoTypes.entrySet().stream()
                .map(column -> "CAST(%1$s AS %2$s) AS %1$s".formatted(column.getKey(), column.getValue()))
                .collect(Collectors.joining(", "));
        String table = "%s.%s.%s".formatted(catalog, schema, postgresTable);
        queryRunner.execute("CREATE TABLE %s AS SELECT %s FROM TABLE(%s.system.query(query => '%s'))".formatted(
                table, select, POSTGRESQL_CATALOG, postgresSelect.replace("'", "''")));

        String jdbcCopy = table + "_jdbc_copy";
        try (Connection connection = postgres.connect(database)) {
            PostgresRowCopy.copy(connection, postgresTable, queryRunner, jdbcCopy, trinoTypes, Set.copyOf(infiniteAsNull));
        }
        catch (SQLException e) {
            throw new RuntimeException("Cannot copy " + postgresTable, e);
        }
        String ordered = "SELECT %s FROM %%s ORDER BY 1".formatted(String.join(", ", trinoTypes.keySet()));
        List<MaterializedRow> expected = queryRunner.execute(ordered.formatted(table)).getMaterializedRows();
        assertThat(queryRunner.execute(ordered.formatted(jdbcCopy)).getMaterializedRows())
                .as("the Trino 483 tests' copy of %s (PostgresRowCopy) against the postgresql connector's", postgresTable)
                .containsExactlyElementsOf(expected);
        queryRunner.execute("DROP TABLE " + jdbcCopy);
    }
}

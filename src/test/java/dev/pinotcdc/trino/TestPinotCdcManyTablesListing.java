package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumEventFactory;
import dev.pinotcdc.trino.testing.DebeziumEventFactory.Field;
import dev.pinotcdc.trino.testing.KafkaMessage;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import io.trino.Session;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.pinotcdc.trino.testing.SampleCdcTables.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * information_schema.columns over a catalog of many small CDC tables: every table's columns, typed as a query on
 * that one table types them, whether Debezium's schema or a sample types them; the time the listing takes is printed.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcManyTablesListing
{
    private static final int TABLES = 40;
    private static final String PREFIX = "many_tables_";
    private static final List<Field> FIELDS = List.of(
            Field.required("id", "int64"),
            Field.optional("d", "float64"),
            Field.optional("n", "int64"),
            Field.optional("s", "string"),
            Field.optional("b", "boolean"));

    private QueryRunner queryRunner;
    private PinotCdcTestEnvironment environment;
    private final List<String> tables = new ArrayList<>();

    @BeforeAll
    void createTables()
    {
        environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();
        long start = System.nanoTime();
        for (int table = 0; table < TABLES; table++) {
            String name = PREFIX + table;
            DebeziumEventFactory events = new DebeziumEventFactory("mtl", name, FIELDS, List.of("id"));
            DebeziumCdcTable.Builder builder = DebeziumCdcTable.builder(name).topic(events.topic())
                    .primaryKeyColumn("id", PinotColumnType.LONG);
            if (table % 2 == 1) {
                // typed from a sample of its rows
                builder.withoutValueSchema();
            }
            List<KafkaMessage> messages = new ArrayList<>();
            for (long id = 1; id <= 20; id++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", id);
                row.put("d", id * 0.5);
                row.put("n", id * 1000);
                row.put("s", "row " + id);
                row.put("b", id % 2 == 0);
                messages.add(message(events.insert(row)));
            }
            builder.create(environment.cluster()).sendAndAwait(messages);
            tables.add(name);
        }
        System.out.println("created %s CDC tables in %.1f s".formatted(TABLES, (System.nanoTime() - start) / 1e9));
    }

    @Test
    void testListsEveryTablesColumnsAsEachTableTypesThem()
    {
        // catalogs of their own: nothing of these tables is cached yet; the first also warms up Trino and Pinot
        String listing = "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'default'";
        String counting = "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'default'";
        Session warmUp = session(environment.catalog("pinot_cdc_many_tables_warm_up", Map.of("pinot.metadata-cache-ttl", "10m")));
        long start = System.nanoTime();
        queryRunner.execute(warmUp, counting);
        double warmUpSeconds = (System.nanoTime() - start) / 1e9;
        Session cold = session(environment.catalog("pinot_cdc_many_tables", Map.of("pinot.metadata-cache-ttl", "10m")));
        start = System.nanoTime();
        long count = (long) queryRunner.execute(cold, counting).getOnlyValue();
        double coldSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        Set<MaterializedRow> listed = new HashSet<>(queryRunner.execute(cold, listing).getMaterializedRows());
        double cachedSeconds = (System.nanoTime() - start) / 1e9;
        long catalogTables = (long) queryRunner.execute(cold, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'default'").getOnlyValue();
        System.out.println("information_schema.columns over %s tables (%s created here): %s columns; %.2f s cold (first catalog, with warm-up: %.2f s), %.2f s cached"
                .formatted(catalogTables, TABLES, count, coldSeconds, warmUpSeconds, cachedSeconds));
        assertThat(listed).hasSize((int) count);

        // the truth: each table described alone, in a catalog that caches nothing
        Session uncached = session(environment.catalog("pinot_cdc_many_tables_uncached", Map.of("pinot.metadata-cache-ttl", "0s")));
        Set<MaterializedRow> expected = new HashSet<>();
        for (String table : tables) {
            List<MaterializedRow> columns = queryRunner.execute(uncached, "SHOW COLUMNS FROM " + table).getMaterializedRows();
            assertThat(columns).extracting(row -> row.getField(0)).contains("id", "d", "n", "s", "b");
            columns.forEach(row -> expected.add(new MaterializedRow(List.of(table, row.getField(0), row.getField(1)))));
        }
        Set<MaterializedRow> listedHere = new HashSet<>();
        listed.stream().filter(row -> tables.contains((String) row.getField(0))).forEach(listedHere::add);
        assertThat(listedHere).isEqualTo(expected);
        // a second listing without the cache types every column the same
        Set<MaterializedRow> again = new HashSet<>(queryRunner.execute(uncached, listing).getMaterializedRows());
        assertThat(again).containsAll(expected);
    }

    private Session session(String catalog)
    {
        return Session.builder(queryRunner.getDefaultSession()).setCatalog(catalog).setSchema("default").build();
    }
}

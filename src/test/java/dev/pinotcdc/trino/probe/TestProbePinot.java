package dev.pinotcdc.trino.probe;

import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumFixtures;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.PinotTestCluster;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

final class TestProbePinot
{
    @Test
    void probe()
    {
        PinotTestCluster cluster = PinotTestCluster.shared();
        DebeziumCdcTable t = DebeziumCdcTable.builder("probe_person").primaryKeyColumn("id", PinotColumnType.LONG).primaryKeyColumn("customer_id", PinotColumnType.LONG).create(cluster);
        for (String f : List.of("snapshot", "insert", "update", "pk-change", "delete", "truncate")) {
            t.sendAndAwait(DebeziumFixtures.read("connect-precise", f));
        }
        for (String sql : List.of(
                "SELECT id, op FROM probe_person WHERE MOD(\"$docId\", 2) = 0 LIMIT 100",
                "SELECT id, op FROM probe_person WHERE MOD(\"$docId\", 2) IN (1) LIMIT 100",
                "SELECT COUNT(*) FILTER (WHERE op = 'c') FROM probe_person",
                "SELECT SUMPRECISION(id) FROM probe_person",
                "SELECT SUM(CASE WHEN op = 'u' THEN 1 ELSE 0 END) FROM probe_person",
                "SELECT DISTINCTCOUNT(op), DISTINCTCOUNTHLL(op) FROM probe_person",
                "SELECT JSONEXTRACTSCALAR(source, '$[''name'']', 'STRING', '\uFFFF') AS n, COUNT(*) FROM probe_person WHERE op NOT IN ('d','t') GROUP BY JSONEXTRACTSCALAR(source, '$[''name'']', 'STRING', '\uFFFF') LIMIT 100",
                "SELECT JSONEXTRACTSCALAR(source, '$[''name'']', 'STRING', '\uFFFF') AS n, COUNT(*) FROM probe_person WHERE JSON_MATCH(source, '\"$.id\" IS NOT NULL') AND op NOT IN ('d','t') GROUP BY JSONEXTRACTSCALAR(source, '$[''name'']', 'STRING', '\uFFFF') LIMIT 100",
                "SELECT MIN(JSONEXTRACTSCALAR(source, '$[''created_at'']', 'LONG', '9223372036854775807')), MAX(id) FROM probe_person WHERE op NOT IN ('d','t')",
                "SELECT id, JSONEXTRACTSCALAR(source, '$[''created_at'']', 'LONG', '-9223372036854775808') FROM probe_person WHERE op NOT IN ('d','t') ORDER BY JSONEXTRACTSCALAR(source, '$[''created_at'']', 'LONG', '-9223372036854775808') DESC LIMIT 2",
                "SELECT DATETRUNC('DAY', ts_ms, 'MILLISECONDS'), COUNT(*) FROM probe_person GROUP BY DATETRUNC('DAY', ts_ms, 'MILLISECONDS') LIMIT 10",
                "SELECT id, op, lsn FROM probe_person LIMIT 100",
                "SELECT source FROM probe_person WHERE op NOT IN ('d','t') LIMIT 100",
                "SELECT JSONEXTRACTSCALAR(source, '$[''active'']', 'STRING', 'x'), JSONEXTRACTSCALAR(source, '$[''tags'']', 'STRING', 'x'), JSONEXTRACTSCALAR(source, '$[''balance'']', 'STRING', 'x') FROM probe_person WHERE op NOT IN ('d','t') LIMIT 100")) {
            var response = cluster.broker().queryAllowingExceptions(sql, Map.of());
            System.out.println("PROBE " + sql + "\n   => " + (response.hasExceptions() ? "EXCEPTION " + response.exceptions() : response.resultTable()));
        }
    }
}

package dev.pinotcdc.trino.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinotcdc.trino.testing.BrokerResponse;
import dev.pinotcdc.trino.testing.TestingPinotBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * A question about the past asked of Pinot directly, as an expert would without this plugin: every version through the
 * {@code skipUpsert} query option, each key's newest version picked and the row image decoded by the application.
 */
record NativeHistory(String sql, Function<TestingPinotBroker, List<List<Object>>> runner)
{
    private static final Map<String, String> OPTIONS = Map.of("timeoutMs", "120000", "skipUpsert", "true");
    private static final int ALL_ROWS = 50_000_000;
    private static final Set<String> HIDDEN_OPS = Set.of("d", "t");

    NativeHistory
    {
        requireNonNull(sql, "sql is null");
        requireNonNull(runner, "runner is null");
    }

    List<List<Object>> run(TestingPinotBroker broker)
    {
        return runner.apply(broker);
    }

    /** The oldest or the newest version (LSN) of any row of the table. */
    static long version(TestingPinotBroker broker, String table, boolean oldest)
    {
        BrokerResponse response = broker.query("SELECT lsn FROM %s ORDER BY lsn %s LIMIT 1".formatted(table, oldest ? "ASC" : "DESC"), OPTIONS);
        return response.rows().getFirst().get(0).asLong();
    }

    /** A query whose answer rows are the result rows. */
    static NativeHistory single(String sql)
    {
        return new NativeHistory(sql, broker -> broker.query(sql, OPTIONS).rows().stream()
                .map(NativePinotQuery::plainValues)
                .toList());
    }

    /** Orders per status as of a version: each key's newest version up to it, unless that is a delete. */
    static NativeHistory statusCountsAsOf(String table, long version)
    {
        String sql = "SELECT id, lsn, op, source FROM %s WHERE lsn <= %d LIMIT %d".formatted(table, version, ALL_ROWS);
        return new NativeHistory(sql, broker -> {
            List<JsonNode> rows = broker.query(sql, OPTIONS).rows();
            long newestTruncate = rows.stream().filter(row -> row.get(2).asText().equals("t")).mapToLong(row -> row.get(1).asLong()).max().orElse(Long.MIN_VALUE);
            Map<Long, JsonNode> newest = new HashMap<>();
            for (JsonNode row : rows) {
                if (row.get(1).asLong() > newestTruncate && !row.get(2).asText().equals("t")) {
                    newest.merge(row.get(0).asLong(), row, (current, candidate) -> candidate.get(1).asLong() > current.get(1).asLong() ? candidate : current);
                }
            }
            Map<String, Long> counts = new TreeMap<>();
            long withoutStatus = 0;
            for (JsonNode row : newest.values()) {
                if (HIDDEN_OPS.contains(row.get(2).asText())) {
                    continue;
                }
                JsonNode status = image(row.get(3)).path("status");
                if (status.isTextual()) {
                    counts.merge(status.asText(), 1L, Long::sum);
                }
                else {
                    withoutStatus++;
                }
            }
            List<List<Object>> result = new ArrayList<>();
            counts.forEach((status, count) -> result.add(List.of(status, count)));
            if (withoutStatus > 0) {
                result.add(Arrays.asList(null, withoutStatus));
            }
            return result;
        });
    }

    /** Every change after a version: key, operation and the status of the row image (none for a delete). */
    static NativeHistory changesAfter(String table, long version)
    {
        String sql = "SELECT id, op, source FROM %s WHERE lsn > %d LIMIT %d".formatted(table, version, ALL_ROWS);
        return new NativeHistory(sql, broker -> broker.query(sql, OPTIONS).rows().stream()
                .map(row -> {
                    JsonNode status = image(row.get(2)).path("status");
                    return Arrays.<Object>asList(row.get(0).asLong(), row.get(1).asText(), status.isTextual() ? status.asText() : null);
                })
                .toList());
    }

    private static JsonNode image(JsonNode source)
    {
        try {
            return source.isTextual() ? NativePinotQuery.JSON.readTree(source.asText()) : source;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

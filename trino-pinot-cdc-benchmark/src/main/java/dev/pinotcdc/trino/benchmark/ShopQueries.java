package dev.pinotcdc.trino.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinotcdc.trino.testing.BrokerResponse;
import dev.pinotcdc.trino.testing.TestingPinotBroker;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.pinotcdc.trino.benchmark.ShopEventGenerator.RARE_STATUS;
import static java.util.Objects.requireNonNull;

/**
 * The benchmark's questions over one variant of the orders table: each in Trino SQL (the same text for this
 * plugin's table and for the view over Trino's Pinot connector) and in hand-written Pinot SQL.
 */
final class ShopQueries
{
    private static final DateTimeFormatter TIMESTAMP_LITERAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");
    private static final List<String> ORDER_FIELDS = List.of("user_id", "amount", "status", "created_at");
    // enough for every live row of any size this benchmark makes
    private static final int ALL_ROWS = 50_000_000;
    private static final String EVERY_LIVE_ROW = "SELECT id, user_id, amount, status, created_at FROM %s";

    private final ShopVariant variant;
    private final long since;
    private final String sinceLiteral;
    private final long pointLookupKey;

    ShopQueries(ShopVariant variant, Instant last30DaysStart, long pointLookupKey)
    {
        this.variant = requireNonNull(variant, "variant is null");
        this.since = last30DaysStart.toEpochMilli();
        this.sinceLiteral = "TIMESTAMP '" + TIMESTAMP_LITERAL.format(LocalDateTime.ofInstant(last30DaysStart, ZoneOffset.UTC)) + "'";
        this.pointLookupKey = pointLookupKey;
    }

    List<BenchmarkQuery> all()
    {
        return List.of(pointLookup(), count30Days(), topUsers(), groupByStatus(), rareStatus(), fullScanAggregate(), fullScanRows());
    }

    /** A scan of the plugin's table that reads some source fields, for the extraction comparison. */
    record SourceFieldScan(String name, int sourceFields, String sql) {}

    /** Scans that read one to four fields of the orders' (or users') source, every live row or a window. */
    List<SourceFieldScan> sourceFieldScans()
    {
        String orders = variant.pluginTable(orders());
        return List.of(
                new SourceFieldScan("every live order: user_id", 1, "SELECT id, user_id FROM " + orders),
                new SourceFieldScan("every live order: user_id, status", 2, "SELECT id, user_id, status FROM " + orders),
                new SourceFieldScan("every live order: user_id, status, amount", 3, "SELECT id, user_id, status, amount FROM " + orders),
                new SourceFieldScan("every live order: all four fields", 4, "SELECT id, user_id, amount, status, created_at FROM " + orders),
                new SourceFieldScan("orders of the last 30 days: user_id (the join's orders side)", 1, "SELECT user_id FROM %s WHERE created_at >= %s".formatted(orders, sinceLiteral)),
                new SourceFieldScan("every live user: name (the join's users side)", 1, "SELECT id, name FROM " + variant.pluginTable(variant.pinotUsersTable())));
    }

    private BenchmarkQuery pointLookup()
    {
        String sql = "SELECT id, user_id, amount, status, created_at FROM %s WHERE id = " + pointLookupKey;
        return query("point lookup by key", sql, Optional.of(0.3), NativePinotQuery.single(
                "SELECT id, source FROM %s WHERE id = %d AND op <> 'd' LIMIT 10".formatted(orders(), pointLookupKey),
                NativePinotQuery.idAndOrderFields(ORDER_FIELDS)));
    }

    private BenchmarkQuery count30Days()
    {
        String sql = "SELECT count(*) FROM %s WHERE created_at >= " + sinceLiteral;
        // the goal holds for a promoted timestamp: on JSON every live row's created_at must be parsed
        return query("count, last 30 days", sql, variant.promoted() ? Optional.of(0.1) : Optional.empty(), NativePinotQuery.single(
                "SELECT COUNT(*) FROM %s WHERE %s".formatted(orders(), last30DaysFilter()),
                NativePinotQuery::plainValues));
    }

    private BenchmarkQuery topUsers()
    {
        String plugin = ("SELECT u.id, u.name, count(*) AS orders FROM %s u JOIN %s o ON o.user_id = u.id WHERE o.created_at >= %s "
                + "GROUP BY u.id, u.name ORDER BY orders DESC, u.id LIMIT 10");
        return new BenchmarkQuery(
                "top 10 users, last 30 days (join)",
                plugin.formatted(variant.pluginTable(variant.pinotUsersTable()), variant.pluginTable(variant.pinotOrdersTable()), sinceLiteral),
                plugin.formatted(variant.viewName(variant.pinotUsersTable()), variant.viewName(variant.pinotOrdersTable()), sinceLiteral),
                new TopUsersNatively(),
                true,
                Optional.of(0.5));
    }

    private BenchmarkQuery groupByStatus()
    {
        String status = "JSONEXTRACTSCALAR(source, '$.status', 'STRING', '')";
        return query("GROUP BY status", "SELECT status, count(*) FROM %s GROUP BY status", Optional.of(0.2), NativePinotQuery.single(
                "SELECT %s, COUNT(*) FROM %s WHERE op <> 'd' AND JSON_MATCH(source, '\"$.status\" IS NOT NULL') GROUP BY %s LIMIT 1000".formatted(status, orders(), status),
                NativePinotQuery::plainValues));
    }

    private BenchmarkQuery rareStatus()
    {
        String sql = "SELECT id, user_id, amount, created_at FROM %s WHERE status = '" + RARE_STATUS + "'";
        return query("rare status (selective filter)", sql, Optional.of(0.1), NativePinotQuery.single(
                "SELECT id, source FROM %s WHERE JSON_MATCH(source, '\"$.status\" = ''%s''') AND op <> 'd' LIMIT %d".formatted(orders(), RARE_STATUS, ALL_ROWS),
                NativePinotQuery.idAndOrderFields(List.of("user_id", "amount", "created_at"))));
    }

    private BenchmarkQuery fullScanAggregate()
    {
        String maxCreatedAt = variant.promoted() ? "MAX(created_at)" : "MAX(JSONEXTRACTSCALAR(source, '$.created_at', 'LONG', 0))";
        return query("full scan: count, sum, max", "SELECT count(*), sum(user_id), max(created_at) FROM %s", Optional.of(1.0), NativePinotQuery.single(
                "SELECT COUNT(*), SUM(JSONEXTRACTSCALAR(source, '$.user_id', 'LONG', 0)), %s FROM %s WHERE op <> 'd' AND JSON_MATCH(source, '\"$.user_id\" IS NOT NULL')".formatted(maxCreatedAt, orders()),
                row -> List.of(row.get(0).asLong(), row.get(1).decimalValue(), ResultRows.epochMillis(row.get(2).asLong()))));
    }

    /** The plugin's every-live-row question. */
    String everyLiveRowSql()
    {
        return EVERY_LIVE_ROW.formatted(variant.pluginTable(orders()));
    }

    private BenchmarkQuery fullScanRows()
    {
        return query("full scan: every live row", EVERY_LIVE_ROW, Optional.of(1.0), NativePinotQuery.single(
                "SELECT id, source FROM %s WHERE op <> 'd' LIMIT %d".formatted(orders(), ALL_ROWS),
                NativePinotQuery.idAndOrderFields(ORDER_FIELDS)));
    }

    private BenchmarkQuery query(String name, String sqlOnOrders, Optional<Double> pluginToViewTarget, NativePinotQuery nativeQuery)
    {
        return new BenchmarkQuery(
                name,
                sqlOnOrders.formatted(variant.pluginTable(variant.pinotOrdersTable())),
                sqlOnOrders.formatted(variant.viewName(variant.pinotOrdersTable())),
                nativeQuery,
                false,
                pluginToViewTarget);
    }

    private String orders()
    {
        return variant.pinotOrdersTable();
    }

    /**
     * Live orders of the last 30 days. On JSON, deleted rows (null source) must be kept away from JSONEXTRACTSCALAR
     * by a JSON_MATCH, or Pinot 0.11 fails the query ("json can not be null"); the JSON index has no ranges.
     */
    private String last30DaysFilter()
    {
        if (variant.promoted()) {
            return "created_at >= %d AND op <> 'd'".formatted(since);
        }
        return "op <> 'd' AND JSON_MATCH(source, '\"$.created_at\" IS NOT NULL') AND JSONEXTRACTSCALAR(source, '$.created_at', 'LONG', 0) >= %d".formatted(since);
    }

    /**
     * Pinot 0.11 has no join: the orders of the window grouped by user, ordered as the question orders them, then
     * the names of those ten users.
     */
    private final class TopUsersNatively
            implements NativePinotQuery
    {
        private static final String USER_ID = "JSONEXTRACTSCALAR(source, '$.user_id', 'LONG', 0)";

        private String topSql()
        {
            return "SELECT %s, COUNT(*) FROM %s WHERE %s GROUP BY %s ORDER BY COUNT(*) DESC, %s LIMIT 10"
                    .formatted(USER_ID, orders(), last30DaysFilter(), USER_ID, USER_ID);
        }

        private String namesSql(String ids)
        {
            return "SELECT id, JSONEXTRACTSCALAR(source, '$.name', 'STRING', '') FROM %s WHERE id IN (%s) AND op <> 'd' LIMIT 10"
                    .formatted(variant.pinotUsersTable(), ids);
        }

        @Override
        public List<List<Object>> run(TestingPinotBroker broker)
        {
            List<JsonNode> top = broker.query(topSql(), OPTIONS).rows();
            if (top.isEmpty()) {
                return List.of();
            }
            String ids = top.stream().map(row -> Long.toString(row.get(0).asLong())).collect(Collectors.joining(", "));
            BrokerResponse names = broker.query(namesSql(ids), OPTIONS);
            Map<Long, String> nameById = new HashMap<>();
            names.rows().forEach(row -> nameById.put(row.get(0).asLong(), row.get(1).asText()));
            List<List<Object>> rows = new ArrayList<>();
            for (JsonNode row : top) {
                long id = row.get(0).asLong();
                // a user without a live row drops out of the join
                if (nameById.containsKey(id)) {
                    rows.add(List.of(id, nameById.get(id), row.get(1).asLong()));
                }
            }
            return rows;
        }

        @Override
        public String describe()
        {
            return topSql() + "; then " + namesSql("<the 10 ids>");
        }
    }
}

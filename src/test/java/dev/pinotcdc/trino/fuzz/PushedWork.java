package dev.pinotcdc.trino.fuzz;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a scan's Pinot SQL (from EXPLAIN) does work beyond reading the latest state: a filter, an aggregation, a
 * limit, a top-N or a time grain. The latest-state filter, a split's share and the broker's row cap are no pushdown.
 */
final class PushedWork
{
    private static final Pattern LATEST_STATE = Pattern.compile("\"op\" NOT IN \\([^)]*\\)|MOD\\([^)]*\\) = \\d+|\"lsn\" > -?\\d+|\"ts_ms\" > -?\\d+");
    private static final Pattern AGGREGATION = Pattern.compile("\\b(COUNT|SUM|SUMPRECISION|MIN|MAX|DISTINCTCOUNT|AVG)\\(");
    private static final Pattern LIMIT = Pattern.compile("LIMIT (\\d+)");
    // a scan without a limit of its own carries the row cap (one more than pinot.max-rows-per-broker-query)
    private static final long ROW_CAP_FLOOR = 10_000;

    private PushedWork() {}

    static boolean pushesWork(String pinotSql)
    {
        String sql = LATEST_STATE.matcher(pinotSql).replaceAll("");
        if (sql.contains("GROUP BY") || sql.contains("ORDER BY") || sql.contains("DATETRUNC") || AGGREGATION.matcher(sql).find()) {
            return true;
        }
        Matcher limit = LIMIT.matcher(sql);
        if (limit.find() && Long.parseLong(limit.group(1)) < ROW_CAP_FLOOR) {
            return true;
        }
        int where = sql.indexOf(" WHERE ");
        if (where < 0) {
            return false;
        }
        String condition = sql.substring(where + " WHERE ".length()).replaceAll("(?s) (LIMIT|OPTION).*", "");
        return !condition.replaceAll("AND|OR|NOT|[()\\s]", "").isEmpty();
    }
}

package dev.pinotcdc.trino.client;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One SQL text to run on the brokers of a table, with Pinot query options (for example {@code timeoutMs},
 * {@code skipUpsert}, {@code numGroupsLimit}). Without {@code timeoutMs}, the catalog read timeout is sent.
 *
 * @param tableName the raw Pinot table name; picks the brokers and names the table in error messages
 */
public record BrokerQuery(String tableName, String sql, Map<String, String> queryOptions)
{
    public static final String TIMEOUT_MS = "timeoutMs";

    public BrokerQuery
    {
        requireNonNull(tableName, "tableName is null");
        requireNonNull(sql, "sql is null");
        queryOptions = Map.copyOf(queryOptions);
        queryOptions.keySet().forEach(QueryOptionStatements::checkKey);
    }

    public static BrokerQuery of(String tableName, String sql)
    {
        return new BrokerQuery(tableName, sql, Map.of());
    }

    public BrokerQuery withOption(String key, String value)
    {
        Map<String, String> options = new LinkedHashMap<>(queryOptions);
        options.put(key, value);
        return new BrokerQuery(tableName, sql, options);
    }
}

package dev.pinotcdc.trino.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * One SQL text to run on the brokers of a table, with Pinot query options (for example {@code timeoutMs},
 * {@code skipUpsert}, {@code numGroupsLimit}). Without {@code timeoutMs}, the catalog read timeout is sent.
 *
 * @param tableName the raw Pinot table name; picks the brokers and names the table in error messages
 * @param requestedRows the LIMIT the SQL ends with and what its rows are, for a query whose answer may hold more
 *         than one row; lets the client notice an answer a broker cut short
 * @param maxAnswerBytes the longest answer (HTTP body) the client reads; a longer one fails the query unread
 */
public record BrokerQuery(String tableName, String sql, Map<String, String> queryOptions, Optional<RequestedRows> requestedRows, OptionalLong maxAnswerBytes)
{
    public static final String TIMEOUT_MS = "timeoutMs";

    public BrokerQuery
    {
        requireNonNull(tableName, "tableName is null");
        requireNonNull(sql, "sql is null");
        queryOptions = Map.copyOf(queryOptions);
        queryOptions.keySet().forEach(QueryOptionStatements::checkKey);
        requireNonNull(requestedRows, "requestedRows is null");
        requireNonNull(maxAnswerBytes, "maxAnswerBytes is null");
        if (maxAnswerBytes.isPresent() && maxAnswerBytes.getAsLong() <= 0) {
            throw new IllegalArgumentException("maxAnswerBytes must be positive: " + maxAnswerBytes.getAsLong());
        }
    }

    /** The Pinot query option that shows every version of an upsert table. */
    public static final String SKIP_UPSERT_OPTION = "skipUpsert";

    public static BrokerQuery of(String tableName, String sql)
    {
        return new BrokerQuery(tableName, sql, Map.of(), Optional.empty(), OptionalLong.empty());
    }

    public BrokerQuery withOption(String key, String value)
    {
        Map<String, String> options = new LinkedHashMap<>(queryOptions);
        options.put(key, value);
        return new BrokerQuery(tableName, sql, options, requestedRows, maxAnswerBytes);
    }

    /**
     * With {@code everyVersion}, an upsert table answers with every version it holds, not only each key's newest
     * (Pinot's {@code skipUpsert} query option).
     */
    public BrokerQuery withEveryUpsertVersion(boolean everyVersion)
    {
        return everyVersion ? withOption(SKIP_UPSERT_OPTION, "true") : this;
    }

    public BrokerQuery withRequestedRows(RequestedRows rows)
    {
        return new BrokerQuery(tableName, sql, queryOptions, Optional.of(rows), maxAnswerBytes);
    }

    public BrokerQuery withMaxAnswerBytes(long bytes)
    {
        return new BrokerQuery(tableName, sql, queryOptions, requestedRows, OptionalLong.of(bytes));
    }
}

package dev.pinotcdc.trino.client;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes query options as {@code SET key = 'value';} statements in front of the SQL. Pinot's SQL parser takes
 * these from 0.11 on and in 1.x (where the older trailing {@code OPTION(...)} is gone), and the pinot-java-client
 * transport has no per-query options of its own: its {@code queryOptions} string is fixed per transport.
 * Options set this way override the transport's.
 */
final class QueryOptionStatements
{
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private QueryOptionStatements() {}

    static String prepend(Map<String, String> options, String sql)
    {
        StringBuilder statements = new StringBuilder();
        // sorted, so the same query always has the same text (easier to find in Pinot's logs)
        for (Map.Entry<String, String> option : new TreeMap<>(options).entrySet()) {
            checkKey(option.getKey());
            statements.append("SET ")
                    .append(option.getKey())
                    .append(" = '")
                    .append(option.getValue().replace("'", "''"))
                    .append("'; ");
        }
        return statements.append(sql).toString();
    }

    static void checkKey(String key)
    {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a Pinot query option name: '" + key + "'");
        }
    }
}

package dev.pinotcdc.trino.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Notices an answer that a broker cut to its response limit. A Pinot broker started with
 * {@value #OVERRIDE_PROPERTY}{@code =true} lowers every query's LIMIT above {@value #LIMIT_PROPERTY} to that number
 * before it sends the query to its servers (Pinot 0.11 {@code BaseBrokerRequestHandler.handleQueryLimitOverride}),
 * for selections, ORDER BY, GROUP BY and DISTINCT alike, and says nothing of it in the answer. A scan or a GROUP BY
 * answered that way would silently lose rows.
 *
 * <p>The answer alone proves a cut only for a selection: each segment reads at most LIMIT documents, every document
 * it reads becomes a row (its count is {@code numDocsScanned}), and the broker keeps LIMIT rows of them, so fewer rows
 * than documents read while fewer rows than the query's LIMIT means rows were dropped. A selection whose rows all
 * came from one segment, a GROUP BY or a DISTINCT shows nothing: there the broker's configuration (its
 * {@code GET /appconfigs}) tells whether an answer of that many rows may have been cut.
 */
public final class BrokerResponseLimit
{
    static final String OVERRIDE_PROPERTY = "pinot.broker.enable.query.limit.override";
    static final String LIMIT_PROPERTY = "pinot.broker.query.response.limit";

    public enum Completeness
    {
        /** The answer holds every row the query asked for. */
        COMPLETE,
        /** The answer shows that it holds every row unless the broker's response limit is its row count. */
        UNLESS_CAPPED,
    }

    private BrokerResponseLimit() {}

    /**
     * What the answer itself says.
     *
     * @throws PinotPartialResultException the answer shows that the broker dropped rows
     */
    public static Completeness check(String tableName, URI broker, RequestedRows requested, int rowCount, BrokerStats stats)
    {
        if (rowCount >= requested.limit() || rowCount == 0) {
            // the query's own LIMIT, or nothing to cut (a cut keeps at least one row)
            return Completeness.COMPLETE;
        }
        if (requested.documents() && stats.numDocsScanned() > rowCount) {
            throw new PinotPartialResultException((
                    "Pinot table '%s': broker %s returned %s rows although its servers read %s matching documents for a query limited to %s rows: " +
                    "the broker cut the answer, as it does when started with %s=true and %s=%s. Refusing an incomplete result; " +
                    "raise or remove the broker's %s, or narrow the query").formatted(
                    tableName, broker, rowCount, stats.numDocsScanned(), requested.limit(), OVERRIDE_PROPERTY, LIMIT_PROPERTY, rowCount, LIMIT_PROPERTY));
        }
        return Completeness.UNLESS_CAPPED;
    }

    /**
     * @param cap the broker's response limit, where it lowers larger LIMITs to it
     * @throws PinotPartialResultException the broker may have cut this answer
     */
    public static void checkCap(String tableName, URI broker, RequestedRows requested, int rowCount, OptionalInt cap)
    {
        if (cap.isEmpty() || requested.limit() <= cap.getAsInt() || rowCount < cap.getAsInt()) {
            return;
        }
        throw new PinotPartialResultException((
                "Pinot table '%s': broker %s answers at most %s rows (%s=true, %s=%s) and this answer reached that number, " +
                "so rows may be missing. Refusing a possibly incomplete result; raise or remove the broker's %s, " +
                "or narrow the query (a filter, or a LIMIT below %s)").formatted(
                tableName, broker, cap.getAsInt(), OVERRIDE_PROPERTY, LIMIT_PROPERTY, cap.getAsInt(), LIMIT_PROPERTY, cap.getAsInt()));
    }

    /**
     * The response limit in a broker's {@code GET /appconfigs} answer, where the broker lowers larger LIMITs to it.
     * Pinot reads property names without '-' and '_' and in any case, as this does.
     */
    public static OptionalInt capOf(JsonNode appConfigs)
    {
        JsonNode properties = appConfigs.path("pinotConfig");
        if (!properties.isObject()) {
            throw new PinotInvalidResponseException("the broker's configuration has no 'pinotConfig' object");
        }
        String override = null;
        String limit = null;
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            String name = relaxed(property.getKey());
            if (name.equals(relaxed(OVERRIDE_PROPERTY))) {
                override = text(property.getValue());
            }
            else if (name.equals(relaxed(LIMIT_PROPERTY))) {
                limit = text(property.getValue());
            }
        }
        if (override == null || !override.strip().equalsIgnoreCase("true") || limit == null) {
            return OptionalInt.empty();
        }
        int value;
        try {
            value = Integer.parseInt(limit.strip());
        }
        catch (NumberFormatException e) {
            throw new PinotInvalidResponseException("the broker's %s is not a number: '%s'".formatted(LIMIT_PROPERTY, limit));
        }
        // Pinot overrides only with a positive limit
        return value > 0 ? OptionalInt.of(value) : OptionalInt.empty();
    }

    private static String relaxed(String name)
    {
        return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode value)
    {
        // a property holding commas may come as a list
        return value.isArray() ? (value.isEmpty() ? "" : value.get(0).asText()) : value.asText();
    }
}

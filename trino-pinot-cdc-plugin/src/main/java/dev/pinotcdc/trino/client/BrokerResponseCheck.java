package dev.pinotcdc.trino.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static java.util.stream.Collectors.joining;

/**
 * Decides whether a broker answer can be used. Pinot answers HTTP 200 even when a query failed, timed out or
 * covered only part of the table, and says so in the body: an {@code exceptions} array, fewer
 * {@code numServersResponded} than {@code numServersQueried}, {@code numGroupsLimitReached}, and in 1.x a
 * {@code partialResult} flag. Any of these fails the query, since Trino would otherwise return wrong rows.
 */
public final class BrokerResponseCheck
{
    // QueryException codes (Pinot 0.11 and 1.x): combine timeout, scheduling timeout, execution timeout, broker timeout
    private static final Set<Integer> TIMEOUT_CODES = Set.of(170, 240, 250, 400);
    // server segment missing, broker segment unavailable, server not responding
    private static final Set<Integer> PARTIAL_RESULT_CODES = Set.of(235, 305, 427);
    // broker resource missing, broker instance missing: the broker has no routing for the table yet
    private static final Set<Integer> NOT_ROUTED_CODES = Set.of(410, 420);

    private BrokerResponseCheck() {}

    /**
     * @param answer the broker's JSON answer to {@code POST /query/sql}
     * @param timeoutMs the query timeout that was sent, for the message
     * @throws PinotTimeoutException the query ran out of time
     * @throws PinotTableNotRoutedException the broker has no routing for the table yet; the query did not run
     * @throws PinotQueryException the broker reported any other processing exception
     * @throws PinotPartialResultException not every server or segment answered
     * @throws PinotGroupsLimitReachedException a GROUP BY dropped groups
     */
    public static void check(String tableName, JsonNode answer, long timeoutMs)
    {
        List<PinotQueryError> errors = errors(tableName, answer.get("exceptions"));
        List<PinotQueryError> timeouts = errors.stream().filter(error -> TIMEOUT_CODES.contains(error.errorCode())).toList();
        if (!timeouts.isEmpty()) {
            throw new PinotTimeoutException("Pinot table '%s': the query timed out (timeoutMs=%s): %s".formatted(tableName, timeoutMs, summaries(timeouts)));
        }
        List<PinotQueryError> notRouted = errors.stream().filter(error -> NOT_ROUTED_CODES.contains(error.errorCode())).toList();
        if (!notRouted.isEmpty()) {
            throw new PinotTableNotRoutedException((
                    "Pinot table '%s': the broker does not route the table yet (%s); a table just created, or a broker starting, " +
                    "is routed within seconds. Retry shortly").formatted(tableName, summaries(notRouted)));
        }
        List<PinotQueryError> failures = errors.stream().filter(error -> !PARTIAL_RESULT_CODES.contains(error.errorCode())).toList();
        if (!failures.isEmpty()) {
            throw new PinotQueryException("Pinot table '%s': the query failed: %s".formatted(tableName, summaries(failures)), errors);
        }

        BrokerStats stats = BrokerStats.from(answer);
        if (stats.numServersQueried() >= 0 && stats.numServersResponded() >= 0 && stats.numServersResponded() < stats.numServersQueried()) {
            throw new PinotPartialResultException("Pinot table '%s': %s of %s servers responded; refusing a partial result".formatted(
                    tableName, stats.numServersResponded(), stats.numServersQueried()));
        }
        if (!errors.isEmpty()) {
            throw new PinotPartialResultException("Pinot table '%s': refusing a partial result: %s".formatted(tableName, summaries(errors)));
        }
        if (stats.partialResult()) {
            throw new PinotPartialResultException("Pinot table '%s': the broker flagged the result as partial; refusing it".formatted(tableName));
        }
        if (stats.numGroupsLimitReached()) {
            throw new PinotGroupsLimitReachedException((
                    "Pinot table '%s': the GROUP BY reached Pinot's numGroupsLimit and groups were dropped; refusing a truncated result " +
                    "(filter the query further, or raise the numGroupsLimit query option and the servers' limit)").formatted(tableName));
        }
    }

    static List<PinotQueryError> errors(String tableName, JsonNode exceptions)
    {
        if (exceptions == null || exceptions.isNull() || exceptions.isMissingNode()) {
            return List.of();
        }
        if (!exceptions.isArray()) {
            throw new PinotInvalidResponseException("Pinot table '%s': the broker's 'exceptions' is not an array: %s".formatted(tableName, exceptions));
        }
        List<PinotQueryError> errors = new ArrayList<>();
        for (JsonNode exception : exceptions) {
            int code = exception.path("errorCode").asInt(-1);
            JsonNode message = exception.path("message");
            errors.add(new PinotQueryError(code, message.isTextual() ? message.textValue() : exception.toString()));
        }
        return errors;
    }

    private static String summaries(List<PinotQueryError> errors)
    {
        return errors.stream().map(PinotQueryError::summary).collect(joining("; "));
    }
}

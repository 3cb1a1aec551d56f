package dev.pinotcdc.trino.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Pinot SQL on the broker over HTTP, for checks inside the tests. The connector has its own broker client.
 */
public final class TestingPinotBroker
{
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    private final String url;
    private final Optional<String> authorization;
    private final UnaryOperator<RuntimeException> explainFailure;

    TestingPinotBroker(String url, Optional<String> authorization, UnaryOperator<RuntimeException> explainFailure)
    {
        this.url = requireNonNull(url, "url is null");
        this.authorization = requireNonNull(authorization, "authorization is null");
        this.explainFailure = requireNonNull(explainFailure, "explainFailure is null");
    }

    public String url()
    {
        return url;
    }

    /**
     * Runs the query and fails when Pinot reports an exception.
     */
    public BrokerResponse query(String sql)
    {
        return query(sql, Map.of());
    }

    /**
     * Runs the query with query options, for example {@code skipUpsert=true}, and fails when Pinot reports an
     * exception.
     */
    public BrokerResponse query(String sql, Map<String, String> queryOptions)
    {
        BrokerResponse response = queryAllowingExceptions(sql, queryOptions);
        if (response.hasExceptions()) {
            throw new IllegalStateException("Pinot query failed: " + sql + "\n" + response.exceptions());
        }
        return response;
    }

    /**
     * Runs the query and returns Pinot's answer as it is, exceptions included.
     */
    public BrokerResponse queryAllowingExceptions(String sql, Map<String, String> queryOptions)
    {
        ObjectNode request = TestingHttp.JSON.createObjectNode().put("sql", sql);
        if (!queryOptions.isEmpty()) {
            request.put("queryOptions", queryOptions.entrySet().stream()
                    .map(option -> option.getKey() + "=" + option.getValue())
                    .collect(Collectors.joining(";")));
        }
        String answer;
        try {
            answer = TestingHttp.post(url + "/query/sql", request.toString(), authorization);
        }
        catch (RuntimeException e) {
            throw explainFailure.apply(e);
        }
        return new BrokerResponse(sql, TestingHttp.parse(answer));
    }

    /**
     * Waits until the broker routes the table to a server: a table just created is known to the controller before
     * its broker resource and its consuming segment reach the broker, which answers error 410 or asks no server.
     */
    public void awaitRouted(String tableName)
    {
        awaitQuery("SELECT COUNT(*) FROM " + tableName, Map.of("skipUpsert", "true"),
                response -> response.numServersQueried() > 0,
                DEFAULT_WAIT,
                "the broker to route %s to a server".formatted(tableName));
    }

    /**
     * Waits until every document sent so far is queryable: counts all versions of every key (skipUpsert=true).
     */
    public void awaitDocumentCount(String tableName, long expectedCount)
    {
        awaitQuery("SELECT COUNT(*) FROM " + tableName, Map.of("skipUpsert", "true"),
                response -> response.singleLong() == expectedCount,
                DEFAULT_WAIT,
                "%s to hold %s documents".formatted(tableName, expectedCount));
    }

    /**
     * Waits until the query answers without exceptions and the condition holds for its answer.
     */
    public BrokerResponse awaitQuery(String sql, Predicate<BrokerResponse> condition, String description)
    {
        return awaitQuery(sql, Map.of(), condition, DEFAULT_WAIT, description);
    }

    public BrokerResponse awaitQuery(String sql, Map<String, String> queryOptions, Predicate<BrokerResponse> condition, Duration timeout, String description)
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastAnswer = "no answer yet";
        while (true) {
            try {
                BrokerResponse response = queryAllowingExceptions(sql, queryOptions);
                if (!response.hasExceptions() && condition.test(response)) {
                    return response;
                }
                lastAnswer = response.hasExceptions() ? response.exceptions().toString() : response.resultTable().toString();
            }
            catch (PinotClusterDiedException e) {
                // no answer will come
                throw e;
            }
            catch (RuntimeException e) {
                lastAnswer = e.toString();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after %s waiting for %s.%nQuery: %s%nLast answer: %s".formatted(timeout, description, sql, lastAnswer));
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for " + description, e);
            }
        }
    }
}

package dev.pinotcdc.trino.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * The controller's HTTP API, for setting tables up in tests. The connector has its own controller client.
 */
public final class TestingPinotController
{
    private final String url;
    private final Optional<String> authorization;
    private final UnaryOperator<RuntimeException> explainFailure;

    TestingPinotController(String url, Optional<String> authorization, UnaryOperator<RuntimeException> explainFailure)
    {
        this.url = requireNonNull(url, "url is null");
        this.authorization = requireNonNull(authorization, "authorization is null");
        this.explainFailure = requireNonNull(explainFailure, "explainFailure is null");
    }

    public String url()
    {
        return url;
    }

    public void addSchema(JsonNode schema)
    {
        call(() -> TestingHttp.post(url + "/schemas", schema.toString(), authorization));
    }

    public void addTable(JsonNode tableConfig)
    {
        call(() -> TestingHttp.post(url + "/tables", tableConfig.toString(), authorization));
    }

    /**
     * Drops the table (all its types) and then its schema.
     */
    public void dropTable(String tableName)
    {
        call(() -> TestingHttp.delete(url + "/tables/" + tableName, authorization));
        call(() -> TestingHttp.delete(url + "/schemas/" + tableName, authorization));
    }

    public JsonNode schema(String schemaName)
    {
        return call(() -> TestingHttp.getJson(url + "/schemas/" + schemaName, authorization));
    }

    public JsonNode tableConfig(String tableName)
    {
        return call(() -> TestingHttp.getJson(url + "/tables/" + tableName, authorization));
    }

    public JsonNode get(String path)
    {
        return call(() -> TestingHttp.getJson(url + path, authorization));
    }

    /** A failure because the cluster's JVM died says so, with its pid, exit code and crash dump. */
    private <T> T call(Supplier<T> request)
    {
        try {
            return request.get();
        }
        catch (RuntimeException e) {
            throw explainFailure.apply(e);
        }
    }
}

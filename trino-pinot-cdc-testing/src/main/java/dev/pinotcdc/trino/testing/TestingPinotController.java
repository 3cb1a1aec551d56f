package dev.pinotcdc.trino.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The controller's HTTP API, for setting tables up in tests. The connector has its own controller client.
 */
public final class TestingPinotController
{
    private final String url;
    private final Optional<String> authorization;

    TestingPinotController(String url, Optional<String> authorization)
    {
        this.url = requireNonNull(url, "url is null");
        this.authorization = requireNonNull(authorization, "authorization is null");
    }

    public String url()
    {
        return url;
    }

    public void addSchema(JsonNode schema)
    {
        TestingHttp.post(url + "/schemas", schema.toString(), authorization);
    }

    public void addTable(JsonNode tableConfig)
    {
        TestingHttp.post(url + "/tables", tableConfig.toString(), authorization);
    }

    /**
     * Drops the table (all its types) and then its schema.
     */
    public void dropTable(String tableName)
    {
        TestingHttp.delete(url + "/tables/" + tableName, authorization);
        TestingHttp.delete(url + "/schemas/" + tableName, authorization);
    }

    public JsonNode schema(String schemaName)
    {
        return TestingHttp.getJson(url + "/schemas/" + schemaName, authorization);
    }

    public JsonNode tableConfig(String tableName)
    {
        return TestingHttp.getJson(url + "/tables/" + tableName, authorization);
    }

    public JsonNode get(String path)
    {
        return TestingHttp.getJson(url + path, authorization);
    }
}

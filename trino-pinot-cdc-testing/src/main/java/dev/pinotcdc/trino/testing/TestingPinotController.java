package dev.pinotcdc.trino.testing;

import com.fasterxml.jackson.databind.JsonNode;

import static java.util.Objects.requireNonNull;

/**
 * The controller's HTTP API, for setting tables up in tests. The connector has its own controller client.
 */
public final class TestingPinotController
{
    private final String url;

    TestingPinotController(String url)
    {
        this.url = requireNonNull(url, "url is null");
    }

    public String url()
    {
        return url;
    }

    public void addSchema(JsonNode schema)
    {
        TestingHttp.post(url + "/schemas", schema.toString());
    }

    public void addTable(JsonNode tableConfig)
    {
        TestingHttp.post(url + "/tables", tableConfig.toString());
    }

    /**
     * Drops the table (all its types) and then its schema.
     */
    public void dropTable(String tableName)
    {
        TestingHttp.delete(url + "/tables/" + tableName);
        TestingHttp.delete(url + "/schemas/" + tableName);
    }

    public JsonNode schema(String schemaName)
    {
        return TestingHttp.getJson(url + "/schemas/" + schemaName);
    }

    public JsonNode tableConfig(String tableName)
    {
        return TestingHttp.getJson(url + "/tables/" + tableName);
    }

    public JsonNode get(String path)
    {
        return TestingHttp.getJson(url + path);
    }
}

package dev.pinotcdc.trino.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One answer of the broker's {@code /query/sql}: {@code resultTable.dataSchema}, {@code resultTable.rows},
 * {@code exceptions} and the statistics, as Pinot sent them.
 */
public record BrokerResponse(String sql, JsonNode json)
{
    public BrokerResponse
    {
        requireNonNull(sql, "sql is null");
        requireNonNull(json, "json is null");
    }

    public boolean hasExceptions()
    {
        return !exceptions().isEmpty();
    }

    public JsonNode exceptions()
    {
        JsonNode exceptions = json.path("exceptions");
        return exceptions.isMissingNode() ? TestingHttp.JSON.createArrayNode() : exceptions;
    }

    public JsonNode resultTable()
    {
        return json.path("resultTable");
    }

    public List<String> columnNames()
    {
        List<String> names = new ArrayList<>();
        resultTable().path("dataSchema").path("columnNames").forEach(name -> names.add(name.asText()));
        return names;
    }

    public List<String> columnTypes()
    {
        List<String> types = new ArrayList<>();
        resultTable().path("dataSchema").path("columnDataTypes").forEach(type -> types.add(type.asText()));
        return types;
    }

    /**
     * The rows, each a JSON array of the row's values as Pinot sent them.
     */
    public List<JsonNode> rows()
    {
        List<JsonNode> rows = new ArrayList<>();
        resultTable().path("rows").forEach(rows::add);
        return rows;
    }

    /**
     * The one value of a one-row, one-column answer, such as a {@code COUNT(*)}.
     */
    public JsonNode singleValue()
    {
        List<JsonNode> rows = rows();
        if (rows.size() != 1 || rows.getFirst().size() != 1) {
            throw new IllegalStateException("Expected one row with one value for %s, got %s".formatted(sql, resultTable()));
        }
        return rows.getFirst().get(0);
    }

    public long singleLong()
    {
        return singleValue().asLong();
    }

    public long totalDocs()
    {
        return json.path("totalDocs").asLong();
    }

    public long numServersQueried()
    {
        return json.path("numServersQueried").asLong();
    }
}

package dev.pinotcdc.trino.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinotcdc.trino.testing.TrinoServer;
import io.airlift.units.DataSize;
import io.trino.jdbc.TrinoResultSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * Queries through the real Trino server's JDBC driver, as an application runs them: every row is read. The input
 * a query read from its connectors comes from the server's query info ({@code /v1/query/{id}}).
 */
final class TrinoQueries
        implements AutoCloseable
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TrinoServer server;
    private final Connection connection;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    TrinoQueries(TrinoServer server)
            throws SQLException
    {
        this.server = requireNonNull(server, "server is null");
        this.connection = server.connect();
    }

    /** The rows of one query and its id. */
    record Answer(List<List<Object>> rows, String queryId) {}

    /**
     * What a query's table scans read: rows and bytes, as the connectors reported them; and how long the scans waited
     * for their connector (for this plugin: for Pinot's answers) and the coordinator planned.
     */
    record InputStats(long rows, long bytes, double readMillis, double planningMillis) {}

    Answer query(String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            int columns = resultSet.getMetaData().getColumnCount();
            List<List<Object>> rows = new ArrayList<>();
            while (resultSet.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int column = 1; column <= columns; column++) {
                    row.add(resultSet.getObject(column));
                }
                rows.add(row);
            }
            return new Answer(rows, resultSet.unwrap(TrinoResultSet.class).getQueryId());
        }
    }

    void execute(String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The text of EXPLAIN for the query (the distributed plan, one text). */
    String explain(String sql)
            throws SQLException
    {
        StringBuilder plan = new StringBuilder();
        for (List<Object> row : query("EXPLAIN " + sql).rows()) {
            plan.append(row.getFirst()).append('\n');
        }
        return plan.toString();
    }

    /**
     * The physical input of a finished query (what its connectors received), or the processed input when a connector
     * reports no physical input.
     */
    InputStats inputStats(String queryId)
    {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.uri() + "/v1/query/" + queryId))
                .header("X-Trino-User", TrinoServer.USER)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Query info of %s: HTTP %s".formatted(queryId, response.statusCode()));
            }
            JsonNode stats = JSON.readTree(response.body()).path("queryStats");
            long bytes = dataSize(stats.path("physicalInputDataSize"));
            long rows = stats.path("physicalInputPositions").asLong();
            if (bytes == 0 && rows == 0) {
                bytes = dataSize(stats.path("processedInputDataSize"));
                rows = stats.path("processedInputPositions").asLong();
            }
            return new InputStats(rows, bytes, millis(stats.path("physicalInputReadTime")), millis(stats.path("planningTime")));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double millis(JsonNode value)
    {
        if (!value.isTextual() || value.asText().isBlank()) {
            return 0;
        }
        return io.airlift.units.Duration.valueOf(value.asText()).getValue(TimeUnit.MILLISECONDS);
    }

    private static long dataSize(JsonNode value)
    {
        if (value.isNumber()) {
            return value.asLong();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            return 0;
        }
        return DataSize.valueOf(value.asText()).toBytes();
    }

    @Override
    public void close()
            throws SQLException
    {
        connection.close();
        http.close();
    }
}

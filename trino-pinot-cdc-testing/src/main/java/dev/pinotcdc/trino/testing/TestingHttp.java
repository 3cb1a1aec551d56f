package dev.pinotcdc.trino.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP to the test cluster. HTTP/1.1 is forced: Pinot's Grizzly servers stall the HTTP/2 upgrade for about 30 s.
 */
final class TestingHttp
{
    // exact decimals: Pinot's BIG_DECIMAL values must not pass through a double
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestingHttp() {}

    static String post(String url, String jsonBody, Optional<String> authorization)
    {
        return send(request(url, authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody))
                .build());
    }

    static String delete(String url, Optional<String> authorization)
    {
        return send(request(url, authorization).DELETE().build());
    }

    static JsonNode getJson(String url, Optional<String> authorization)
    {
        return parse(send(request(url, authorization).GET().build()));
    }

    private static HttpRequest.Builder request(String url, Optional<String> authorization)
    {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT);
        authorization.ifPresent(value -> request.header("Authorization", value));
        return request;
    }

    static JsonNode parse(String json)
    {
        try {
            return JSON.readTree(json);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON: " + json, e);
        }
    }

    private static String send(HttpRequest request)
    {
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + request.method() + " " + request.uri(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("%s %s answered %s: %s".formatted(request.method(), request.uri(), response.statusCode(), response.body()));
        }
        return response.body();
    }
}

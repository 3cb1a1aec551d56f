package dev.pinotcdc.trino.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * An HTTP server on 127.0.0.1 that records what our clients send and answers with canned bodies. It checks how
 * the clients behave over HTTP (headers, failover, timeouts), not what Pinot answers.
 */
final class RecordingHttpServer
        implements AutoCloseable
{
    record RecordedRequest(String method, String pathAndQuery, String protocol, Map<String, List<String>> headers, String body)
    {
        String header(String name)
        {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    record CannedAnswer(int status, String body, Duration delay, boolean chunked) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, CannedAnswer> answersByPath = new ConcurrentHashMap<>();

    RecordingHttpServer()
    {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers requests whose path (without query) is {@code path}; any other path gets a 404. */
    RecordingHttpServer answer(String path, int status, String body)
    {
        return answer(path, status, body, Duration.ZERO);
    }

    RecordingHttpServer answer(String path, int status, String body, Duration delay)
    {
        answersByPath.put(path, new CannedAnswer(status, body, delay, false));
        return this;
    }

    /** Answers without a Content-Length: the client learns the body's length only by reading it. */
    RecordingHttpServer answerChunked(String path, int status, String body)
    {
        answersByPath.put(path, new CannedAnswer(status, body, Duration.ZERO, true));
        return this;
    }

    URI url()
    {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<RecordedRequest> requests()
    {
        return List.copyOf(requests);
    }

    /** A URL on 127.0.0.1 where nothing listens. */
    static URI closedPortUrl()
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close()
    {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange)
            throws IOException
    {
        String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
        requests.add(new RecordedRequest(
                exchange.getRequestMethod(),
                exchange.getRequestURI().toString(),
                exchange.getProtocol(),
                Map.copyOf(exchange.getRequestHeaders()),
                body));
        CannedAnswer answer = answersByPath.getOrDefault(exchange.getRequestURI().getPath(),
                new CannedAnswer(404, "{\"code\": 404, \"error\": \"HTTP 404 Not Found\"}", Duration.ZERO, false));
        try {
            Thread.sleep(answer.delay());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        byte[] bytes = answer.body().getBytes(UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(answer.status(), answer.chunked() ? 0 : bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        catch (IOException e) {
            // the client gave up waiting (timeout tests)
        }
    }
}

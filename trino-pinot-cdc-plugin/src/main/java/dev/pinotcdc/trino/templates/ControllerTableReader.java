package dev.pinotcdc.trino.templates;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static java.net.http.HttpClient.Version.HTTP_1_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * Reads a table's schema and REALTIME table config, as raw JSON, from a Pinot controller's REST API. The checker needs
 * what the connector's client does not keep: the ingestion transforms, the routing, the index settings.
 */
public final class ControllerTableReader
{
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI controllerUrl;

    public ControllerTableReader(String controllerUrl)
    {
        requireNonNull(controllerUrl, "controllerUrl is null");
        try {
            URI url = new URI(controllerUrl.replaceAll("/+$", ""));
            if (url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https")) || url.getHost() == null) {
                throw new TemplateException("Invalid controller URL '%s': expected http://HOST:PORT".formatted(controllerUrl));
            }
            this.controllerUrl = url;
        }
        catch (java.net.URISyntaxException e) {
            throw new TemplateException("Invalid controller URL '%s': %s".formatted(controllerUrl, e.getMessage()));
        }
    }

    public JsonNode schema(String tableName)
    {
        JsonNode schema = get("/tables/" + encode(tableName) + "/schema", "the schema of table '" + tableName + "'");
        if (!schema.has("schemaName")) {
            throw new TemplateException("The controller %s has no schema for table '%s'".formatted(controllerUrl, tableName));
        }
        return schema;
    }

    public JsonNode realtimeTableConfig(String tableName)
    {
        JsonNode configs = get("/tables/" + encode(tableName) + "?type=realtime", "the config of table '" + tableName + "'");
        JsonNode realtime = configs.path("REALTIME");
        if (!realtime.isObject()) {
            throw new TemplateException("The controller %s has no REALTIME table '%s'".formatted(controllerUrl, tableName));
        }
        return realtime;
    }

    private JsonNode get(String path, String what)
    {
        URI url = URI.create(controllerUrl + path);
        try (HttpClient client = HttpClient.newBuilder().version(HTTP_1_1).connectTimeout(TIMEOUT).build()) {
            HttpRequest request = HttpRequest.newBuilder(url).GET().timeout(TIMEOUT).header("Accept", "application/json").build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
            if (response.statusCode() == 404) {
                throw new TemplateException("The controller %s does not know %s (HTTP 404)".formatted(controllerUrl, what));
            }
            if (response.statusCode() / 100 != 2) {
                throw new TemplateException("The controller %s answered HTTP %s for %s: %s".formatted(controllerUrl, response.statusCode(), what, abbreviate(response.body())));
            }
            return TemplateJson.parse(response.body());
        }
        catch (IOException e) {
            throw new TemplateException("Cannot reach the Pinot controller at %s: %s".formatted(controllerUrl, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TemplateException("Interrupted while reading " + url, e);
        }
    }

    private static String encode(String pathSegment)
    {
        return URLEncoder.encode(pathSegment, UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text)
    {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}

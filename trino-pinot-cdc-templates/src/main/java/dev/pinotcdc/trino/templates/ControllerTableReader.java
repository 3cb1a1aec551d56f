package dev.pinotcdc.trino.templates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinotcdc.trino.client.PinotClientException;
import dev.pinotcdc.trino.client.PinotClientSettings;
import dev.pinotcdc.trino.client.PinotControllerClient;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * Reads a table's schema and REALTIME table config, as raw JSON, from a Pinot controller's REST API, through the
 * connector's controller client (its authentication, TLS and failover). The checker needs what the connector's
 * client does not keep: the ingestion transforms, the routing, the index settings.
 */
public final class ControllerTableReader
        implements AutoCloseable
{
    private final PinotControllerClient client;
    private final String controllers;

    public ControllerTableReader(PinotClientSettings settings)
    {
        requireNonNull(settings, "settings is null");
        try {
            this.client = new PinotControllerClient(settings);
        }
        catch (IllegalArgumentException e) {
            // an unreadable truststore
            throw new TemplateException(e.getMessage(), e);
        }
        this.controllers = settings.controllerUrls().size() == 1 ? settings.controllerUrls().getFirst().toString() : settings.controllerUrls().toString();
    }

    /** A controller URL from the command line: http or https, with a host. */
    public static URI controllerUrl(String text)
    {
        requireNonNull(text, "text is null");
        try {
            URI url = new URI(text.replaceAll("/+$", ""));
            if (url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https")) || url.getHost() == null) {
                throw new TemplateException("Invalid controller URL '%s': expected http://HOST:PORT or https://HOST:PORT".formatted(text));
            }
            return url;
        }
        catch (URISyntaxException e) {
            throw new TemplateException("Invalid controller URL '%s': %s".formatted(text, e.getMessage()));
        }
    }

    public JsonNode schema(String tableName)
    {
        JsonNode schema = get("/tables/" + encode(tableName) + "/schema", "the schema of table '" + tableName + "'");
        if (!schema.has("schemaName")) {
            throw new TemplateException("The controller %s has no schema for table '%s'".formatted(controllers, tableName));
        }
        return schema;
    }

    public JsonNode realtimeTableConfig(String tableName)
    {
        JsonNode configs = get("/tables/" + encode(tableName) + "?type=realtime", "the config of table '" + tableName + "'");
        JsonNode realtime = configs.path("REALTIME");
        if (!realtime.isObject()) {
            throw new TemplateException("The controller %s has no REALTIME table '%s'".formatted(controllers, tableName));
        }
        return realtime;
    }

    @Override
    public void close()
    {
        client.close();
    }

    private JsonNode get(String pathAndQuery, String what)
    {
        try {
            return client.getJson(pathAndQuery, what)
                    .orElseThrow(() -> new TemplateException("The controller %s does not know %s (HTTP 404)".formatted(controllers, what)));
        }
        catch (PinotClientException e) {
            throw new TemplateException(e.getMessage(), e);
        }
    }

    private static String encode(String pathSegment)
    {
        return URLEncoder.encode(pathSegment, UTF_8).replace("+", "%20");
    }
}

package dev.pinotcdc.trino.client;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * The controller and broker clients over https: the catalog's truststore is what the server is checked against, the
 * credentials travel encrypted, and a server the truststore does not vouch for is refused, never asked over http.
 */
@TestInstance(PER_CLASS)
class TestPinotHttpsClients
{
    private static final String PASSWORD = "changeit";
    private static final String ANSWER = """
            {"resultTable": {"dataSchema": {"columnNames": ["id"], "columnDataTypes": ["LONG"]}, "rows": [[1]]},
             "exceptions": [], "numServersQueried": 1, "numServersResponded": 1, "numDocsScanned": 1, "totalDocs": 1,
             "numGroupsLimitReached": false, "timeUsedMs": 1}
            """;

    private Path truststore;
    private HttpsServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeAll
    void startServer(@TempDir Path directory)
            throws Exception
    {
        // a key pair for 127.0.0.1, made by the JDK's keytool, and a truststore holding its certificate
        Path keystore = directory.resolve("server.p12");
        Path certificate = directory.resolve("server.crt");
        truststore = directory.resolve("trust.jks");
        keytool("-genkeypair", "-alias", "pinot", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "pinot", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "pinot", "-file", certificate.toString(), "-storetype", "JKS", "-keystore", truststore.toString(), "-storepass", PASSWORD);

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            byte[] body = (path.equals("/tables") ? "{\"tables\": [\"orders\"]}" : path.equals("/query/sql") ? ANSWER : "{}").getBytes(UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    void stopServer()
    {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void controllerAndBrokerTrustTheCatalogsTruststore()
    {
        PinotClientSettings settings = settings(Optional.of(new PinotTruststore(truststore, Optional.of(PASSWORD), "JKS")));
        try (PinotControllerClient controller = new PinotControllerClient(settings);
                PinotBrokerClient broker = new PinotBrokerClient(settings, BrokerLocator.create(settings, controller))) {
            assertThat(controller.listTables()).containsExactly("orders");
            assertThat(broker.execute(BrokerQuery.of("orders", "SELECT id FROM orders")).rowCount()).isEqualTo(1);
        }
        assertThat(authorizations).contains("Bearer controller-token", "Bearer broker-token");
    }

    @Test
    void serverTheTruststoreDoesNotVouchForIsRefused()
    {
        // the JVM's default trust does not know the test's self-signed certificate
        PinotClientSettings settings = settings(Optional.empty());
        int before = authorizations.size();
        try (PinotControllerClient controller = new PinotControllerClient(settings);
                PinotBrokerClient broker = new PinotBrokerClient(settings, BrokerLocator.create(settings, controller))) {
            assertThatThrownBy(controller::listTables)
                    .isInstanceOf(PinotUnreachableException.class)
                    .hasMessageContaining(baseUrl() + "/tables (SSLHandshakeException")
                    .hasMessageContaining("certification path");
            assertThatThrownBy(() -> broker.execute(BrokerQuery.of("orders", "SELECT id FROM orders")))
                    .isInstanceOf(PinotClientException.class)
                    .hasMessageContaining("certification path");
        }
        // nothing reached the server, over https or http
        assertThat(authorizations).hasSize(before);
    }

    private PinotClientSettings settings(Optional<PinotTruststore> truststore)
    {
        return new PinotClientSettings(
                List.of(baseUrl()),
                List.of(baseUrl()),
                PinotAuthentication.of(Optional.empty(), Optional.empty(), Optional.of("controller-token")),
                PinotAuthentication.of(Optional.empty(), Optional.empty(), Optional.of("broker-token")),
                truststore,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10));
    }

    private URI baseUrl()
    {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void keytool(String... arguments)
            throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }
}

package dev.pinotcdc.trino;

import com.google.common.collect.ImmutableMap;
import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumEventFactory;
import dev.pinotcdc.trino.testing.KafkaMessage;
import dev.pinotcdc.trino.testing.PinotBasicAuthentication;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.PinotPrincipal;
import dev.pinotcdc.trino.testing.PinotTestCluster;
import dev.pinotcdc.trino.testing.SampleCdcTables;
import io.trino.Session;
import io.trino.testing.MaterializedResult;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static dev.pinotcdc.trino.testing.SampleCdcTables.message;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * A Pinot 0.11 controller and broker on https, with a certificate made for this test (for 127.0.0.1 only) and basic
 * authentication, read through catalogs with the right truststore, a wrong one, none, and a host name the
 * certificate does not name. The same table with the same events on the open test cluster is the truth.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcPinotTls
{
    private static final String KEYSTORE_PASSWORD = "keystore-pw-31a7";
    private static final String TRUSTSTORE_PASSWORD = "truststore-pw-88c2";
    private static final PinotPrincipal ADMIN = PinotPrincipal.admin("admin", "tls-admin-pw-5e0b");

    private final String orders = PinotTestCluster.uniqueTableName("tls_orders");

    private PinotCdcTestEnvironment environment;
    private QueryRunner queryRunner;
    private PinotTestCluster tlsCluster;
    private Path truststore;
    private Path wrongTruststore;

    @BeforeAll
    void setUp()
            throws IOException, InterruptedException
    {
        environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();
        Path directory = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "tls-");
        Path keystore = directory.resolve("pinot.p12");
        createKeyPair(keystore, "pinot", "CN=127.0.0.1", "ip:127.0.0.1");
        truststore = directory.resolve("truststore.p12");
        trust(keystore, "pinot", truststore);
        Path otherKeystore = directory.resolve("other.p12");
        createKeyPair(otherKeystore, "other", "CN=other-ca", "ip:127.0.0.1");
        wrongTruststore = directory.resolve("wrong-truststore.p12");
        trust(otherKeystore, "other", wrongTruststore);

        tlsCluster = PinotTestCluster.start(Path.of("target").toAbsolutePath(), PinotBasicAuthentication.options(ADMIN, List.of()).withHttps(keystore, KEYSTORE_PASSWORD, "PKCS12"));
        for (PinotTestCluster cluster : List.of(environment.cluster(), tlsCluster)) {
            DebeziumCdcTable.builder(orders).topic(SampleCdcTables.ordersFactory("tls", orders).topic())
                    .primaryKeyColumn("id", PinotColumnType.LONG)
                    .create(cluster)
                    .sendAndAwait(orderEvents());
        }
    }

    @AfterAll
    void tearDown()
    {
        if (tlsCluster != null) {
            tlsCluster.close();
        }
    }

    @Test
    void testHttpsWithTruststoreAnswers()
    {
        String catalog = catalog("tls_trusted", ImmutableMap.of(
                "pinot.controller-urls", tlsCluster.controllerHttpsUrl(),
                "pinot.broker-urls", tlsCluster.brokerHttpsUrl(),
                "pinot.tls.truststore-path", truststore.toString(),
                "pinot.tls.truststore-password", TRUSTSTORE_PASSWORD,
                "pinot.tls.truststore-type", "PKCS12"));
        assertAnswersAsTheOpenCluster(catalog);
    }

    @Test
    void testDiscoveredBrokersUseTheControllersScheme()
    {
        // the broker registers its https port: a discovered broker reached over http would not answer
        String catalog = catalog("tls_discovered", ImmutableMap.of(
                "pinot.controller-urls", tlsCluster.controllerHttpsUrl(),
                "pinot.tls.truststore-path", truststore.toString(),
                "pinot.tls.truststore-password", TRUSTSTORE_PASSWORD,
                "pinot.tls.truststore-type", "PKCS12"));
        assertAnswersAsTheOpenCluster(catalog);
    }

    @Test
    void testWrongTruststoreFails()
    {
        String catalog = catalog("tls_wrong_truststore", ImmutableMap.of(
                "pinot.controller-urls", tlsCluster.controllerHttpsUrl(),
                "pinot.broker-urls", tlsCluster.brokerHttpsUrl(),
                "pinot.tls.truststore-path", wrongTruststore.toString(),
                "pinot.tls.truststore-password", TRUSTSTORE_PASSWORD,
                "pinot.tls.truststore-type", "PKCS12"));
        assertCertificateRefused(catalog, tlsCluster.controllerHttpsUrl());
    }

    @Test
    void testWithoutTruststoreFails()
    {
        // the JVM's default trust does not know the test's certificate
        String catalog = catalog("tls_default_trust", ImmutableMap.of(
                "pinot.controller-urls", tlsCluster.controllerHttpsUrl(),
                "pinot.broker-urls", tlsCluster.brokerHttpsUrl()));
        assertCertificateRefused(catalog, tlsCluster.controllerHttpsUrl());
    }

    @Test
    void testWrongTruststoreForTheBrokerOnlyFails()
    {
        // the controller is reached over http; the broker's https still checks the certificate
        String catalog = catalog("tls_broker_wrong_truststore", ImmutableMap.of(
                "pinot.controller-urls", tlsCluster.controllerUrl(),
                "pinot.broker-urls", tlsCluster.brokerHttpsUrl(),
                "pinot.tls.truststore-path", wrongTruststore.toString(),
                "pinot.tls.truststore-password", TRUSTSTORE_PASSWORD,
                "pinot.tls.truststore-type", "PKCS12"));
        assertThatThrownBy(() -> execute(catalog, "SELECT count(*) FROM " + orders))
                .satisfies(e -> assertThat(e.getMessage())
                        .contains(orders)
                        // "unable to find valid certification path", "PKIX path building failed", "SSLHandshakeException"
                        .containsAnyOf("certificat", "PKIX", "SSL", "TLS", "truststore"));
    }

    @Test
    void testHttpsUrlOfAnHttpListenerFails()
    {
        // https to a port that speaks http: a failure, never the same request sent over http
        String catalog = catalog("tls_plain_listener", ImmutableMap.of(
                "pinot.controller-urls", tlsCluster.controllerUrl().replace("http://", "https://"),
                "pinot.broker-urls", tlsCluster.brokerUrl().replace("http://", "https://"),
                "pinot.tls.truststore-path", truststore.toString(),
                "pinot.tls.truststore-password", TRUSTSTORE_PASSWORD,
                "pinot.tls.truststore-type", "PKCS12"));
        assertThatThrownBy(() -> execute(catalog, "SELECT count(*) FROM " + orders))
                .satisfies(e -> assertThat(e.getMessage()).contains(URI.create(tlsCluster.controllerUrl()).getAuthority()));
    }

    @Test
    void testHostNameMismatchFails()
    {
        // the certificate names 127.0.0.1 only
        String controller = tlsCluster.controllerHttpsUrl().replace("127.0.0.1", "localhost");
        String broker = tlsCluster.brokerHttpsUrl().replace("127.0.0.1", "localhost");
        String catalog = catalog("tls_host_mismatch", ImmutableMap.of(
                "pinot.controller-urls", controller,
                "pinot.broker-urls", broker,
                "pinot.tls.truststore-path", truststore.toString(),
                "pinot.tls.truststore-password", TRUSTSTORE_PASSWORD,
                "pinot.tls.truststore-type", "PKCS12"));
        assertThatThrownBy(() -> execute(catalog, "SELECT count(*) FROM " + orders))
                .satisfies(e -> assertThat(e.getMessage())
                        .contains("localhost")
                        // the JDK says "No name matching localhost found"
                        .containsAnyOf("No name matching localhost", "No subject alternative DNS name matching localhost", "hostname"));
    }

    private void assertAnswersAsTheOpenCluster(String catalog)
    {
        for (String query : List.of(
                "SELECT * FROM " + orders,
                "SELECT status, count(*), sum(amount) FROM " + orders + " GROUP BY status",
                "SELECT id FROM " + orders + " WHERE user_id = 4")) {
            MaterializedResult truth = queryRunner.execute(query);
            assertThat(truth.getRowCount()).as(query).isPositive();
            assertThat(execute(catalog, query).getMaterializedRows()).as(query).containsExactlyInAnyOrderElementsOf(truth.getMaterializedRows());
        }
    }

    /** The query fails and says the certificate was not trusted: never an answer over http instead. */
    private void assertCertificateRefused(String catalog, String url)
    {
        for (String query : List.of("SELECT count(*) FROM " + orders, "SHOW TABLES")) {
            assertThatThrownBy(() -> execute(catalog, query))
                    .as(query)
                    .satisfies(e -> assertThat(e.getMessage())
                            .contains(URI.create(url).getAuthority())
                            // "unable to find valid certification path", "PKIX path building failed", "SSLHandshakeException"
                            .containsAnyOf("certificat", "PKIX", "SSL", "TLS", "truststore"));
        }
    }

    @Test
    void testWrongPasswordOverHttpsFails()
    {
        String catalog = environment.catalog("tls_wrong_password", ImmutableMap.<String, String>builder()
                .put("pinot.controller-urls", tlsCluster.controllerHttpsUrl())
                .put("pinot.broker-urls", tlsCluster.brokerHttpsUrl())
                .put("pinot.tls.truststore-path", truststore.toString())
                .put("pinot.tls.truststore-password", TRUSTSTORE_PASSWORD)
                .put("pinot.tls.truststore-type", "PKCS12")
                .putAll(credentials(ADMIN.name(), "not-" + ADMIN.password()))
                .buildOrThrow());
        assertThatThrownBy(() -> execute(catalog, "SELECT count(*) FROM " + orders))
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("denied").doesNotContain(ADMIN.password()));
    }

    private MaterializedResult execute(String catalog, String query)
    {
        return queryRunner.execute(Session.builder(queryRunner.getDefaultSession()).setCatalog(catalog).setSchema("default").build(), query);
    }

    /** A catalog with the admin's credentials: the cluster refuses every request without them. */
    private String catalog(String name, Map<String, String> properties)
    {
        return environment.catalog(name, ImmutableMap.<String, String>builder()
                .putAll(properties)
                .putAll(credentials(ADMIN.name(), ADMIN.password()))
                .buildOrThrow());
    }

    private static Map<String, String> credentials(String user, String password)
    {
        return ImmutableMap.of(
                "pinot.controller.authentication.type", "PASSWORD",
                "pinot.controller.authentication.user", user,
                "pinot.controller.authentication.password", password,
                "pinot.broker.authentication.type", "PASSWORD",
                "pinot.broker.authentication.user", user,
                "pinot.broker.authentication.password", password);
    }

    private static void createKeyPair(Path keystore, String alias, String distinguishedName, String subjectAlternativeNames)
            throws IOException, InterruptedException
    {
        keytool("-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", distinguishedName, "-ext", "SAN=" + subjectAlternativeNames,
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD, "-keypass", KEYSTORE_PASSWORD);
    }

    private static void trust(Path keystore, String alias, Path truststore)
            throws IOException, InterruptedException
    {
        Path certificate = keystore.resolveSibling(alias + ".pem");
        keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD, "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", TRUSTSTORE_PASSWORD);
    }

    private static void keytool(String... arguments)
            throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new UncheckedIOException(new IOException("keytool failed: " + command + "\n" + output));
        }
    }

    /** 40 orders of 10 users, then updates and deletes. */
    private List<KafkaMessage> orderEvents()
    {
        DebeziumEventFactory factory = SampleCdcTables.ordersFactory("tls", orders);
        Random random = new Random(21);
        Instant now = Instant.parse("2026-11-01T10:15:30.123Z");
        Map<Long, Map<String, Object>> live = new LinkedHashMap<>();
        List<KafkaMessage> events = new ArrayList<>();
        for (long id = 1; id <= 40; id++) {
            Map<String, Object> order = SampleCdcTables.order(id, 1 + id % 10, now.minus(id, ChronoUnit.HOURS), random);
            events.add(message(factory.insert(order)));
            live.put(id, order);
        }
        for (long id = 1; id <= 40; id += 3) {
            Map<String, Object> after = new LinkedHashMap<>(live.get(id));
            after.put("status", "paid");
            events.add(message(factory.update(live.get(id), after)));
            live.put(id, after);
        }
        for (long id = 2; id <= 40; id += 7) {
            events.add(message(factory.delete(live.remove(id))));
        }
        return events;
    }
}

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
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import static dev.pinotcdc.trino.testing.SampleCdcTables.message;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * A Pinot 0.11 cluster with basic authentication on its controller and broker, read through catalogs with right,
 * wrong and missing credentials and with principals allowed only some tables. The same tables with the same events
 * on the open test cluster are the truth of every answer.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcSecuredPinot
{
    private static final String ADMIN_PASSWORD = "admin-pw-7f3c1a";
    private static final String ORDERS_PASSWORD = "orders-pw-9b2e44";
    private static final String USERS_PASSWORD = "users-pw-5d8a10";
    private static final String WRONG_PASSWORD = "wrong-pw-c0ffee";
    // set by the build (src/test/pom.xml); a catalog refers to it as ${ENV:PINOT_CDC_TEST_SECRET}
    private static final String SECRET_VARIABLE = "PINOT_CDC_TEST_SECRET";
    private static final Optional<String> ENV_PASSWORD = Optional.ofNullable(System.getenv(SECRET_VARIABLE));

    private final String orders = PinotTestCluster.uniqueTableName("sec_orders");
    private final String users = PinotTestCluster.uniqueTableName("sec_users");
    private final PinotPrincipal admin = PinotPrincipal.admin("admin", ADMIN_PASSWORD);
    private final PinotPrincipal ordersReader = PinotPrincipal.reader("orders_reader", ORDERS_PASSWORD, Set.of(orders));
    private final PinotPrincipal usersReader = PinotPrincipal.reader("users_reader", USERS_PASSWORD, Set.of(users));
    private final PinotPrincipal envReader = PinotPrincipal.reader("env_reader", ENV_PASSWORD.orElse("unused-" + UUID.randomUUID()), Set.of(orders));

    private PinotCdcTestEnvironment environment;
    private PinotTestCluster securedCluster;
    private QueryRunner queryRunner;
    private String adminCatalog;
    private String ordersCatalog;
    private String usersCatalog;

    @BeforeAll
    void setUp()
    {
        environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();
        securedCluster = PinotTestCluster.start(
                Path.of("target").toAbsolutePath(),
                PinotBasicAuthentication.options(admin, List.of(ordersReader, usersReader, envReader)));

        for (PinotTestCluster cluster : List.of(environment.cluster(), securedCluster)) {
            DebeziumCdcTable.builder(orders).topic(SampleCdcTables.ordersFactory("sec", orders).topic())
                    .primaryKeyColumn("id", PinotColumnType.LONG)
                    .create(cluster)
                    .sendAndAwait(orderEvents());
            DebeziumCdcTable.builder(users).topic(SampleCdcTables.usersFactory("sec", users).topic())
                    .primaryKeyColumn("id", PinotColumnType.LONG)
                    .create(cluster)
                    .sendAndAwait(userEvents());
        }

        adminCatalog = catalog("secured_admin", passwordAuthentication(admin.name(), ADMIN_PASSWORD));
        ordersCatalog = catalog("secured_orders", passwordAuthentication(ordersReader.name(), ORDERS_PASSWORD));
        usersCatalog = catalog("secured_users", passwordAuthentication(usersReader.name(), USERS_PASSWORD));
    }

    @AfterAll
    void tearDown()
    {
        if (securedCluster != null) {
            securedCluster.close();
        }
    }

    @Test
    void testRightCredentialsAnswerAsTheOpenCluster()
    {
        for (String query : List.of(
                "SELECT * FROM %s".formatted(orders),
                "SELECT id, amount FROM %s WHERE status = 'paid' AND user_id < 10".formatted(orders),
                "SELECT status, count(*), sum(amount), max(created_at) FROM %s GROUP BY status".formatted(orders),
                "SELECT count(*) FROM %s".formatted(users),
                "SELECT country, count(*) FROM %s GROUP BY country".formatted(users))) {
            MaterializedResult truth = queryRunner.execute(query);
            assertThat(truth.getRowCount()).as(query).isPositive();
            assertSameRows(execute(adminCatalog, query), truth, query);
            assertSameRows(execute(noPushdown(adminCatalog), query), truth, query);
        }
        String topN = "SELECT id, amount FROM %s ORDER BY created_at DESC, id LIMIT 7".formatted(orders);
        assertThat(execute(adminCatalog, topN).getMaterializedRows())
                .containsExactlyElementsOf(queryRunner.execute(topN).getMaterializedRows());
    }

    @Test
    void testWrongPasswordFailsClearly()
    {
        String catalog = catalog("secured_wrong_password", passwordAuthentication(admin.name(), WRONG_PASSWORD));
        assertAuthenticationRefused(catalog, "SELECT count(*) FROM " + orders, WRONG_PASSWORD);
        assertAuthenticationRefused(catalog, "SHOW TABLES", WRONG_PASSWORD);
    }

    @Test
    void testWrongBrokerPasswordFailsClearly()
    {
        // the controller accepts the catalog; only the broker query is refused
        Map<String, String> properties = ImmutableMap.<String, String>builder()
                .putAll(controllerPassword(admin.name(), ADMIN_PASSWORD))
                .putAll(brokerPassword(admin.name(), WRONG_PASSWORD))
                .buildOrThrow();
        String catalog = catalog("secured_wrong_broker_password", properties);
        assertThat(execute(catalog, "SHOW TABLES").getOnlyColumnAsSet()).contains(orders, users);
        for (String query : List.of("SELECT count(*) FROM " + orders, "SELECT * FROM " + orders + " WHERE id = 3")) {
            assertAuthenticationRefused(catalog, query, WRONG_PASSWORD);
            assertThatThrownBy(() -> execute(catalog, query)).hasMessageContaining(orders).hasMessageContaining("pinot.broker.authentication");
        }
    }

    @Test
    void testMissingCredentialsFailClearly()
    {
        String catalog = catalog("secured_no_credentials", Map.of());
        assertAuthenticationRefused(catalog, "SELECT count(*) FROM " + orders, ADMIN_PASSWORD);
        assertAuthenticationRefused(catalog, "SHOW TABLES", ADMIN_PASSWORD);

        // credentials for the controller only: the broker refuses
        String controllerOnly = catalog("secured_controller_credentials_only", controllerPassword(admin.name(), ADMIN_PASSWORD));
        assertAuthenticationRefused(controllerOnly, "SELECT count(*) FROM " + orders, ADMIN_PASSWORD);
    }

    @Test
    void testPrincipalSeesOnlyItsTables()
    {
        for (String query : List.of(
                "SELECT * FROM " + orders,
                "SELECT status, count(*) FROM " + orders + " GROUP BY status")) {
            assertSameRows(execute(ordersCatalog, query), queryRunner.execute(query), query);
        }
        assertTableRefused(ordersCatalog, users);
        assertTableRefused(usersCatalog, orders);
        assertSameRows(execute(usersCatalog, "SELECT * FROM " + users), queryRunner.execute("SELECT * FROM " + users), users);

        // Pinot 0.11's controller lists every table to every principal: the others are listed, and refused when read
        assertThat(execute(ordersCatalog, "SHOW TABLES").getOnlyColumnAsSet()).contains(orders, users);
        // tools list every table's columns at once: the readable tables' columns, without the others'
        assertColumnListing(ordersCatalog, orders, users);
        assertColumnListing(usersCatalog, users, orders);
    }

    @Test
    void testColumnListingWithWrongBrokerPasswordFails()
    {
        // every table refused is wrong credentials, not table rights: an error, never an empty listing
        String catalog = catalog("secured_wrong_broker_password_columns", ImmutableMap.<String, String>builder()
                .putAll(controllerPassword(admin.name(), ADMIN_PASSWORD))
                .putAll(brokerPassword(admin.name(), WRONG_PASSWORD))
                .buildOrThrow());
        String listing = "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'default'";
        try {
            assertThat(execute(catalog, listing).getMaterializedRows())
                    .containsExactlyInAnyOrderElementsOf(queryRunner.execute(listing).getMaterializedRows().stream()
                            .filter(row -> row.getField(0).equals(orders) || row.getField(0).equals(users))
                            .toList());
        }
        catch (RuntimeException e) {
            assertThat(fullText(e)).containsIgnoringCase("denied").doesNotContain(WRONG_PASSWORD);
        }
    }

    @Test
    void testTwoCatalogsKeepTheirOwnCredentials()
    {
        // interleaved on one Trino: each catalog keeps answering with its own principal's rights
        for (int round = 0; round < 3; round++) {
            assertThat(execute(ordersCatalog, "SELECT count(*) FROM " + orders).getOnlyValue())
                    .isEqualTo(queryRunner.execute("SELECT count(*) FROM " + orders).getOnlyValue());
            assertTableRefused(usersCatalog, orders);
            assertThat(execute(usersCatalog, "SELECT count(*) FROM " + users).getOnlyValue())
                    .isEqualTo(queryRunner.execute("SELECT count(*) FROM " + users).getOnlyValue());
            assertTableRefused(ordersCatalog, users);
        }
        // one query reading both catalogs: each scan with its own credentials
        String join = "SELECT count(*) FROM %s.default.%s o JOIN %s.default.%s u ON o.user_id = u.id".formatted(ordersCatalog, orders, usersCatalog, users);
        String truth = "SELECT count(*) FROM %s o JOIN %s u ON o.user_id = u.id".formatted(orders, users);
        assertThat(queryRunner.execute(join).getOnlyValue()).isEqualTo(queryRunner.execute(truth).getOnlyValue());
    }

    @Test
    void testBearerTokenOfPinotBasicAuthentication()
    {
        // Pinot 0.11 accepts only "Basic <base64(user:password)>" (it calls that value a token); a token of another
        // kind must be refused clearly and never leak
        String opaqueToken = "opaque-token-" + UUID.randomUUID();
        String catalog = catalog("secured_opaque_token", tokenAuthentication(opaqueToken));
        assertAuthenticationRefused(catalog, "SELECT count(*) FROM " + orders, opaqueToken);
    }

    @Test
    void testPinotTokenAsBearerToken()
    {
        // the token Pinot's own tools take (-authToken, *.auth.token): the whole Authorization value. Fails while the
        // connector sends every token as "Bearer <token>": Pinot 0.11 then sees "Bearer Basic ..." and refuses it
        String catalog = catalog("secured_pinot_token", tokenAuthentication(admin.authorization()));
        String query = "SELECT count(*) FROM " + orders;
        assertThat(execute(catalog, query).getOnlyValue()).isEqualTo(queryRunner.execute(query).getOnlyValue());
    }

    @Test
    void testCredentialsNeverShownByTheConnector()
            throws Exception
    {
        String base64 = Base64.getEncoder().encodeToString((admin.name() + ":" + ADMIN_PASSWORD).getBytes(UTF_8));
        List<String> secrets = List.of(ADMIN_PASSWORD, base64, WRONG_PASSWORD);
        // every log line written meanwhile, by the connector or by Trino
        LogRecorder log = new LogRecorder();
        java.util.logging.Logger.getLogger("").addHandler(log);
        try {
            assertCredentialsNotShown(secrets);
        }
        finally {
            java.util.logging.Logger.getLogger("").removeHandler(log);
        }
        // the refused broker queries above have the connector log a warning: the lines were seen
        assertThat(log.text()).as("log lines").contains("dev.pinotcdc.trino").doesNotContain(secrets);
        // and the connector's metrics, over JMX
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        StringBuilder metrics = new StringBuilder();
        for (ObjectName name : server.queryNames(null, null)) {
            if (!name.toString().contains("pinot")) {
                continue;
            }
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                try {
                    metrics.append(name).append(' ').append(attribute.getName()).append('=').append(server.getAttribute(name, attribute.getName())).append('\n');
                }
                catch (Exception | LinkageError e) {
                    metrics.append(name).append(' ').append(attribute.getName()).append(" unreadable\n");
                }
            }
        }
        assertThat(metrics.toString()).as("JMX").contains("secured_admin").doesNotContain(secrets);
    }

    private void assertCredentialsNotShown(List<String> secrets)
    {
        String query = "SELECT id, status FROM %s WHERE user_id = 3".formatted(orders);
        for (String explain : List.of("EXPLAIN ", "EXPLAIN ANALYZE ", "EXPLAIN (TYPE IO, FORMAT JSON) ", "EXPLAIN (TYPE DISTRIBUTED) ")) {
            String text = String.join("\n", execute(adminCatalog, explain + query).getOnlyColumnAsSet().stream().map(String::valueOf).toList());
            assertThat(text).as(explain).contains(orders).doesNotContain(secrets);
        }
        assertThat(execute(adminCatalog, "SHOW SESSION").getMaterializedRows().toString()).doesNotContain(secrets);
        assertThat(execute(adminCatalog, "SHOW STATS FOR " + orders).getMaterializedRows().toString()).doesNotContain(secrets);

        String wrongCatalog = catalog("secured_wrong_password_shown", passwordAuthentication(admin.name(), WRONG_PASSWORD));
        for (String failing : List.of("SELECT count(*) FROM " + orders, "SHOW TABLES", "DESCRIBE " + orders)) {
            assertThatThrownBy(() -> execute(wrongCatalog, failing))
                    .as(failing)
                    .satisfies(e -> assertThat(fullText(e)).doesNotContain(secrets));
        }
        String wrongBroker = catalog("secured_wrong_broker_password_shown", ImmutableMap.<String, String>builder()
                .putAll(controllerPassword(admin.name(), ADMIN_PASSWORD))
                .putAll(brokerPassword(admin.name(), WRONG_PASSWORD))
                .buildOrThrow());
        assertThatThrownBy(() -> execute(wrongBroker, query))
                .satisfies(e -> assertThat(fullText(e)).doesNotContain(secrets));
    }

    /**
     * Trino itself ships each catalog's properties with the plan fragments, so the query's info
     * ({@code /v1/query/<id>}, the web UI) shows a password written in the catalog file. A password given as
     * {@code ${ENV:NAME}} stays a reference there, and the catalog still authenticates with it.
     */
    @Test
    void testEnvironmentSecretStaysOutOfTheQueryInfo()
    {
        assumeTrue(ENV_PASSWORD.isPresent(), SECRET_VARIABLE + " is not set");
        String secret = ENV_PASSWORD.orElseThrow();
        String reference = "${ENV:" + SECRET_VARIABLE + "}";
        String catalog = catalog("secured_env_secret", passwordAuthentication(envReader.name(), reference));
        String base64 = Base64.getEncoder().encodeToString((envReader.name() + ":" + secret).getBytes(UTF_8));

        String marker = "secret_check_" + UUID.randomUUID().toString().replace("-", "");
        String query = "SELECT '%s', count(*) FROM %s".formatted(marker, orders);
        assertThat(execute(catalog, query).getMaterializedRows().getFirst().getField(1))
                .isEqualTo(queryRunner.execute("SELECT count(*) FROM " + orders).getOnlyValue());
        assertThat(queryInfo(marker)).doesNotContain(secret, base64);

        String failingMarker = "secret_check_" + UUID.randomUUID().toString().replace("-", "");
        assertThatThrownBy(() -> execute(catalog, "SELECT '%s', count(*) FROM %s".formatted(failingMarker, users)))
                .satisfies(e -> assertThat(fullText(e)).contains(users).doesNotContain(secret, base64));
        assertThat(queryInfo(failingMarker)).doesNotContain(secret, base64);
    }

    @Test
    void testUrlWithCredentialsRefused()
    {
        String controllerUrl = securedCluster.controllerUrl().replace("://", "://admin:" + ADMIN_PASSWORD + "@");
        for (String property : List.of("pinot.controller-urls", "pinot.broker-urls")) {
            Map<String, String> properties = property.equals("pinot.controller-urls")
                    ? Map.of(property, controllerUrl)
                    : Map.of("pinot.controller-urls", securedCluster.controllerUrl(), property, securedCluster.brokerUrl().replace("://", "://admin:" + ADMIN_PASSWORD + "@"));
            assertThatThrownBy(() -> queryRunner.createCatalog("secured_url_credentials_" + property.replace('.', '_').replace('-', '_'), PinotCdcConnectorFactory.CONNECTOR_NAME, properties))
                    .as(property)
                    .satisfies(e -> assertThat(fullText(e))
                            .contains(property)
                            .containsIgnoringCase("user")
                            .doesNotContain(ADMIN_PASSWORD));
        }
    }

    private void assertAuthenticationRefused(String catalog, String query, String secret)
    {
        assertThatThrownBy(() -> execute(catalog, query))
                .as(query)
                .satisfies(e -> assertThat(fullText(e))
                        // Pinot's controller answers "Permission is denied", its broker error 180, which the connector explains
                        .containsIgnoringCase("denied")
                        .contains("Pinot")
                        .doesNotContain(secret));
    }

    /** Reading a table the principal may not read fails, naming the table: never an empty or partial answer. */
    private void assertTableRefused(String catalog, String table)
    {
        for (String query : List.of("SELECT * FROM " + table, "SELECT count(*) FROM " + table, "DESCRIBE " + table)) {
            assertThatThrownBy(() -> execute(catalog, query))
                    .as(catalog + ": " + query)
                    .satisfies(e -> assertThat(fullText(e)).contains(table));
        }
    }

    private void assertColumnListing(String catalog, String readable, String refused)
    {
        String listing = "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'default' AND table_name IN ('%s', '%s')"
                .formatted(readable, refused);
        List<MaterializedRow> expected = queryRunner.execute(listing).getMaterializedRows().stream()
                .filter(row -> row.getField(0).equals(readable))
                .toList();
        assertThat(expected).isNotEmpty();
        String everything = "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'default'";
        assertThat(execute(catalog, everything).getMaterializedRows()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(execute(catalog, listing).getMaterializedRows()).containsExactlyInAnyOrderElementsOf(expected);
    }

    private MaterializedResult execute(String catalog, String query)
    {
        return queryRunner.execute(session(catalog), query);
    }

    private MaterializedResult execute(Session session, String query)
    {
        return queryRunner.execute(session, query);
    }

    private Session session(String catalog)
    {
        return Session.builder(queryRunner.getDefaultSession()).setCatalog(catalog).setSchema("default").build();
    }

    private Session noPushdown(String catalog)
    {
        return Session.builder(session(catalog)).setCatalogSessionProperty(catalog, "pushdown_enabled", "false").build();
    }

    private String catalog(String name, Map<String, String> properties)
    {
        return environment.catalog(name, ImmutableMap.<String, String>builder()
                .put("pinot.controller-urls", securedCluster.controllerUrl())
                .putAll(properties)
                .buildOrThrow());
    }

    private static Map<String, String> passwordAuthentication(String user, String password)
    {
        return ImmutableMap.<String, String>builder()
                .putAll(controllerPassword(user, password))
                .putAll(brokerPassword(user, password))
                .buildOrThrow();
    }

    private static Map<String, String> controllerPassword(String user, String password)
    {
        return Map.of(
                "pinot.controller.authentication.type", "PASSWORD",
                "pinot.controller.authentication.user", user,
                "pinot.controller.authentication.password", password);
    }

    private static Map<String, String> brokerPassword(String user, String password)
    {
        return Map.of(
                "pinot.broker.authentication.type", "PASSWORD",
                "pinot.broker.authentication.user", user,
                "pinot.broker.authentication.password", password);
    }

    private static Map<String, String> tokenAuthentication(String token)
    {
        return Map.of(
                "pinot.controller.authentication.type", "TOKEN",
                "pinot.controller.authentication.token", token,
                "pinot.broker.authentication.type", "TOKEN",
                "pinot.broker.authentication.token", token);
    }

    private static void assertSameRows(MaterializedResult actual, MaterializedResult expected, String query)
    {
        List<MaterializedRow> rows = actual.getMaterializedRows();
        assertThat(rows).as(query).containsExactlyInAnyOrderElementsOf(expected.getMaterializedRows());
    }

    /** The message of the exception and of all its causes: what a user or a log sees. */
    /** Every log record's message, parameters and stack, as text. */
    private static final class LogRecorder
            extends Handler
    {
        private final Queue<String> records = new ConcurrentLinkedQueue<>();

        @Override
        public void publish(LogRecord logRecord)
        {
            StringBuilder text = new StringBuilder();
            text.append(logRecord.getLoggerName()).append(' ').append(logRecord.getMessage());
            if (logRecord.getParameters() != null) {
                text.append(' ').append(Arrays.toString(logRecord.getParameters()));
            }
            if (logRecord.getThrown() != null) {
                text.append(' ').append(fullText(logRecord.getThrown()));
            }
            records.add(text.toString());
        }

        String text()
        {
            return String.join("\n", records);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    private static String fullText(Throwable throwable)
    {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            text.append(cause).append('\n');
        }
        return text.toString();
    }

    /** The coordinator's query info (what the web UI and the REST API show) of the one query whose text holds the marker. */
    private String queryInfo(String marker)
    {
        String queryId = (String) queryRunner.execute(
                "SELECT query_id FROM system.runtime.queries WHERE query LIKE '%" + marker + "%' AND query NOT LIKE '%system.runtime.queries%'")
                .getOnlyValue();
        URI uri = ((DistributedQueryRunner) queryRunner).getCoordinator().getBaseUrl().resolve("/v1/query/" + queryId);
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(uri).header("X-Trino-User", "user").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains(marker);
            return response.body();
        }
        catch (IOException e) {
            throw new RuntimeException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }

    /** 60 orders of 20 users, then updates and deletes. */
    private List<KafkaMessage> orderEvents()
    {
        DebeziumEventFactory factory = SampleCdcTables.ordersFactory("sec", orders);
        Random random = new Random(12);
        Instant now = Instant.parse("2026-11-01T10:15:30.123Z");
        Map<Long, Map<String, Object>> live = new LinkedHashMap<>();
        List<KafkaMessage> events = new ArrayList<>();
        for (long id = 1; id <= 60; id++) {
            Map<String, Object> order = SampleCdcTables.order(id, 1 + id % 20, now.minus(id, ChronoUnit.HOURS), random);
            events.add(message(factory.insert(order)));
            live.put(id, order);
        }
        for (long id = 1; id <= 60; id += 4) {
            Map<String, Object> after = new LinkedHashMap<>(live.get(id));
            after.put("status", "paid");
            events.add(message(factory.update(live.get(id), after)));
            live.put(id, after);
        }
        for (long id = 3; id <= 60; id += 5) {
            events.add(message(factory.delete(live.remove(id))));
        }
        return events;
    }

    private List<KafkaMessage> userEvents()
    {
        DebeziumEventFactory factory = SampleCdcTables.usersFactory("sec", users);
        Random random = new Random(13);
        Instant now = Instant.parse("2026-11-01T10:15:30.123Z");
        List<KafkaMessage> events = new ArrayList<>();
        for (long id = 1; id <= 20; id++) {
            events.add(message(factory.insert(SampleCdcTables.user(id, now.minus(id, ChronoUnit.DAYS), random))));
        }
        return events;
    }
}

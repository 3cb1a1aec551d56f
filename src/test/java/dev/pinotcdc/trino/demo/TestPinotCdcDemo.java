package dev.pinotcdc.trino.demo;

import dev.pinotcdc.trino.testing.JdbcRows;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's start and stop, run as its main does: every part starts, Trino's answers equal PostgreSQL's after
 * the changes settle, and stopping leaves no process and no listening port behind, so that it starts again.
 */
final class TestPinotCdcDemo
{
    private static final String ORDERS = "SELECT id, user_id, amount, status, created_at FROM orders ORDER BY id";
    private static final String USERS = "SELECT id, name, email, country, created_at FROM users ORDER BY id";
    private static final String PERSONS = "SELECT id, customer_id, name, balance, birth, active, CAST(cardinality(tags) AS bigint) FROM person ORDER BY id";

    @Test
    void testDemoRunsTheWholePipelineAndStopsCleanly()
            throws Exception
    {
        int port = freePort();
        PinotCdcDemo.Settings settings = new PinotCdcDemo.Settings(port, 20, 42, Path.of("target/demo-test"));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        List<Integer> ports;
        List<Long> pids;
        try (PinotCdcDemo demo = PinotCdcDemo.start(settings, new PrintStream(output, true, StandardCharsets.UTF_8))) {
            ports = List.of(port, demo.postgres().port(), URI.create(demo.pinot().controllerUrl()).getPort(), URI.create(demo.pinot().brokerUrl()).getPort());
            pids = List.of(demo.trino().pid(), demo.pinot().pid());

            demo.printTopUsers();
            demo.printHowToConnect();
            // let the generator change the shop while Trino reads it, then let the pipeline settle
            Thread.sleep(3000);
            assertThat(demo.topUsers()).hasSize(10);
            demo.stopChanges();
            demo.awaitTrinoMatchesPostgres(Duration.ofMinutes(2));

            assertThat(demo.topUsers()).isEqualTo(demo.topUsersInPostgres());
            try (Connection trino = demo.connectToTrino(); Connection postgres = demo.connectToPostgres()) {
                for (String query : List.of(ORDERS, USERS, PERSONS)) {
                    assertThat(rows(trino, query)).as(query).isEqualTo(rows(postgres, query));
                }
                // changes were made: orders beyond the seeded ones, and deleted ones
                assertThat(rows(postgres, "SELECT count(*) FROM orders WHERE id > " + ShopDatabase.ORDERS)).isNotEqualTo(List.of(List.of(0L)));
            }
        }

        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .containsPattern("PostgreSQL with tables person, users, orders \\.\\.\\.\n    ready in \\d+\\.\\d s")
                .containsPattern("Pinot 0\\.11 cluster .* \\.\\.\\.\n    ready in \\d+\\.\\d s")
                .containsPattern("Trino \\d+ from the trino-server tarball, port " + port + " .* \\.\\.\\.\n(.*\n)?    ready in \\d+\\.\\d s")
                .contains("top users of the last 30 days")
                .contains("trino --server http://localhost:%s --catalog pinot_cdc --schema default".formatted(port))
                .contains("Stopped in");
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("process %s", pid).isNotEqualTo(java.util.Optional.of(true));
        }
        for (int closedPort : ports) {
            assertThat(isListening(closedPort)).as("port %s", closedPort).isFalse();
        }

        // a second start on the same port works, here without changes: Trino shows the seeded state
        try (PinotCdcDemo again = PinotCdcDemo.start(new PinotCdcDemo.Settings(port, 0, 43, Path.of("target/demo-test")), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            assertThat(again.topUsers()).hasSize(10).isEqualTo(again.topUsersInPostgres());
        }
        assertThat(isListening(port)).isFalse();
    }

    private static List<List<Object>> rows(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            return JdbcRows.read(resultSet);
        }
    }

    private static boolean isListening(int port)
    {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }

    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

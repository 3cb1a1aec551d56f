package dev.pinotcdc.trino.client;

import dev.pinotcdc.trino.client.PinotColumn.Role;
import dev.pinotcdc.trino.client.PinotUpsertConfig.Mode;
import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumFixtures;
import dev.pinotcdc.trino.testing.KafkaMessage;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.PinotTestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The controller and broker clients against the real Pinot 0.11 cluster of the harness. */
class TestPinotClientsOnRealPinot
{
    private static final String TABLE = "client_person";

    private static PinotTestCluster cluster;
    private static PinotControllerClient controller;
    private static PinotBrokerClient broker;

    @BeforeAll
    static void setUp()
    {
        cluster = PinotTestCluster.shared();
        DebeziumCdcTable person = DebeziumCdcTable.builder(TABLE)
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .primaryKeyColumn("customer_id", PinotColumnType.LONG)
                .create(cluster);
        List<KafkaMessage> messages = new ArrayList<>();
        for (String fixture : List.of("snapshot", "insert", "update", "delete")) {
            messages.addAll(DebeziumFixtures.read("connect-precise", fixture));
        }
        person.sendAndAwait(messages);

        // no broker URLs: brokers are discovered through the controller
        PinotClientSettings settings = new PinotClientSettings(
                List.of(URI.create(cluster.controllerUrl())),
                List.of(),
                PinotAuthentication.none(),
                PinotAuthentication.none(),
                Optional.empty(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30));
        controller = new PinotControllerClient(settings);
        broker = new PinotBrokerClient(settings, BrokerLocator.create(settings, controller));
    }

    @AfterAll
    static void tearDown()
    {
        if (broker != null) {
            broker.close();
        }
        if (controller != null) {
            controller.close();
        }
    }

    @Test
    void listsTables()
    {
        assertThat(controller.listTables()).contains(TABLE);
    }

    @Test
    void readsSchema()
    {
        PinotTableSchema schema = controller.getTableSchema(TABLE);

        assertThat(schema.name()).isEqualTo(TABLE);
        assertThat(schema.primaryKeyColumns()).containsExactly("id", "customer_id");
        assertThat(schema.columns()).contains(
                new PinotColumn("id", PinotDataType.LONG, true, Role.DIMENSION),
                new PinotColumn("customer_id", PinotDataType.LONG, true, Role.DIMENSION),
                new PinotColumn("source", PinotDataType.JSON, true, Role.DIMENSION),
                // the harness's STRING columns keep text of up to 65,536 units (Pinot's default is 512)
                new PinotColumn("op", PinotDataType.STRING, true, Role.DIMENSION, Optional.empty(), OptionalInt.of(65_536)),
                new PinotColumn("lsn", PinotDataType.LONG, true, Role.DIMENSION),
                new PinotColumn("ts_ms", PinotDataType.LONG, true, Role.DATE_TIME, Optional.of("1:MILLISECONDS:EPOCH")));
        assertThat(schema.unsupportedColumns()).isEmpty();
    }

    @Test
    void readsUpsertTableConfigWithJsonIndex()
    {
        PinotTableConfig config = controller.getTableConfig(TABLE);

        assertThat(config.tableName()).isEqualTo(TABLE);
        assertThat(config.realtime()).isTrue();
        assertThat(config.offline()).isFalse();
        assertThat(config.upsert()).contains(new PinotUpsertConfig(Mode.FULL, List.of("lsn"), Optional.empty()));
        assertThat(config.jsonIndexColumns()).contains("source");
        assertThat(config.timeColumn()).contains("ts_ms");
    }

    @Test
    void findsTheBroker()
    {
        URI expected = URI.create(cluster.brokerUrl());

        assertThat(controller.getBrokers(TABLE))
                .singleElement()
                .satisfies(url -> {
                    assertThat(url.getScheme()).isEqualTo("http");
                    assertThat(url.getPort()).isEqualTo(expected.getPort());
                });
    }

    @Test
    void unknownTableIsNotFound()
    {
        assertThatThrownBy(() -> controller.getTableConfig("no_such_table"))
                .isInstanceOf(PinotTableNotFoundException.class)
                .hasMessageStartingWith("Pinot table 'no_such_table' does not exist");
        assertThatThrownBy(() -> controller.getTableSchema("no_such_table"))
                .isInstanceOf(PinotTableNotFoundException.class)
                .hasMessageStartingWith("Pinot table 'no_such_table' has no schema on the controller");
        assertThatThrownBy(() -> controller.getBrokers("no_such_table"))
                .isInstanceOf(PinotTableNotFoundException.class)
                .hasMessageStartingWith("Pinot table 'no_such_table' does not exist");
    }

    @Test
    void runsQuery()
    {
        BrokerResult result = broker.execute(BrokerQuery.of(TABLE, "SELECT id, customer_id, op, source FROM client_person ORDER BY id LIMIT 100"));

        assertThat(result.columnNames()).containsExactly("id", "customer_id", "op", "source");
        assertThat(result.columnDataTypes()).containsExactly("LONG", "LONG", "STRING", "JSON");
        // the newest version of each key: 1 and 4 updated, 2 deleted, 3 as inserted
        assertThat(result.rows()).extracting(row -> row.get(0).asLong()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(result.rows()).extracting(row -> row.get(2).asText()).containsExactly("u", "d", "c", "u");
        assertThat(result.stats().numServersQueried()).isEqualTo(1);
        assertThat(result.stats().numServersResponded()).isEqualTo(1);
        assertThat(result.stats().numDocsScanned()).isEqualTo(4);
        assertThat(result.stats().numGroupsLimitReached()).isFalse();
        assertThat(result.resultTableJsonBytes()).isPositive();
    }

    @Test
    void queryOptionsReachPinotAsSetStatements()
    {
        String count = "SELECT COUNT(*) FROM client_person";

        assertThat(broker.execute(BrokerQuery.of(TABLE, count)).rows().getFirst().get(0).asLong()).isEqualTo(4);
        // every version of every key: the snapshot, insert, update and delete messages
        assertThat(broker.execute(BrokerQuery.of(TABLE, count).withOption("skipUpsert", "true")).rows().getFirst().get(0).asLong()).isEqualTo(7);
    }

    @Test
    void badSqlGivesClearError()
    {
        assertThatThrownBy(() -> broker.execute(BrokerQuery.of(TABLE, "SELEC id FROM client_person")))
                .isInstanceOfSatisfying(PinotQueryException.class, e -> assertThat(e.getErrors()).extracting(PinotQueryError::errorCode).containsExactly(150))
                .hasMessageStartingWith("Pinot table 'client_person': the query failed: Pinot error 150: SQLParsingError:")
                .hasMessageContaining("SELEC id FROM client_person");
    }

    @Test
    void unknownColumnGivesClearError()
    {
        assertThatThrownBy(() -> broker.execute(BrokerQuery.of(TABLE, "SELECT no_such_column FROM client_person")))
                .isInstanceOf(PinotQueryException.class)
                .hasMessageStartingWith("Pinot table 'client_person': the query failed: Pinot error ")
                .hasMessageContaining("no_such_column");
    }
}

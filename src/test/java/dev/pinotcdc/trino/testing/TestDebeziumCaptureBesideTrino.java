package dev.pinotcdc.trino.testing;

import io.trino.plugin.tpch.TpchPlugin;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.MaterializedResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.trino.testing.TestingSession.testSessionBuilder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debezium 3.6 and Kafka 4.3 bring their own Jetty, Jackson, Jersey and logging: this proves they run in the same
 * JVM as a Trino query runner, so the end-to-end tests need no separate JVM for the capture.
 */
final class TestDebeziumCaptureBesideTrino
{
    @Test
    void testCaptureAndTrinoInOneJvm()
            throws Exception
    {
        TestingPostgreSql postgres = TestingPostgreSql.shared();
        TestingKafkaBroker kafka = TestingKafkaBroker.shared();
        String database = "beside_trino";
        postgres.createDatabase(database);
        postgres.execute(database, "CREATE TABLE nation (nationkey bigint PRIMARY KEY, name varchar(25))");

        try (DistributedQueryRunner trino = DistributedQueryRunner.builder(testSessionBuilder().setCatalog("tpch").setSchema("tiny").build()).build()) {
            trino.installPlugin(new TpchPlugin());
            trino.createCatalog("tpch", "tpch", Map.of());

            try (DebeziumCapture capture = DebeziumCapture.builder(postgres, database, kafka.bootstrapServers()).topicPrefix("beside").start()) {
                // copy TPC-H's nations through Trino into PostgreSQL, then read them back from Kafka
                MaterializedResult nations = trino.execute("SELECT nationkey, name FROM nation ORDER BY nationkey");
                assertThat(nations.getRowCount()).isEqualTo(25);
                for (var row : nations.getMaterializedRows()) {
                    postgres.execute(database, "INSERT INTO nation VALUES (%s, '%s')".formatted(row.getField(0), row.getField(1)));
                }
                capture.awaitCaughtUp(Duration.ofSeconds(30));

                List<ConsumerRecord<String, String>> messages;
                try (KafkaTopicReader reader = KafkaTopicReader.fromBeginning(kafka.bootstrapServers(), capture.topic("public", "nation"))) {
                    messages = reader.read(25, Duration.ofSeconds(30));
                }
                assertThat(messages).hasSize(25);
                assertThat(messages.getFirst().value()).contains("\"op\":\"c\"", "\"name\":\"ALGERIA\"");
                assertThat(trino.execute("SELECT count(*) FROM region").getOnlyValue()).isEqualTo(5L);
            }
            // closing the capture leaves no replication slot holding WAL, and no publication
            assertThat(postgres.queryLong(database, "SELECT count(*) FROM pg_replication_slots WHERE database = current_database()")).isZero();
            assertThat(postgres.queryLong(database, "SELECT count(*) FROM pg_publication")).isZero();
        }
    }
}

package dev.pinotcdc.trino.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The cluster's Kafka broker: topics and string records for the tables to ingest.
 */
public final class TestingKafka
        implements AutoCloseable
{
    private static final long TIMEOUT_SECONDS = 30;
    // held so the level is not lost when the logger is collected: the clients log every config at INFO
    private static final Logger KAFKA_LOGGER = Logger.getLogger("org.apache.kafka");

    static {
        KAFKA_LOGGER.setLevel(Level.WARNING);
    }

    private final String bootstrapServers;
    private Admin admin;
    private KafkaProducer<String, String> producer;

    TestingKafka(String bootstrapServers)
    {
        this.bootstrapServers = requireNonNull(bootstrapServers, "bootstrapServers is null");
    }

    public String bootstrapServers()
    {
        return bootstrapServers;
    }

    public void createTopic(String topic)
    {
        createTopic(topic, 1);
    }

    public void createTopic(String topic, int partitions)
    {
        try {
            admin().createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (ExecutionException e) {
            // two Pinot tables may consume one topic (an upsert table and one keeping every version)
            if (!(e.getCause() instanceof TopicExistsException) || partitionCount(topic) != partitions) {
                throw new IllegalStateException("Cannot create Kafka topic " + topic, e);
            }
        }
        catch (TimeoutException e) {
            throw new IllegalStateException("Cannot create Kafka topic " + topic, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted creating Kafka topic " + topic, e);
        }
    }

    /**
     * Sends the messages in order and returns once Kafka has acknowledged every one.
     */
    public void send(String topic, List<KafkaMessage> messages)
    {
        send(topic, Optional.empty(), messages);
    }

    /**
     * Sends the messages in order to one partition, whatever their keys, and returns once Kafka has acknowledged every
     * one: a producer that does not partition by key.
     */
    public void send(String topic, int partition, List<KafkaMessage> messages)
    {
        send(topic, Optional.of(partition), messages);
    }

    private void send(String topic, Optional<Integer> partition, List<KafkaMessage> messages)
    {
        KafkaProducer<String, String> producer = producer();
        List<Future<?>> acknowledgements = messages.stream()
                .<Future<?>>map(message -> producer.send(new ProducerRecord<>(topic, partition.orElse(null), message.key().orElse(null), message.value().orElse(null))))
                .toList();
        producer.flush();
        try {
            for (Future<?> acknowledgement : acknowledgements) {
                acknowledgement.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot send to Kafka topic " + topic, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted sending to Kafka topic " + topic, e);
        }
    }

    public void send(String topic, KafkaMessage... messages)
    {
        send(topic, List.of(messages));
    }

    private int partitionCount(String topic)
    {
        try {
            return admin().describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic).partitions().size();
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot describe Kafka topic " + topic, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted describing Kafka topic " + topic, e);
        }
    }

    /**
     * The number of messages in the topic (every partition), as its end offsets say: the count Pinot holds once it
     * has consumed everything.
     */
    public long messageCount(String topic)
    {
        try {
            TopicDescription description = admin().describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> ends = description.partitions().stream()
                    .collect(Collectors.toMap(partition -> new TopicPartition(topic, partition.partition()), _ -> OffsetSpec.latest()));
            return admin().listOffsets(ends).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values().stream()
                    .mapToLong(ListOffsetsResultInfo::offset)
                    .sum();
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the end offsets of Kafka topic " + topic, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted reading the end offsets of Kafka topic " + topic, e);
        }
    }

    private synchronized Admin admin()
    {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        }
        return admin;
    }

    private synchronized KafkaProducer<String, String> producer()
    {
        if (producer == null) {
            producer = new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            ProducerConfig.ACKS_CONFIG, "all",
                            // keeps the order of a key's versions even when a send is retried
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                            ProducerConfig.LINGER_MS_CONFIG, "5"),
                    new StringSerializer(),
                    new StringSerializer());
        }
        return producer;
    }

    @Override
    public synchronized void close()
    {
        if (producer != null) {
            producer.close();
            producer = null;
        }
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}

package dev.pinotcdc.trino.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Reads a topic's messages as text, without a consumer group: what a test asserts against.
 */
public final class KafkaTopicReader
        implements AutoCloseable
{
    private final KafkaConsumer<String, String> consumer;
    private final String topic;

    private KafkaTopicReader(KafkaConsumer<String, String> consumer, String topic)
    {
        this.consumer = requireNonNull(consumer, "consumer is null");
        this.topic = requireNonNull(topic, "topic is null");
    }

    /**
     * A reader at the first message of every partition of the topic.
     */
    public static KafkaTopicReader fromBeginning(String bootstrapServers, String topic)
    {
        KafkaTopicReader reader = open(bootstrapServers, topic);
        reader.consumer.seekToBeginning(reader.consumer.assignment());
        return reader;
    }

    /**
     * A reader that sees only messages written after this call.
     */
    public static KafkaTopicReader fromEnd(String bootstrapServers, String topic)
    {
        KafkaTopicReader reader = open(bootstrapServers, topic);
        reader.consumer.seekToEnd(reader.consumer.assignment());
        // seeking is lazy: resolve the position now, not at the first poll after later writes
        reader.consumer.assignment().forEach(reader.consumer::position);
        return reader;
    }

    private static KafkaTopicReader open(String bootstrapServers, String topic)
    {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10"),
                new StringDeserializer(),
                new StringDeserializer());
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (partitions == null || partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("Topic does not exist: " + topic);
        }
        consumer.assign(partitions.stream().map(partition -> new TopicPartition(topic, partition.partition())).toList());
        return new KafkaTopicReader(consumer, topic);
    }

    /**
     * Polls until at least {@code count} messages arrived, or fails after the timeout.
     */
    public List<ConsumerRecord<String, String>> read(int count, Duration timeout)
    {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Expected %s messages in topic %s within %s, got %s".formatted(count, topic, timeout, records.size()));
            }
            consumer.poll(Duration.ofMillis(5)).forEach(records::add);
        }
        return records;
    }

    /**
     * Every message up to the end of the topic as of this call: after {@link DebeziumCapture#awaitCaughtUp} that
     * is every change committed before it.
     */
    public List<ConsumerRecord<String, String>> readToEnd(Duration timeout)
    {
        Map<TopicPartition, Long> endOffsets = consumer.endOffsets(consumer.assignment(), timeout);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (endOffsets.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read topic %s to its end %s within %s, got %s messages".formatted(topic, endOffsets, timeout, records.size()));
            }
            consumer.poll(Duration.ofMillis(20)).forEach(records::add);
        }
        return records;
    }

    @Override
    public void close()
    {
        consumer.close();
    }
}

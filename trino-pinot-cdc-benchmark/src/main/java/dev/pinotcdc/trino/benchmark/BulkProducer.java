package dev.pinotcdc.trino.benchmark;

import dev.pinotcdc.trino.testing.KafkaMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static java.util.Objects.requireNonNull;

/**
 * Sends many messages fast: large compressed batches, acknowledged asynchronously; the first failed send fails
 * {@link #flush()}. Idempotence keeps each partition's messages in order even when a batch is retried, which an
 * upsert table needs (a key's versions must arrive in order).
 */
final class BulkProducer
        implements AutoCloseable
{
    private final KafkaProducer<String, String> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private long messages;
    private long bytes;

    BulkProducer(String bootstrapServers)
    {
        requireNonNull(bootstrapServers, "bootstrapServers is null");
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                        ProducerConfig.LINGER_MS_CONFIG, "20",
                        ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024),
                        ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024),
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(8 * 1024 * 1024),
                        // the envelope's schema repeats in every message: it compresses about tenfold
                        ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(),
                new StringSerializer());
    }

    void send(String topic, KafkaMessage message)
    {
        Exception failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("Sending to Kafka failed", failed);
        }
        String key = message.key().orElse(null);
        String value = message.value().orElse(null);
        messages++;
        // generated messages are ASCII: characters are bytes
        bytes += (key == null ? 0 : key.length()) + (value == null ? 0 : value.length());
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, exception) -> {
            if (exception != null) {
                failure.compareAndSet(null, exception);
            }
        });
    }

    /** Waits until Kafka acknowledged every message sent. */
    void flush()
    {
        producer.flush();
        Exception failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("Sending to Kafka failed", failed);
        }
    }

    long messages()
    {
        return messages;
    }

    /** Uncompressed bytes of keys and values sent. */
    long bytes()
    {
        return bytes;
    }

    @Override
    public void close()
    {
        producer.close();
    }
}

package dev.pinotcdc.trino.testing;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * Runs Debezium's PostgreSQL connector (pgoutput) and writes its change events to Kafka the way a Kafka Connect
 * worker with {@code JsonConverter} ({@code schemas.enable=true}) for key and value would: one topic per table,
 * {@code <prefix>.<schema>.<table>}, each key and value a {@code {"schema":...,"payload":...}} document.
 * <p>
 * To tell when Kafka holds every change committed so far, {@link #awaitCaughtUp} commits a row to a marker table
 * and waits until the engine has seen it: PostgreSQL decodes transactions in commit order, and every event before
 * the marker has been acknowledged by Kafka by then. Marker events are not written to Kafka.
 */
public final class DebeziumCapture
        implements AutoCloseable
{
    public static final String MARKER_SCHEMA = "pinotcdc_capture";
    public static final String MARKER_TABLE = "marker";
    private static final String POSTGRES_CONNECTOR = "io.debezium.connector.postgresql.PostgresConnector";

    public enum TimePrecisionMode
    {
        ADAPTIVE, ADAPTIVE_TIME_MICROSECONDS, CONNECT;

        String configValue()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum DecimalHandlingMode
    {
        PRECISE, STRING, DOUBLE;

        String configValue()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final TestingPostgreSql postgres;
    private final String database;
    private final String topicPrefix;
    private final String publicationName;
    private final Map<String, String> connectorProperties;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Admin admin;
    private final JsonConverter keyConverter = new JsonConverter();
    private final JsonConverter valueConverter = new JsonConverter();
    private final SimpleHeaderConverter headerConverter = new SimpleHeaderConverter();
    private final Set<String> createdTopics = new HashSet<>();
    private final Set<Long> seenMarkers = new HashSet<>();
    private final AtomicLong publishedEvents = new AtomicLong();
    private final ExecutorService engineExecutor;
    private final DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private volatile Throwable failure;
    private volatile boolean stopped;

    private DebeziumCapture(Builder builder)
    {
        this.postgres = builder.postgres;
        this.database = builder.database;
        this.topicPrefix = builder.topicPrefix;
        String runId = "pinotcdc_" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        this.publicationName = runId;
        this.connectorProperties = Collections.unmodifiableMap(connectorProperties(builder, runId));

        keyConverter.configure(Map.of("schemas.enable", "true"), true);
        valueConverter.configure(Map.of("schemas.enable", "true"), false);
        headerConverter.configure(Map.of());
        this.producer = new KafkaProducer<>(producerProperties(builder.kafkaBootstrapServers, runId), new ByteArraySerializer(), new ByteArraySerializer());
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, builder.kafkaBootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, runId + "-admin"));

        Properties engineProperties = new Properties();
        engineProperties.putAll(connectorProperties);
        this.engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(engineProperties)
                .notifying(this::publish)
                .using((success, message, error) -> {
                    if (!success && !stopped) {
                        failure = error != null ? error : new IllegalStateException(message);
                    }
                    synchronized (seenMarkers) {
                        seenMarkers.notifyAll();
                    }
                })
                .build();
        this.engineExecutor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "debezium-capture-" + topicPrefix);
            thread.setDaemon(true);
            return thread;
        });
    }

    public static Builder builder(TestingPostgreSql postgres, String database, String kafkaBootstrapServers)
    {
        return new Builder(postgres, database, kafkaBootstrapServers);
    }

    private static Map<String, String> connectorProperties(Builder builder, String runId)
    {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("name", runId);
        properties.put("connector.class", POSTGRES_CONNECTOR);
        properties.put("database.hostname", builder.postgres.host());
        properties.put("database.port", String.valueOf(builder.postgres.port()));
        properties.put("database.user", builder.postgres.user());
        properties.put("database.password", builder.postgres.password());
        properties.put("database.dbname", builder.database);
        properties.put("topic.prefix", builder.topicPrefix);
        properties.put("plugin.name", "pgoutput");
        properties.put("slot.name", runId);
        properties.put("publication.name", runId);
        // FOR ALL TABLES, so tables created after the start are captured too
        properties.put("publication.autocreate.mode", "all_tables");
        properties.put("slot.drop.on.stop", "true");
        properties.put("snapshot.mode", "initial");
        // Debezium skips truncates by default
        properties.put("skipped.operations", "none");
        properties.put("time.precision.mode", builder.timePrecisionMode.configValue());
        properties.put("decimal.handling.mode", builder.decimalHandlingMode.configValue());
        properties.put("poll.interval.ms", "50");
        // as in the fixtures: a delete is one event, with no tombstone after it (Pinot cannot ingest a null value)
        properties.put("tombstones.on.delete", "false");
        // the engine's own offsets live in memory: each capture starts from a fresh slot and snapshot
        properties.put("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
        properties.put("offset.flush.interval.ms", "1000");
        properties.putAll(builder.extraProperties);
        return properties;
    }

    private static Properties producerProperties(String bootstrapServers, String runId)
    {
        // what a Connect worker sets for its source tasks' producers
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, runId + "-producer");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
        return properties;
    }

    private DebeziumCapture startEngine(Duration timeout)
    {
        postgres.execute(database,
                "CREATE SCHEMA IF NOT EXISTS " + MARKER_SCHEMA,
                "CREATE TABLE IF NOT EXISTS %s.%s (token bigserial PRIMARY KEY)".formatted(MARKER_SCHEMA, MARKER_TABLE));
        engineExecutor.execute(engine);
        try {
            awaitCaughtUp(timeout);
        }
        catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        return this;
    }

    /**
     * The Kafka topic of a table's change events.
     */
    public String topic(String schema, String table)
    {
        return "%s.%s.%s".formatted(topicPrefix, schema, table);
    }

    public String topicPrefix()
    {
        return topicPrefix;
    }

    public String database()
    {
        return database;
    }

    /**
     * The engine's configuration, as given to Debezium.
     */
    public Map<String, String> connectorProperties()
    {
        return connectorProperties;
    }

    public long publishedEvents()
    {
        return publishedEvents.get();
    }

    /**
     * Creates a table's topic (one partition) ahead of its first event: Pinot looks the topic up when a realtime
     * table is created.
     */
    public void createTopic(String topic)
    {
        synchronized (createdTopics) {
            if (!createdTopics.contains(topic)) {
                createTopic(admin, topic);
                createdTopics.add(topic);
            }
        }
    }

    private static void createTopic(Admin admin, String topic)
    {
        try {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
        catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + topic, e.getCause());
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        catch (TimeoutException e) {
            throw new IllegalStateException("Timed out creating topic " + topic, e);
        }
    }

    /**
     * Waits until every transaction committed in the database before this call has been written to Kafka and
     * acknowledged.
     */
    public void awaitCaughtUp(Duration timeout)
    {
        long token = postgres.queryLong(database, "INSERT INTO %s.%s DEFAULT VALUES RETURNING token".formatted(MARKER_SCHEMA, MARKER_TABLE));
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (seenMarkers) {
            while (!seenMarkers.contains(token)) {
                throwIfFailed();
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMillis <= 0) {
                    throw new IllegalStateException("Debezium did not publish the changes of database %s to Kafka within %s (marker %s, %s events published so far)"
                            .formatted(database, timeout, token, publishedEvents.get()));
                }
                try {
                    seenMarkers.wait(Math.min(remainingMillis, 100));
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            seenMarkers.remove(token);
        }
    }

    private void throwIfFailed()
    {
        Throwable error = failure;
        if (error != null) {
            throw new IllegalStateException("Debezium capture of database %s failed: %s".formatted(database, error), error);
        }
    }

    private void publish(List<RecordChangeEvent<SourceRecord>> events, DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException
    {
        List<Future<RecordMetadata>> sends = new ArrayList<>(events.size());
        List<Long> markers = new ArrayList<>();
        String markerTopic = topic(MARKER_SCHEMA, MARKER_TABLE);
        for (RecordChangeEvent<SourceRecord> event : events) {
            SourceRecord record = event.record();
            if (record.topic().equals(markerTopic)) {
                markerToken(record).ifPresent(markers::add);
            }
            else {
                createTopic(record.topic());
                sends.add(producer.send(toProducerRecord(record)));
            }
            committer.markProcessed(event);
        }
        producer.flush();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            }
            catch (ExecutionException e) {
                throw new IllegalStateException("Kafka did not take a change event", e.getCause());
            }
        }
        publishedEvents.addAndGet(sends.size());
        committer.markBatchFinished();
        if (!markers.isEmpty()) {
            synchronized (seenMarkers) {
                seenMarkers.addAll(markers);
                seenMarkers.notifyAll();
            }
        }
    }

    private static Optional<Long> markerToken(SourceRecord record)
    {
        if (!(record.value() instanceof Struct value) || value.getStruct("after") == null) {
            return Optional.empty();
        }
        return Optional.of(value.getStruct("after").getInt64("token"));
    }

    private ProducerRecord<byte[], byte[]> toProducerRecord(SourceRecord record)
    {
        String topic = record.topic();
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header.key(), headerConverter.fromConnectHeader(topic, header.key(), header.schema(), header.value()));
        }
        byte[] key = keyConverter.fromConnectData(topic, headers, record.keySchema(), record.key());
        byte[] value = valueConverter.fromConnectData(topic, headers, record.valueSchema(), record.value());
        return new ProducerRecord<>(topic, record.kafkaPartition(), record.timestamp(), key, value, headers);
    }

    @Override
    public void close()
    {
        stopped = true;
        try (producer; admin) {
            engine.close();
            engineExecutor.shutdown();
            if (!engineExecutor.awaitTermination(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Debezium engine did not stop within 60 s");
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        finally {
            keyConverter.close();
            valueConverter.close();
            postgres.execute(database, "DROP PUBLICATION IF EXISTS " + publicationName);
        }
    }

    public static final class Builder
    {
        private final TestingPostgreSql postgres;
        private final String database;
        private final String kafkaBootstrapServers;
        private String topicPrefix = "pinotcdc";
        private TimePrecisionMode timePrecisionMode = TimePrecisionMode.CONNECT;
        private DecimalHandlingMode decimalHandlingMode = DecimalHandlingMode.PRECISE;
        private Duration startTimeout = Duration.ofSeconds(60);
        private final Map<String, String> extraProperties = new LinkedHashMap<>();

        private Builder(TestingPostgreSql postgres, String database, String kafkaBootstrapServers)
        {
            this.postgres = requireNonNull(postgres, "postgres is null");
            this.database = requireNonNull(database, "database is null");
            this.kafkaBootstrapServers = requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers is null");
        }

        public Builder topicPrefix(String topicPrefix)
        {
            this.topicPrefix = requireNonNull(topicPrefix, "topicPrefix is null");
            return this;
        }

        public Builder timePrecisionMode(TimePrecisionMode timePrecisionMode)
        {
            this.timePrecisionMode = requireNonNull(timePrecisionMode, "timePrecisionMode is null");
            return this;
        }

        public Builder decimalHandlingMode(DecimalHandlingMode decimalHandlingMode)
        {
            this.decimalHandlingMode = requireNonNull(decimalHandlingMode, "decimalHandlingMode is null");
            return this;
        }

        /**
         * Any other Debezium connector or engine setting; it overrides the defaults above.
         */
        public Builder connectorProperty(String name, String value)
        {
            extraProperties.put(requireNonNull(name, "name is null"), requireNonNull(value, "value is null"));
            return this;
        }

        public Builder startTimeout(Duration startTimeout)
        {
            this.startTimeout = requireNonNull(startTimeout, "startTimeout is null");
            return this;
        }

        /**
         * Starts the engine and returns once the initial snapshot is in Kafka and streaming has begun.
         */
        public DebeziumCapture start()
        {
            return new DebeziumCapture(this).startEngine(startTimeout);
        }
    }
}

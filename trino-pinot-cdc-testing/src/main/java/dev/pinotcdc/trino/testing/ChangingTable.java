package dev.pinotcdc.trino.testing;

import dev.pinotcdc.trino.testing.DebeziumEventFactory.Field;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static dev.pinotcdc.trino.testing.SampleCdcTables.message;
import static java.util.Objects.requireNonNull;

/**
 * An upsert CDC table whose rows keep changing: every key is inserted once, then one thread sends Debezium updates of
 * random keys straight into Kafka at a steady rate until {@link #close()}. The set of live keys never changes, so
 * every scan must return each of them exactly once.
 */
public final class ChangingTable
        implements AutoCloseable
{
    /** How often the change thread sends a batch. */
    private static final int BATCHES_PER_SECOND = 50;

    public enum KeyKind
    {
        /** BIGINT ids, half of them negative. */
        INTEGRAL,
        /** Text ids: empty, Cyrillic, beyond the basic plane, combining marks, quotes. */
        TEXT,
    }

    private final DebeziumCdcTable table;
    private final DebeziumEventFactory events;
    private final KeyKind keyKind;
    private final List<Object> keys;
    private final Map<Object, Map<String, Object>> rows = new LinkedHashMap<>();
    private final int changesPerSecond;
    private final Random random;
    private final AtomicLong changesSent = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread changer;
    private volatile boolean running = true;

    private ChangingTable(DebeziumCdcTable table, DebeziumEventFactory events, KeyKind keyKind, List<Object> keys, int changesPerSecond, long seed)
    {
        this.table = requireNonNull(table, "table is null");
        this.events = requireNonNull(events, "events is null");
        this.keyKind = requireNonNull(keyKind, "keyKind is null");
        this.keys = List.copyOf(keys);
        this.changesPerSecond = changesPerSecond;
        this.random = new Random(seed);
        this.changer = new Thread(this::changeRows, "changes-" + table.tableName());
        this.changer.setDaemon(true);
    }

    /**
     * Creates the table, inserts every key and waits until Pinot holds them all; call {@link #startChanging()} next.
     */
    public static ChangingTable create(PinotTestCluster cluster, String tableName, KeyKind keyKind, int keyCount, int changesPerSecond, int flushThresholdRows)
    {
        DebeziumEventFactory events = new DebeziumEventFactory("live", tableName, List.of(
                keyKind == KeyKind.INTEGRAL ? Field.required("id", "int64") : Field.required("id", "string"),
                Field.optional("status", "string"),
                Field.optional("changes", "int64")),
                List.of("id"));
        DebeziumCdcTable table = DebeziumCdcTable.builder(tableName).topic(events.topic())
                .primaryKeyColumn("id", keyKind == KeyKind.INTEGRAL ? PinotColumnType.LONG : PinotColumnType.STRING)
                .flushThresholdRows(flushThresholdRows)
                .create(cluster);
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < keyCount; i++) {
            keys.add(key(keyKind, i, keyCount));
        }
        ChangingTable changing = new ChangingTable(table, events, keyKind, keys, changesPerSecond, tableName.hashCode());
        List<KafkaMessage> inserts = new ArrayList<>();
        for (Object key : keys) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", key);
            row.put("status", "new");
            row.put("changes", 0L);
            changing.rows.put(key, row);
            inserts.add(message(events.insert(row)));
        }
        table.sendAndAwait(inserts);
        return changing;
    }

    private static Object key(KeyKind keyKind, int index, int keyCount)
    {
        if (keyKind == KeyKind.INTEGRAL) {
            // negative keys too: Pinot's MOD keeps the sign of the dividend
            return (long) index - keyCount / 2;
        }
        if (index == 0) {
            return "";
        }
        return switch (index % 5) {
            case 0 -> "ключ-" + index;
            case 1 -> "\uD83D\uDE00" + index;
            case 2 -> "e\u0301-" + index;
            case 3 -> "it's " + index;
            default -> "order-" + index;
        };
    }

    public void startChanging()
    {
        changer.start();
    }

    public String tableName()
    {
        return table.tableName();
    }

    public KeyKind keyKind()
    {
        return keyKind;
    }

    public List<Object> keys()
    {
        return keys;
    }

    public long changesSent()
    {
        return changesSent.get();
    }

    /** Why the change thread stopped early, if it did. */
    public Optional<Throwable> failure()
    {
        return Optional.ofNullable(failure.get());
    }

    private void changeRows()
    {
        int batch = Math.max(1, changesPerSecond / BATCHES_PER_SECOND);
        long intervalNanos = 1_000_000_000L / BATCHES_PER_SECOND;
        long next = System.nanoTime();
        try {
            while (running) {
                List<KafkaMessage> updates = new ArrayList<>(batch);
                for (int i = 0; i < batch; i++) {
                    Object key = keys.get(random.nextInt(keys.size()));
                    Map<String, Object> before = rows.get(key);
                    Map<String, Object> after = new LinkedHashMap<>(before);
                    long changes = (long) before.get("changes") + 1;
                    after.put("changes", changes);
                    after.put("status", List.of("new", "paid", "shipped", "cancelled").get((int) (changes % 4)));
                    rows.put(key, after);
                    updates.add(message(events.update(before, after)));
                }
                table.send(updates);
                changesSent.addAndGet(updates.size());
                next += intervalNanos;
                long sleepNanos = next - System.nanoTime();
                if (sleepNanos > 0) {
                    Thread.sleep(sleepNanos / 1_000_000, (int) (sleepNanos % 1_000_000));
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (Throwable e) {
            failure.set(e);
        }
    }

    /** Stops changing rows and waits until Pinot holds every change sent. */
    public void stopAndAwaitIngested()
    {
        close();
        table.awaitIngested();
    }

    @Override
    public void close()
    {
        running = false;
        try {
            changer.join(10_000);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

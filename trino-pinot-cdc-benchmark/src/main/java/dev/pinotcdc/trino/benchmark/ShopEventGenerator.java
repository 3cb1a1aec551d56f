package dev.pinotcdc.trino.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinotcdc.trino.testing.DebeziumEventFactory;
import dev.pinotcdc.trino.testing.KafkaMessage;
import dev.pinotcdc.trino.testing.SampleCdcTables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Debezium change events (PostgreSQL connector, JSON converter with schemas, REPLICA IDENTITY DEFAULT) of a shop's
 * {@code users} and {@code orders}, written as message text directly: the envelope's schema text is made once by
 * {@link DebeziumEventFactory} and reused, so generating a million events costs seconds, not minutes.
 * <p>
 * Orders: every key is inserted once, at a point spread over the stream; the other events update a random live
 * order (status, sometimes amount) or, rarely, delete it. {@code created_at} is spread over the year before
 * {@link #now()} and never changes, so "the last 30 days" holds about a twelfth of the orders. The status
 * {@value #RARE_STATUS} is rare. User ids are skewed so that a few users have many orders.
 */
public final class ShopEventGenerator
{
    public static final String RARE_STATUS = "refunded";
    static final List<String> COMMON_STATUSES = List.of("new", "paid", "shipped", "delivered", "cancelled");
    private static final double DELETED_KEY_FRACTION = 0.04;
    private static final double RARE_STATUS_PROBABILITY = 0.0015;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topicPrefix;
    private final Random random;
    private final Instant now;
    private final String ordersEnvelopeSchema;
    private final String ordersKeySchema;
    private final String usersEnvelopeSchema;
    private final String usersKeySchema;
    private long lsn = 100_000_000L;

    public ShopEventGenerator(String topicPrefix, long seed)
    {
        this.topicPrefix = requireNonNull(topicPrefix, "topicPrefix is null");
        this.random = new Random(seed);
        this.now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Random sampleRandom = new Random(seed);
        DebeziumEventFactory.Event order = SampleCdcTables.ordersFactory(topicPrefix, "orders")
                .insert(SampleCdcTables.order(1, 1, now, sampleRandom));
        DebeziumEventFactory.Event user = SampleCdcTables.usersFactory(topicPrefix, "users")
                .insert(SampleCdcTables.user(1, now, sampleRandom));
        this.ordersEnvelopeSchema = field(order.value(), "schema");
        this.ordersKeySchema = field(order.key(), "schema");
        this.usersEnvelopeSchema = field(user.value(), "schema");
        this.usersKeySchema = field(user.key(), "schema");
    }

    public String ordersTopic()
    {
        return topicPrefix + ".public.orders";
    }

    public String usersTopic()
    {
        return topicPrefix + ".public.users";
    }

    /** The moment the data is generated at: created_at values lie in the year before it. */
    public Instant now()
    {
        return now;
    }

    /** The start of "the last 30 days", as the queries state it. */
    public Instant last30DaysStart()
    {
        return now.minus(Duration.ofDays(30));
    }

    /**
     * Users 1..count, inserted, then a tenth of them updated (a new e-mail address).
     */
    public void users(int count, Consumer<KafkaMessage> sink)
    {
        for (int id = 1; id <= count; id++) {
            sink.accept(userEvent("c", id, "user" + id + "@example.com"));
        }
        for (int i = 0; i < count / 10; i++) {
            int id = 1 + random.nextInt(count);
            sink.accept(userEvent("u", id, "user" + id + ".new@example.com"));
        }
    }

    /**
     * The order events, in commit order.
     *
     * @return the id of a live order that changed several times, for the point lookup, and how many orders are live
     */
    public OrdersWritten orders(int events, int keys, int users, Consumer<KafkaMessage> sink)
    {
        OrderState state = new OrderState(keys);
        int deletesLeft = (int) Math.round(keys * DELETED_KEY_FRACTION);
        int nextKey = 1;
        for (int event = 0; event < events; event++) {
            int eventsLeft = events - event;
            int keysLeft = keys - nextKey + 1;
            if (keysLeft > 0 && (state.liveCount == 0 || random.nextInt(eventsLeft) < keysLeft)) {
                int id = nextKey++;
                state.userId[id] = 1 + (int) (users * Math.pow(random.nextDouble(), 2));
                state.amountCents[id] = 100 + random.nextInt(99_900);
                state.status[id] = 0;
                state.createdAt[id] = now.toEpochMilli() - (long) (random.nextDouble() * Duration.ofDays(365).toMillis());
                state.makeLive(id);
                sink.accept(orderEvent("c", id, state));
                continue;
            }
            int id = state.randomLive(random);
            int updatesLeft = eventsLeft - keysLeft;
            if (deletesLeft > 0 && random.nextInt(Math.max(updatesLeft, 1)) < deletesLeft && state.liveCount > 1) {
                deletesLeft--;
                state.remove(id);
                sink.accept(orderDelete(id));
                continue;
            }
            state.versions[id]++;
            state.status[id] = random.nextDouble() < RARE_STATUS_PROBABILITY
                    ? (byte) COMMON_STATUSES.size()
                    : (byte) random.nextInt(COMMON_STATUSES.size());
            if (random.nextInt(4) == 0) {
                state.amountCents[id] = 100 + random.nextInt(99_900);
            }
            sink.accept(orderEvent("u", id, state));
        }
        return new OrdersWritten(state.mostChangedLiveKey(), state.liveCount);
    }

    /** What {@link #orders} wrote: a live order that changed several times, and the number of live orders. */
    public record OrdersWritten(long pointLookupKey, int liveOrders) {}

    private KafkaMessage orderEvent(String op, int id, OrderState state)
    {
        String status = state.status[id] == COMMON_STATUSES.size() ? RARE_STATUS : COMMON_STATUSES.get(state.status[id]);
        String after = "{\"id\":" + id
                + ",\"user_id\":" + state.userId[id]
                + ",\"amount\":\"" + SampleCdcTables.decimalBase64(BigDecimal.valueOf(state.amountCents[id], 2)) + "\""
                + ",\"status\":\"" + status + "\""
                + ",\"created_at\":" + state.createdAt[id] + "}";
        return KafkaMessage.of(key(ordersKeySchema, id), envelope(ordersEnvelopeSchema, "orders", op, "null", after));
    }

    private KafkaMessage orderDelete(int id)
    {
        // REPLICA IDENTITY DEFAULT: the old image holds only the key
        String before = "{\"id\":" + id + ",\"user_id\":null,\"amount\":null,\"status\":null,\"created_at\":null}";
        return KafkaMessage.of(key(ordersKeySchema, id), envelope(ordersEnvelopeSchema, "orders", "d", before, "null"));
    }

    private KafkaMessage userEvent(String op, int id, String email)
    {
        String after = "{\"id\":" + id
                + ",\"name\":\"user " + id + "\""
                + ",\"email\":\"" + email + "\""
                + ",\"country\":\"" + List.of("DE", "FR", "US", "JP", "BR").get(id % 5) + "\""
                + ",\"created_at\":" + (now.toEpochMilli() - id * 60_000L) + "}";
        return KafkaMessage.of(key(usersKeySchema, id), envelope(usersEnvelopeSchema, "users", op, "null", after));
    }

    private static String key(String keySchema, int id)
    {
        return "{\"schema\":" + keySchema + ",\"payload\":{\"id\":" + id + "}}";
    }

    private String envelope(String schema, String table, String op, String before, String after)
    {
        lsn += 8;
        long millis = now.toEpochMilli();
        return "{\"schema\":" + schema + ",\"payload\":{\"before\":" + before + ",\"after\":" + after
                + ",\"source\":{\"version\":\"3.6.1.Final\",\"connector\":\"postgresql\",\"name\":\"" + topicPrefix + "\",\"ts_ms\":" + millis
                + ",\"snapshot\":\"false\",\"db\":\"shop\",\"schema\":\"public\",\"table\":\"" + table + "\",\"lsn\":" + lsn + "}"
                + ",\"transaction\":null,\"op\":\"" + op + "\",\"ts_ms\":" + millis + "}}";
    }

    private static String field(String json, String name)
    {
        try {
            JsonNode node = JSON.readTree(json).get(name);
            return JSON.writeValueAsString(node);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each order's current values, by id, and the set of live ids (for picking one at random). */
    private static final class OrderState
    {
        final int[] userId;
        final int[] amountCents;
        final byte[] status;
        final long[] createdAt;
        final int[] versions;
        final int[] live;
        final int[] livePosition;
        int liveCount;

        OrderState(int keys)
        {
            userId = new int[keys + 1];
            amountCents = new int[keys + 1];
            status = new byte[keys + 1];
            createdAt = new long[keys + 1];
            versions = new int[keys + 1];
            live = new int[keys];
            livePosition = new int[keys + 1];
            Arrays.fill(livePosition, -1);
        }

        void makeLive(int id)
        {
            livePosition[id] = liveCount;
            live[liveCount++] = id;
        }

        int randomLive(Random random)
        {
            return live[random.nextInt(liveCount)];
        }

        void remove(int id)
        {
            int position = livePosition[id];
            int last = live[--liveCount];
            live[position] = last;
            livePosition[last] = position;
            livePosition[id] = -1;
        }

        int mostChangedLiveKey()
        {
            int best = live[0];
            for (int i = 0; i < liveCount; i++) {
                if (versions[live[i]] > versions[best]) {
                    best = live[i];
                }
            }
            return best;
        }
    }
}

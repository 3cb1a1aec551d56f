package dev.pinotcdc.trino.testing;

import dev.pinotcdc.trino.testing.DebeziumEventFactory.Event;
import dev.pinotcdc.trino.testing.DebeziumEventFactory.Field;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The sample CDC tables of the local runner: {@code person} from real Debezium messages, and generated
 * {@code users} and {@code orders} with updates and deletes.
 */
public final class SampleCdcTables
{
    public static final String TOPIC_PREFIX = "shop";

    private SampleCdcTables() {}

    public static void create(PinotTestCluster cluster)
    {
        DebeziumCdcTable person = DebeziumCdcTable.builder("person")
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .primaryKeyColumn("customer_id", PinotColumnType.LONG)
                .create(cluster);
        List<KafkaMessage> personEvents = new ArrayList<>();
        for (String file : List.of("snapshot", "insert", "update", "pk-change", "delete")) {
            personEvents.addAll(DebeziumFixtures.read("connect-precise", file));
        }
        person.sendAndAwait(personEvents);

        Random random = new Random(20261121);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DebeziumEventFactory users = usersFactory();
        DebeziumEventFactory orders = ordersFactory();
        List<KafkaMessage> userEvents = new ArrayList<>();
        List<KafkaMessage> orderEvents = new ArrayList<>();
        int userCount = 200;
        for (long id = 1; id <= userCount; id++) {
            userEvents.add(message(users.insert(user(id, now.minus(random.nextInt(400), ChronoUnit.DAYS), random))));
        }
        for (long id = 1; id <= 2000; id++) {
            Map<String, Object> order = order(id, 1 + random.nextInt(userCount), now.minus(random.nextInt(90 * 24), ChronoUnit.HOURS), random);
            orderEvents.add(message(orders.insert(order)));
            if (random.nextInt(5) == 0) {
                Map<String, Object> shipped = new LinkedHashMap<>(order);
                shipped.put("status", "shipped");
                orderEvents.add(message(orders.update(order, shipped)));
            }
            else if (random.nextInt(20) == 0) {
                orderEvents.add(message(orders.delete(order)));
            }
        }
        DebeziumCdcTable.builder("users").topic(users.topic())
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .create(cluster)
                .sendAndAwait(userEvents);
        DebeziumCdcTable.builder("orders").topic(orders.topic())
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .create(cluster)
                .sendAndAwait(orderEvents);
    }

    public static DebeziumEventFactory usersFactory()
    {
        return usersFactory(TOPIC_PREFIX, "users");
    }

    public static DebeziumEventFactory usersFactory(String topicPrefix, String table)
    {
        return new DebeziumEventFactory(topicPrefix, table, List.of(
                Field.required("id", "int64"),
                Field.optional("name", "string"),
                Field.optional("email", "string"),
                Field.optional("country", "string"),
                Field.logical("created_at", "int64", "org.apache.kafka.connect.data.Timestamp")),
                List.of("id"));
    }

    public static DebeziumEventFactory ordersFactory()
    {
        return ordersFactory(TOPIC_PREFIX, "orders");
    }

    public static DebeziumEventFactory ordersFactory(String topicPrefix, String table)
    {
        return new DebeziumEventFactory(topicPrefix, table, List.of(
                Field.required("id", "int64"),
                Field.optional("user_id", "int64"),
                Field.decimal("amount", 10, 2),
                Field.optional("status", "string"),
                Field.logical("created_at", "int64", "org.apache.kafka.connect.data.Timestamp")),
                List.of("id"));
    }

    public static Map<String, Object> user(long id, Instant createdAt, Random random)
    {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("name", "user " + id);
        row.put("email", "user" + id + "@example.com");
        row.put("country", List.of("DE", "FR", "US", "JP", "BR").get(random.nextInt(5)));
        row.put("created_at", createdAt.toEpochMilli());
        return row;
    }

    public static Map<String, Object> order(long id, long userId, Instant createdAt, Random random)
    {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("user_id", userId);
        row.put("amount", decimalBase64(BigDecimal.valueOf(random.nextInt(100_000), 2)));
        row.put("status", List.of("new", "paid", "cancelled").get(random.nextInt(3)));
        row.put("created_at", createdAt.toEpochMilli());
        return row;
    }

    /** Kafka Connect's Decimal: base64 of the unscaled value's big-endian two's-complement bytes. */
    public static String decimalBase64(BigDecimal value)
    {
        return Base64.getEncoder().encodeToString(value.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().toByteArray());
    }

    public static KafkaMessage message(Event event)
    {
        return event.key() == null ? KafkaMessage.withoutKey(event.value()) : KafkaMessage.of(event.key(), event.value());
    }
}

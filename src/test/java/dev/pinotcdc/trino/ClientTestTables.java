package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumEventFactory;
import dev.pinotcdc.trino.testing.DebeziumFixtures;
import dev.pinotcdc.trino.testing.KafkaMessage;
import dev.pinotcdc.trino.testing.PinotColumnType;
import dev.pinotcdc.trino.testing.PinotTestCluster;
import dev.pinotcdc.trino.testing.SampleCdcTables;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static dev.pinotcdc.trino.testing.SampleCdcTables.message;
import static java.time.ZoneOffset.UTC;

/**
 * The CDC tables the client tests query, created once per test JVM in the shared Pinot cluster: {@code person} from
 * real Debezium messages, and generated {@code users} and {@code orders} change streams (inserts, updates, deletes)
 * whose latest state is kept here as the expected answer.
 */
final class ClientTestTables
{
    static final String PERSON = "clients_person";
    static final String USERS = "clients_users";
    static final String ORDERS = "clients_orders";

    private static final DateTimeFormatter TRINO_TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");
    private static ClientTestTables created;

    private final Instant now;
    private final Map<Long, Map<String, Object>> users;
    private final Map<Long, Map<String, Object>> orders;

    private ClientTestTables(Instant now, Map<Long, Map<String, Object>> users, Map<Long, Map<String, Object>> orders)
    {
        this.now = now;
        this.users = Collections.unmodifiableMap(users);
        this.orders = Collections.unmodifiableMap(orders);
    }

    static synchronized ClientTestTables createOnce(PinotTestCluster cluster)
    {
        if (created == null) {
            created = create(cluster);
        }
        return created;
    }

    private static ClientTestTables create(PinotTestCluster cluster)
    {
        List<KafkaMessage> personEvents = new ArrayList<>();
        for (String file : List.of("snapshot", "insert", "update", "pk-change", "delete")) {
            personEvents.addAll(DebeziumFixtures.read("connect-precise", file));
        }
        DebeziumCdcTable person = DebeziumCdcTable.builder(PERSON)
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .primaryKeyColumn("customer_id", PinotColumnType.LONG)
                .create(cluster);
        person.send(personEvents);

        Random random = new Random(476);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DebeziumEventFactory userFactory = SampleCdcTables.usersFactory("clients", USERS);
        DebeziumEventFactory orderFactory = SampleCdcTables.ordersFactory("clients", ORDERS);
        Map<Long, Map<String, Object>> users = new TreeMap<>();
        Map<Long, Map<String, Object>> orders = new TreeMap<>();
        List<KafkaMessage> userEvents = new ArrayList<>();
        List<KafkaMessage> orderEvents = new ArrayList<>();

        for (long id = 1; id <= 50; id++) {
            Map<String, Object> user = SampleCdcTables.user(id, now.minus(random.nextInt(400), ChronoUnit.DAYS), random);
            userEvents.add(message(userFactory.insert(user)));
            users.put(id, user);
        }
        for (long id = 1; id <= 50; id += 7) {
            Map<String, Object> moved = new LinkedHashMap<>(users.get(id));
            moved.put("country", "NZ");
            userEvents.add(message(userFactory.update(users.get(id), moved)));
            users.put(id, moved);
        }
        for (long id = 5; id <= 50; id += 15) {
            userEvents.add(message(userFactory.delete(users.remove(id))));
        }

        for (long id = 1; id <= 600; id++) {
            // whole minutes, so that no order sits within a few seconds of a time-range bound a test computes from now
            Instant createdAt = now.truncatedTo(ChronoUnit.MINUTES).minus(1 + random.nextInt(60 * 24 * 60), ChronoUnit.MINUTES);
            Map<String, Object> order = SampleCdcTables.order(id, 1 + random.nextInt(50), createdAt, random);
            orderEvents.add(message(orderFactory.insert(order)));
            orders.put(id, order);
        }
        for (long id = 1; id <= 600; id += 4) {
            Map<String, Object> paid = new LinkedHashMap<>(orders.get(id));
            paid.put("status", "paid");
            paid.put("amount", SampleCdcTables.decimalBase64(BigDecimal.valueOf(random.nextInt(100_000), 2)));
            orderEvents.add(message(orderFactory.update(orders.get(id), paid)));
            orders.put(id, paid);
        }
        for (long id = 3; id <= 600; id += 11) {
            orderEvents.add(message(orderFactory.delete(orders.remove(id))));
        }

        DebeziumCdcTable usersTable = DebeziumCdcTable.builder(USERS).topic(userFactory.topic())
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .create(cluster);
        usersTable.send(userEvents);
        DebeziumCdcTable ordersTable = DebeziumCdcTable.builder(ORDERS).topic(orderFactory.topic())
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .create(cluster);
        ordersTable.send(orderEvents);
        person.awaitIngested();
        usersTable.awaitIngested();
        ordersTable.awaitIngested();
        return new ClientTestTables(now, users, orders);
    }

    /**
     * When the events were made; order times lie within the 60 days before.
     */
    Instant now()
    {
        return now;
    }

    /**
     * The latest state of each live user: id to the row as Debezium last sent it.
     */
    Map<Long, Map<String, Object>> users()
    {
        return users;
    }

    /**
     * The latest state of each live order.
     */
    Map<Long, Map<String, Object>> orders()
    {
        return orders;
    }

    static BigDecimal amount(Map<String, Object> order)
    {
        return new BigDecimal(new BigInteger(Base64.getDecoder().decode((String) order.get("amount"))), 2);
    }

    static LocalDateTime createdAt(Map<String, Object> row)
    {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli((Long) row.get("created_at")), UTC);
    }

    /**
     * A timestamp(3) as the Trino CLI prints it.
     */
    static String cliTimestamp(LocalDateTime timestamp)
    {
        return TRINO_TIMESTAMP.format(timestamp);
    }
}

package dev.pinotcdc.trino.demo;

import dev.pinotcdc.trino.testing.TestingPostgreSql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import static java.util.Objects.requireNonNull;

/**
 * The demo's source database in PostgreSQL: {@code person} (a column of every type Debezium encodes specially),
 * {@code users} and {@code orders} (orders spread over the last 60 days).
 */
final class ShopDatabase
{
    static final String DATABASE = "shop";
    static final int USERS = 200;
    static final int ORDERS = 3000;
    static final List<String> COUNTRIES = List.of("DE", "FR", "US", "JP", "BR", "NZ");
    static final List<String> STATUSES = List.of("new", "paid", "shipped", "cancelled");

    private final TestingPostgreSql postgres;

    private ShopDatabase(TestingPostgreSql postgres)
    {
        this.postgres = requireNonNull(postgres, "postgres is null");
    }

    /**
     * Creates the database and its tables, and fills them.
     */
    static ShopDatabase create(TestingPostgreSql postgres, long seed)
    {
        postgres.createDatabase(DATABASE);
        postgres.execute(DATABASE,
                """
                CREATE TABLE person (
                    id bigserial, customer_id bigint, name text, balance numeric(10,2), birth date, created_at timestamp,
                    updated_at timestamptz, active boolean, attrs jsonb, uid uuid, tags text[], PRIMARY KEY (id, customer_id))""",
                "CREATE TABLE users (id bigint PRIMARY KEY, name text, email text, country text, created_at timestamp)",
                "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, amount numeric(10,2), status text, created_at timestamp)");
        ShopDatabase database = new ShopDatabase(postgres);
        database.fill(new Random(seed));
        return database;
    }

    Connection connect()
    {
        return postgres.connect(DATABASE);
    }

    TestingPostgreSql postgres()
    {
        return postgres;
    }

    private void fill(Random random)
    {
        // Debezium's connect time precision carries milliseconds: finer times would differ between PostgreSQL and Trino
        LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement person = connection.prepareStatement(
                    "INSERT INTO person (customer_id, name, balance, birth, created_at, updated_at, active, attrs, uid, tags) " +
                            "VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), gen_random_uuid(), ?)")) {
                for (int i = 1; i <= 20; i++) {
                    person.setLong(1, 100L * (1 + random.nextInt(5)));
                    person.setString(2, "Person " + i);
                    person.setBigDecimal(3, BigDecimal.valueOf(random.nextInt(1_000_000), 2));
                    person.setObject(4, now.toLocalDate().minusDays(7000 + random.nextInt(15000)));
                    person.setObject(5, now.minusMinutes(random.nextInt(100_000)));
                    person.setObject(6, now.minusMinutes(random.nextInt(1000)).atOffset(ZoneOffset.UTC));
                    person.setBoolean(7, random.nextBoolean());
                    person.setString(8, "{\"tier\": \"%s\", \"visits\": %s}".formatted(List.of("gold", "silver", "bronze").get(random.nextInt(3)), random.nextInt(100)));
                    person.setArray(9, connection.createArrayOf("text", new String[] {"tag" + random.nextInt(5), "tag" + random.nextInt(5)}));
                    person.addBatch();
                }
                person.executeBatch();
            }
            try (PreparedStatement user = connection.prepareStatement("INSERT INTO users VALUES (?, ?, ?, ?, ?)")) {
                for (long id = 1; id <= USERS; id++) {
                    setUser(user, id, now.minusDays(random.nextInt(400)), random);
                    user.addBatch();
                }
                user.executeBatch();
            }
            try (PreparedStatement order = connection.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?, ?)")) {
                for (long id = 1; id <= ORDERS; id++) {
                    setOrder(order, id, seededOrderTime(now, random), random);
                    order.addBatch();
                }
                order.executeBatch();
            }
            connection.commit();
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot fill the shop database: " + e.getMessage(), e);
        }
    }

    /**
     * Whole minutes within the last 60 days, none within an hour of the 30-day mark: "the last 30 days" then means
     * the same rows to PostgreSQL and to Trino however long the demo has run, so their answers can be compared.
     */
    private static LocalDateTime seededOrderTime(LocalDateTime now, Random random)
    {
        long minutesAgo;
        do {
            minutesAgo = 1 + random.nextInt(60 * 24 * 60);
        }
        while (Math.abs(minutesAgo - 30 * 24 * 60) < 60);
        return now.truncatedTo(ChronoUnit.MINUTES).minusMinutes(minutesAgo);
    }

    static void setUser(PreparedStatement statement, long id, LocalDateTime createdAt, Random random)
            throws SQLException
    {
        statement.setLong(1, id);
        statement.setString(2, "user " + id);
        statement.setString(3, "user" + id + "@example.com");
        statement.setString(4, COUNTRIES.get(random.nextInt(COUNTRIES.size())));
        statement.setObject(5, createdAt);
    }

    static void setOrder(PreparedStatement statement, long id, LocalDateTime createdAt, Random random)
            throws SQLException
    {
        statement.setLong(1, id);
        // a few customers order much more often than the others: the top-users question has a clear answer
        statement.setLong(2, random.nextInt(4) == 0 ? 1 + random.nextInt(10) : 1 + random.nextInt(USERS));
        statement.setBigDecimal(3, BigDecimal.valueOf(100 + random.nextInt(100_000), 2));
        statement.setString(4, STATUSES.get(random.nextInt(STATUSES.size())));
        statement.setObject(5, createdAt);
    }
}

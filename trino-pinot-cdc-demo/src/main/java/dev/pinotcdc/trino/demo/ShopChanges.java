package dev.pinotcdc.trino.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * Keeps changing the shop like a live application: new orders, orders paid and shipped, orders cancelled and
 * deleted, new users, users moving country, balances of persons, each in a transaction of its own, at a steady rate
 * on a thread of its own.
 */
final class ShopChanges
        implements AutoCloseable
{
    private final ShopDatabase database;
    private final Random random;
    private final long pauseNanos;
    private final AtomicLong transactions = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;
    private long nextOrderId = ShopDatabase.ORDERS + 1;
    private long nextUserId = ShopDatabase.USERS + 1;

    private ShopChanges(ShopDatabase database, long seed, double perSecond)
    {
        this.database = requireNonNull(database, "database is null");
        this.random = new Random(seed);
        this.pauseNanos = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
        this.thread = new Thread(this::run, "shop-changes");
        this.thread.setDaemon(true);
    }

    static ShopChanges start(ShopDatabase database, long seed, double perSecond)
    {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("changes per second must be positive: " + perSecond);
        }
        ShopChanges changes = new ShopChanges(database, seed, perSecond);
        changes.thread.start();
        return changes;
    }

    long transactions()
    {
        return transactions.get();
    }

    /**
     * Stops after the transaction in progress, so that every change made is committed.
     */
    @Override
    public void close()
    {
        // no interrupt: it would reach into the JDBC driver in the middle of a statement
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            System.err.println("The change generator had failed: " + failure);
        }
    }

    private void run()
    {
        try (Connection connection = database.connect()) {
            while (running) {
                change(connection);
                transactions.incrementAndGet();
                try {
                    TimeUnit.NANOSECONDS.sleep(pauseNanos);
                }
                catch (InterruptedException e) {
                    return;
                }
            }
        }
        catch (SQLException | RuntimeException e) {
            if (running) {
                failure = e;
            }
        }
    }

    private void change(Connection connection)
            throws SQLException
    {
        LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        int dice = random.nextInt(100);
        if (dice < 45) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?, ?)")) {
                ShopDatabase.setOrder(insert, nextOrderId++, now, random);
                insert.executeUpdate();
            }
        }
        else if (dice < 75) {
            execute(connection, "UPDATE orders SET status = ?, amount = amount + ? WHERE id = (SELECT id FROM orders WHERE status <> 'shipped' ORDER BY random() LIMIT 1)",
                    ShopDatabase.STATUSES.get(1 + random.nextInt(2)), BigDecimal.valueOf(random.nextInt(500), 2));
        }
        else if (dice < 85) {
            execute(connection, "DELETE FROM orders WHERE id = (SELECT id FROM orders WHERE status = 'cancelled' ORDER BY random() LIMIT 1)");
        }
        else if (dice < 90) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users VALUES (?, ?, ?, ?, ?)")) {
                ShopDatabase.setUser(insert, nextUserId++, now, random);
                insert.executeUpdate();
            }
        }
        else if (dice < 95) {
            execute(connection, "UPDATE users SET country = ? WHERE id = ?",
                    ShopDatabase.COUNTRIES.get(random.nextInt(ShopDatabase.COUNTRIES.size())), (long) 1 + random.nextInt(ShopDatabase.USERS));
        }
        else {
            execute(connection, "UPDATE person SET balance = balance + ?, updated_at = now(), tags = array_append(tags, ?) WHERE id = ?",
                    BigDecimal.valueOf(random.nextInt(10_000), 2), "t" + random.nextInt(100), (long) 1 + random.nextInt(20));
        }
    }

    private static void execute(Connection connection, String sql, Object... parameters)
            throws SQLException
    {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}

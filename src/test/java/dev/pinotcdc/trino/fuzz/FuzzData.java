package dev.pinotcdc.trino.fuzz;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The fuzzer's PostgreSQL tables and a seeded stream of changes to them, full of hostile values: NULLs and all-NULL
 * rows, extremes, {@code infinity} / {@code -infinity} dates and timestamps, NaN, +-Infinity and -0 in real and
 * double, text beyond the BMP, U+FFFF, case variants of one text, empty strings, trailing spaces, LIKE's own
 * characters, far-past and far-future times; primary-key changes, deletes and one TRUNCATE of the side table.
 * Values come from small pools, so that filters, groups and joins meet equal values.
 */
final class FuzzData
{
    static final String MAIN = "fz_main";
    static final String SIDE = "fz_side";

    /** One PostgreSQL column of the main table and the pool its values come from. */
    record Column(String name, String postgresType, List<String> pool)
    {
        Column
        {
            requireNonNull(name, "name is null");
            requireNonNull(postgresType, "postgresType is null");
            pool = List.copyOf(pool);
        }
    }

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private final Random random;
    private final List<Column> mainColumns;
    private final List<Long> liveMainKeys = new ArrayList<>();
    private final List<Integer> liveSideKeys = new ArrayList<>();
    private long nextMainKey = 1;
    private int nextSideKey = 1;
    private int statements;

    FuzzData(long seed)
    {
        this.random = new Random(seed);
        this.mainColumns = mainColumns(random);
    }

    List<Column> mainColumns()
    {
        return mainColumns;
    }

    int statements()
    {
        return statements;
    }

    void createSchema(Connection connection)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TYPE fz_mood AS ENUM ('sad', 'ok', 'Happy', 'happy')");
            statement.execute("CREATE TABLE %s (id bigint PRIMARY KEY, %s)".formatted(MAIN,
                    mainColumns.stream().map(column -> column.name() + " " + column.postgresType()).collect(Collectors.joining(", "))));
            statement.execute("CREATE TABLE %s (id integer PRIMARY KEY, main_id bigint, grp varchar(8), amount numeric(10,2), at timestamp(6), note text)".formatted(SIDE));
        }
    }

    /**
     * Inserts the first rows (they reach Kafka in Debezium's snapshot).
     */
    void load(Connection connection, int mainRows, int sideRows)
            throws SQLException
    {
        for (int i = 0; i < mainRows; i++) {
            insertMain(connection, i % 17 == 5);
        }
        for (int i = 0; i < sideRows; i++) {
            insertSide(connection);
        }
    }

    /**
     * Random inserts, updates, deletes and key changes, committed one by one, with one TRUNCATE of the side table
     * (and a refill) in the middle.
     */
    void change(Connection connection, int changes)
            throws SQLException
    {
        int truncateAt = changes / 2;
        for (int i = 0; i < changes; i++) {
            if (i == truncateAt) {
                execute(connection, "TRUNCATE " + SIDE, List.of());
                liveSideKeys.clear();
                for (int j = 0; j < 25; j++) {
                    insertSide(connection);
                }
                continue;
            }
            int dice = random.nextInt(100);
            boolean side = random.nextInt(4) == 0;
            if (side) {
                if (liveSideKeys.isEmpty() || dice < 40) {
                    insertSide(connection);
                }
                else if (dice < 75) {
                    int key = liveSideKeys.get(random.nextInt(liveSideKeys.size()));
                    execute(connection, "UPDATE %s SET grp = CAST(? AS varchar(8)), amount = CAST(? AS numeric(10,2)) WHERE id = CAST(? AS integer)".formatted(SIDE),
                            Arrays.asList(pick(sideGroups()), String.valueOf(random.nextInt(2000) - 1000) + ".25", String.valueOf(key)));
                }
                else {
                    int key = liveSideKeys.remove(random.nextInt(liveSideKeys.size()));
                    execute(connection, "DELETE FROM %s WHERE id = CAST(? AS integer)".formatted(SIDE), List.of(String.valueOf(key)));
                }
                continue;
            }
            if (liveMainKeys.isEmpty() || dice < 35) {
                insertMain(connection, random.nextInt(20) == 0);
            }
            else if (dice < 75) {
                updateMain(connection);
            }
            else if (dice < 88) {
                long key = liveMainKeys.remove(random.nextInt(liveMainKeys.size()));
                execute(connection, "DELETE FROM %s WHERE id = CAST(? AS bigint)".formatted(MAIN), List.of(String.valueOf(key)));
            }
            else {
                // a primary-key change: Debezium sends a delete of the old key and a create of the new one
                int index = random.nextInt(liveMainKeys.size());
                long oldKey = liveMainKeys.get(index);
                long newKey = newMainKey();
                liveMainKeys.set(index, newKey);
                execute(connection, "UPDATE %s SET id = CAST(? AS bigint) WHERE id = CAST(? AS bigint)".formatted(MAIN), List.of(String.valueOf(newKey), String.valueOf(oldKey)));
            }
        }
    }

    private void insertMain(Connection connection, boolean allNull)
            throws SQLException
    {
        long key = newMainKey();
        liveMainKeys.add(key);
        List<String> parameters = new ArrayList<>();
        parameters.add(String.valueOf(key));
        for (Column column : mainColumns) {
            parameters.add(allNull ? null : value(column));
        }
        execute(connection, "INSERT INTO %s (id, %s) VALUES (CAST(? AS bigint), %s)".formatted(MAIN,
                mainColumns.stream().map(Column::name).collect(Collectors.joining(", ")),
                mainColumns.stream().map(column -> "CAST(? AS %s)".formatted(column.postgresType())).collect(Collectors.joining(", "))), parameters);
    }

    private void updateMain(Connection connection)
            throws SQLException
    {
        long key = liveMainKeys.get(random.nextInt(liveMainKeys.size()));
        List<Column> changed = mainColumns.stream().filter(_ -> random.nextInt(4) == 0).toList();
        if (changed.isEmpty()) {
            changed = List.of(mainColumns.get(random.nextInt(mainColumns.size())));
        }
        List<String> parameters = new ArrayList<>();
        boolean toNull = random.nextInt(15) == 0;
        changed.forEach(column -> parameters.add(toNull ? null : value(column)));
        parameters.add(String.valueOf(key));
        execute(connection, "UPDATE %s SET %s WHERE id = CAST(? AS bigint)".formatted(MAIN,
                changed.stream().map(column -> "%s = CAST(? AS %s)".formatted(column.name(), column.postgresType())).collect(Collectors.joining(", "))), parameters);
    }

    private void insertSide(Connection connection)
            throws SQLException
    {
        int key = nextSideKey;
        nextSideKey += 1 + random.nextInt(2);
        liveSideKeys.add(key);
        // main_id mostly names a main row that exists or existed
        String mainId = random.nextInt(8) == 0 ? null : String.valueOf(1 + random.nextInt((int) Math.max(nextMainKey, 2)));
        String at = random.nextInt(8) == 0 ? null : LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(random.nextInt(86_400 * 400)).format(TIMESTAMP);
        execute(connection, "INSERT INTO %s VALUES (CAST(? AS integer), CAST(? AS bigint), CAST(? AS varchar(8)), CAST(? AS numeric(10,2)), CAST(? AS timestamp(6)), ?)".formatted(SIDE),
                Arrays.asList(String.valueOf(key), mainId, pick(sideGroups()), random.nextInt(8) == 0 ? null : (random.nextInt(2000) - 1000) + "." + random.nextInt(10) + "0",
                        at, pick(List.of("a", "A", "", "b ", "x\uFFFF", "\uD83D\uDE00"))));
    }

    private long newMainKey()
    {
        long key = nextMainKey;
        nextMainKey += 1 + random.nextInt(2);
        return key;
    }

    private String value(Column column)
    {
        if (random.nextInt(100) < 12) {
            return null;
        }
        return pick(column.pool());
    }

    private String pick(List<String> pool)
    {
        return pool.get(random.nextInt(pool.size()));
    }

    private static List<String> sideGroups()
    {
        return Arrays.asList("g1", "G1", "g2", "", "g 3 ", null);
    }

    private void execute(Connection connection, String sql, List<String> parameters)
            throws SQLException
    {
        statements++;
        try (PreparedStatement prepared = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i) == null) {
                    prepared.setNull(i + 1, Types.VARCHAR);
                }
                else {
                    prepared.setString(i + 1, parameters.get(i));
                }
            }
            prepared.execute();
        }
        catch (SQLException e) {
            throw new SQLException("Fuzz data statement failed: %s %s".formatted(sql, parameters), e);
        }
    }

    private static List<Column> mainColumns(Random random)
    {
        // U+FFFF and U+FFFE alone are the defaults the connector extracts a missing text as
        List<String> texts = List.of("", " ", "a", "A", "a ", "abc", "ABC", "Abc", "abc ", "abd", "ab", "a_c", "a%c", "a\\c", "50%", "O'Reilly",
                "\uD83D\uDE00", "\uD83D\uDE00x", "x\uFFFF", "\uFFFFx", "\uFFFF", "\uFFFE", "Straße", "STRASSE", "é", "e\u0301", "null", "NULL", "zz", "Zz", "0", "10", "9");
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            uuids.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        uuids.add("00000000-0000-0000-0000-000000000000");
        uuids.add("ffffffff-ffff-ffff-ffff-ffffffffffff");
        return List.of(
                new Column("c_int", "integer", withRandom(List.of("-2147483648", "2147483647", "0", "-1", "1", "2", "3", "42", "-42", "100"), () -> String.valueOf(random.nextInt(21) - 10))),
                new Column("c_small", "smallint", List.of("-32768", "32767", "0", "1", "-1", "7", "8")),
                new Column("c_big", "bigint", withRandom(List.of("-9223372036854775808", "9223372036854775807", "0", "-1", "1", "1000000000000", "4294967296"),
                        () -> String.valueOf(random.nextLong()))),
                new Column("c_real", "real", List.of("NaN", "Infinity", "-Infinity", "-0", "0", "1.5", "-2.25", "3.4028235e38", "-3.4028235e38", "1.4e-45", "0.1", "100")),
                new Column("c_double", "double precision", List.of("NaN", "Infinity", "-Infinity", "-0", "0", "1.5", "-2.25", "1.7976931348623157e308", "4.9e-324", "0.1", "0.30000000000000004", "1e15", "-7")),
                new Column("c_num", "numeric(12,3)", List.of("999999999.999", "-999999999.999", "0", "0.001", "-0.001", "1.5", "2.250", "10", "-10.5", "12345.678")),
                new Column("c_bool", "boolean", List.of("true", "false")),
                new Column("c_text", "text", texts),
                new Column("c_varchar", "varchar(16)", texts),
                new Column("c_char", "char(4)", List.of("", "a", "A", "ab", "ab ", "AB", "a_c", "x\uFFFF")),
                new Column("c_date", "date", List.of("infinity", "-infinity", "0001-01-01", "1969-12-31", "1970-01-01", "1970-01-02", "2000-02-29", "2024-01-01",
                        "2024-12-31", "9999-12-31", "1900-03-01", "1582-10-15")),
                new Column("c_ts", "timestamp(6)", withRandom(List.of("infinity", "-infinity", "0001-01-01 00:00:00", "1969-12-31 23:59:59.999999", "1970-01-01 00:00:00",
                                "1960-06-15 12:34:56.789012", "2000-01-01 00:00:00", "2024-02-29 23:59:59.999999", "9999-12-31 23:59:59.999999", "2024-07-04 10:00:00.000001"),
                        () -> LocalDateTime.of(1950, 1, 1, 0, 0).plusNanos(random.nextLong(3_000_000_000_000_000L) * 1000).format(TIMESTAMP))),
                new Column("c_tstz", "timestamptz", List.of("infinity", "-infinity", "0001-01-01 00:00:00+00", "1969-12-31 23:59:59.999999+00", "1970-01-01 00:00:00+00",
                        "2024-03-10 02:30:00+05:30", "2000-01-01 00:00:00-08", "9999-12-31 23:59:59.999999+00", "2024-07-04 10:00:00.000001+00")),
                new Column("c_time", "time(6)", List.of("00:00:00", "23:59:59.999999", "12:00:00", "12:00:00.000001", "06:30:15.5")),
                new Column("c_uuid", "uuid", uuids),
                new Column("c_enum", "fz_mood", List.of("sad", "ok", "Happy", "happy")),
                new Column("c_bytes", "bytea", List.of("\\x", "\\x00", "\\xff00", "\\x414243", "\\x616263")),
                new Column("c_json", "jsonb", List.of("{}", "[]", "null", "{\"a\": 1}", "{\"a\": \"x\uFFFF\"}", "[1, 2]", "\"text\"")));
    }

    private static List<String> withRandom(List<String> values, Supplier<String> random)
    {
        List<String> all = new ArrayList<>(values);
        for (int i = 0; i < 12; i++) {
            all.add(random.get());
        }
        return all;
    }
}

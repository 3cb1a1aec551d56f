package dev.pinotcdc.trino.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * A seeded random stream of PostgreSQL transactions for parity tests: inserts, updates of some or all columns,
 * deletes, primary-key changes, delete-and-reinsert of a key in one transaction, and one TRUNCATE, over tables
 * holding a column of every type Debezium maps, with NULLs, unicode and extreme numbers.
 * <p>
 * The same seed gives the same statements: the generator keeps its own view of the live keys and never reads the
 * database. Values stay below PostgreSQL's TOAST threshold (no {@code __debezium_unavailable_value}) and avoid
 * NaN and infinities (JSON has no encoding for them).
 */
public final class CdcWorkload
{
    public static final String SEED_PROPERTY = "pinotcdc.workload.seed";
    public static final String ENUM_TYPE = "wl_mood";

    public enum ReplicaIdentity
    {
        DEFAULT, FULL
    }

    public enum Operation
    {
        INSERT, UPDATE, DELETE, KEY_CHANGE, REINSERT, TRUNCATE
    }

    public record WorkloadColumn(String name, String type)
    {
        public WorkloadColumn
        {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }

    public record WorkloadTable(String name, List<WorkloadColumn> keyColumns, List<WorkloadColumn> valueColumns, ReplicaIdentity replicaIdentity)
    {
        public WorkloadTable
        {
            requireNonNull(name, "name is null");
            keyColumns = List.copyOf(keyColumns);
            valueColumns = List.copyOf(valueColumns);
            requireNonNull(replicaIdentity, "replicaIdentity is null");
        }

        public List<WorkloadColumn> columns()
        {
            List<WorkloadColumn> columns = new ArrayList<>(keyColumns);
            columns.addAll(valueColumns);
            return columns;
        }
    }

    /**
     * One statement: SQL text with {@code ?} parameters, each bound as text (or NULL) and cast in the SQL.
     */
    public record WorkloadStatement(Operation operation, String table, String sql, List<String> parameters)
    {
        public WorkloadStatement
        {
            requireNonNull(operation, "operation is null");
            requireNonNull(table, "table is null");
            requireNonNull(sql, "sql is null");
            // parameters may hold nulls
            parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    private static final List<String> TEXT_PIECES = List.of(
            "plain", "", " ", "O'Reilly", "say \"hi\"", "back\\slash", "tab\tand\nnewline", "\uD83D\uDE00 emoji", "漢字かな",
            "שלום", "e\u0301 combining", "NULL", "null", "{\"a\":1}", "comma, separated", "\u00A0nbsp", "Straße", "Ω≈ç√", "0", "-1.5e10");
    private static final List<String> REGIONS = List.of("eu", "us-west", "Zürich", "東京", "a'b");
    private static final List<String> MOODS = List.of("sad", "ok", "happy", "très bien");

    private final long seed;
    private final Random random;
    private final List<TableState> tables;
    private final Map<Operation, Integer> counts = new EnumMap<>(Operation.class);
    private int transactions;

    private CdcWorkload(long seed)
    {
        this.seed = seed;
        this.random = new Random(seed);
        this.tables = List.of(
                new TableState(new WorkloadTable("wl_types", List.of(new WorkloadColumn("id", "bigint")), valueColumns(), ReplicaIdentity.DEFAULT)),
                new TableState(new WorkloadTable("wl_types_full",
                        List.of(new WorkloadColumn("region", "text"), new WorkloadColumn("seq", "integer")),
                        valueColumns(),
                        ReplicaIdentity.FULL)),
                new TableState(new WorkloadTable("wl_ledger",
                        List.of(new WorkloadColumn("id", "integer")),
                        List.of(new WorkloadColumn("account", "varchar(32)"), new WorkloadColumn("amount", "numeric(18,4)"), new WorkloadColumn("note", "text")),
                        ReplicaIdentity.DEFAULT)));
    }

    /**
     * A workload seeded from the system property {@value #SEED_PROPERTY}, or from a random seed; the seed is printed
     * so that a failing run can be repeated.
     */
    public static CdcWorkload create()
    {
        String property = System.getProperty(SEED_PROPERTY);
        long seed = property == null || property.isBlank() ? new Random().nextLong() : Long.parseLong(property.trim());
        System.out.println("CdcWorkload seed %s (repeat with -D%s=%s)".formatted(seed, SEED_PROPERTY, seed));
        return new CdcWorkload(seed);
    }

    public static CdcWorkload create(long seed)
    {
        System.out.println("CdcWorkload seed %s".formatted(seed));
        return new CdcWorkload(seed);
    }

    public long seed()
    {
        return seed;
    }

    public List<WorkloadTable> tables()
    {
        return tables.stream().map(TableState::table).toList();
    }

    /**
     * How many statements of each kind were generated so far.
     */
    public Map<Operation, Integer> counts()
    {
        return Map.copyOf(counts);
    }

    /**
     * The enum type and the tables, in the database's {@code public} schema.
     */
    public List<String> schemaStatements()
    {
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TYPE %s AS ENUM (%s)".formatted(ENUM_TYPE, MOODS.stream().map(mood -> "'" + mood + "'").collect(Collectors.joining(", "))));
        for (TableState state : tables) {
            WorkloadTable table = state.table();
            statements.add("CREATE TABLE %s (%s, PRIMARY KEY (%s))".formatted(
                    table.name(),
                    table.columns().stream().map(column -> column.name() + " " + column.type()).collect(Collectors.joining(", ")),
                    table.keyColumns().stream().map(WorkloadColumn::name).collect(Collectors.joining(", "))));
            statements.add("ALTER TABLE %s REPLICA IDENTITY %s".formatted(table.name(), table.replicaIdentity()));
        }
        return statements;
    }

    public void createSchema(Connection connection)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            for (String sql : schemaStatements()) {
                statement.execute(sql);
            }
        }
    }

    /**
     * Generates and commits the given number of random transactions.
     */
    public void run(Connection connection, int transactionCount)
            throws SQLException
    {
        run(connection, transactionCount, -1);
    }

    /**
     * Like {@link #run(Connection, int)}, with one TRUNCATE of the ledger table at a random point of the middle third.
     */
    public void runWithTruncate(Connection connection, int transactionCount)
            throws SQLException
    {
        if (transactionCount < 3) {
            throw new IllegalArgumentException("A run with a truncate needs at least 3 transactions");
        }
        run(connection, transactionCount, transactionCount / 3 + random.nextInt(Math.max(transactionCount / 3, 1)));
    }

    private void run(Connection connection, int transactionCount, int truncateAt)
            throws SQLException
    {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int i = 0; i < transactionCount; i++) {
                List<WorkloadStatement> transaction = i == truncateAt ? truncateTransaction() : nextTransaction();
                for (WorkloadStatement statement : transaction) {
                    execute(connection, statement);
                }
                connection.commit();
            }
        }
        catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
        finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void execute(Connection connection, WorkloadStatement statement)
            throws SQLException
    {
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            for (int i = 0; i < statement.parameters().size(); i++) {
                String value = statement.parameters().get(i);
                if (value == null) {
                    prepared.setNull(i + 1, Types.VARCHAR);
                }
                else {
                    prepared.setString(i + 1, value);
                }
            }
            prepared.execute();
        }
        catch (SQLException e) {
            throw new SQLException("Workload statement failed: %s %s".formatted(statement.sql(), statement.parameters()), e);
        }
    }

    /**
     * The statements of the next transaction (one to four), without running them.
     */
    public List<WorkloadStatement> nextTransaction()
    {
        transactions++;
        List<WorkloadStatement> statements = new ArrayList<>();
        int size = 1 + random.nextInt(4);
        for (int i = 0; i < size; i++) {
            TableState table = tables.get(random.nextInt(tables.size()));
            int dice = random.nextInt(100);
            if (table.liveKeys.isEmpty() || dice < 40) {
                statements.add(table.insert());
            }
            else if (dice < 70) {
                statements.add(table.update());
            }
            else if (dice < 82) {
                statements.add(table.delete());
            }
            else if (dice < 92) {
                statements.add(table.changeKey());
            }
            else {
                // the same key deleted and inserted again within one transaction
                List<String> key = table.randomLiveKey();
                statements.add(table.delete(key, Operation.REINSERT));
                statements.add(table.insert(key, Operation.REINSERT));
            }
        }
        return statements;
    }

    /**
     * A transaction that empties the ledger table and starts refilling it.
     */
    public List<WorkloadStatement> truncateTransaction()
    {
        transactions++;
        TableState ledger = tables.getLast();
        ledger.liveKeys.clear();
        count(Operation.TRUNCATE);
        return List.of(new WorkloadStatement(Operation.TRUNCATE, ledger.table().name(), "TRUNCATE " + ledger.table().name(), List.of()), ledger.insert());
    }

    public int transactions()
    {
        return transactions;
    }

    private void count(Operation operation)
    {
        counts.merge(operation, 1, Integer::sum);
    }

    private final class TableState
    {
        private final WorkloadTable table;
        private final List<List<String>> liveKeys = new ArrayList<>();
        private long nextKey = 1;

        private TableState(WorkloadTable table)
        {
            this.table = table;
        }

        WorkloadTable table()
        {
            return table;
        }

        WorkloadStatement insert()
        {
            return insert(newKey(), Operation.INSERT);
        }

        WorkloadStatement insert(List<String> key, Operation operation)
        {
            count(operation);
            liveKeys.add(key);
            List<String> parameters = new ArrayList<>(key);
            table.valueColumns().forEach(column -> parameters.add(value(column)));
            String sql = "INSERT INTO %s (%s) VALUES (%s)".formatted(
                    table.name(),
                    table.columns().stream().map(WorkloadColumn::name).collect(Collectors.joining(", ")),
                    table.columns().stream().map(CdcWorkload::castParameter).collect(Collectors.joining(", ")));
            return new WorkloadStatement(operation, table.name(), sql, parameters);
        }

        WorkloadStatement update()
        {
            count(Operation.UPDATE);
            List<String> key = randomLiveKey();
            // sometimes one column, sometimes all of them
            List<WorkloadColumn> changed = random.nextBoolean()
                    ? List.of(table.valueColumns().get(random.nextInt(table.valueColumns().size())))
                    : table.valueColumns().stream().filter(_ -> random.nextInt(3) > 0).toList();
            if (changed.isEmpty()) {
                changed = List.of(table.valueColumns().getFirst());
            }
            List<String> parameters = new ArrayList<>();
            changed.forEach(column -> parameters.add(value(column)));
            parameters.addAll(key);
            String sql = "UPDATE %s SET %s WHERE %s".formatted(table.name(), assignments(changed), keyPredicate());
            return new WorkloadStatement(Operation.UPDATE, table.name(), sql, parameters);
        }

        WorkloadStatement delete()
        {
            return delete(randomLiveKey(), Operation.DELETE);
        }

        WorkloadStatement delete(List<String> key, Operation operation)
        {
            if (operation == Operation.DELETE) {
                count(operation);
            }
            liveKeys.remove(key);
            return new WorkloadStatement(operation, table.name(), "DELETE FROM %s WHERE %s".formatted(table.name(), keyPredicate()), key);
        }

        WorkloadStatement changeKey()
        {
            count(Operation.KEY_CHANGE);
            List<String> oldKey = randomLiveKey();
            List<String> newKey = newKey();
            liveKeys.remove(oldKey);
            liveKeys.add(newKey);
            List<String> parameters = new ArrayList<>(newKey);
            // a key change may also change a value
            boolean withValue = random.nextBoolean();
            WorkloadColumn valueColumn = table.valueColumns().get(random.nextInt(table.valueColumns().size()));
            if (withValue) {
                parameters.add(value(valueColumn));
            }
            parameters.addAll(oldKey);
            List<WorkloadColumn> assigned = new ArrayList<>(table.keyColumns());
            if (withValue) {
                assigned.add(valueColumn);
            }
            String sql = "UPDATE %s SET %s WHERE %s".formatted(table.name(), assignments(assigned), keyPredicate());
            return new WorkloadStatement(Operation.KEY_CHANGE, table.name(), sql, parameters);
        }

        List<String> randomLiveKey()
        {
            return liveKeys.get(random.nextInt(liveKeys.size()));
        }

        private List<String> newKey()
        {
            long number = nextKey;
            nextKey += 1 + random.nextInt(3);
            if (table.keyColumns().size() == 2) {
                return List.of(REGIONS.get(random.nextInt(REGIONS.size())), String.valueOf(number));
            }
            // some negative keys, and the extremes of a bigint key
            if (table.keyColumns().getFirst().type().equals("bigint") && random.nextInt(20) == 0) {
                long extreme = random.nextBoolean() ? Long.MAX_VALUE - number : Long.MIN_VALUE + number;
                return List.of(String.valueOf(extreme));
            }
            return List.of(String.valueOf(random.nextInt(10) == 0 ? -number : number));
        }

        private String assignments(List<WorkloadColumn> columns)
        {
            return columns.stream().map(column -> column.name() + " = " + castParameter(column)).collect(Collectors.joining(", "));
        }

        private String keyPredicate()
        {
            return table.keyColumns().stream().map(column -> column.name() + " = " + castParameter(column)).collect(Collectors.joining(" AND "));
        }
    }

    private static String castParameter(WorkloadColumn column)
    {
        return "CAST(? AS %s)".formatted(column.type());
    }

    private static List<WorkloadColumn> valueColumns()
    {
        return List.of(
                new WorkloadColumn("c_smallint", "smallint"),
                new WorkloadColumn("c_integer", "integer"),
                new WorkloadColumn("c_bigint", "bigint"),
                new WorkloadColumn("c_real", "real"),
                new WorkloadColumn("c_double", "double precision"),
                new WorkloadColumn("c_numeric", "numeric(20,5)"),
                new WorkloadColumn("c_numeric_wide", "numeric(38,10)"),
                new WorkloadColumn("c_numeric_any", "numeric"),
                new WorkloadColumn("c_boolean", "boolean"),
                new WorkloadColumn("c_text", "text"),
                new WorkloadColumn("c_varchar", "varchar(64)"),
                new WorkloadColumn("c_char", "char(8)"),
                new WorkloadColumn("c_bytea", "bytea"),
                new WorkloadColumn("c_date", "date"),
                new WorkloadColumn("c_time", "time(6)"),
                new WorkloadColumn("c_time_ms", "time(3)"),
                new WorkloadColumn("c_timetz", "timetz"),
                new WorkloadColumn("c_timestamp", "timestamp(6)"),
                new WorkloadColumn("c_timestamp_ms", "timestamp(3)"),
                new WorkloadColumn("c_timestamptz", "timestamptz"),
                new WorkloadColumn("c_interval", "interval"),
                new WorkloadColumn("c_json", "json"),
                new WorkloadColumn("c_jsonb", "jsonb"),
                new WorkloadColumn("c_uuid", "uuid"),
                new WorkloadColumn("c_enum", ENUM_TYPE),
                new WorkloadColumn("c_bit", "bit(8)"),
                new WorkloadColumn("c_varbit", "varbit(16)"),
                new WorkloadColumn("c_text_array", "text[]"),
                new WorkloadColumn("c_int_array", "integer[]"),
                new WorkloadColumn("c_money", "money"));
    }

    /**
     * A value of the column's type in PostgreSQL's text form, or null.
     */
    private String value(WorkloadColumn column)
    {
        if (random.nextInt(100) < 15) {
            return null;
        }
        return switch (column.type()) {
            case "smallint" -> pick(String.valueOf(Short.MIN_VALUE), String.valueOf(Short.MAX_VALUE), "0", () -> String.valueOf((short) random.nextInt()));
            case "integer" -> pick(String.valueOf(Integer.MIN_VALUE), String.valueOf(Integer.MAX_VALUE), "0", () -> String.valueOf(random.nextInt()));
            case "bigint" -> pick(String.valueOf(Long.MIN_VALUE), String.valueOf(Long.MAX_VALUE), "-1", () -> String.valueOf(random.nextLong()));
            case "real" -> pick("3.4028235e38", "1.4e-45", "-0", () -> Float.toString((float) (random.nextGaussian() * Math.pow(10, random.nextInt(61) - 30))));
            case "double precision" -> pick("1.7976931348623157e308", "4.9e-324", "-2.2250738585072014e-308",
                    () -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(601) - 300)));
            case "numeric(20,5)" -> pick("999999999999999.99999", "-999999999999999.99999", "0.00001", () -> decimal(15, 5));
            case "numeric(38,10)" -> pick("9999999999999999999999999999.9999999999", "-0.0000000001", "0", () -> decimal(28, 10));
            case "numeric" -> pick("123456789012345678901234567890123456789012345678901234567890", "0.000000000000000000000000000000000001", "-1e-3",
                    () -> decimal(1 + random.nextInt(40), random.nextInt(25)));
            case "boolean" -> String.valueOf(random.nextBoolean());
            case "text" -> text(4, random.nextInt(10) == 0 ? 400 : 80);
            case "varchar(32)", "varchar(64)" -> text(2, 30);
            case "char(8)" -> text(1, 8);
            case "bytea" -> "\\x" + HexFormat.of().formatHex(bytes(random.nextInt(24)));
            case "date" -> pick("0001-01-01", "1969-12-31", "9999-12-31", () -> LocalDate.ofEpochDay(random.nextLong(-25_000, 50_000)).toString());
            case "time(6)" -> pick("00:00:00", "23:59:59.999999", "12:00:00.000001", () -> time().format(TIME));
            case "time(3)" -> pick("00:00:00", "23:59:59.999", "12:00:00.001", () -> time().format(TIME).substring(0, 12));
            case "timetz" -> time().format(TIME) + offset();
            case "timestamp(6)" -> pick("1970-01-01 00:00:00", "1969-12-31 23:59:59.999999", "9999-12-31 23:59:59.999999", () -> timestamp().format(TIMESTAMP));
            case "timestamp(3)" -> pick("1970-01-01 00:00:00", "1969-12-31 23:59:59.999", "9999-12-31 23:59:59.999", () -> timestamp().format(TIMESTAMP).substring(0, 23));
            case "timestamptz" -> pick("1970-01-01 00:00:00+00", "0001-01-01 00:00:00+00", "2038-01-19 03:14:08+00", () -> timestamp().format(TIMESTAMP) + offset());
            case "interval" -> "%d years %d mons %d days %d hours %d mins %d.%06d secs".formatted(
                    random.nextInt(21) - 10, random.nextInt(12), random.nextInt(61) - 30, random.nextInt(49) - 24, random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000));
            case "json", "jsonb" -> json(randomJson(0));
            case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
            case ENUM_TYPE -> MOODS.get(random.nextInt(MOODS.size()));
            case "bit(8)" -> bits(8);
            case "varbit(16)" -> bits(random.nextInt(17));
            case "text[]" -> array(() -> text(2, 20), CdcWorkload::quoteArrayElement);
            case "integer[]" -> array(() -> String.valueOf(random.nextInt()), Function.identity());
            case "money" -> pick("92233720368547758.07", "-92233720368547758.08", "0.01", () -> decimal(12, 2));
            case "numeric(18,4)" -> decimal(14, 4);
            default -> throw new IllegalArgumentException("No values for type " + column.type());
        };
    }

    /**
     * One of three edge values a fifth of the time, else an ordinary random value.
     */
    private String pick(String first, String second, String third, Supplier<String> ordinary)
    {
        return switch (random.nextInt(15)) {
            case 0 -> first;
            case 1 -> second;
            case 2 -> third;
            default -> ordinary.get();
        };
    }

    private String decimal(int integerDigits, int scale)
    {
        BigInteger unscaled = new BigInteger(digits(integerDigits + scale));
        BigDecimal value = new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), scale);
        return value.toPlainString();
    }

    private String digits(int count)
    {
        StringBuilder digits = new StringBuilder("0");
        int length = 1 + random.nextInt(Math.max(count, 1));
        for (int i = 0; i < length; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private String text(int maxPieces, int maxLength)
    {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(maxPieces + 1);
        for (int i = 0; i < pieces; i++) {
            text.append(TEXT_PIECES.get(random.nextInt(TEXT_PIECES.size())));
        }
        if (maxLength > 100) {
            text.append("x".repeat(random.nextInt(maxLength)));
        }
        // cut by code points, so varchar(n) and char(n) always fit and no surrogate pair is split
        int codePoints = text.codePointCount(0, text.length());
        return codePoints <= maxLength ? text.toString() : text.substring(0, text.offsetByCodePoints(0, maxLength));
    }

    private byte[] bytes(int length)
    {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private LocalTime time()
    {
        return LocalTime.ofNanoOfDay(random.nextLong(86_400_000_000L) * 1000);
    }

    private LocalDateTime timestamp()
    {
        // 1900 to 2100
        return LocalDateTime.of(1900, 1, 1, 0, 0).plusNanos(random.nextLong(6_311_433_600_000_000L) * 1000);
    }

    private String offset()
    {
        int quarterHours = random.nextInt(105) - 48;
        return "%s%02d:%02d".formatted(quarterHours < 0 ? "-" : "+", Math.abs(quarterHours) / 4, Math.abs(quarterHours) % 4 * 15);
    }

    private String bits(int length)
    {
        StringBuilder bits = new StringBuilder();
        for (int i = 0; i < length; i++) {
            bits.append(random.nextBoolean() ? '1' : '0');
        }
        return bits.toString();
    }

    private String array(Supplier<String> element, Function<String, String> quote)
    {
        int size = random.nextInt(5);
        List<String> elements = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            elements.add(random.nextInt(8) == 0 ? "NULL" : quote.apply(element.get()));
        }
        return "{" + String.join(",", elements) + "}";
    }

    private static String quoteArrayElement(String element)
    {
        return "\"" + element.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private JsonNode randomJson(int depth)
    {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        int kind = random.nextInt(depth >= 2 ? 6 : 8);
        return switch (kind) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.booleanNode(random.nextBoolean());
            case 2 -> nodes.numberNode(random.nextLong());
            case 3 -> nodes.numberNode(new BigDecimal(decimal(25, random.nextInt(12))));
            case 4, 5 -> nodes.textNode(text(2, 20));
            case 6 -> {
                ArrayNode array = nodes.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomJson(depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = nodes.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(text(1, 12), randomJson(depth + 1));
                }
                yield object;
            }
        };
    }

    private static String json(JsonNode node)
    {
        try {
            return JSON.writeValueAsString(node);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.pinotcdc.trino.testing;

import io.trino.testing.QueryRunner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * Copies a PostgreSQL table into a Trino table (the memory connector's) through JDBC, for Trino versions without
 * Trino's own postgresql connector (none of 477+ resolves here). Each value is read from PostgreSQL as text, given to
 * Trino as its UTF-8 bytes, cast to the type Trino's postgresql connector reads the column as, then to the requested
 * type: the same two steps as {@code CREATE TABLE ... AS SELECT CAST(column AS type) FROM postgresql_catalog...}.
 * On Trino 476 the differential test checks that both ways give the same rows.
 */
public final class PostgresRowCopy
{
    private static final int ROWS_PER_INSERT = 50;
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");
    private static final Pattern CHARACTER_VARYING = Pattern.compile("character varying\\((\\d+)\\)");
    private static final Pattern CHARACTER = Pattern.compile("character\\((\\d+)\\)");
    private static final Pattern TIMESTAMP = Pattern.compile("timestamp\\((\\d)\\) without time zone");
    private static final Pattern TIMESTAMP_WITH_TIME_ZONE = Pattern.compile("timestamp\\((\\d)\\) with time zone");
    private static final Pattern TIME = Pattern.compile("time\\((\\d)\\) without time zone");

    private PostgresRowCopy() {}

    /**
     * Creates {@code trinoTable} with the given columns and types and fills it with the rows of {@code postgresTable};
     * {@code infiniteAsNull} columns (dates, timestamps) read {@code infinity} and {@code -infinity} as NULL.
     */
    public static void copy(Connection postgres, String postgresTable, QueryRunner trino, String trinoTable, Map<String, String> trinoTypes, Set<String> infiniteAsNull)
            throws SQLException
    {
        requireNonNull(trinoTypes, "trinoTypes is null");
        Map<String, PostgresColumn> columns = new LinkedHashMap<>();
        for (String column : trinoTypes.keySet()) {
            columns.put(column, postgresColumn(postgres, postgresTable, column));
        }
        trino.execute("CREATE TABLE %s (%s)".formatted(trinoTable, trinoTypes.entrySet().stream()
                .map(column -> column.getKey() + " " + column.getValue())
                .collect(Collectors.joining(", "))));

        String select = columns.entrySet().stream()
                .map(column -> {
                    String text = column.getValue().textOf(column.getKey());
                    return infiniteAsNull.contains(column.getKey()) ? "CASE WHEN isfinite(%s) THEN %s END".formatted(column.getKey(), text) : text;
                })
                .collect(Collectors.joining(", "));
        List<String> rows = new ArrayList<>();
        try (PreparedStatement statement = postgres.prepareStatement("SELECT %s FROM %s".formatted(select, postgresTable));
                ResultSet resultSet = statement.executeQuery()) {
            while (resultSet.next()) {
                List<String> values = new ArrayList<>();
                int index = 1;
                for (Map.Entry<String, PostgresColumn> column : columns.entrySet()) {
                    String text = resultSet.getString(index++);
                    String targetType = trinoTypes.get(column.getKey());
                    values.add(text == null ? "CAST(NULL AS %s)".formatted(targetType) : "CAST(%s AS %s)".formatted(column.getValue().trinoValue(text), targetType));
                }
                rows.add("(" + String.join(", ", values) + ")");
            }
        }
        for (int start = 0; start < rows.size(); start += ROWS_PER_INSERT) {
            trino.execute("INSERT INTO %s VALUES %s".formatted(trinoTable, String.join(", ", rows.subList(start, Math.min(rows.size(), start + ROWS_PER_INSERT)))));
        }
    }

    private static PostgresColumn postgresColumn(Connection postgres, String table, String column)
            throws SQLException
    {
        try (PreparedStatement statement = postgres.prepareStatement("""
                SELECT format_type(a.atttypid, a.atttypmod), t.typtype = 'e'
                FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
                WHERE a.attrelid = ?::regclass AND a.attname = ? AND NOT a.attisdropped""")) {
            statement.setString(1, table);
            statement.setString(2, column);
            try (ResultSet resultSet = statement.executeQuery()) {
                if (!resultSet.next()) {
                    throw new IllegalArgumentException("No column %s in PostgreSQL table %s".formatted(column, table));
                }
                return new PostgresColumn(resultSet.getString(1), resultSet.getBoolean(2));
            }
        }
    }

    /**
     * A PostgreSQL column: how to read it as text, and the Trino type Trino's postgresql connector reads it as.
     */
    private record PostgresColumn(String type, boolean isEnum)
    {
        String textOf(String column)
        {
            if (type.equals("bytea")) {
                return "encode(%s, 'hex')".formatted(column);
            }
            Matcher character = CHARACTER.matcher(type);
            if (character.matches()) {
                // PostgreSQL's text of a char(n) drops the padding that the value, Debezium's event and Trino's
                // postgresql connector keep
                return "rpad(%s::text, %s)".formatted(column, character.group(1));
            }
            if (type.startsWith("timestamp") && type.endsWith("with time zone")) {
                // the connector reads a timestamptz as its instant in UTC
                return "to_char(%s AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || ' UTC'".formatted(column);
            }
            return column + "::text";
        }

        /** The Trino expression of a value given as PostgreSQL's text, of the connector's Trino type. */
        String trinoValue(String text)
        {
            if (type.equals("bytea")) {
                return "from_hex('%s')".formatted(text);
            }
            String utf8 = "from_utf8(from_hex('%s'))".formatted(HexFormat.of().formatHex(text.getBytes(UTF_8)));
            if (type.equals("json") || type.equals("jsonb")) {
                return "json_parse(%s)".formatted(utf8);
            }
            return "CAST(%s AS %s)".formatted(utf8, connectorType());
        }

        private String connectorType()
        {
            if (isEnum) {
                return "varchar";
            }
            Matcher matcher;
            if ((matcher = NUMERIC.matcher(type)).matches()) {
                return "decimal(%s,%s)".formatted(matcher.group(1), matcher.group(2));
            }
            if ((matcher = CHARACTER_VARYING.matcher(type)).matches()) {
                return "varchar(%s)".formatted(matcher.group(1));
            }
            if ((matcher = CHARACTER.matcher(type)).matches()) {
                // the padded text as varchar: Trino 483 casts char(n) to varchar without the padding (476 pads)
                return "varchar(%s)".formatted(matcher.group(1));
            }
            if ((matcher = TIMESTAMP.matcher(type)).matches()) {
                return "timestamp(%s)".formatted(matcher.group(1));
            }
            if ((matcher = TIMESTAMP_WITH_TIME_ZONE.matcher(type)).matches()) {
                return "timestamp(%s) with time zone".formatted(matcher.group(1));
            }
            if ((matcher = TIME.matcher(type)).matches()) {
                return "time(%s)".formatted(matcher.group(1));
            }
            return switch (type) {
                case "smallint", "integer", "bigint", "real", "boolean", "date", "uuid" -> type;
                case "double precision" -> "double";
                case "text", "character varying" -> "varchar";
                case "timestamp without time zone" -> "timestamp(6)";
                case "timestamp with time zone" -> "timestamp(6) with time zone";
                default -> throw new IllegalArgumentException("No Trino type for PostgreSQL type " + type);
            };
        }
    }
}

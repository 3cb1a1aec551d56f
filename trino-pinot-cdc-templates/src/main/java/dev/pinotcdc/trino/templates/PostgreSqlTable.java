package dev.pinotcdc.trino.templates;

import dev.pinotcdc.trino.templates.DebeziumSettings.DecimalHandlingMode;
import dev.pinotcdc.trino.templates.DebeziumSettings.TimePrecisionMode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * A PostgreSQL table's columns as Debezium's PostgreSQL connector encodes them, and its primary key, read from
 * {@code information_schema} and {@code pg_catalog} over JDBC.
 */
public record PostgreSqlTable(String schemaName, String tableName, List<RowField> fields, List<String> primaryKey)
{
    public PostgreSqlTable
    {
        requireNonNull(schemaName, "schemaName is null");
        requireNonNull(tableName, "tableName is null");
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
        primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey is null"));
    }

    /**
     * @param qualifiedName {@code table} (schema {@code public}) or {@code schema.table}, as PostgreSQL names them
     */
    public static PostgreSqlTable read(String jdbcUrl, Optional<String> user, Optional<String> password, String qualifiedName, DebeziumSettings settings)
    {
        int dot = qualifiedName.indexOf('.');
        String schemaName = dot < 0 ? "public" : qualifiedName.substring(0, dot);
        String tableName = qualifiedName.substring(dot + 1);
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new TemplateException("Not a PostgreSQL JDBC URL: '%s' (expected jdbc:postgresql://HOST:PORT/DATABASE)".formatted(jdbcUrl));
        }
        Properties properties = new Properties();
        user.ifPresent(value -> properties.setProperty("user", value));
        password.ifPresent(value -> properties.setProperty("password", value));
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("ApplicationName", "pinot-cdc-templates");
        try (Connection connection = new org.postgresql.Driver().connect(jdbcUrl, properties)) {
            if (connection == null) {
                throw new TemplateException("The PostgreSQL driver does not accept the URL '%s'".formatted(jdbcUrl));
            }
            List<RowField> fields = columns(connection, schemaName, tableName, settings);
            if (fields.isEmpty()) {
                throw new TemplateException("PostgreSQL has no table %s.%s (or this user cannot see its columns)".formatted(schemaName, tableName));
            }
            return new PostgreSqlTable(schemaName, tableName, fields, primaryKey(connection, schemaName, tableName));
        }
        catch (SQLException e) {
            throw new TemplateException("Cannot read table %s.%s from %s: %s".formatted(schemaName, tableName, jdbcUrl, e.getMessage()), e);
        }
    }

    private static List<RowField> columns(Connection connection, String schemaName, String tableName, DebeziumSettings settings)
            throws SQLException
    {
        String sql = """
                SELECT column_name, data_type, udt_name, numeric_precision, datetime_precision
                FROM information_schema.columns
                WHERE table_schema = ? AND table_name = ?
                ORDER BY ordinal_position
                """;
        List<RowField> fields = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schemaName);
            statement.setString(2, tableName);
            try (ResultSet columns = statement.executeQuery()) {
                while (columns.next()) {
                    fields.add(new RowField(columns.getString(1), debeziumType(
                            columns.getString(2),
                            columns.getString(3),
                            optionalInt(columns, 4),
                            optionalInt(columns, 5),
                            settings)));
                }
            }
        }
        return fields;
    }

    private static List<String> primaryKey(Connection connection, String schemaName, String tableName)
            throws SQLException
    {
        String sql = """
                SELECT a.attname
                FROM pg_index i
                JOIN pg_class c ON c.oid = i.indrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
                WHERE n.nspname = ? AND c.relname = ? AND i.indisprimary
                ORDER BY array_position(i.indkey::int2[], a.attnum)
                """;
        List<String> key = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schemaName);
            statement.setString(2, tableName);
            try (ResultSet columns = statement.executeQuery()) {
                while (columns.next()) {
                    key.add(columns.getString(1));
                }
            }
        }
        return key;
    }

    private static Optional<Integer> optionalInt(ResultSet row, int column)
            throws SQLException
    {
        int value = row.getInt(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    /**
     * How Debezium's PostgreSQL connector encodes a column type (its documented mappings, for the settings given).
     *
     * @param dataType {@code information_schema.columns.data_type} ({@code ARRAY}, {@code USER-DEFINED}...)
     * @param udtName the underlying type's name ({@code int8}, {@code timestamptz}, {@code _text}...)
     */
    static DebeziumType debeziumType(String dataType, String udtName, Optional<Integer> numericPrecision, Optional<Integer> fractionDigits, DebeziumSettings settings)
    {
        if (dataType.equals("ARRAY")) {
            return DebeziumType.of("array");
        }
        TimePrecisionMode timeMode = settings.timePrecisionMode();
        DecimalHandlingMode decimalMode = settings.decimalHandlingMode();
        return switch (udtName) {
            case "int2" -> DebeziumType.of("int16");
            case "int4" -> DebeziumType.of("int32");
            case "int8", "oid" -> DebeziumType.of("int64");
            case "float4" -> DebeziumType.of("float32");
            case "float8" -> DebeziumType.of("float64");
            case "bool" -> DebeziumType.of("boolean");
            case "numeric", "money" -> switch (decimalMode) {
                case PRECISE -> numericPrecision.isEmpty() && udtName.equals("numeric")
                        ? DebeziumType.of("struct", DebeziumType.VARIABLE_SCALE_DECIMAL)
                        : DebeziumType.of("bytes", DebeziumType.CONNECT_DECIMAL);
                case DOUBLE -> DebeziumType.of("float64");
                case STRING -> DebeziumType.of("string");
            };
            case "uuid" -> DebeziumType.of("string", "io.debezium.data.Uuid");
            case "json", "jsonb" -> DebeziumType.of("string", "io.debezium.data.Json");
            case "xml" -> DebeziumType.of("string", "io.debezium.data.Xml");
            case "bytea" -> DebeziumType.of("bytes");
            case "date" -> timeMode == TimePrecisionMode.CONNECT
                    ? DebeziumType.of("int32", DebeziumType.CONNECT_DATE)
                    : DebeziumType.of("int32", DebeziumType.DATE);
            case "timestamp" -> {
                if (timeMode == TimePrecisionMode.CONNECT) {
                    yield DebeziumType.of("int64", DebeziumType.CONNECT_TIMESTAMP);
                }
                yield fractionDigits.orElse(6) <= 3
                        ? DebeziumType.of("int64", DebeziumType.TIMESTAMP)
                        : DebeziumType.of("int64", DebeziumType.MICRO_TIMESTAMP);
            }
            case "timestamptz" -> DebeziumType.of("string", DebeziumType.ZONED_TIMESTAMP);
            case "time" -> switch (timeMode) {
                case CONNECT -> DebeziumType.of("int32", DebeziumType.CONNECT_TIME);
                case ADAPTIVE_TIME_MICROSECONDS -> DebeziumType.of("int64", DebeziumType.MICRO_TIME);
                case ADAPTIVE -> fractionDigits.orElse(6) <= 3
                        ? DebeziumType.of("int32", DebeziumType.TIME)
                        : DebeziumType.of("int64", DebeziumType.MICRO_TIME);
            };
            case "timetz" -> DebeziumType.of("string", DebeziumType.ZONED_TIME);
            // interval.handling.mode=numeric, the default
            case "interval" -> DebeziumType.of("int64", "io.debezium.time.MicroDuration");
            // text types, enums, network addresses, hstore as JSON text...: strings
            default -> DebeziumType.of("string");
        };
    }
}

package dev.pinotcdc.trino.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Reads JDBC results into plain lists, to compare with expected rows. NULL stays null, which is why the rows
 * are not immutable lists.
 */
public final class JdbcRows
{
    private JdbcRows() {}

    /**
     * Runs a query with its parameters bound by position through a PreparedStatement.
     */
    public static List<List<Object>> query(Connection connection, String sql, Object... parameters)
            throws SQLException
    {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet resultSet = statement.executeQuery()) {
                return read(resultSet);
            }
        }
    }

    public static List<List<Object>> read(ResultSet resultSet)
            throws SQLException
    {
        int columns = resultSet.getMetaData().getColumnCount();
        List<List<Object>> rows = new ArrayList<>();
        while (resultSet.next()) {
            Object[] row = new Object[columns];
            for (int column = 0; column < columns; column++) {
                row[column] = resultSet.getObject(column + 1);
            }
            rows.add(Collections.unmodifiableList(Arrays.asList(row)));
        }
        return rows;
    }

    /**
     * One column of every row, as text, for metadata results such as getSchemas or getTables.
     */
    public static List<String> column(ResultSet resultSet, String columnLabel)
            throws SQLException
    {
        List<String> values = new ArrayList<>();
        while (resultSet.next()) {
            values.add(resultSet.getString(columnLabel));
        }
        return values;
    }
}

package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.CdcWorkload.WorkloadColumn;
import dev.pinotcdc.trino.testing.CdcWorkload.WorkloadTable;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Compares one workload table in PostgreSQL with its Trino table, row by key and value by value, each side brought
 * to comparable values by {@link PostgresTypeParity}.
 */
final class ParityComparison
{
    private final WorkloadTable table;
    private final ParityCaptureMode mode;
    private final List<Mismatch> mismatches = new ArrayList<>();
    private final Map<String, Integer> comparedValues = new TreeMap<>();
    private final Map<String, Integer> mismatchesByColumn = new TreeMap<>();
    private int postgresRows;
    private int trinoRows;

    record Mismatch(String table, String key, String column, Object postgres, Object trino)
    {
        @Override
        public String toString()
        {
            return "%s key (%s) column %s: PostgreSQL %s, Trino %s".formatted(table, key, column, show(postgres), show(trino));
        }

        private static String show(Object value)
        {
            if (value instanceof byte[] bytes) {
                return "0x" + HexFormat.of().formatHex(bytes);
            }
            return value instanceof String text ? "'" + text + "'" : String.valueOf(value);
        }
    }

    ParityComparison(WorkloadTable table, ParityCaptureMode mode)
    {
        this.table = requireNonNull(table, "table is null");
        this.mode = requireNonNull(mode, "mode is null");
    }

    /**
     * @param trino the answer to {@code SELECT *} of the table in Trino
     */
    ParityComparison compare(Connection postgres, MaterializedResult trino)
            throws SQLException
    {
        List<String> columns = table.columns().stream().map(WorkloadColumn::name).toList();
        if (!trino.getColumnNames().equals(columns)) {
            throw new AssertionError("%s: Trino's columns %s, PostgreSQL's %s".formatted(mode.pinotTable(table.name()), trino.getColumnNames(), columns));
        }
        Map<String, List<Object>> expected = postgresRows(postgres);
        Map<String, List<Object>> actual = trinoRows(trino);
        postgresRows = expected.size();
        trinoRows = trino.getRowCount();
        String tableName = mode.pinotTable(table.name());
        for (String key : new TreeSet<>(expected.keySet())) {
            if (!actual.containsKey(key)) {
                mismatch(new Mismatch(tableName, key, "<row>", "present", "missing"));
            }
        }
        for (Map.Entry<String, List<Object>> row : actual.entrySet()) {
            List<Object> expectedRow = expected.get(row.getKey());
            if (expectedRow == null) {
                mismatch(new Mismatch(tableName, row.getKey(), "<row>", "missing", "present: " + row.getValue()));
                continue;
            }
            for (int i = 0; i < columns.size(); i++) {
                comparedValues.merge(columns.get(i), 1, Integer::sum);
                if (!PostgresTypeParity.sameValue(expectedRow.get(i), row.getValue().get(i))) {
                    mismatch(new Mismatch(tableName, row.getKey(), columns.get(i), expectedRow.get(i), row.getValue().get(i)));
                }
            }
        }
        if (trinoRows != actual.size()) {
            mismatch(new Mismatch(tableName, "*", "<row>", "one row per key", "%s rows for %s keys".formatted(trinoRows, actual.size())));
        }
        return this;
    }

    private void mismatch(Mismatch mismatch)
    {
        mismatches.add(mismatch);
        mismatchesByColumn.merge(mismatch.column(), 1, Integer::sum);
    }

    List<Mismatch> mismatches()
    {
        return List.copyOf(mismatches);
    }

    /** A few lines: rows on each side, values compared, mismatches per column and the first ones in full. */
    String summary()
    {
        StringBuilder summary = new StringBuilder("%s (%s, REPLICA IDENTITY %s): %s rows in PostgreSQL, %s in Trino, %s values compared, %s mismatches %s"
                .formatted(mode.pinotTable(table.name()), mode, table.replicaIdentity(), postgresRows, trinoRows,
                        comparedValues.values().stream().mapToInt(Integer::intValue).sum(), mismatches.size(), mismatchesByColumn));
        mismatches.stream().limit(40).forEach(mismatch -> summary.append("\n    ").append(mismatch));
        if (mismatches.size() > 40) {
            summary.append("\n    ... and %s more".formatted(mismatches.size() - 40));
        }
        return summary.toString();
    }

    private Map<String, List<Object>> postgresRows(Connection connection)
            throws SQLException
    {
        String select = table.columns().stream()
                .map(column -> PostgresTypeParity.of(column.type()).select(column.name()))
                .collect(Collectors.joining(", "));
        Map<String, List<Object>> rows = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery("SELECT " + select + " FROM " + table.name())) {
            while (resultSet.next()) {
                List<Object> row = new ArrayList<>();
                for (WorkloadColumn column : table.columns()) {
                    row.add(PostgresTypeParity.of(column.type()).expectedValue(resultSet, column.name(), mode));
                }
                rows.put(key(row), row);
            }
        }
        return rows;
    }

    private Map<String, List<Object>> trinoRows(MaterializedResult result)
    {
        Map<String, List<Object>> rows = new LinkedHashMap<>();
        for (MaterializedRow trinoRow : result.getMaterializedRows()) {
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < table.columns().size(); i++) {
                row.add(PostgresTypeParity.of(table.columns().get(i).type()).actualValue(trinoRow.getField(i)));
            }
            rows.put(key(row), row);
        }
        return rows;
    }

    private String key(List<Object> row)
    {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < table.keyColumns().size(); i++) {
            parts.add(table.keyColumns().get(i).name() + "=" + row.get(i));
        }
        return String.join(", ", parts);
    }
}

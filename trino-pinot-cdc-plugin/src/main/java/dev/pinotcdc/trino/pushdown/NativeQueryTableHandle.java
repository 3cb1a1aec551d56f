package dev.pinotcdc.trino.pushdown;

import io.trino.spi.connector.ConnectorTableHandle;

import java.util.List;

import static com.google.common.collect.ImmutableList.toImmutableList;
import static java.util.Objects.requireNonNull;

/**
 * The answer of one native Pinot query ({@code system.query}), read as one split. Nothing is pushed into it: Trino
 * filters, projects and limits the rows it returns.
 *
 * @param tableName the Pinot table after FROM, which picks the brokers
 * @param sql the text sent to the broker: the user's statement, with a LIMIT appended where it had none
 * @param requestedRows the LIMIT {@code sql} ends with
 * @param maxRows the most rows the answer may have; a longer answer is refused, not cut
 * @param columns the answer's columns, in Pinot's order
 */
public record NativeQueryTableHandle(String tableName, String sql, long requestedRows, long maxRows, List<NativeQueryColumnHandle> columns)
        implements ConnectorTableHandle
{
    public NativeQueryTableHandle
    {
        requireNonNull(tableName, "tableName is null");
        requireNonNull(sql, "sql is null");
        columns = List.copyOf(columns);
    }

    /** The Pinot column data types the answer must have, in Pinot's order. */
    public List<String> pinotTypes()
    {
        return columns.stream().map(NativeQueryColumnHandle::pinotType).collect(toImmutableList());
    }

    /** Reads the given columns of the answer's rows. */
    public RowDecoder decoder(List<NativeQueryColumnHandle> read, DecodingProblems problems)
    {
        List<RowDecoder.ColumnReader> readers = read.stream()
                .map(column -> RowDecoder.ColumnReader.ofCell(column.name(), column.index(), column.decoder()))
                .collect(toImmutableList());
        return new RowDecoder(readers, -1, problems);
    }

    @Override
    public String toString()
    {
        return "pinot query: " + sql;
    }
}

package dev.pinotcdc.trino.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

import static java.util.Objects.requireNonNull;

/**
 * A checked broker answer: the result table as Pinot sent it (each row a JSON array, each value a JSON node in
 * Pinot's representation for its column data type) and the broker's statistics.
 */
public final class BrokerResult
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String tableName;
    private final URI brokerUrl;
    private final List<String> columnNames;
    private final List<String> columnDataTypes;
    private final JsonNode resultTable;
    private final List<JsonNode> rows;
    private final BrokerStats stats;
    private volatile long resultTableJsonBytes = -1;

    public BrokerResult(String tableName, URI brokerUrl, List<String> columnNames, List<String> columnDataTypes, JsonNode resultTable, BrokerStats stats)
    {
        this.tableName = requireNonNull(tableName, "tableName is null");
        this.brokerUrl = requireNonNull(brokerUrl, "brokerUrl is null");
        this.columnNames = List.copyOf(columnNames);
        this.columnDataTypes = List.copyOf(columnDataTypes);
        this.resultTable = requireNonNull(resultTable, "resultTable is null");
        this.rows = new JsonArrayList(resultTable.path("rows"));
        this.stats = requireNonNull(stats, "stats is null");
    }

    /** Reads a broker answer that {@link BrokerResponseCheck} accepted. */
    static BrokerResult from(String tableName, URI brokerUrl, JsonNode answer)
    {
        JsonNode resultTable = answer.get("resultTable");
        BrokerStats stats = BrokerStats.from(answer);
        if (resultTable == null || resultTable.isNull() || resultTable.isMissingNode()) {
            if (!askedNoServer(stats)) {
                throw new PinotInvalidResponseException((
                        "Pinot table '%s': broker %s answered without a result table although it queried %s servers and %s segments; " +
                        "refusing to read that as no rows").formatted(tableName, brokerUrl, stats.numServersQueried(), stats.numSegmentsQueried()));
            }
            return new BrokerResult(tableName, brokerUrl, List.of(), List.of(), MAPPER.createObjectNode().set("rows", MAPPER.createArrayNode()), stats);
        }
        JsonNode dataSchema = resultTable.path("dataSchema");
        List<String> names = textList(tableName, dataSchema.path("columnNames"), "columnNames");
        List<String> types = textList(tableName, dataSchema.path("columnDataTypes"), "columnDataTypes");
        JsonNode rows = resultTable.path("rows");
        if (names.size() != types.size() || !rows.isArray()) {
            throw new PinotInvalidResponseException("Pinot table '%s': the broker's result table is malformed: %s columns, %s types, rows %s".formatted(
                    tableName, names.size(), types.size(), rows.getNodeType()));
        }
        return new BrokerResult(tableName, brokerUrl, names, types, resultTable, stats);
    }

    /**
     * Pinot answers without a result table, and with every count at 0, when the table has no segment to ask (a new
     * table, or every segment pruned by the broker): only then can the answer have no rows.
     */
    private static boolean askedNoServer(BrokerStats stats)
    {
        return stats.numServersQueried() == 0 && stats.numSegmentsQueried() == 0;
    }

    /** Whether the broker asked no server: a table without segments, or a broker that lost its servers. */
    public boolean askedNoServer()
    {
        return askedNoServer(stats);
    }

    public String tableName()
    {
        return tableName;
    }

    /** The broker that answered. */
    public URI brokerUrl()
    {
        return brokerUrl;
    }

    public List<String> columnNames()
    {
        return columnNames;
    }

    /** Pinot's names: INT, LONG, FLOAT, DOUBLE, BIG_DECIMAL, BOOLEAN, TIMESTAMP, STRING, JSON, BYTES, and the *_ARRAY forms. */
    public List<String> columnDataTypes()
    {
        return columnDataTypes;
    }

    /** The rows, each a JSON array in column order; a view, not a copy. */
    public List<JsonNode> rows()
    {
        return rows;
    }

    public int rowCount()
    {
        return rows.size();
    }

    public BrokerStats stats()
    {
        return stats;
    }

    /**
     * The size of the result table written as compact JSON, about what the broker sent (the answer's statistics add
     * a few hundred bytes), computed on first call by writing the table again without keeping it.
     */
    public long resultTableJsonBytes()
    {
        long bytes = resultTableJsonBytes;
        if (bytes < 0) {
            CountingOutputStream counter = new CountingOutputStream();
            try {
                MAPPER.writeValue(counter, resultTable);
            }
            catch (IOException e) {
                throw new IllegalStateException("Writing JSON to a counter failed", e);
            }
            bytes = counter.count;
            resultTableJsonBytes = bytes;
        }
        return bytes;
    }

    @Override
    public String toString()
    {
        return "BrokerResult[table=%s, broker=%s, columns=%s, rows=%s, stats=%s]".formatted(tableName, brokerUrl, columnNames, rowCount(), stats);
    }

    private static List<String> textList(String tableName, JsonNode array, String field)
    {
        if (!array.isArray()) {
            throw new PinotInvalidResponseException("Pinot table '%s': the broker's result table has no %s".formatted(tableName, field));
        }
        List<String> values = new ArrayList<>(array.size());
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static final class JsonArrayList
            extends AbstractList<JsonNode>
            implements RandomAccess
    {
        private final JsonNode array;

        JsonArrayList(JsonNode array)
        {
            this.array = array;
        }

        @Override
        public JsonNode get(int index)
        {
            if (index < 0 || index >= array.size()) {
                throw new IndexOutOfBoundsException(index);
            }
            return array.get(index);
        }

        @Override
        public int size()
        {
            return array.size();
        }
    }

    private static final class CountingOutputStream
            extends OutputStream
    {
        private long count;

        @Override
        public void write(int b)
        {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length)
        {
            count += length;
        }
    }
}

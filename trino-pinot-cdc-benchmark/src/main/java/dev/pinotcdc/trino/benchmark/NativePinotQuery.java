package dev.pinotcdc.trino.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinotcdc.trino.testing.BrokerResponse;
import dev.pinotcdc.trino.testing.TestingPinotBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The floor: the question asked in Pinot SQL straight at the broker, as an expert writes it for a CDC table
 * (JSON_MATCH for equality on JSON fields, JSONEXTRACTSCALAR for the rest, {@code op <> 'd'} for deletes), and the
 * answer turned into the rows Trino would show (the application's own decoding of Debezium's encodings).
 */
interface NativePinotQuery
{
    ObjectMapper JSON = new ObjectMapper();
    // Pinot's default broker timeout (10 s) is too short for a full scan on a busy machine
    Map<String, String> OPTIONS = Map.of("timeoutMs", "120000");

    List<List<Object>> run(TestingPinotBroker broker);

    /** The SQL it sends, for the report. */
    String describe();

    /** One broker query; the converter turns each answer row into a result row. */
    static NativePinotQuery single(String sql, Function<JsonNode, List<Object>> rowConverter)
    {
        requireNonNull(sql, "sql is null");
        requireNonNull(rowConverter, "rowConverter is null");
        return new NativePinotQuery()
        {
            @Override
            public List<List<Object>> run(TestingPinotBroker broker)
            {
                BrokerResponse response = broker.query(sql, OPTIONS);
                List<List<Object>> rows = new ArrayList<>();
                for (JsonNode row : response.rows()) {
                    rows.add(rowConverter.apply(row));
                }
                return rows;
            }

            @Override
            public String describe()
            {
                return sql;
            }
        };
    }

    /** Each value as Pinot sent it: numbers as numbers, the rest as text. */
    static List<Object> plainValues(JsonNode row)
    {
        List<Object> values = new ArrayList<>(row.size());
        for (JsonNode value : row) {
            values.add(value.isNull() ? null : value.isNumber() ? value.decimalValue() : value.asText());
        }
        return values;
    }

    /**
     * The fields of an order's {@code source} JSON, decoded from Debezium's encodings as the connector and the view
     * show them: the precise decimal from base64, the timestamp from epoch milliseconds.
     */
    static List<Object> orderFields(String sourceText, List<String> fields)
    {
        JsonNode source;
        try {
            source = JSON.readTree(sourceText);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Object> values = new ArrayList<>(fields.size());
        for (String field : fields) {
            JsonNode value = source.path(field);
            if (value.isNull() || value.isMissingNode()) {
                values.add(null);
                continue;
            }
            values.add(switch (field) {
                case "amount" -> new BigDecimal(new BigInteger(Base64.getDecoder().decode(value.asText())), 2);
                case "created_at" -> ResultRows.epochMillis(value.asLong());
                case "status" -> value.asText();
                default -> value.asLong();
            });
        }
        return values;
    }

    /** A row {@code [id, source]} as {@code [id, fields...]}. */
    static Function<JsonNode, List<Object>> idAndOrderFields(List<String> fields)
    {
        return row -> {
            List<Object> values = new ArrayList<>();
            values.add(row.get(0).asLong());
            values.addAll(orderFields(row.get(1).asText(), fields));
            return values;
        };
    }
}

package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trino.spi.Page;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.type.ArrayType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.pinotcdc.trino.HandleJson.assertRoundTrip;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MILLIS;
import static io.trino.spi.type.VarbinaryType.VARBINARY;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static io.trino.type.InternalTypeManager.TESTING_TYPE_MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

final class TestNativeQueryColumns
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void testTypes()
    {
        assertThat(typeOf("INT")).contains(INTEGER);
        assertThat(typeOf("LONG")).contains(BIGINT);
        assertThat(typeOf("FLOAT")).contains(REAL);
        assertThat(typeOf("DOUBLE")).contains(DOUBLE);
        assertThat(typeOf("BIG_DECIMAL")).contains(createDecimalType(38, 18));
        assertThat(typeOf("BOOLEAN")).contains(BOOLEAN);
        assertThat(typeOf("TIMESTAMP")).contains(TIMESTAMP_MILLIS);
        assertThat(typeOf("STRING")).contains(VARCHAR);
        assertThat(typeOf("JSON")).contains(TESTING_TYPE_MANAGER.getType(TypeId.of("json")));
        assertThat(typeOf("BYTES")).contains(VARBINARY);
        assertThat(typeOf("INT_ARRAY")).contains(new ArrayType(INTEGER));
        assertThat(typeOf("LONG_ARRAY")).contains(new ArrayType(BIGINT));
        assertThat(typeOf("FLOAT_ARRAY")).contains(new ArrayType(REAL));
        assertThat(typeOf("DOUBLE_ARRAY")).contains(new ArrayType(DOUBLE));
        assertThat(typeOf("BOOLEAN_ARRAY")).contains(new ArrayType(BOOLEAN));
        assertThat(typeOf("TIMESTAMP_ARRAY")).contains(new ArrayType(TIMESTAMP_MILLIS));
        assertThat(typeOf("STRING_ARRAY")).contains(new ArrayType(VARCHAR));
        assertThat(typeOf("BYTES_ARRAY")).contains(new ArrayType(VARBINARY));
        // no Trino type here: the function refuses the query naming the column
        assertThat(typeOf("OBJECT")).isEmpty();
        assertThat(typeOf("UNKNOWN")).isEmpty();
        assertThat(typeOf("MAP")).isEmpty();
        assertThat(typeOf("BIG_DECIMAL_ARRAY")).isEmpty();
        assertThat(typeOf("JSON_ARRAY")).isEmpty();
    }

    @Test
    void testDecodesBrokerCells()
            throws Exception
    {
        List<String> pinotTypes = List.of("LONG", "STRING", "DOUBLE", "TIMESTAMP", "BIG_DECIMAL", "STRING_ARRAY", "BOOLEAN");
        List<NativeQueryColumnHandle> columns = new ArrayList<>();
        for (int index = 0; index < pinotTypes.size(); index++) {
            columns.add(NativeQueryColumnHandle.of("c" + index, index, pinotTypes.get(index), TESTING_TYPE_MANAGER).orElseThrow());
        }
        NativeQueryTableHandle table = new NativeQueryTableHandle("orders", "SELECT ... FROM orders LIMIT 10", 10, 100, columns);
        JsonNode row = MAPPER.readTree("[7, \"Paid\", 1.5, \"2024-03-01 10:00:00.123\", \"12.50\", [\"a\", \"B\"], true]");
        // read in another order than Pinot's, and not every column
        Page page = table.decoder(List.of(columns.get(1), columns.get(0), columns.get(3), columns.get(4), columns.get(5), columns.get(6)), new DecodingProblems("orders", true))
                .decode(List.of(row, MAPPER.readTree("[8, null, null, null, null, [], false]")), 0, 2);
        assertThat(page.getPositionCount()).isEqualTo(2);
        assertThat(page.getChannelCount()).isEqualTo(6);
        assertThat(VARCHAR.getSlice(page.getBlock(0), 0).toStringUtf8()).isEqualTo("Paid");
        assertThat(page.getBlock(0).isNull(1)).isTrue();
        assertThat(BIGINT.getLong(page.getBlock(1), 1)).isEqualTo(8);
        assertThat(TIMESTAMP_MILLIS.getLong(page.getBlock(2), 0)).isEqualTo(1709287200123000L);
        assertThat(new BigDecimal(((Int128) columns.get(4).type().getObject(page.getBlock(3), 0)).toBigInteger(), 18)).isEqualByComparingTo("12.5");
        assertThat(BOOLEAN.getBoolean(page.getBlock(5), 0)).isTrue();
    }

    @Test
    void testHandlesJson()
    {
        List<NativeQueryColumnHandle> columns = List.of(
                NativeQueryColumnHandle.of("count(*)", 0, "LONG", TESTING_TYPE_MANAGER).orElseThrow(),
                NativeQueryColumnHandle.of("tags", 1, "STRING_ARRAY", TESTING_TYPE_MANAGER).orElseThrow(),
                NativeQueryColumnHandle.of("doc", 2, "JSON", TESTING_TYPE_MANAGER).orElseThrow());
        columns.forEach(column -> assertRoundTrip(ColumnHandle.class, column));
        assertRoundTrip(ConnectorTableHandle.class, new NativeQueryTableHandle("orders", "SELECT status FROM orders WHERE status = 'Paid'\nLIMIT 1001", 1001, 1000, columns));
    }

    private static Optional<Type> typeOf(String pinotType)
    {
        return NativeQueryColumnHandle.of("c", 0, pinotType, TESTING_TYPE_MANAGER).map(NativeQueryColumnHandle::type);
    }
}

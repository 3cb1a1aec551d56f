package dev.pinotcdc.trino.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinotcdc.trino.cdc.decoder.FieldDecoder;
import dev.pinotcdc.trino.cdc.decoder.FieldDecoders;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.ArrayType;
import io.trino.spi.type.LongTimestampWithTimeZone;
import io.trino.spi.type.StandardTypes;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.TimestampType.createTimestampType;
import static io.trino.spi.type.TimestampWithTimeZoneType.createTimestampWithTimeZoneType;
import static io.trino.spi.type.UuidType.UUID;
import static io.trino.spi.type.UuidType.trinoUuidToJavaUuid;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static io.trino.type.InternalTypeManager.TESTING_TYPE_MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Debezium 3.6.1 messages of the PostgreSQL table person(id bigserial, customer_id bigint, name text,
 * balance numeric(10,2), birth date, created_at timestamp, updated_at timestamptz, active boolean, attrs jsonb,
 * uid uuid, tags text[]): each folder's schema gives the types, and each row decodes to the values PostgreSQL had.
 */
class TestDebeziumFixtures
{
    private static final Type JSON = TESTING_TYPE_MANAGER.getType(TypeId.of(StandardTypes.JSON));

    @ParameterizedTest
    @ValueSource(strings = {"connect-precise", "connect-precise-replica-full", "adaptive-precise", "adaptive-string"})
    void testSchemaAndValues(String folder)
    {
        List<JsonNode> messages = messages(folder, "snapshot");
        JsonNode message = messages.getFirst();
        List<SourceField> fields = new SourceFieldResolver(TESTING_TYPE_MANAGER)
                .resolve(Optional.empty(), Optional.of(message.get("schema")), List.of(), Set.of("id", "customer_id"));

        boolean connectMode = folder.startsWith("connect");
        boolean decimalString = folder.equals("adaptive-string");
        Map<String, SourceField> byName = new HashMap<>();
        fields.forEach(field -> byName.put(field.columnName(), field));
        assertThat(fields).extracting(SourceField::columnName)
                .containsExactly("name", "balance", "birth", "created_at", "updated_at", "active", "attrs", "uid", "tags");
        assertThat(fields).allMatch(field -> field.origin() == TypeOrigin.DEBEZIUM_SCHEMA);
        assertThat(byName.get("name").type()).isEqualTo(VARCHAR);
        assertThat(byName.get("balance").type()).isEqualTo(decimalString ? VARCHAR : createDecimalType(10, 2));
        assertThat(byName.get("balance").encoding()).isEqualTo(decimalString ? FieldEncoding.NATIVE : FieldEncoding.DECIMAL_BASE64);
        assertThat(byName.get("birth").type()).isEqualTo(DATE);
        assertThat(byName.get("created_at").type()).isEqualTo(createTimestampType(connectMode ? 3 : 6));
        assertThat(byName.get("created_at").encoding()).isEqualTo(connectMode ? FieldEncoding.EPOCH_MILLIS : FieldEncoding.EPOCH_MICROS);
        assertThat(byName.get("updated_at").type()).isEqualTo(createTimestampWithTimeZoneType(6));
        assertThat(byName.get("active").type()).isEqualTo(BOOLEAN);
        assertThat(byName.get("attrs").type()).isEqualTo(JSON);
        assertThat(byName.get("uid").type()).isEqualTo(UUID);
        assertThat(byName.get("tags").type()).isEqualTo(new ArrayType(VARCHAR));

        // snapshot row 1: ('Alice', 1234.56, '1990-05-17', '2024-01-02 03:04:05.123456', '2024-01-02 01:04:05.123456+00', true, ...)
        Map<String, Object> alice = decodeRow(fields, messages.get(0).at("/payload/after"));
        assertThat(alice.get("name")).isEqualTo("Alice");
        assertThat(alice.get("balance")).isEqualTo(decimalString ? "1234.56" : "1234.56");
        assertThat(alice.get("birth")).isEqualTo(LocalDate.parse("1990-05-17"));
        // connect mode keeps milliseconds only: Debezium itself dropped the microseconds
        assertThat(alice.get("created_at")).isEqualTo(LocalDateTime.parse(connectMode ? "2024-01-02T03:04:05.123" : "2024-01-02T03:04:05.123456"));
        assertThat(alice.get("updated_at")).isEqualTo(Instant.parse("2024-01-02T01:04:05.123456Z"));
        assertThat(alice.get("active")).isEqualTo(true);
        assertThat(alice.get("attrs")).isEqualTo("{\"tier\":\"gold\",\"vip\":true}");
        assertThat(alice.get("uid")).isEqualTo(java.util.UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
        assertThat(alice.get("tags")).isEqualTo(List.of("a", "b"));

        // snapshot row 2: pre-1970 values, a negative balance, a JSON array, an empty text[]
        Map<String, Object> bob = decodeRow(fields, messages.get(1).at("/payload/after"));
        assertThat(bob.get("balance")).isEqualTo("-0.50");
        assertThat(bob.get("birth")).isEqualTo(LocalDate.parse("1969-12-31"));
        assertThat(bob.get("created_at")).isEqualTo(connectMode ? LocalDateTime.parse("1969-12-31T23:59:59.999") : LocalDateTime.parse("1969-12-31T23:59:59.999999"));
        assertThat(bob.get("updated_at")).isEqualTo(Instant.EPOCH);
        assertThat(bob.get("active")).isEqualTo(false);
        assertThat(bob.get("attrs")).isEqualTo("[1,2,{\"x\":null}]");
        assertThat(bob.get("tags")).isEqualTo(List.of());

        // the insert of the task: balance 99999999.99 (the largest numeric(10,2)), birth on a leap day
        Map<String, Object> carol = decodeRow(fields, messages(folder, "insert").getFirst().at("/payload/after"));
        assertThat(carol.get("balance")).isEqualTo("99999999.99");
        assertThat(carol.get("birth")).isEqualTo(LocalDate.parse("2000-02-29"));
        assertThat(carol.get("created_at")).isEqualTo(LocalDateTime.parse("2024-06-30T12:00:00"));
        assertThat(carol.get("updated_at")).isEqualTo(Instant.parse("2024-06-30T19:00:00.5Z"));
        assertThat(carol.get("attrs")).isEqualTo("{\"nested\":{\"a\":[1,2]}}");
        assertThat(carol.get("tags")).isEqualTo(List.of("x", "y z", "\"q\""));

        // a row of NULLs decodes to nothing at all: the reader never calls a decoder for null
        Map<String, Object> dave = decodeRow(fields, messages(folder, "insert").get(1).at("/payload/after"));
        assertThat(dave).containsOnlyKeys("name");

        // the update: 0.01, and created_at '2001-01-01 00:00:00.000001'
        Map<String, Object> daveUpdated = decodeRow(fields, messages(folder, "update").get(1).at("/payload/after"));
        assertThat(daveUpdated.get("created_at")).isEqualTo(LocalDateTime.parse(connectMode ? "2001-01-01T00:00:00" : "2001-01-01T00:00:00.000001"));
        assertThat(decodeRow(fields, messages(folder, "update").getFirst().at("/payload/after")).get("balance")).isEqualTo("0.01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"connect-precise", "adaptive-string"})
    void testInferenceFromRowsAlone(String folder)
    {
        List<JsonNode> sample = messages(folder, "snapshot").stream().map(message -> message.at("/payload/after")).toList();
        List<SourceField> fields = new SourceFieldResolver(TESTING_TYPE_MANAGER).resolve(Optional.empty(), Optional.empty(), sample, Set.of("id", "customer_id"));
        Map<String, Type> types = new HashMap<>();
        fields.forEach(field -> types.put(field.columnName(), field.type()));
        assertThat(fields).allMatch(field -> field.origin() == TypeOrigin.INFERENCE && field.encoding() == FieldEncoding.NATIVE);
        assertThat(types.get("birth")).isEqualTo(BIGINT);
        assertThat(types.get("balance")).isEqualTo(VARCHAR);
        assertThat(types.get("attrs")).isEqualTo(VARCHAR);
        assertThat(types.get("tags")).isEqualTo(JSON);
    }

    private static Map<String, Object> decodeRow(List<SourceField> fields, JsonNode row)
    {
        Map<String, Object> values = new HashMap<>();
        for (SourceField field : fields) {
            JsonNode value = row;
            for (String key : field.path()) {
                value = value.path(key);
            }
            if (value.isNull() || value.isMissingNode()) {
                continue;
            }
            FieldDecoder decoder = FieldDecoders.create(field.type(), field.encoding(), field.storedScale());
            BlockBuilder builder = field.type().createBlockBuilder(null, 1);
            decoder.decode(value, builder);
            values.put(field.columnName(), read(field.type(), builder.build()));
        }
        return values;
    }

    private static Object read(Type type, Block block)
    {
        if (type.equals(VARCHAR) || type.equals(JSON)) {
            return type.getSlice(block, 0).toStringUtf8();
        }
        if (type.equals(createDecimalType(10, 2))) {
            return java.math.BigDecimal.valueOf(type.getLong(block, 0), 2).toPlainString();
        }
        if (type.equals(DATE)) {
            return LocalDate.ofEpochDay(DATE.getLong(block, 0));
        }
        if (type.equals(createTimestampType(3)) || type.equals(createTimestampType(6))) {
            long micros = type.getLong(block, 0);
            return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000), (int) Math.floorMod(micros, 1_000_000) * 1000, ZoneOffset.UTC);
        }
        if (type.equals(createTimestampWithTimeZoneType(6))) {
            LongTimestampWithTimeZone value = (LongTimestampWithTimeZone) type.getObject(block, 0);
            return Instant.ofEpochMilli(value.getEpochMillis()).plusNanos(value.getPicosOfMilli() / 1000);
        }
        if (type.equals(BOOLEAN)) {
            return BOOLEAN.getBoolean(block, 0);
        }
        if (type.equals(UUID)) {
            return trinoUuidToJavaUuid(UUID.getSlice(block, 0));
        }
        if (type instanceof ArrayType arrayType && arrayType.getElementType().equals(VARCHAR)) {
            Block elements = arrayType.getObject(block, 0);
            java.util.ArrayList<String> list = new java.util.ArrayList<>();
            for (int i = 0; i < elements.getPositionCount(); i++) {
                list.add(VARCHAR.getSlice(elements, i).toStringUtf8());
            }
            return list;
        }
        throw new IllegalArgumentException("No reader for " + type);
    }

    static List<JsonNode> messages(String folder, String file)
    {
        Path path = fixtures().resolve(folder).resolve(file + ".jsonl");
        try {
            return Files.readAllLines(path).stream().filter(line -> !line.isBlank()).map(CdcJson::parse).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path fixtures()
    {
        return Path.of(System.getProperty("pinotcdc.shared.dir", "/work/shared"), "fixtures", "debezium");
    }
}

package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pinotcdc.trino.cdc.CdcJson;
import dev.pinotcdc.trino.cdc.DebeziumSchemaMapper;
import dev.pinotcdc.trino.cdc.FieldEncoding;
import dev.pinotcdc.trino.cdc.FieldType;
import dev.pinotcdc.trino.cdc.SchemaVersionTypes;
import dev.pinotcdc.trino.cdc.decoder.FieldDecoder;
import dev.pinotcdc.trino.cdc.decoder.FieldDecoders;
import dev.pinotcdc.trino.cdc.decoder.InvalidValueException;
import io.trino.spi.TrinoException;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Type;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_CDC_SCHEMA_VERSION_CONFLICT;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * Reads a field by the Debezium schema each row was written with (its value schema cell): one decoder per distinct
 * schema text, made on first sight, so a page of rows of a few versions parses a few schemas. A version whose values
 * the column's type cannot hold exactly fails the query, naming the table and the column.
 */
final class SchemaVersionDecoders
{
    // JSON-typed versions never fit a column that differs between versions: their type only needs to be unequal
    private static final DebeziumSchemaMapper MAPPER = new DebeziumSchemaMapper(VARCHAR);

    private final String tableName;
    private final String columnName;
    private final Type type;
    private final String fieldName;
    private final Map<String, FieldDecoder> decoders = new HashMap<>();

    SchemaVersionDecoders(String tableName, String columnName, Type type, String fieldName)
    {
        this.tableName = requireNonNull(tableName, "tableName is null");
        this.columnName = requireNonNull(columnName, "columnName is null");
        this.type = requireNonNull(type, "type is null");
        this.fieldName = requireNonNull(fieldName, "fieldName is null");
    }

    Type type()
    {
        return type;
    }

    FieldDecoder decoderFor(JsonNode schemaCell)
    {
        if (schemaCell == null || !schemaCell.isTextual()) {
            throw conflict("a row has no Debezium value schema, so the way its value is stored is unknown");
        }
        return decoders.computeIfAbsent(schemaCell.textValue(), this::decoderOf);
    }

    private FieldDecoder decoderOf(String schemaText)
    {
        Map<String, FieldType> fields;
        try {
            fields = MAPPER.map(CdcJson.objectMapper().readTree(schemaText));
        }
        catch (JsonProcessingException | IllegalArgumentException e) {
            throw conflict("a row's Debezium value schema cannot be read (%s)".formatted(e.getMessage()));
        }
        FieldType version = fields.get(fieldName);
        if (version == null) {
            // the field came later: such a row holds no value for it
            return new AbsentField(type);
        }
        if (!SchemaVersionTypes.fits(version, type)) {
            throw conflict("rows written with Debezium schemas of different times type it as %s (%s) and %s; no one type holds both exactly"
                    .formatted(version.type(), version.encoding().externalName(), type));
        }
        OptionalInt storedScale = version.type() instanceof DecimalType decimal && version.encoding() == FieldEncoding.DECIMAL_BASE64
                ? OptionalInt.of(decimal.getScale())
                : version.storedScale();
        return FieldDecoders.create(type, version.encoding(), storedScale);
    }

    private TrinoException conflict(String problem)
    {
        return new TrinoException(PINOT_CDC_SCHEMA_VERSION_CONFLICT, "Pinot table '%s', column '%s': %s. Rewrite the older rows in the source database, or read the field with a table definition file"
                .formatted(tableName, columnName, problem));
    }

    private record AbsentField(Type type)
            implements FieldDecoder
    {
        @Override
        public void decode(JsonNode value, BlockBuilder output)
        {
            throw new InvalidValueException("a value for a field its row's Debezium schema does not have");
        }
    }
}

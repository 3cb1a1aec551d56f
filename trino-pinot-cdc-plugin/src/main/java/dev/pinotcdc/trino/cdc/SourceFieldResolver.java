package dev.pinotcdc.trino.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import io.trino.spi.type.TypeManager;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Locale.ENGLISH;
import static java.util.Objects.requireNonNull;

/**
 * Decides a table's source-field columns from three sources, each filling in only what the ones before it left
 * open: the table definition file, then Debezium's value schema, then inference from sampled rows. A field is
 * "left open" when no earlier source took its key (a definition column with path {@code $.balance} takes the
 * field {@code balance} whatever the column's name).
 *
 * <p>Naming: Trino column names are lower case; a field {@code customerId} becomes {@code customerid}. A field whose
 * lower-cased name is a native column (a primary key, op, the time column, ...) is skipped: that column already
 * shows it. Two fields that collide after lower-casing ({@code Name} and {@code name}) both stay readable: the first
 * (in definition, schema, then sample order) keeps the name, later ones get {@code _2}, {@code _3}, ...
 */
public final class SourceFieldResolver
{
    private final DebeziumSchemaMapper schemaMapper;
    private final SampleTypeInference inference;

    public SourceFieldResolver(TypeManager typeManager)
    {
        requireNonNull(typeManager, "typeManager is null");
        this.schemaMapper = new DebeziumSchemaMapper(typeManager);
        this.inference = new SampleTypeInference(typeManager);
    }

    /**
     * @param valueSchema Debezium's Connect schema of the row image (or its envelope), if the table keeps it
     * @param sample source JSON objects, newest first; may be empty
     * @param nativeColumnNames names of the table's native columns (primary key, op, time ...), any case
     * @throws IllegalArgumentException when a definition column's name is a native column's
     */
    public List<SourceField> resolve(Optional<TableDefinition> definition, Optional<JsonNode> valueSchema, List<JsonNode> sample, Set<String> nativeColumnNames)
    {
        requireNonNull(definition, "definition is null");
        requireNonNull(valueSchema, "valueSchema is null");
        requireNonNull(sample, "sample is null");
        Set<String> nativeNames = new HashSet<>();
        for (String name : nativeColumnNames) {
            nativeNames.add(name.toLowerCase(ENGLISH));
        }
        Builder builder = new Builder(nativeNames);

        if (definition.isPresent()) {
            for (TableDefinition.Column column : definition.orElseThrow().columns()) {
                if (nativeNames.contains(column.name())) {
                    throw new IllegalArgumentException("Table definition file %s: column '%s' has the name of a native column of the table".formatted(definition.orElseThrow().source(), column.name()));
                }
                builder.addDefined(column);
            }
            if (!definition.orElseThrow().includeUndeclaredFields()) {
                return builder.fields();
            }
        }
        if (valueSchema.isPresent()) {
            Map<String, FieldType> schemaFields;
            try {
                schemaFields = schemaMapper.map(valueSchema.orElseThrow());
            }
            catch (IllegalArgumentException e) {
                // a schema we cannot read must not hide the table: the sample still types its fields
                schemaFields = Map.of();
            }
            schemaFields.forEach((field, type) -> builder.addField(field, type, TypeOrigin.DEBEZIUM_SCHEMA));
        }
        inference.infer(sample).forEach((field, type) -> builder.addField(field, type, TypeOrigin.INFERENCE));
        return builder.fields();
    }

    private static final class Builder
    {
        private final Set<String> nativeNames;
        private final Set<String> usedNames = new HashSet<>();
        private final Set<List<String>> coveredPaths = new HashSet<>();
        private final List<SourceField> fields = new ArrayList<>();

        Builder(Set<String> nativeNames)
        {
            this.nativeNames = nativeNames;
            usedNames.addAll(nativeNames);
        }

        void addDefined(TableDefinition.Column column)
        {
            // the definition parser refuses duplicate names; nothing was added before it
            usedNames.add(column.name());
            coveredPaths.add(column.path());
            fields.add(new SourceField(column.name(), column.path(), column.type(), column.encoding(), column.storedScale(), TypeOrigin.DEFINITION_FILE, column.comment()));
        }

        void addField(String fieldName, FieldType type, TypeOrigin origin)
        {
            List<String> path = List.of(fieldName);
            if (!coveredPaths.add(path)) {
                return;
            }
            String name = fieldName.toLowerCase(ENGLISH);
            if (nativeNames.contains(name)) {
                return;
            }
            String unique = name;
            for (int suffix = 2; usedNames.contains(unique); suffix++) {
                unique = name + "_" + suffix;
            }
            usedNames.add(unique);
            fields.add(new SourceField(unique, path, type.type(), type.encoding(), type.storedScale(), origin));
        }

        List<SourceField> fields()
        {
            return List.copyOf(fields);
        }
    }
}

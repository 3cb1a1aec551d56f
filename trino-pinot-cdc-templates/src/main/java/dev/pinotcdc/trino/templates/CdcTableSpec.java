package dev.pinotcdc.trino.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a Pinot CDC table template is made from: one Debezium topic of one database table.
 *
 * @param primaryKey the key columns, in key order
 * @param fields the fields of Debezium's row image with their types (only promoted fields need to be listed, but
 * listing all lets the default promotion find the table's main timestamp)
 * @param promotedFields the fields to promote to native columns; empty means the default: the first timestamp field
 * @param upsert Pinot keeps each key's newest version (FULL upsert); otherwise every version is kept
 * @param comparisonColumn the column that orders a key's versions under upsert (the LSN by default)
 * @param valueSchemaColumn keep Debezium's schema of the row image in a {@code source_schema} column, so the
 * connector takes the field types from it instead of inferring them from values
 * @param flushThresholdRows rows after which Pinot commits a consuming segment; empty keeps Pinot's default
 */
public record CdcTableSpec(
        String tableName,
        String topic,
        String kafkaBootstrapServers,
        List<KeyColumn> primaryKey,
        List<RowField> fields,
        Optional<List<String>> promotedFields,
        boolean upsert,
        String comparisonColumn,
        boolean valueSchemaColumn,
        Optional<Integer> flushThresholdRows,
        PinotVersion version)
{
    public CdcTableSpec
    {
        requireNonNull(tableName, "tableName is null");
        requireNonNull(topic, "topic is null");
        requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers is null");
        primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey is null"));
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
        promotedFields = requireNonNull(promotedFields, "promotedFields is null").map(List::copyOf);
        requireNonNull(comparisonColumn, "comparisonColumn is null");
        requireNonNull(flushThresholdRows, "flushThresholdRows is null");
        requireNonNull(version, "version is null");
        if (tableName.isBlank() || tableName.chars().anyMatch(character -> character == '/' || character == '\\' || Character.isWhitespace(character))) {
            throw new TemplateException("Invalid Pinot table name '%s': it must not be empty nor hold slashes or white space".formatted(tableName));
        }
        if (topic.isBlank()) {
            throw new TemplateException("The Kafka topic is empty");
        }
        if (kafkaBootstrapServers.isBlank()) {
            throw new TemplateException("The Kafka bootstrap servers are empty");
        }
        if (primaryKey.isEmpty()) {
            throw new TemplateException("Table '%s' has no primary-key column: a CDC table needs the key of its rows".formatted(tableName));
        }
        if (primaryKey.stream().map(KeyColumn::name).distinct().count() != primaryKey.size()) {
            throw new TemplateException("Table '%s' names a primary-key column twice".formatted(tableName));
        }
        flushThresholdRows.ifPresent(rows -> {
            if (rows <= 0) {
                throw new TemplateException("The flush threshold must be a positive number of rows");
            }
        });
    }

    public static Builder builder(String tableName)
    {
        return new Builder(tableName);
    }

    public Optional<RowField> field(String name)
    {
        return fields.stream().filter(field -> field.name().equals(name)).findFirst();
    }

    public static final class Builder
    {
        private final String tableName;
        private String topic;
        private String kafkaBootstrapServers = "localhost:9092";
        private final List<KeyColumn> primaryKey = new ArrayList<>();
        private final List<RowField> fields = new ArrayList<>();
        private Optional<List<String>> promotedFields = Optional.empty();
        private boolean upsert = true;
        private String comparisonColumn = CdcColumns.LSN;
        private boolean valueSchemaColumn = true;
        private Optional<Integer> flushThresholdRows = Optional.empty();
        private PinotVersion version = PinotVersion.V0_11;

        private Builder(String tableName)
        {
            this.tableName = requireNonNull(tableName, "tableName is null");
            this.topic = tableName;
        }

        public Builder topic(String topic)
        {
            this.topic = requireNonNull(topic, "topic is null");
            return this;
        }

        public Builder kafkaBootstrapServers(String servers)
        {
            this.kafkaBootstrapServers = requireNonNull(servers, "servers is null");
            return this;
        }

        public Builder primaryKeyColumn(KeyColumn column)
        {
            primaryKey.add(requireNonNull(column, "column is null"));
            return this;
        }

        public Builder field(RowField field)
        {
            fields.add(requireNonNull(field, "field is null"));
            return this;
        }

        public Builder fields(List<RowField> fields)
        {
            this.fields.addAll(fields);
            return this;
        }

        /** Promote exactly these fields (an empty list promotes none). */
        public Builder promotedFields(List<String> names)
        {
            this.promotedFields = Optional.of(List.copyOf(names));
            return this;
        }

        public Builder appendOnly()
        {
            this.upsert = false;
            return this;
        }

        public Builder upsert(boolean upsert)
        {
            this.upsert = upsert;
            return this;
        }

        public Builder comparisonColumn(String column)
        {
            this.comparisonColumn = requireNonNull(column, "column is null");
            return this;
        }

        public Builder withoutValueSchema()
        {
            this.valueSchemaColumn = false;
            return this;
        }

        public Builder flushThresholdRows(int rows)
        {
            this.flushThresholdRows = Optional.of(rows);
            return this;
        }

        public Builder version(PinotVersion version)
        {
            this.version = requireNonNull(version, "version is null");
            return this;
        }

        public CdcTableSpec build()
        {
            return new CdcTableSpec(tableName, topic, kafkaBootstrapServers, primaryKey, fields, promotedFields, upsert, comparisonColumn, valueSchemaColumn, flushThresholdRows, version);
        }
    }
}

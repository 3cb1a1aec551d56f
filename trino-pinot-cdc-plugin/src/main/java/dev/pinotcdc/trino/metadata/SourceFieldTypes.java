package dev.pinotcdc.trino.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.google.common.collect.ImmutableList;
import com.google.inject.Inject;
import dev.pinotcdc.trino.cdc.CdcJson;
import dev.pinotcdc.trino.cdc.CdcLayout;
import dev.pinotcdc.trino.cdc.DebeziumSchemaMapper;
import dev.pinotcdc.trino.cdc.FieldType;
import dev.pinotcdc.trino.cdc.SchemaVersionTypes;
import dev.pinotcdc.trino.cdc.SourceField;
import dev.pinotcdc.trino.cdc.SourceFieldResolver;
import dev.pinotcdc.trino.cdc.TableDefinition;
import dev.pinotcdc.trino.cdc.TypeOrigin;
import dev.pinotcdc.trino.client.BrokerQuery;
import dev.pinotcdc.trino.client.BrokerResult;
import dev.pinotcdc.trino.client.PinotAnswerTooLargeException;
import dev.pinotcdc.trino.client.PinotBrokerClient;
import dev.pinotcdc.trino.client.PinotClientException;
import dev.pinotcdc.trino.config.PinotCdcMetadataConfig;
import dev.pinotcdc.trino.config.PinotCdcScanConfig;
import dev.pinotcdc.trino.pushdown.LatestStateFilter;
import dev.pinotcdc.trino.query.ColumnReference;
import dev.pinotcdc.trino.query.FunctionCall;
import dev.pinotcdc.trino.query.PinotQuery;
import dev.pinotcdc.trino.query.PinotSqlWriter;
import io.airlift.log.Logger;
import io.trino.spi.TrinoException;
import io.trino.spi.type.TypeManager;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_CDC_BAD_TABLE_DEFINITION;
import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_RESULT_TOO_LARGE;
import static java.util.Objects.requireNonNull;

/**
 * Decides the columns of a CDC table's source JSON. A table definition file wins; then Debezium's own schema of
 * the row image, where the table keeps it; then inference from the newest rows.
 */
public final class SourceFieldTypes
{
    private static final Logger log = Logger.get(SourceFieldTypes.class);
    private static final int MAX_SCHEMA_VERSIONS = 1000;

    private final PinotBrokerClient broker;
    private final CdcLayout layout;
    private final Optional<File> definitionDirectory;
    private final int sampleSize;
    private final long maxAnswerBytes;
    private final TableDefinitionParser definitionParser;
    private final SourceFieldResolver resolver;
    private final DebeziumSchemaMapper schemaMapper;

    @Inject
    public SourceFieldTypes(PinotBrokerClient broker, CdcLayout layout, PinotCdcMetadataConfig config, PinotCdcScanConfig scanConfig, TypeManager typeManager)
    {
        this.maxAnswerBytes = scanConfig.getMaxBytesPerBrokerQuery().toBytes();
        this.broker = requireNonNull(broker, "broker is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.definitionDirectory = config.getTableDefinitionDirectory();
        this.sampleSize = config.getInferenceSampleSize();
        this.definitionParser = new TableDefinitionParser(typeManager);
        this.resolver = new SourceFieldResolver(typeManager);
        this.schemaMapper = new DebeziumSchemaMapper(typeManager);
    }

    /**
     * @param valueSchemaColumn the Pinot table's column holding Debezium's value schema, if it has one
     * @param versionOrder the column that orders versions (newest rows are sampled), if the table has one
     * @param nativeColumnNames Trino names already taken by native columns (a source field of the same name is skipped)
     */
    public Resolution resolve(String pinotTableName, String trinoTableName, Optional<String> valueSchemaColumn, Optional<String> versionOrder, Set<String> nativeColumnNames)
    {
        Optional<TableDefinition> definition = loadDefinition(trinoTableName);
        boolean complete = definition.isPresent() && !definition.orElseThrow().includeUndeclaredFields();
        boolean hasValueSchema = valueSchemaColumn.isPresent();
        Optional<List<String>> schemaTexts = complete || !hasValueSchema ? Optional.empty() : liveValueSchemaTexts(pinotTableName, valueSchemaColumn.orElseThrow(), versionOrder);
        List<JsonNode> valueSchemas = complete || !hasValueSchema ? List.of() : schemaTexts
                .map(texts -> parsedObjects(pinotTableName, valueSchemaColumn.orElseThrow(), texts))
                .orElseGet(() -> newestValues(pinotTableName, valueSchemaColumn.orElseThrow(), versionOrder, 1));
        Optional<JsonNode> valueSchema = valueSchemas.stream().findFirst();
        List<JsonNode> sample = complete || valueSchema.isPresent() ? List.of() : newestSourceRows(pinotTableName, versionOrder);
        List<SourceField> fields = resolver.resolve(definition, valueSchema, sample, nativeColumnNames);
        Optional<List<String>> liveSchemas = valueSchema.isPresent() ? schemaTexts : Optional.empty();
        return new Resolution(valueSchemas.size() > 1 ? readByRowSchema(fields, valueSchemas) : fields, liveSchemas);
    }

    /**
     * The fields, and where they are typed by the live rows' Debezium schemas, the text of each schema as Pinot holds it.
     */
    public record Resolution(List<SourceField> fields, Optional<List<String>> liveSchemaTexts)
    {
        public Resolution
        {
            fields = List.copyOf(fields);
            liveSchemaTexts = liveSchemaTexts.map(List::copyOf);
        }
    }

    /**
     * Whether some live row was written under a Debezium schema other than {@code knownSchemaTexts}. Debezium writes
     * each row under the source table's schema at that moment, so a row written after a schema change is newer than
     * every row of the schemas before: where versions are ordered, the newest live row's schema tells, and Pinot finds
     * it from its segments' newest values (one short top-1 query). Without an order, all live schemas are listed.
     * When Pinot cannot answer, the description is taken as outdated: made again, it is as right as it can be.
     */
    public boolean hasUnknownSchemaVersions(String pinotTableName, String valueSchemaColumn, Optional<String> versionOrder, List<String> knownSchemaTexts)
    {
        try {
            if (versionOrder.isPresent()) {
                PinotQuery query = PinotQuery.builder(pinotTableName)
                        .select(new ColumnReference(valueSchemaColumn))
                        .filter(LatestStateFilter.liveRows(layout))
                        .orderBy(new ColumnReference(versionOrder.orElseThrow()), false)
                        .limit(1)
                        .build();
                List<String> newest = texts(broker.execute(BrokerQuery.of(pinotTableName, PinotSqlWriter.write(query))));
                return !knownSchemaTexts.containsAll(newest);
            }
            return liveValueSchemaTexts(pinotTableName, valueSchemaColumn, versionOrder)
                    .map(texts -> !knownSchemaTexts.containsAll(texts))
                    .orElse(true);
        }
        catch (PinotClientException e) {
            log.warn("Pinot table %s: cannot check the live rows' Debezium schemas, loading the table's description again: %s", pinotTableName, e.getMessage());
            return true;
        }
    }

    /**
     * A field that the live rows' schema versions store differently is read by each row's own schema, as a type that
     * holds every version's values (see {@link SchemaVersionTypes}).
     */
    private List<SourceField> readByRowSchema(List<SourceField> fields, List<JsonNode> valueSchemas)
    {
        List<Map<String, FieldType>> versions = new ArrayList<>();
        for (JsonNode schema : valueSchemas) {
            try {
                versions.add(schemaMapper.map(schema));
            }
            catch (IllegalArgumentException e) {
                log.warn("Skipping a Debezium value schema that cannot be read: %s", e.getMessage());
            }
        }
        ImmutableList.Builder<SourceField> result = ImmutableList.builder();
        for (SourceField field : fields) {
            if (field.origin() != TypeOrigin.DEBEZIUM_SCHEMA || field.path().size() != 1) {
                result.add(field);
                continue;
            }
            List<FieldType> types = versions.stream()
                    .map(version -> version.get(field.path().getFirst()))
                    .filter(Objects::nonNull)
                    .toList();
            result.add(SchemaVersionTypes.combine(types)
                    .map(combined -> new SourceField(field.columnName(), field.path(), combined.type(), combined.encoding(), combined.storedScale(), field.origin(), field.comment()))
                    .orElse(field));
        }
        return result.build();
    }

    private Optional<TableDefinition> loadDefinition(String trinoTableName)
    {
        if (definitionDirectory.isEmpty()) {
            return Optional.empty();
        }
        try {
            return definitionParser.load(definitionDirectory.orElseThrow().toPath(), trinoTableName);
        }
        catch (IllegalArgumentException e) {
            throw new TrinoException(PINOT_CDC_BAD_TABLE_DEFINITION, e.getMessage(), e);
        }
    }

    /**
     * The texts of the distinct Debezium value schemas of the live rows, newest first: one per schema change some live
     * row was written under, found by one GROUP BY (the schema column holds few distinct values). Empty when Pinot
     * cannot answer.
     */
    private Optional<List<String>> liveValueSchemaTexts(String pinotTableName, String valueSchemaColumn, Optional<String> versionOrder)
    {
        ColumnReference schema = new ColumnReference(valueSchemaColumn);
        PinotQuery.Builder builder = PinotQuery.builder(pinotTableName)
                .select(schema)
                .filter(LatestStateFilter.liveRows(layout))
                .groupBy(schema)
                .limit(MAX_SCHEMA_VERSIONS);
        versionOrder.ifPresent(order -> {
            FunctionCall newest = FunctionCall.of("MAX", new ColumnReference(order));
            builder.select(newest).orderBy(newest, false);
        });
        BrokerResult result;
        try {
            result = broker.execute(BrokerQuery.of(pinotTableName, PinotSqlWriter.write(builder.build())));
        }
        catch (PinotClientException e) {
            log.warn("Pinot table %s: cannot list the live rows' Debezium schemas, reading every row by the newest: %s", pinotTableName, e.getMessage());
            return Optional.empty();
        }
        if (result.rowCount() >= MAX_SCHEMA_VERSIONS) {
            log.warn("Pinot table %s: live rows were written under %s or more Debezium schemas; only the newest %s are compared", pinotTableName, MAX_SCHEMA_VERSIONS, MAX_SCHEMA_VERSIONS);
        }
        return Optional.of(texts(result));
    }

    /**
     * Among the candidate columns, the one whose value in a live row is Debezium's value schema (see
     * {@link DebeziumSchemaMapper#isValueSchema}). For tables whose schema column has another name than the catalog's
     * {@code cdc.value-schema-column}.
     */
    public Optional<String> findValueSchemaColumn(String pinotTableName, List<String> candidates)
    {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        PinotQuery.Builder query = PinotQuery.builder(pinotTableName)
                .filter(LatestStateFilter.liveRows(layout))
                .limit(1);
        candidates.forEach(column -> query.select(new ColumnReference(column)));
        BrokerResult result;
        try {
            result = broker.execute(BrokerQuery.of(pinotTableName, PinotSqlWriter.write(query.build())).withMaxAnswerBytes(maxAnswerBytes));
        }
        catch (PinotClientException e) {
            log.warn("Pinot table %s: cannot look for Debezium's value schema among columns %s: %s", pinotTableName, candidates, e.getMessage());
            return Optional.empty();
        }
        if (result.rowCount() == 0) {
            return Optional.empty();
        }
        JsonNode row = result.rows().getFirst();
        for (int cell = 0; cell < candidates.size(); cell++) {
            if (DebeziumSchemaMapper.isValueSchema(jsonOf(row.get(cell)))) {
                return Optional.of(candidates.get(cell));
            }
        }
        return Optional.empty();
    }

    /** A cell as JSON: a JSON column arrives as text or, from some brokers, as the object; anything else is missing. */
    private static JsonNode jsonOf(JsonNode cell)
    {
        if (cell == null || !cell.isTextual()) {
            return cell == null ? MissingNode.getInstance() : cell;
        }
        try {
            return CdcJson.parse(cell.textValue());
        }
        catch (IllegalArgumentException e) {
            return MissingNode.getInstance();
        }
    }

    private List<JsonNode> newestSourceRows(String pinotTableName, Optional<String> versionOrder)
    {
        return newestValues(pinotTableName, layout.sourceColumn(), versionOrder, sampleSize);
    }

    private List<JsonNode> newestValues(String pinotTableName, String column, Optional<String> versionOrder, int count)
    {
        PinotQuery.Builder builder = PinotQuery.builder(pinotTableName)
                .select(new ColumnReference(column))
                .filter(LatestStateFilter.liveRows(layout))
                .limit(count);
        versionOrder.ifPresent(order -> builder.orderBy(new ColumnReference(order), false));
        PinotQuery query = builder.build();
        BrokerResult result;
        try {
            // the sample is held whole on the coordinator: as long as one split's answer at most
            result = broker.execute(BrokerQuery.of(pinotTableName, PinotSqlWriter.write(query)).withMaxAnswerBytes(maxAnswerBytes));
        }
        catch (PinotAnswerTooLargeException e) {
            throw new TrinoException(PINOT_RESULT_TOO_LARGE, (
                    "Pinot table '%s': the newest %s values of %s, sampled to type the table's columns, are larger than %s bytes; " +
                    "lower cdc.inference-sample-size, raise pinot.max-bytes-per-broker-query, or type the columns in a table definition file (cdc.table-definition-dir)")
                    .formatted(pinotTableName, count, column, e.getMaxAnswerBytes()), e);
        }
        return parsedObjects(pinotTableName, column, texts(result));
    }

    /** The first cell of each row, as text (a JSON column arrives as text or, from some brokers, as the object). */
    private static List<String> texts(BrokerResult result)
    {
        ImmutableList.Builder<String> texts = ImmutableList.builder();
        for (JsonNode row : result.rows()) {
            JsonNode cell = row.get(0);
            if (cell != null && !cell.isNull()) {
                texts.add(cell.isTextual() ? cell.textValue() : cell.toString());
            }
        }
        return texts.build();
    }

    private static List<JsonNode> parsedObjects(String pinotTableName, String column, List<String> texts)
    {
        ImmutableList.Builder<JsonNode> values = ImmutableList.builder();
        for (String text : texts) {
            try {
                JsonNode value = CdcJson.objectMapper().readTree(text);
                if (value != null && value.isObject()) {
                    values.add(value);
                }
            }
            catch (JsonProcessingException e) {
                // a malformed row image says nothing about the types; the reader reports it when it meets it
                log.debug("Pinot table %s: skipping a malformed %s value while sampling: %s", pinotTableName, column, e.getOriginalMessage());
            }
        }
        return values.build();
    }
}

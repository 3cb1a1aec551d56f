package dev.pinotcdc.trino.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.inject.Inject;
import dev.pinotcdc.trino.PinotCdcConfig;
import dev.pinotcdc.trino.cdc.CdcJson;
import dev.pinotcdc.trino.cdc.CdcLayout;
import dev.pinotcdc.trino.cdc.SourceField;
import dev.pinotcdc.trino.cdc.SourceFieldResolver;
import dev.pinotcdc.trino.cdc.TableDefinition;
import dev.pinotcdc.trino.cdc.TableDefinitionParser;
import dev.pinotcdc.trino.client.BrokerQuery;
import dev.pinotcdc.trino.client.BrokerResult;
import dev.pinotcdc.trino.client.PinotBrokerClient;
import dev.pinotcdc.trino.query.ColumnReference;
import dev.pinotcdc.trino.query.PinotQuery;
import dev.pinotcdc.trino.query.PinotSqlWriter;
import dev.pinotcdc.trino.read.LatestStateFilter;
import io.airlift.log.Logger;
import io.trino.spi.TrinoException;
import io.trino.spi.type.TypeManager;

import java.io.File;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.pinotcdc.trino.PinotCdcErrorCode.PINOT_CDC_BAD_TABLE_DEFINITION;
import static java.util.Objects.requireNonNull;

/**
 * Decides the columns of a CDC table's source JSON. A table definition file wins; then Debezium's own schema of
 * the row image, where the table keeps it; then inference from the newest rows.
 */
public final class SourceFieldTypes
{
    private static final Logger log = Logger.get(SourceFieldTypes.class);

    private final PinotBrokerClient broker;
    private final CdcLayout layout;
    private final Optional<File> definitionDirectory;
    private final int sampleSize;
    private final TableDefinitionParser definitionParser;
    private final SourceFieldResolver resolver;

    @Inject
    public SourceFieldTypes(PinotBrokerClient broker, CdcLayout layout, PinotCdcConfig config, TypeManager typeManager)
    {
        this.broker = requireNonNull(broker, "broker is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.definitionDirectory = config.getTableDefinitionDirectory();
        this.sampleSize = config.getInferenceSampleSize();
        this.definitionParser = new TableDefinitionParser(typeManager);
        this.resolver = new SourceFieldResolver(typeManager);
    }

    /**
     * @param hasValueSchema whether the Pinot table has the column holding Debezium's value schema
     * @param versionOrder the column that orders versions (newest rows are sampled), if the table has one
     * @param nativeColumnNames Trino names already taken by native columns (a source field of the same name is skipped)
     */
    public List<SourceField> resolve(String pinotTableName, String trinoTableName, boolean hasValueSchema, Optional<String> versionOrder, Set<String> nativeColumnNames)
    {
        Optional<TableDefinition> definition = loadDefinition(trinoTableName);
        boolean complete = definition.isPresent() && !definition.get().includeUndeclaredFields();
        Optional<JsonNode> valueSchema = complete || !hasValueSchema ? Optional.empty() : newestValueSchema(pinotTableName, versionOrder);
        List<JsonNode> sample = complete || valueSchema.isPresent() ? List.of() : newestSourceRows(pinotTableName, versionOrder);
        return resolver.resolve(definition, valueSchema, sample, nativeColumnNames);
    }

    private Optional<TableDefinition> loadDefinition(String trinoTableName)
    {
        if (definitionDirectory.isEmpty()) {
            return Optional.empty();
        }
        try {
            return definitionParser.load(definitionDirectory.get().toPath(), trinoTableName);
        }
        catch (IllegalArgumentException e) {
            throw new TrinoException(PINOT_CDC_BAD_TABLE_DEFINITION, e.getMessage(), e);
        }
    }

    private Optional<JsonNode> newestValueSchema(String pinotTableName, Optional<String> versionOrder)
    {
        List<JsonNode> schemas = newestValues(pinotTableName, layout.valueSchemaColumn(), versionOrder, 1);
        return schemas.stream().findFirst();
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
        BrokerResult result = broker.execute(BrokerQuery.of(pinotTableName, PinotSqlWriter.write(query)));
        ImmutableList.Builder<JsonNode> values = ImmutableList.builder();
        for (JsonNode row : result.rows()) {
            JsonNode cell = row.get(0);
            if (cell == null || cell.isNull()) {
                continue;
            }
            try {
                JsonNode value = cell.isTextual() ? CdcJson.objectMapper().readTree(cell.textValue()) : cell;
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

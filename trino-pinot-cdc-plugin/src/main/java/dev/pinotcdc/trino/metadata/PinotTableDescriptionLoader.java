package dev.pinotcdc.trino.metadata;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.inject.Inject;
import dev.pinotcdc.trino.cdc.CdcLayout;
import dev.pinotcdc.trino.cdc.NativeColumnType;
import dev.pinotcdc.trino.cdc.NativeCopy;
import dev.pinotcdc.trino.cdc.SourceField;
import dev.pinotcdc.trino.cdc.SourcePath;
import dev.pinotcdc.trino.cdc.TableShape;
import dev.pinotcdc.trino.cdc.TypeOrigin;
import dev.pinotcdc.trino.client.JsonIndexScope;
import dev.pinotcdc.trino.client.PinotColumn;
import dev.pinotcdc.trino.client.PinotControllerClient;
import dev.pinotcdc.trino.client.PinotDataType;
import dev.pinotcdc.trino.client.PinotTableConfig;
import dev.pinotcdc.trino.client.PinotTableSchema;
import dev.pinotcdc.trino.pushdown.PinotCdcColumnHandle;
import dev.pinotcdc.trino.pushdown.SplitKey;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.type.TypeManager;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

import static com.google.common.collect.ImmutableList.toImmutableList;
import static com.google.common.collect.ImmutableMap.toImmutableMap;
import static java.lang.String.format;
import static java.util.Locale.ENGLISH;
import static java.util.Objects.requireNonNull;

/**
 * Reads a Pinot table's schema and config from the controller and decides what Trino table it is: its shape, and
 * its columns with their types.
 */
public final class PinotTableDescriptionLoader
{
    /** Hidden columns take the Pinot column name behind this prefix, so they never clash with a field of source. */
    public static final String HIDDEN_COLUMN_PREFIX = "_";

    private final PinotControllerClient controller;
    private final SourceFieldTypes sourceFieldTypes;
    private final CdcLayout layout;
    private final TypeManager typeManager;

    @Inject
    public PinotTableDescriptionLoader(PinotControllerClient controller, SourceFieldTypes sourceFieldTypes, CdcLayout layout, TypeManager typeManager)
    {
        this.controller = requireNonNull(controller, "controller is null");
        this.sourceFieldTypes = requireNonNull(sourceFieldTypes, "sourceFieldTypes is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.typeManager = requireNonNull(typeManager, "typeManager is null");
    }

    public PinotTableDescription load(SchemaTableName schemaTableName, String pinotTableName)
    {
        PinotTableSchema schema = controller.getTableSchema(pinotTableName);
        PinotTableConfig config = controller.getTableConfig(pinotTableName);
        Map<String, PinotColumn> pinotColumns = schema.columns().stream()
                .collect(toImmutableMap(PinotColumn::name, Function.identity()));

        TableShape shape = TableShape.classify(pinotColumns.keySet(), schema.primaryKeyColumns(), config.upsert().isPresent(), layout);
        // Pinot orders an upsert table's versions itself; elsewhere the LSN does, or at worst the event time
        Optional<String> versionColumn = config.upsert().flatMap(upsert -> upsert.comparisonColumns().stream().findFirst())
                .or(() -> Optional.of(layout.versionColumn()).filter(pinotColumns::containsKey))
                .or(() -> Optional.of(layout.timeColumn()).filter(pinotColumns::containsKey));
        JsonIndexScope sourceJsonIndexed = config.jsonIndexScope(layout.sourceColumn());

        if (!shape.isCdc()) {
            List<PinotCdcColumnHandle> columns = schema.columns().stream()
                    .map(column -> nativeColumn(column.name().toLowerCase(ENGLISH), column, false, "Pinot column " + column.name()))
                    .collect(toImmutableList());
            return new PinotTableDescription(schemaTableName, pinotTableName, shape, columns, List.of(), Optional.empty(), JsonIndexScope.NONE, versionColumn, Optional.empty(), Optional.empty(), Optional.empty());
        }

        ImmutableList.Builder<PinotCdcColumnHandle> columns = ImmutableList.builder();
        ImmutableSet.Builder<String> takenNames = ImmutableSet.builder();
        Set<String> keyColumnNames = ImmutableSet.copyOf(schema.primaryKeyColumns());
        for (String keyColumn : schema.primaryKeyColumns()) {
            PinotColumn column = pinotColumns.get(keyColumn);
            if (column == null) {
                throw new IllegalStateException(format("Pinot table '%s': primary key column '%s' is not in its schema", pinotTableName, keyColumn));
            }
            String name = keyColumn.toLowerCase(ENGLISH);
            columns.add(nativeColumn(name, column, false, "Primary key column"));
            takenNames.add(name);
        }

        // the catalog's schema column, or else a column that holds Debezium's envelope schema
        boolean schemaFoundByContent = !pinotColumns.containsKey(layout.valueSchemaColumn());
        Optional<String> valueSchemaColumn = schemaFoundByContent
                ? sourceFieldTypes.findValueSchemaColumn(pinotTableName, schemaCandidates(schema, keyColumnNames, versionColumn))
                : Optional.of(layout.valueSchemaColumn());
        SourceFieldTypes.Resolution resolution = sourceFieldTypes.resolve(pinotTableName, schemaTableName.getTableName(), valueSchemaColumn, versionColumn, takenNames.build());
        List<SourceField> sourceFields = resolution.fields();
        for (SourceField field : sourceFields) {
            Optional<NativeCopy> nativeCopy = field.path().size() == 1
                    ? Optional.ofNullable(pinotColumns.get(field.path().getFirst()))
                            .filter(column -> !isLayoutColumn(column.name()) && !valueSchemaColumn.equals(Optional.of(column.name())) && !keyColumnNames.contains(column.name()))
                            .flatMap(column -> NativeCopy.of(field, column))
                    : Optional.empty();
            String comment = field.comment().map(text -> text + ". ").orElse("")
                    + format("%s of %s; type %s", SourcePath.format(field.path()), layout.sourceColumn(), field.origin().description())
                    + nativeCopy.map(copy -> "; Pinot filters it on its native column " + copy.column()).orElse("");
            columns.add(new PinotCdcColumnHandle(
                    field.columnName(),
                    field.type(),
                    layout.sourceColumn(),
                    field.path(),
                    field.encoding(),
                    field.storedScale(),
                    nativeCopy,
                    field.origin() == TypeOrigin.DEBEZIUM_SCHEMA,
                    false,
                    Optional.of(comment)));
        }

        // the fields of source keep their names; a hidden column whose name a field (or another column) already has
        // takes one more underscore, until its name is free: a field "_op" leaves the op column as "__op"
        Set<String> usedNames = new HashSet<>(takenNames.build());
        sourceFields.forEach(field -> usedNames.add(field.columnName()));
        for (PinotColumn column : schema.columns()) {
            if (!keyColumnNames.contains(column.name())) {
                String name = HIDDEN_COLUMN_PREFIX + column.name().toLowerCase(ENGLISH);
                while (usedNames.contains(name)) {
                    name = HIDDEN_COLUMN_PREFIX + name;
                }
                usedNames.add(name);
                columns.add(nativeColumn(name, column, true, "Pinot column " + column.name()));
            }
        }

        String comment = format("Latest state of Debezium change events in Pinot table %s (%s)%s",
                pinotTableName,
                shape == TableShape.UPSERT_CDC ? "upsert" : "append-only",
                valueSchemaColumn.filter(_ -> schemaFoundByContent)
                        .map(column -> format("; Debezium's value schema found by its content in column %s (the catalog names %s)", column, layout.valueSchemaColumn()))
                        .orElse(""));
        Optional<SplitKey> splitKey = SplitKey.choose(schema.primaryKeyColumns(), key -> pinotColumns.get(key).dataType());
        return new PinotTableDescription(schemaTableName, pinotTableName, shape, columns.build(), schema.primaryKeyColumns(), splitKey, sourceJsonIndexed, versionColumn, Optional.of(comment), resolution.liveSchemaTexts(), valueSchemaColumn);
    }

    /**
     * Whether live rows of the table were written under a Debezium schema its description was not made from: the
     * description then types some fields wrongly for them.
     */
    public boolean isOutdated(PinotTableDescription description)
    {
        return description.liveSchemaTexts()
                .map(known -> sourceFieldTypes.hasUnknownSchemaVersions(description.pinotTableName(), description.valueSchemaColumn().orElseThrow(), description.versionColumn(), known))
                .orElse(false);
    }

    private PinotCdcColumnHandle nativeColumn(String name, PinotColumn column, boolean hidden, String comment)
    {
        NativeColumnType nativeType = NativeColumnType.of(column.dataType(), column.singleValue(), typeManager);
        return new PinotCdcColumnHandle(name, nativeType.type(), column.name(), List.of(), nativeType.encoding(), OptionalInt.empty(), Optional.empty(), true, hidden, Optional.of(comment));
    }

    /** Columns that may hold Debezium's value schema: text or JSON, one value, none of the layout's or the key's. */
    private List<String> schemaCandidates(PinotTableSchema schema, Set<String> keyColumns, Optional<String> versionColumn)
    {
        return schema.columns().stream()
                .filter(column -> column.singleValue() && (column.dataType() == PinotDataType.STRING || column.dataType() == PinotDataType.JSON))
                .map(PinotColumn::name)
                .filter(name -> !isLayoutColumn(name) && !keyColumns.contains(name) && !name.equals(layout.timeColumn()) && !versionColumn.equals(Optional.of(name)))
                .toList();
    }

    private boolean isLayoutColumn(String column)
    {
        return column.equals(layout.sourceColumn()) || column.equals(layout.opColumn()) || column.equals(layout.valueSchemaColumn());
    }
}

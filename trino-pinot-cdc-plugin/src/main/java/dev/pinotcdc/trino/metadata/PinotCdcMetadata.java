package dev.pinotcdc.trino.metadata;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.inject.Inject;
import dev.pinotcdc.trino.cdc.CdcLayout;
import dev.pinotcdc.trino.cdc.TableShape;
import dev.pinotcdc.trino.config.PinotCdcScanConfig;
import dev.pinotcdc.trino.pushdown.AggregateColumnHandle;
import dev.pinotcdc.trino.pushdown.AggregationPushdown;
import dev.pinotcdc.trino.pushdown.ConstraintPushdown;
import dev.pinotcdc.trino.pushdown.ExpressionTranslation;
import dev.pinotcdc.trino.pushdown.FreshnessColumnHandle;
import dev.pinotcdc.trino.pushdown.FreshnessTableHandle;
import dev.pinotcdc.trino.pushdown.JsonSourceCapabilities;
import dev.pinotcdc.trino.pushdown.NativeQueryColumnHandle;
import dev.pinotcdc.trino.pushdown.NativeQueryTableHandle;
import dev.pinotcdc.trino.pushdown.PinotAggregation;
import dev.pinotcdc.trino.pushdown.PinotCdcColumnHandle;
import dev.pinotcdc.trino.pushdown.PinotCdcTableHandle;
import dev.pinotcdc.trino.pushdown.PinotFilterTranslator;
import dev.pinotcdc.trino.pushdown.PinotSortItem;
import dev.pinotcdc.trino.pushdown.PrefixMatch;
import dev.pinotcdc.trino.pushdown.ScanPlan;
import dev.pinotcdc.trino.pushdown.TimeTruncation;
import dev.pinotcdc.trino.pushdown.TruncatedTimeColumnHandle;
import io.airlift.log.Logger;
import io.airlift.slice.Slice;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.AggregateFunction;
import io.trino.spi.connector.AggregationApplicationResult;
import io.trino.spi.connector.Assignment;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.ConnectorTableVersion;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.ConstraintApplicationResult;
import io.trino.spi.connector.LimitApplicationResult;
import io.trino.spi.connector.ProjectionApplicationResult;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.connector.SchemaTablePrefix;
import io.trino.spi.connector.SortItem;
import io.trino.spi.connector.TableColumnsMetadata;
import io.trino.spi.connector.TableFunctionApplicationResult;
import io.trino.spi.connector.TableNotFoundException;
import io.trino.spi.connector.TopNApplicationResult;
import io.trino.spi.expression.Call;
import io.trino.spi.expression.ConnectorExpression;
import io.trino.spi.expression.Constant;
import io.trino.spi.expression.FunctionName;
import io.trino.spi.expression.Variable;
import io.trino.spi.function.table.ConnectorTableFunctionHandle;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static com.google.common.collect.ImmutableList.toImmutableList;
import static com.google.common.collect.ImmutableMap.toImmutableMap;
import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_CDC_AMBIGUOUS_TABLE;
import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_CDC_BAD_METADATA;
import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_CDC_BAD_TABLE_DEFINITION;
import static dev.pinotcdc.trino.config.PinotCdcSessionProperties.getMaxExtractedSourceFields;
import static dev.pinotcdc.trino.config.PinotCdcSessionProperties.isPushdownEnabled;
import static dev.pinotcdc.trino.config.PinotCdcSessionProperties.isSnapshotReads;
import static dev.pinotcdc.trino.config.PinotCdcSessionProperties.isStrictDecoding;
import static dev.pinotcdc.trino.metadata.PinotTableCatalog.SCHEMA_NAME;
import static io.trino.spi.StandardErrorCode.NOT_SUPPORTED;
import static io.trino.spi.StandardErrorCode.PERMISSION_DENIED;
import static java.util.Objects.requireNonNull;

public class PinotCdcMetadata
        implements ConnectorMetadata
{
    private static final Logger log = Logger.get(PinotCdcMetadata.class);

    private final PinotTableCatalog catalog;
    private final CdcLayout layout;
    private final int maxRowsPerBrokerQuery;
    private final AsOfResolver asOfResolver;

    @Inject
    public PinotCdcMetadata(PinotTableCatalog catalog, CdcLayout layout, PinotCdcScanConfig config, AsOfResolver asOfResolver)
    {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.asOfResolver = requireNonNull(asOfResolver, "asOfResolver is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.maxRowsPerBrokerQuery = config.getMaxRowsPerBrokerQuery();
    }

    @Override
    public List<String> listSchemaNames(ConnectorSession session)
    {
        return ImmutableList.of(SCHEMA_NAME);
    }

    /**
     * Strict decoding reads whole documents: Pinot extracts nothing from a source that is JSON but not an object,
     * which the decoder would refuse.
     */
    private static int maxExtractedSourceFields(ConnectorSession session)
    {
        return isPushdownEnabled(session) && !isStrictDecoding(session) ? getMaxExtractedSourceFields(session) : 0;
    }

    @Override
    public ConnectorTableHandle getTableHandle(ConnectorSession session, SchemaTableName tableName, Optional<ConnectorTableVersion> startVersion, Optional<ConnectorTableVersion> endVersion)
    {
        if (startVersion.isPresent()) {
            throw new TrinoException(NOT_SUPPORTED, "This connector reads a table as of one moment or version, not between two");
        }
        Optional<SchemaTableName> freshnessOf = HiddenTables.baseTable(tableName, HiddenTables.FRESHNESS);
        if (freshnessOf.isPresent()) {
            if (endVersion.isPresent()) {
                throw new TrinoException(NOT_SUPPORTED, "A freshness table is read as it is now");
            }
            return catalog.getTableToRead(freshnessOf.orElseThrow())
                    .filter(table -> table.shape().isCdc())
                    .map(table -> HiddenTables.freshnessHandle(table, layout))
                    .orElse(null);
        }
        Optional<SchemaTableName> changeLogOf = HiddenTables.baseTable(tableName, HiddenTables.CHANGES);
        if (changeLogOf.isPresent()) {
            if (endVersion.isPresent()) {
                throw new TrinoException(NOT_SUPPORTED, "A change log holds every version already: filter it on its version or time column instead of FOR ... AS OF");
            }
            return catalog.getTableToRead(changeLogOf.orElseThrow())
                    .filter(table -> table.shape().isCdc())
                    .map(table -> table.tableHandle(layout, maxRowsPerBrokerQuery, 0).asChangeLog())
                    .orElse(null);
        }
        return catalog.getTableToRead(tableName)
                .map(table -> {
                    PinotCdcTableHandle handle = table.tableHandle(layout, maxRowsPerBrokerQuery, maxExtractedSourceFields(session));
                    if (endVersion.isPresent()) {
                        return handle.withAsOf(asOfResolver.resolve(session, table, endVersion.orElseThrow()));
                    }
                    if (isSnapshotReads(session)) {
                        return asOfResolver.snapshot(session, table).map(handle::withAsOf).orElse(handle);
                    }
                    return handle;
                })
                .orElse(null);
    }

    @Override
    public ConnectorTableMetadata getTableMetadata(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        if (tableHandle instanceof FreshnessTableHandle freshness) {
            return HiddenTables.freshness(freshness.schemaTableName(), freshness.pinotTableName());
        }
        if (tableHandle instanceof NativeQueryTableHandle query) {
            List<ColumnMetadata> columns = query.columns().stream()
                    .map(NativeQueryColumnHandle::toColumnMetadata)
                    .collect(toImmutableList());
            return new ConnectorTableMetadata(new SchemaTableName(NativeQueryFunction.SCHEMA, NativeQueryFunction.NAME), columns);
        }
        PinotTableDescription table = describe((PinotCdcTableHandle) tableHandle);
        return tableMetadata(table);
    }

    @Override
    public List<SchemaTableName> listTables(ConnectorSession session, Optional<String> schemaName)
    {
        if (schemaName.isPresent() && !schemaName.orElseThrow().equals(SCHEMA_NAME)) {
            return ImmutableList.of();
        }
        return catalog.listTables();
    }

    @Override
    public Map<String, ColumnHandle> getColumnHandles(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        if (tableHandle instanceof FreshnessTableHandle) {
            return FreshnessColumnHandle.ALL.stream().collect(toImmutableMap(FreshnessColumnHandle::name, column -> column));
        }
        if (tableHandle instanceof NativeQueryTableHandle query) {
            // Pinot may name two columns alike: the first keeps the name
            Map<String, ColumnHandle> columns = new LinkedHashMap<>();
            query.columns().forEach(column -> columns.putIfAbsent(column.name(), column));
            return ImmutableMap.copyOf(columns);
        }
        PinotTableDescription table = describe((PinotCdcTableHandle) tableHandle);
        ImmutableMap.Builder<String, ColumnHandle> columns = ImmutableMap.builder();
        for (PinotCdcColumnHandle column : table.columns()) {
            columns.put(column.name(), column);
        }
        return columns.buildOrThrow();
    }

    @Override
    public ColumnMetadata getColumnMetadata(ConnectorSession session, ConnectorTableHandle tableHandle, ColumnHandle columnHandle)
    {
        if (columnHandle instanceof NativeQueryColumnHandle column) {
            return column.toColumnMetadata();
        }
        if (columnHandle instanceof AggregateColumnHandle aggregate) {
            return new ColumnMetadata(aggregate.name(), aggregate.type());
        }
        if (columnHandle instanceof TruncatedTimeColumnHandle truncated) {
            return truncated.toColumnMetadata();
        }
        if (columnHandle instanceof FreshnessColumnHandle freshness) {
            return freshness.toColumnMetadata();
        }
        return ((PinotCdcColumnHandle) columnHandle).toColumnMetadata();
    }

    @Override
    public Iterator<TableColumnsMetadata> streamTableColumns(ConnectorSession session, SchemaTablePrefix prefix)
    {
        List<SchemaTableName> tables = prefix.getTable()
                .map(table -> List.of(new SchemaTableName(prefix.getSchema().orElse(SCHEMA_NAME), table)))
                .orElseGet(() -> listTables(session, prefix.getSchema()));
        ImmutableList.Builder<TableColumnsMetadata> columns = ImmutableList.builder();
        boolean oneTable = prefix.getTable().isPresent();
        List<TrinoException> refusals = new ArrayList<>();
        if (oneTable && HiddenTables.isHidden(tables.getFirst())) {
            return hiddenTableColumns(tables.getFirst()).stream().iterator();
        }
        List<Supplier<Optional<PinotTableDescription>>> descriptions = catalog.getTables(tables);
        for (int i = 0; i < tables.size(); i++) {
            SchemaTableName tableName = tables.get(i);
            try {
                descriptions.get(i).get().ifPresent(table ->
                        columns.add(TableColumnsMetadata.forTable(tableName, tableMetadata(table).getColumns())));
            }
            catch (TableNotFoundException e) {
                // dropped between listing and describing
            }
            catch (TrinoException e) {
                // one table's problem must not hide every other table's columns from tools that list them all
                if (oneTable || !(isProblemOfOneTable(e) || isPermissionDenied(e))) {
                    throw e;
                }
                if (isPermissionDenied(e)) {
                    // Pinot lists every table to every principal, but one allowed only some tables may not describe the others
                    refusals.add(e);
                }
                log.warn("Leaving table %s out of the column listing: %s", tableName, e.getMessage());
            }
        }
        if (!refusals.isEmpty() && refusals.size() == tables.size()) {
            // every table refused: the credentials are wrong (a broker password, say), not the principal's table rights
            throw refusals.getFirst();
        }
        return columns.build().iterator();
    }

    @Override
    public Optional<ConstraintApplicationResult<ConnectorTableHandle>> applyFilter(ConnectorSession session, ConnectorTableHandle handle, Constraint constraint)
    {
        if (!(handle instanceof PinotCdcTableHandle table)) {
            return Optional.empty();
        }
        // after a GROUP BY went to Pinot, a predicate is on groups (HAVING), which Pinot's WHERE cannot express
        if (!isPushdownEnabled(session) || table.aggregation().isPresent()) {
            return Optional.empty();
        }
        ConstraintPushdown filter = ConstraintPushdown.of(table, constraint.getSummary());
        TupleDomain<ColumnHandle> pushed = filter.contradiction() ? TupleDomain.none() : table.constraint().intersect(filter.pushed());
        TupleDomain<ColumnHandle> remaining = filter.remaining();
        JsonSourceCapabilities source = ScanPlan.sourceCapabilities(table);

        List<PrefixMatch> prefixMatches = table.prefixMatches();
        ConnectorExpression remainingExpression = constraint.getExpression();
        if (table.shape() == TableShape.UPSERT_CDC || table.shape() == TableShape.PLAIN) {
            ExpressionTranslation expression = PinotFilterTranslator.translate(constraint.getExpression(), constraint.getAssignments(), source);
            prefixMatches = ImmutableList.<PrefixMatch>builder()
                    .addAll(table.prefixMatches())
                    .addAll(expression.matches().stream().filter(match -> !table.prefixMatches().contains(match)).iterator())
                    .build();
            remainingExpression = expression.remaining();
        }

        if (pushed.equals(table.constraint()) && prefixMatches.equals(table.prefixMatches())) {
            return Optional.empty();
        }
        return Optional.of(new ConstraintApplicationResult<>(table.withFilter(pushed, prefixMatches), remaining, remainingExpression, false));
    }

    @Override
    public Optional<ProjectionApplicationResult<ConnectorTableHandle>> applyProjection(ConnectorSession session, ConnectorTableHandle handle, List<ConnectorExpression> projections, Map<String, ColumnHandle> assignments)
    {
        if (!(handle instanceof PinotCdcTableHandle table)) {
            return Optional.empty();
        }
        if (table.aggregation().isPresent() || !assignments.values().stream().allMatch(column -> column instanceof PinotCdcColumnHandle || column instanceof TruncatedTimeColumnHandle)) {
            return Optional.empty();
        }
        Map<String, TruncatedTimeColumnHandle> truncations = new LinkedHashMap<>();
        List<ConnectorExpression> newProjections = isPushdownEnabled(session)
                ? projections.stream().map(projection -> truncatedTime(projection, assignments, truncations)).collect(toImmutableList())
                : projections;
        // the scan reads exactly these columns: EXPLAIN can show the query the split will send
        List<PinotCdcColumnHandle> columns = Stream.concat(assignments.values().stream(), truncations.values().stream())
                .map(PinotCdcMetadata::readColumn)
                .distinct()
                .collect(toImmutableList());
        if (truncations.isEmpty() && table.projection().isPresent() && Set.copyOf(table.projection().orElseThrow()).equals(Set.copyOf(columns))) {
            return Optional.empty();
        }
        ImmutableList.Builder<Assignment> newAssignments = ImmutableList.builder();
        assignments.forEach((name, column) -> newAssignments.add(new Assignment(name, column, columnType(column))));
        truncations.forEach((name, column) -> newAssignments.add(new Assignment(name, column, column.type())));
        return Optional.of(new ProjectionApplicationResult<>(table.withProjection(columns), newProjections, newAssignments.build(), false));
    }

    /**
     * {@code date_trunc(unit, column)} as a column the scan computes, where Pinot truncates exactly as Trino: Superset's
     * time grains then group inside Pinot.
     */
    private static ConnectorExpression truncatedTime(ConnectorExpression projection, Map<String, ColumnHandle> assignments, Map<String, TruncatedTimeColumnHandle> truncations)
    {
        if (!(projection instanceof Call call)
                || !call.getFunctionName().equals(new FunctionName("date_trunc"))
                || call.getArguments().size() != 2
                || !(call.getArguments().get(0) instanceof Constant unit)
                || !(unit.getType() instanceof VarcharType)
                || !(unit.getValue() instanceof Slice unitName)
                || !(call.getArguments().get(1) instanceof Variable variable)
                || !(assignments.get(variable.getName()) instanceof PinotCdcColumnHandle column)
                || !column.type().equals(call.getType())
                || !AggregationPushdown.isTruncatable(column)) {
            return projection;
        }
        Optional<TimeTruncation> truncation = TimeTruncation.fromTrinoUnit(unitName.toStringUtf8());
        if (truncation.isEmpty()) {
            return projection;
        }
        String name = "_pinot_date_trunc_" + truncation.orElseThrow().name().toLowerCase(Locale.ENGLISH) + "_" + variable.getName();
        truncations.putIfAbsent(name, new TruncatedTimeColumnHandle(name, column, truncation.orElseThrow()));
        return new Variable(name, call.getType());
    }

    private static boolean isNativeColumn(ColumnHandle column)
    {
        return column instanceof PinotCdcColumnHandle pinotColumn && !pinotColumn.isSourceField();
    }

    private static PinotCdcColumnHandle readColumn(ColumnHandle column)
    {
        return column instanceof TruncatedTimeColumnHandle truncated ? truncated.column() : (PinotCdcColumnHandle) column;
    }

    private static Type columnType(ColumnHandle column)
    {
        return column instanceof TruncatedTimeColumnHandle truncated ? truncated.type() : ((PinotCdcColumnHandle) column).type();
    }

    @Override
    public Optional<LimitApplicationResult<ConnectorTableHandle>> applyLimit(ConnectorSession session, ConnectorTableHandle handle, long limit)
    {
        if (handle instanceof NativeQueryTableHandle) {
            // the answer of a native query is read as Pinot gives it; Trino does the rest
            return Optional.empty();
        }
        if (!isPushdownEnabled(session)) {
            return Optional.empty();
        }
        if (!(handle instanceof PinotCdcTableHandle table)) {
            return Optional.empty();
        }
        if (table.aggregation().isPresent() || !table.sort().isEmpty() || (table.limit().isPresent() && table.limit().getAsLong() <= limit)) {
            return Optional.empty();
        }
        // on upsert and plain tables every row Pinot returns is a row of the latest state; append-only tables
        // need all versions of a key to pick the newest, so a limit cannot go below that choice
        if (table.shape() == TableShape.APPEND_ONLY_CDC) {
            return Optional.empty();
        }
        // each split applies the limit; Trino still applies it across splits
        return Optional.of(new LimitApplicationResult<>(table.withLimit(limit), false, false));
    }

    @Override
    public Optional<AggregationApplicationResult<ConnectorTableHandle>> applyAggregation(
            ConnectorSession session,
            ConnectorTableHandle handle,
            List<AggregateFunction> aggregates,
            Map<String, ColumnHandle> assignments,
            List<List<ColumnHandle>> groupingSets)
    {
        if (!(handle instanceof PinotCdcTableHandle table)) {
            return Optional.empty();
        }
        // Pinot keeps the latest state of upsert tables only, and every version for a change log; other shapes, or a
        // scan already reduced, stay in Trino
        boolean changeLog = table.shape() == TableShape.CHANGE_LOG;
        if (!isPushdownEnabled(session) || !(table.shape() == TableShape.UPSERT_CDC || changeLog) || table.aggregation().isPresent() || table.limit().isPresent() || groupingSets.size() != 1) {
            return Optional.empty();
        }
        List<ColumnHandle> groupBy = groupingSets.getFirst().stream()
                .distinct()
                .collect(toImmutableList());
        if (!groupBy.stream().allMatch(AggregationPushdown::isGroupable)) {
            return Optional.empty();
        }
        ImmutableList.Builder<AggregateColumnHandle> outputs = ImmutableList.builder();
        ImmutableList.Builder<ConnectorExpression> projections = ImmutableList.builder();
        ImmutableList.Builder<Assignment> newAssignments = ImmutableList.builder();
        for (int index = 0; index < aggregates.size(); index++) {
            AggregateFunction function = aggregates.get(index);
            String name = "_pinot_aggregate_" + index;
            Optional<AggregateColumnHandle> output = AggregationPushdown.aggregate(function, assignments, name);
            if (output.isEmpty()) {
                return Optional.empty();
            }
            outputs.add(output.orElseThrow());
            projections.add(new Variable(name, function.getOutputType()));
            newAssignments.add(new Assignment(name, output.orElseThrow(), function.getOutputType()));
        }
        if (!AggregationPushdown.isMergeable(groupBy, outputs.build())) {
            return Optional.empty();
        }
        // a change log's deletes and truncates have no row image for Pinot to extract from: native columns only
        if (changeLog && !(groupBy.stream().allMatch(PinotCdcMetadata::isNativeColumn)
                && outputs.build().stream().allMatch(output -> output.argument().map(PinotCdcMetadata::isNativeColumn).orElse(true)))) {
            return Optional.empty();
        }
        Map<ColumnHandle, ColumnHandle> groupingColumns = groupBy.stream()
                .collect(toImmutableMap(column -> column, column -> column));
        PinotCdcTableHandle aggregated = table.withAggregation(new PinotAggregation(groupBy, outputs.build()));
        return Optional.of(new AggregationApplicationResult<>(aggregated, projections.build(), newAssignments.build(), groupingColumns, false));
    }

    @Override
    public Optional<TopNApplicationResult<ConnectorTableHandle>> applyTopN(ConnectorSession session, ConnectorTableHandle handle, long topCount, List<SortItem> sortItems, Map<String, ColumnHandle> assignments)
    {
        if (!(handle instanceof PinotCdcTableHandle table)) {
            return Optional.empty();
        }
        if (!isPushdownEnabled(session) || table.shape() != TableShape.UPSERT_CDC || table.aggregation().isPresent() || !table.sort().isEmpty()
                || (table.limit().isPresent() && table.limit().getAsLong() < topCount) || topCount > table.maxRows()) {
            return Optional.empty();
        }
        ImmutableList.Builder<PinotSortItem> sort = ImmutableList.builder();
        for (SortItem item : sortItems) {
            if (!(assignments.get(item.getName()) instanceof PinotCdcColumnHandle column) || !PinotSortItem.isSortable(column)) {
                return Optional.empty();
            }
            sort.add(new PinotSortItem(column, item.getSortOrder()));
        }
        // Trino still sorts the rows it gets, and ties at the cut may be broken differently: the top-N is not guaranteed
        return Optional.of(new TopNApplicationResult<>(table.withTopN(topCount, sort.build()), false, false));
    }

    @Override
    public Optional<TableFunctionApplicationResult<ConnectorTableHandle>> applyTableFunction(ConnectorSession session, ConnectorTableFunctionHandle handle)
    {
        if (!(handle instanceof NativeQueryFunctionHandle query)) {
            return Optional.empty();
        }
        return Optional.of(new TableFunctionApplicationResult<>(query.table(), List.copyOf(query.table().columns())));
    }

    private static boolean isPermissionDenied(TrinoException e)
    {
        return e.getErrorCode().equals(PERMISSION_DENIED.toErrorCode());
    }

    private static boolean isProblemOfOneTable(TrinoException e)
    {
        return e.getErrorCode().equals(PINOT_CDC_AMBIGUOUS_TABLE.toErrorCode())
                || e.getErrorCode().equals(PINOT_CDC_BAD_TABLE_DEFINITION.toErrorCode())
                || e.getErrorCode().equals(PINOT_CDC_BAD_METADATA.toErrorCode());
    }

    /** The columns of a change log or freshness table asked for by name; none where its table is not a CDC table. */
    private Optional<TableColumnsMetadata> hiddenTableColumns(SchemaTableName name)
    {
        Optional<TableColumnsMetadata> changeLog = HiddenTables.baseTable(name, HiddenTables.CHANGES)
                .flatMap(catalog::getTable)
                .filter(table -> table.shape().isCdc())
                .map(table -> TableColumnsMetadata.forTable(name, tableMetadata(HiddenTables.changeLog(table, layout)).getColumns()));
        return changeLog.or(() -> HiddenTables.baseTable(name, HiddenTables.FRESHNESS)
                .flatMap(catalog::getTable)
                .filter(table -> table.shape().isCdc())
                .map(table -> TableColumnsMetadata.forTable(name, HiddenTables.freshness(table.schemaTableName(), table.pinotTableName()).getColumns())));
    }

    PinotTableDescription describe(PinotCdcTableHandle handle)
    {
        PinotTableDescription table = catalog.getTable(handle.schemaTableName())
                .orElseThrow(() -> new TableNotFoundException(handle.schemaTableName()));
        return handle.shape() == TableShape.CHANGE_LOG ? HiddenTables.changeLog(table, layout) : table;
    }

    private static ConnectorTableMetadata tableMetadata(PinotTableDescription table)
    {
        List<ColumnMetadata> columns = table.columns().stream()
                .map(PinotCdcColumnHandle::toColumnMetadata)
                .collect(toImmutableList());
        return new ConnectorTableMetadata(table.schemaTableName(), columns, ImmutableMap.of(), table.comment());
    }
}

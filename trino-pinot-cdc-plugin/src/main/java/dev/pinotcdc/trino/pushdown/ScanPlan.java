package dev.pinotcdc.trino.pushdown;

import com.google.common.collect.ImmutableList;
import dev.pinotcdc.trino.cdc.CdcLayout;
import dev.pinotcdc.trino.cdc.FieldEncoding;
import dev.pinotcdc.trino.cdc.TableShape;
import dev.pinotcdc.trino.cdc.decoder.DebeziumSentinels;
import dev.pinotcdc.trino.cdc.decoder.FieldDecoder;
import dev.pinotcdc.trino.cdc.decoder.FieldDecoders;
import dev.pinotcdc.trino.client.JsonIndexScope;
import dev.pinotcdc.trino.client.PinotDataType;
import dev.pinotcdc.trino.pushdown.AggregateColumnHandle.AggregateKind;
import dev.pinotcdc.trino.pushdown.RowDecoder.ColumnReader;
import dev.pinotcdc.trino.pushdown.RowDecoder.ExtractedText;
import dev.pinotcdc.trino.query.CaseWhen;
import dev.pinotcdc.trino.query.ColumnReference;
import dev.pinotcdc.trino.query.ComparisonOperator;
import dev.pinotcdc.trino.query.CountAll;
import dev.pinotcdc.trino.query.FunctionCall;
import dev.pinotcdc.trino.query.JsonExtractScalar;
import dev.pinotcdc.trino.query.LongLiteral;
import dev.pinotcdc.trino.query.PinotExpression;
import dev.pinotcdc.trino.query.PinotFilter;
import dev.pinotcdc.trino.query.PinotLiteral;
import dev.pinotcdc.trino.query.PinotQuery;
import dev.pinotcdc.trino.query.PinotSqlWriter;
import dev.pinotcdc.trino.query.StringLiteral;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static com.google.common.base.Preconditions.checkState;
import static io.airlift.slice.Slices.utf8Slice;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static java.util.Objects.requireNonNull;

/**
 * The one broker query a split sends, and how each requested column is read from its answer. Built the same way
 * for EXPLAIN and for execution, so what EXPLAIN shows is what Pinot receives.
 *
 * @param query the Pinot query; unless the scan is limited, it asks for one row more than a split may return, to notice
 *         an answer that is too large
 * @param sourceCell the answer's cell holding the source JSON, or -1
 * @param rowLimit the most rows the split may return, unless the query itself is limited
 * @param latestVersions for a table that keeps every version, how to pick each key's newest
 * @param empty no row can match: nothing needs to be sent
 * @param extractsSourceFields Pinot extracts the source fields the scan reads, rather than returning whole documents
 * @param groupMerge for a GROUP BY, how groups Pinot keeps apart but Trino does not are merged before decoding
 * @param skipsUpsert the query asks an upsert table for every version it holds (a read as of a moment)
 */
public record ScanPlan(
        PinotQuery query,
        List<OutputColumn> columns,
        int sourceCell,
        long rowLimit,
        boolean limitedByQuery,
        Optional<LatestVersions> latestVersions,
        boolean empty,
        boolean extractsSourceFields,
        Optional<UnavailableGroupMerge> groupMerge,
        boolean skipsUpsert)
{
    /** Every Pinot table has this virtual column: a document's number within its segment. */
    private static final String DOC_ID_COLUMN = "$docId";

    public ScanPlan
    {
        requireNonNull(query, "query is null");
        columns = List.copyOf(columns);
        requireNonNull(latestVersions, "latestVersions is null");
        requireNonNull(groupMerge, "groupMerge is null");
    }

    /** An aggregation without GROUP BY: one row, whatever the rows it aggregates, also when no row matches. */
    public boolean globalAggregation()
    {
        return query.groupBy().isEmpty() && columns.stream().anyMatch(AggregateOutput.class::isInstance);
    }

    /** The most rows Pinot's answer may hold: more than the split may return where groups are merged after. */
    public long answerRowLimit()
    {
        return groupMerge.isPresent() ? UnavailableGroupMerge.answerRowLimit(rowLimit) : rowLimit;
    }

    public static ScanPlan create(PinotCdcTableHandle table, List<? extends ColumnHandle> columns, PinotCdcSplit split)
    {
        CdcLayout layout = table.layout();
        int maxRows = table.maxRows();
        PinotQuery.Builder query = PinotQuery.builder(table.pinotTableName());
        List<String> cells = new ArrayList<>();
        ImmutableList.Builder<OutputColumn> readers = ImmutableList.builder();
        int sourceCell = -1;
        boolean extractFields = SourceFieldExtraction.applies(table, columns.stream().map(ScanPlan::readColumn).toList());
        for (ColumnHandle handle : columns) {
            PinotCdcColumnHandle column = readColumn(handle);
            String name = handle instanceof TruncatedTimeColumnHandle truncated ? truncated.name() : column.name();
            if (column.encoding() == FieldEncoding.SCHEMA_VERSIONS) {
                // each row is read by the Debezium schema it was written with, from the whole document
                if (sourceCell < 0) {
                    sourceCell = cellOf(query, cells, new ColumnReference(column.pinotColumn()));
                }
                int schemaCell = cellOf(query, cells, new ColumnReference(layout.valueSchemaColumn()));
                SchemaVersionDecoders decoders = new SchemaVersionDecoders(table.pinotTableName(), name, column.type(), column.sourcePath().getFirst());
                readers.add(ColumnReader.ofSchemaVersionedField(name, column.sourcePath(), decoders, schemaCell));
                continue;
            }
            FieldDecoder decoder = decoder(handle, column.type(), column.encoding(), column.storedScale());
            // a promoted field is read from the JSON too: Pinot 0.11 answers a missing native value with a stand-in,
            // and ISNULL in the select list fails on committed segments (IndexOutOfBoundsException)
            if (column.isSourceField() && extractFields) {
                int cell = cellOf(query, cells, SourceFieldExtraction.text(column));
                readers.add(AbsentTextCheck.isNeeded(column)
                        ? ColumnReader.ofExtractedText(name, cell, cellOf(query, cells, AbsentTextCheck.confirmation(column, List.of())), decoder)
                        : ColumnReader.ofExtractedCell(name, cell, decoder, SourceFieldExtraction.isWholeNumberText(column)));
            }
            else if (column.isSourceField()) {
                if (sourceCell < 0) {
                    sourceCell = cellOf(query, cells, new ColumnReference(column.pinotColumn()));
                }
                readers.add(ColumnReader.ofSourceField(name, column.sourcePath(), decoder));
            }
            else {
                readers.add(ColumnReader.ofCell(name, cellOf(query, cells, new ColumnReference(column.pinotColumn())), decoder));
            }
        }

        Optional<LatestVersions> latestVersions = latestVersions(table, query, cells);
        if (cells.isEmpty()) {
            // a query needs a column even when Trino only counts rows
            cellOf(query, cells, new ColumnReference(table.shape().isCdc() ? layout.opColumn() : DOC_ID_COLUMN));
        }

        Filters filters = filters(table, split);
        filters.filter().ifPresent(query::filter);

        for (PinotSortItem item : table.sort()) {
            query.orderBy(sortExpression(item), item.order().isAscending());
        }
        boolean limitedByQuery = table.limit().isPresent() && table.limit().getAsLong() <= maxRows;
        query.limit(limitedByQuery ? table.limit().getAsLong() : maxRows + 1L);
        return new ScanPlan(query.build(), readers.build(), sourceCell, maxRows, limitedByQuery, latestVersions, filters.contradiction(), extractFields, Optional.empty(),
                table.skipsUpsert());
    }

    /**
     * How each key's newest version is kept: every CDC table's answer needs it (see {@link LatestVersions}), so its key
     * and version columns are read beside those Trino asks for.
     */
    private static Optional<LatestVersions> latestVersions(PinotCdcTableHandle table, PinotQuery.Builder query, List<String> cells)
    {
        if (!table.shape().isCdc() || table.shape() == TableShape.CHANGE_LOG) {
            return Optional.empty();
        }
        List<Integer> keyCells = table.primaryKey().stream().map(key -> cellOf(query, cells, new ColumnReference(key))).toList();
        if (table.shape() == TableShape.APPEND_ONLY_CDC) {
            String versionColumn = table.versionColumn().orElseThrow(() -> new IllegalStateException("Table without a version column: " + table.pinotTableName()));
            return Optional.of(LatestVersions.ofEveryVersion(
                    keyCells,
                    cellOf(query, cells, new ColumnReference(versionColumn)),
                    cellOf(query, cells, new ColumnReference(table.layout().opColumn())),
                    table.layout().hiddenOpCodes()));
        }
        OptionalInt versionCell = table.versionColumn()
                .map(column -> OptionalInt.of(cellOf(query, cells, new ColumnReference(column))))
                .orElse(OptionalInt.empty());
        return Optional.of(LatestVersions.ofUpsert(keyCells, versionCell));
    }

    /** A truncated time reads its column and truncates each decoded value. */
    private static PinotCdcColumnHandle readColumn(ColumnHandle handle)
    {
        return switch (handle) {
            case PinotCdcColumnHandle plain -> plain;
            case TruncatedTimeColumnHandle truncated -> truncated.column();
            default -> throw new IllegalArgumentException("Unexpected column " + handle);
        };
    }

    /**
     * A GROUP BY that Pinot computes: one row per group, with the grouping columns and the aggregates Trino asked for.
     */
    public static ScanPlan aggregated(PinotCdcTableHandle table, List<ColumnHandle> columns, PinotCdcSplit split)
    {
        PinotAggregation aggregation = table.aggregation().orElseThrow();
        PinotQuery.Builder query = PinotQuery.builder(table.pinotTableName());
        List<String> cells = new ArrayList<>();
        // a distinct count cannot be merged over two groups: there Pinot puts the placeholder into the NULL group itself
        boolean unavailableJoinsNull = aggregation.aggregates().stream().anyMatch(aggregate -> aggregate.kind() == AggregateKind.COUNT_DISTINCT);
        Map<PinotExpression, Set<String>> nullTextKeys = new LinkedHashMap<>();
        Map<PinotExpression, PinotExpression> absentFlagKeys = new LinkedHashMap<>();
        for (ColumnHandle column : aggregation.groupBy()) {
            PinotExpression expression = groupExpression(column, unavailableJoinsNull);
            if (column instanceof TruncatedTimeColumnHandle truncated) {
                // the presence flag keeps absent values apart from the values truncated to the epoch
                PinotExpression absent = absentFlag(truncated.column());
                cellOf(query, cells, absent);
                query.groupBy(absent);
                if (!InfinityStandIns.of(truncated.column()).isEmpty()) {
                    // infinities are flagged absent too, but Pinot truncated each of them to a value of its own
                    checkState(!unavailableJoinsNull, "A distinct count beside a truncated time with infinities cannot be merged");
                    absentFlagKeys.put(absent, expression);
                }
            }
            cellOf(query, cells, expression);
            query.groupBy(expression);
            if (column instanceof PinotCdcColumnHandle group && AbsentTextCheck.isNeeded(group)) {
                // the marker's group holds missing values and the marker text itself: the confirmation parts them
                PinotExpression confirmation = absentConfirmation(group);
                cellOf(query, cells, confirmation);
                query.groupBy(confirmation);
            }
            if (!unavailableJoinsNull && column instanceof PinotCdcColumnHandle group && group.isSourceField()) {
                Set<String> nullTexts = new HashSet<>(InfinityStandIns.texts(group));
                if (mayHoldUnavailableValue(group)) {
                    nullTexts.add(DebeziumSentinels.UNAVAILABLE_VALUE);
                }
                if (!nullTexts.isEmpty()) {
                    nullTextKeys.put(expression, nullTexts);
                }
            }
        }
        // without GROUP BY, a JSON index counts present values with no extraction (Pinot 0.11 filters aggregations only there)
        JsonIndexScope presenceIndex = aggregation.groupBy().isEmpty() ? table.sourceJsonIndexed() : JsonIndexScope.NONE;
        // every aggregation Trino asked for, also when Trino reads none of the outputs (count(*) of a count(*))
        List<AggregateOutput> aggregates = aggregation.aggregates().stream()
                .map(aggregate -> aggregateOutput(aggregate, query, cells, presenceIndex))
                .toList();
        ImmutableList.Builder<OutputColumn> outputs = ImmutableList.builder();
        // exactly the columns Trino asks for, none for a count(*) of the groups: Trino 483 refuses pages with others
        for (ColumnHandle column : columns) {
            switch (column) {
                case AggregateColumnHandle aggregate -> outputs.add(aggregates.get(aggregation.aggregates().indexOf(aggregate)));
                case TruncatedTimeColumnHandle truncated -> {
                    PinotCdcColumnHandle source = truncated.column();
                    int cell = cells.indexOf(PinotSqlWriter.expression(groupExpression(truncated, unavailableJoinsNull)));
                    int absentCell = cells.indexOf(PinotSqlWriter.expression(absentFlag(source)));
                    outputs.add(ColumnReader.ofNullableCell(truncated.name(), cell, absentCell, decoder(truncated, source.type(), source.encoding(), source.storedScale())));
                }
                case PinotCdcColumnHandle group -> {
                    int cell = cells.indexOf(PinotSqlWriter.expression(groupExpression(group, unavailableJoinsNull)));
                    FieldDecoder decoder = FieldDecoders.create(group.type(), group.encoding(), group.storedScale());
                    if (AbsentTextCheck.isNeeded(group)) {
                        int confirmCell = cells.indexOf(PinotSqlWriter.expression(absentConfirmation(group)));
                        outputs.add(ColumnReader.ofExtractedText(group.name(), cell, confirmCell, decoder));
                    }
                    else {
                        outputs.add(group.isSourceField()
                                ? ColumnReader.ofExtractedCell(group.name(), cell, decoder, SourceFieldExtraction.isWholeNumberText(group))
                                : ColumnReader.ofCell(group.name(), cell, decoder));
                    }
                }
                default -> throw new IllegalArgumentException("Unexpected column " + column);
            }
        }
        Filters filters = filters(table, split);
        filters.filter().ifPresent(query::filter);
        boolean mergeGroups = !nullTextKeys.isEmpty() || !absentFlagKeys.isEmpty();
        query.limit((mergeGroups ? UnavailableGroupMerge.answerRowLimit(table.maxRows()) : table.maxRows()) + 1L);
        PinotQuery pinotQuery = query.build();
        Optional<UnavailableGroupMerge> groupMerge = mergeGroups ? Optional.of(UnavailableGroupMerge.of(pinotQuery, nullTextKeys, absentFlagKeys)) : Optional.empty();
        return new ScanPlan(pinotQuery, outputs.build(), -1, table.maxRows(), false, Optional.empty(), filters.contradiction(), false, groupMerge, table.skipsUpsert());
    }

    /** An absent value is extracted as the number that sorts where Trino puts NULLs in this order. */
    private static PinotExpression sortExpression(PinotSortItem item)
    {
        PinotCdcColumnHandle column = item.column();
        if (!column.isSourceField()) {
            return new ColumnReference(column.pinotColumn());
        }
        boolean absentSortsLow = item.order().isNullsFirst() == item.order().isAscending();
        long absent = absentSortsLow ? Long.MIN_VALUE : Long.MAX_VALUE;
        PinotExpression value = new JsonExtractScalar(column.pinotColumn(), column.sourcePath(), PinotDataType.LONG, Optional.of(Long.toString(absent)));
        if (InfinityStandIns.of(column).isEmpty()) {
            return value;
        }
        // Debezium's infinities are NULL to Trino: they sort with the absent values
        return new CaseWhen(InfinityStandIns.numberIsOneOf(value, column), new LongLiteral(absent), value);
    }

    private static FieldDecoder decoder(ColumnHandle handle, Type type, FieldEncoding encoding, OptionalInt storedScale)
    {
        FieldDecoder decoder = FieldDecoders.create(type, encoding, storedScale);
        return handle instanceof TruncatedTimeColumnHandle truncated ? new TruncatedTimeDecoder(decoder, encoding, truncated.truncation()) : decoder;
    }

    /** 1 where the source field is absent (or a JSON null, or one of Debezium's infinities), 0 where it holds a value. */
    private static PinotExpression absentFlag(PinotCdcColumnHandle column)
    {
        JsonExtractScalar text = new JsonExtractScalar(column.pinotColumn(), column.sourcePath(), PinotDataType.STRING, Optional.of(ExtractedText.ABSENT));
        return new CaseWhen(InfinityStandIns.textIsOneOf(text, column, List.of(ExtractedText.ABSENT)), new LongLiteral(1), new LongLiteral(0));
    }

    /**
     * @param unavailableJoinsNull whether Pinot itself puts Debezium's placeholder into the NULL group; otherwise the
     *         placeholder is a group of its own, which {@link UnavailableGroupMerge} merges
     */
    private static PinotExpression groupExpression(ColumnHandle handle, boolean unavailableJoinsNull)
    {
        if (handle instanceof TruncatedTimeColumnHandle truncated) {
            // an absent value extracts as 0 here; its presence flag, grouped beside, reads it back as NULL
            PinotCdcColumnHandle column = truncated.column();
            StringLiteral unit = new StringLiteral(truncated.truncation().pinotUnit());
            JsonExtractScalar epoch = new JsonExtractScalar(column.pinotColumn(), column.sourcePath(), PinotDataType.LONG, Optional.of("0"));
            if (column.encoding() == FieldEncoding.EPOCH_MILLIS) {
                return FunctionCall.of("DATETRUNC", unit, epoch, new StringLiteral("MILLISECONDS"));
            }
            // Pinot turns microseconds into milliseconds towards zero before it truncates (Joda's roundFloor, exact on
            // whole milliseconds): a negative value with a fraction of a millisecond needs the millisecond below. That
            // value is the one whose millisecond truncation lies above it (a comparison of two LONGs); its millisecond,
            // at most about 2^48, is taken one less exactly by SUB's double arithmetic. The whole microsecond value must
            // never pass through SUB: above 2^53 a double cannot hold it.
            StringLiteral micros = new StringLiteral("MICROSECONDS");
            StringLiteral millisecond = new StringLiteral("MILLISECOND");
            StringLiteral utc = new StringLiteral("UTC");
            StringLiteral millis = new StringLiteral("MILLISECONDS");
            PinotExpression towardsZero = FunctionCall.of("DATETRUNC", millisecond, epoch, micros, utc, millis);
            PinotExpression millisBelow = FunctionCall.of("SUB", towardsZero, new LongLiteral(1));
            return new CaseWhen(
                    new PinotFilter.Comparison(FunctionCall.of("DATETRUNC", millisecond, epoch, micros), ComparisonOperator.GREATER_THAN, epoch),
                    FunctionCall.of("DATETRUNC", unit, millisBelow, millis, utc, micros),
                    FunctionCall.of("DATETRUNC", unit, epoch, micros));
        }
        // a promoted field is grouped by its JSON value: its native copy holds Pinot's stand-in where the value is missing
        PinotCdcColumnHandle field = (PinotCdcColumnHandle) handle;
        if (!field.isSourceField()) {
            return new ColumnReference(field.pinotColumn());
        }
        JsonExtractScalar text = new JsonExtractScalar(field.pinotColumn(), field.sourcePath(), PinotDataType.STRING, Optional.of(ExtractedText.ABSENT));
        List<String> placeholder = mayHoldUnavailableValue(field) ? List.of(DebeziumSentinels.UNAVAILABLE_VALUE) : List.of();
        if (!unavailableJoinsNull || (placeholder.isEmpty() && InfinityStandIns.of(field).isEmpty())) {
            return text;
        }
        // Debezium's placeholder for an unchanged TOASTed value, and its infinities, are NULL to Trino: they join the NULL group
        return new CaseWhen(InfinityStandIns.textIsOneOf(text, field, placeholder), new StringLiteral(ExtractedText.ABSENT), text);
    }

    /**
     * The confirmation that a group's marker is a missing value: Debezium's placeholder is NULL to Trino too, and joins
     * the missing values whether Pinot or {@link UnavailableGroupMerge} puts it there.
     */
    private static PinotExpression absentConfirmation(PinotCdcColumnHandle field)
    {
        return AbsentTextCheck.confirmation(field, nullTexts(field));
    }

    private static List<String> nullTexts(PinotCdcColumnHandle field)
    {
        return mayHoldUnavailableValue(field) ? List.of(DebeziumSentinels.UNAVAILABLE_VALUE) : List.of();
    }

    /** Values PostgreSQL can TOAST (text, numeric) may arrive as Debezium's placeholder. */
    private static boolean mayHoldUnavailableValue(PinotCdcColumnHandle field)
    {
        return field.encoding() == FieldEncoding.DECIMAL_BASE64 || field.type() instanceof VarcharType;
    }

    /**
     * @param presenceByIndex whether the source column's JSON index may count the present values of a field
     */
    private static AggregateOutput aggregateOutput(AggregateColumnHandle aggregate, PinotQuery.Builder query, List<String> cells, JsonIndexScope presenceIndex)
    {
        int total = cellOf(query, cells, new CountAll());
        if (aggregate.kind() == AggregateKind.COUNT_ALL) {
            return new AggregateOutput(aggregate.name(), aggregate.type(), aggregate.kind(), total, -1, total, -1, true, Optional.empty());
        }
        PinotCdcColumnHandle argument = aggregate.argument().orElseThrow();
        int present = -1;
        if (argument.isSourceField()) {
            present = cellOf(query, cells, PresentValueCount.isIndexed(argument, presenceIndex)
                    ? PresentValueCount.byJsonIndex(argument, mayHoldUnavailableValue(argument))
                    : PresentValueCount.byExtraction(argument, mayHoldUnavailableValue(argument)));
        }
        boolean wholeNumber = argument.type() != DOUBLE;
        int value = switch (aggregate.kind()) {
            case COUNT -> present < 0 ? total : present;
            case COUNT_DISTINCT -> cellOf(query, cells, FunctionCall.of("DISTINCTCOUNT", groupExpression(argument, true)));
            case SUM, AVG -> cellOf(query, cells, FunctionCall.of(wholeNumber ? "SUMPRECISION" : "SUM", numericExpression(argument, "0")));
            case MIN -> cellOf(query, cells, extreme(argument, wholeNumber, true));
            case MAX -> cellOf(query, cells, extreme(argument, wholeNumber, false));
            case COUNT_ALL -> throw new IllegalStateException();
        };
        int markerTextRows = -1;
        if (aggregate.kind() == AggregateKind.COUNT_DISTINCT && AbsentTextCheck.isNeeded(argument)) {
            // the missing values and the marker text are one distinct value to Pinot
            markerTextRows = cellOf(query, cells, FunctionCall.of("SUM", AbsentTextCheck.markerTextRows(groupExpression(argument, true), argument, nullTexts(argument))));
        }
        Optional<FieldDecoder> decoder = switch (aggregate.kind()) {
            case MIN, MAX -> Optional.of(FieldDecoders.create(argument.type(), argument.encoding(), argument.storedScale()));
            default -> Optional.empty();
        };
        return new AggregateOutput(aggregate.name(), aggregate.type(), aggregate.kind(), value, present, total, markerTextRows, wholeNumber, decoder);
    }

    /**
     * MIN or MAX. Pinot's MIN and MAX answer doubles, which hold whole numbers up to 2^53 only (epoch microseconds
     * before 1685 or after 2255, large BIGINTs): a whole number is taken as the value at its own smallest or largest
     * "time", FIRSTWITHTIME / LASTWITHTIME, which Pinot keeps and answers as a LONG.
     */
    private static PinotExpression extreme(PinotCdcColumnHandle argument, boolean wholeNumber, boolean minimum)
    {
        if (!wholeNumber) {
            return FunctionCall.of(minimum ? "MIN" : "MAX", finiteExpression(argument, minimum ? "Infinity" : "-Infinity"));
        }
        PinotExpression value = finiteExpression(argument, Long.toString(minimum ? Long.MAX_VALUE : Long.MIN_VALUE));
        return FunctionCall.of(minimum ? "FIRSTWITHTIME" : "LASTWITHTIME", value, value, new StringLiteral("LONG"));
    }

    /** As {@link #numericExpression}, with Debezium's infinities (NULL to Trino) read as the default too. */
    private static PinotExpression finiteExpression(PinotCdcColumnHandle argument, String absentDefault)
    {
        PinotExpression value = numericExpression(argument, absentDefault);
        if (InfinityStandIns.of(argument).isEmpty()) {
            return value;
        }
        return new CaseWhen(InfinityStandIns.numberIsOneOf(value, argument), new LongLiteral(Long.parseLong(absentDefault)), value);
    }

    /** A numeric argument; where it comes from the source JSON, an absent value reads as the given default. */
    private static PinotExpression numericExpression(PinotCdcColumnHandle argument, String absentDefault)
    {
        if (!argument.isSourceField()) {
            return new ColumnReference(argument.pinotColumn());
        }
        PinotDataType extractAs = argument.type() == DOUBLE ? PinotDataType.DOUBLE : PinotDataType.LONG;
        return new JsonExtractScalar(argument.pinotColumn(), argument.sourcePath(), extractAs, Optional.of(absentDefault));
    }

    private static int cellOf(PinotQuery.Builder query, List<String> cells, PinotExpression expression)
    {
        String text = PinotSqlWriter.expression(expression);
        int index = cells.indexOf(text);
        if (index >= 0) {
            return index;
        }
        cells.add(text);
        query.select(expression);
        return cells.size() - 1;
    }

    /** The filters every query of the scan carries, and whether no row can match. */
    private record Filters(Optional<PinotFilter> filter, boolean contradiction) {}

    private static Filters filters(PinotCdcTableHandle table, PinotCdcSplit split)
    {
        CdcLayout layout = table.layout();
        List<PinotFilter> filters = new ArrayList<>();
        if (table.shape() == TableShape.UPSERT_CDC) {
            // Pinot keeps each key's newest version; a newest version that is a delete is not data
            filters.add(LatestStateFilter.liveRows(layout));
        }
        table.asOf().map(AsOf::filter).ifPresent(filters::add);
        if (split.truncatedAt().isPresent() && table.versionColumn().isPresent()) {
            filters.add(new PinotFilter.Comparison(new ColumnReference(table.versionColumn().orElseThrow()), ComparisonOperator.GREATER_THAN, new LongLiteral(split.truncatedAt().getAsLong())));
        }
        JsonSourceCapabilities source = sourceCapabilities(table);
        FilterTranslation constraint = PinotFilterTranslator.translate(filterForm(table, table.constraint()), source);
        constraint.filter().ifPresent(filters::add);
        Set<ColumnHandle> pushedColumns = constraint.pushed().getDomains().map(Map::keySet).orElse(Set.of());
        table.constraint().getDomains().orElse(Map.of()).forEach((column, domain) -> {
            PinotCdcColumnHandle field = (PinotCdcColumnHandle) column;
            if (field.nativeCopy().isPresent() && pushedColumns.contains(filterColumn(table, field)) && !filterColumn(table, field).isSourceField()) {
                filters.addAll(PromotedFieldGuard.guards(field, field.type() instanceof VarcharType && domain.includesNullableValue(utf8Slice(DebeziumSentinels.UNAVAILABLE_VALUE))));
            }
        });
        for (PrefixMatch match : table.prefixMatches()) {
            PinotCdcColumnHandle column = filterColumn(table, match.column());
            Optional<PinotFilter> onNativeCopy = column.isSourceField() ? Optional.empty() : PinotFilterTranslator.prefixFilter(new PrefixMatch(column, match.prefix()), source);
            if (onNativeCopy.isPresent()) {
                filters.add(onNativeCopy.orElseThrow());
                if (match.column().nativeCopy().isPresent()) {
                    filters.addAll(PromotedFieldGuard.guards(match.column(), DebeziumSentinels.UNAVAILABLE_VALUE.startsWith(match.prefix())));
                }
            }
            else {
                filters.add(PinotFilterTranslator.prefixFilter(match, source).orElseThrow());
            }
        }
        partitionFilter(table, split).ifPresent(filters::add);
        return new Filters(filters.isEmpty() ? Optional.empty() : Optional.of(PinotFilter.and(filters)), constraint.contradiction());
    }

    /**
     * The predicate with each column in the form Pinot filters it (see {@link #filterColumn}).
     */
    public static TupleDomain<ColumnHandle> filterForm(PinotCdcTableHandle table, TupleDomain<ColumnHandle> constraint)
    {
        return constraint.transformKeys(column -> filterColumn(table, (PinotCdcColumnHandle) column));
    }

    /**
     * The column as Pinot filters it: a promoted field by its native copy where {@link PromotedFieldGuard} can keep
     * the rows without a value out (the native column holds Pinot's stand-in there), else by the source field.
     */
    public static PinotCdcColumnHandle filterColumn(PinotCdcTableHandle table, PinotCdcColumnHandle column)
    {
        return PromotedFieldGuard.applies(column, table.sourceJsonIndexed()) ? column.filterForm() : column;
    }

    public static JsonSourceCapabilities sourceCapabilities(PinotCdcTableHandle table)
    {
        // deletes and truncates of a CDC table hold no row image: Pinot 0.11 fails JSON extraction on them
        return new JsonSourceCapabilities(table.sourceJsonIndexed(), table.shape().isCdc());
    }

    /**
     * Splits of a CDC table share its keys, so all versions of a key meet in one split: splits are separate broker
     * queries, and a key changed between two of them must not be read in both (or in neither). Only a plain table,
     * whose rows do not move, is shared by document number, which Pinot answers per segment without reading data.
     */
    private static Optional<PinotFilter> partitionFilter(PinotCdcTableHandle table, PinotCdcSplit split)
    {
        if (split.partitionCount() == 1) {
            return Optional.empty();
        }
        if (!table.shape().isCdc()) {
            List<PinotLiteral> remainder = List.of(new LongLiteral(split.partition()));
            return Optional.of(new PinotFilter.In(FunctionCall.of("MOD", new ColumnReference(DOC_ID_COLUMN), new LongLiteral(split.partitionCount())), remainder, false));
        }
        SplitKey key = table.splitKey().orElseThrow(() -> new IllegalStateException("CDC table without a key to split by: " + table.pinotTableName()));
        return Optional.of(KeyShareFilter.of(key, split.partition(), split.partitionCount()));
    }
}

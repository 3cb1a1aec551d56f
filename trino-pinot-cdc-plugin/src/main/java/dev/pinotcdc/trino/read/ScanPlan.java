package dev.pinotcdc.trino.read;

import com.google.common.collect.ImmutableList;
import dev.pinotcdc.trino.cdc.CdcLayout;
import dev.pinotcdc.trino.cdc.TableShape;
import dev.pinotcdc.trino.cdc.decoder.FieldDecoder;
import dev.pinotcdc.trino.cdc.decoder.FieldDecoders;
import dev.pinotcdc.trino.metadata.PinotCdcColumnHandle;
import dev.pinotcdc.trino.metadata.PinotCdcTableHandle;
import dev.pinotcdc.trino.query.ColumnReference;
import dev.pinotcdc.trino.query.ComparisonOperator;
import dev.pinotcdc.trino.query.FilterTranslation;
import dev.pinotcdc.trino.query.FunctionCall;
import dev.pinotcdc.trino.query.JsonSourceCapabilities;
import dev.pinotcdc.trino.query.LongLiteral;
import dev.pinotcdc.trino.query.PinotFilter;
import dev.pinotcdc.trino.query.PinotFilterTranslator;
import dev.pinotcdc.trino.query.PinotLiteral;
import dev.pinotcdc.trino.query.PinotQuery;
import dev.pinotcdc.trino.query.PrefixMatch;
import dev.pinotcdc.trino.read.RowDecoder.ColumnReader;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.predicate.TupleDomain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

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
 */
public record ScanPlan(PinotQuery query, List<ColumnReader> columns, int sourceCell, long rowLimit, boolean limitedByQuery, Optional<LatestVersions> latestVersions, boolean empty)
{
    /** Every Pinot table has this virtual column: a document's number within its segment. */
    private static final String DOC_ID_COLUMN = "$docId";

    public ScanPlan
    {
        requireNonNull(query, "query is null");
        columns = List.copyOf(columns);
        requireNonNull(latestVersions, "latestVersions is null");
    }

    public static ScanPlan create(PinotCdcTableHandle table, List<PinotCdcColumnHandle> columns, PinotCdcSplit split)
    {
        CdcLayout layout = table.layout();
        int maxRows = table.maxRows();
        List<String> cells = new ArrayList<>();
        ImmutableList.Builder<ColumnReader> readers = ImmutableList.builder();
        int sourceCell = -1;
        for (PinotCdcColumnHandle column : columns) {
            FieldDecoder decoder = FieldDecoders.create(column.type(), column.encoding(), column.storedScale());
            if (column.isSourceField()) {
                if (sourceCell < 0) {
                    sourceCell = cellOf(cells, column.pinotColumn());
                }
                readers.add(ColumnReader.ofSourceField(column.name(), column.sourcePath(), decoder));
            }
            else {
                readers.add(ColumnReader.ofCell(column.name(), cellOf(cells, column.pinotColumn()), decoder));
            }
        }

        Optional<LatestVersions> latestVersions = Optional.empty();
        if (table.shape() == TableShape.APPEND_ONLY_CDC) {
            List<Integer> keyCells = table.primaryKey().stream().map(key -> cellOf(cells, key)).toList();
            String versionColumn = table.versionColumn().orElseThrow(() -> new IllegalStateException("Table without a version column: " + table.pinotTableName()));
            latestVersions = Optional.of(new LatestVersions(keyCells, cellOf(cells, versionColumn), cellOf(cells, layout.opColumn()), layout.hiddenOpCodes()));
        }
        if (cells.isEmpty()) {
            // a query needs a column even when Trino only counts rows
            cells.add(table.shape().isCdc() ? layout.opColumn() : DOC_ID_COLUMN);
        }

        PinotQuery.Builder query = PinotQuery.builder(table.pinotTableName());
        cells.forEach(cell -> query.select(new ColumnReference(cell)));

        List<PinotFilter> filters = new ArrayList<>();
        if (table.shape() == TableShape.UPSERT_CDC) {
            // Pinot keeps each key's newest version; a newest version that is a delete is not data
            filters.add(LatestStateFilter.liveRows(layout));
        }
        if (split.truncatedAt().isPresent() && table.versionColumn().isPresent()) {
            filters.add(new PinotFilter.Comparison(new ColumnReference(table.versionColumn().get()), ComparisonOperator.GREATER_THAN, new LongLiteral(split.truncatedAt().getAsLong())));
        }
        JsonSourceCapabilities source = sourceCapabilities(table);
        FilterTranslation constraint = PinotFilterTranslator.translate(filterForm(table.constraint()), source);
        constraint.filter().ifPresent(filters::add);
        for (PrefixMatch match : table.prefixMatches()) {
            filters.add(PinotFilterTranslator.prefixFilter(new PrefixMatch(match.column().filterForm(), match.prefix()), source).orElseThrow());
        }
        partitionFilter(table, split).ifPresent(filters::add);
        if (!filters.isEmpty()) {
            query.filter(PinotFilter.and(filters));
        }

        boolean limitedByQuery = table.limit().isPresent() && table.limit().getAsLong() <= maxRows;
        query.limit(limitedByQuery ? table.limit().getAsLong() : maxRows + 1L);
        return new ScanPlan(query.build(), readers.build(), sourceCell, maxRows, limitedByQuery, latestVersions, constraint.contradiction());
    }

    /**
     * The predicate with each column in the form Pinot filters it: a promoted field by its native copy.
     */
    public static TupleDomain<ColumnHandle> filterForm(TupleDomain<ColumnHandle> constraint)
    {
        return constraint.transformKeys(column -> ((PinotCdcColumnHandle) column).filterForm());
    }

    public static JsonSourceCapabilities sourceCapabilities(PinotCdcTableHandle table)
    {
        // deletes and truncates of a CDC table hold no row image: Pinot 0.11 fails JSON extraction on them
        return new JsonSourceCapabilities(table.sourceJsonIndexed(), table.shape().isCdc());
    }

    /**
     * Splits share a scan by document number, which Pinot answers per segment without looking at the data. A table
     * that keeps every version is shared by primary key instead, so all versions of a key meet in one split.
     */
    private static Optional<PinotFilter> partitionFilter(PinotCdcTableHandle table, PinotCdcSplit split)
    {
        if (split.partitionCount() == 1) {
            return Optional.empty();
        }
        if (table.shape() != TableShape.APPEND_ONLY_CDC) {
            return Optional.of(remainderIs(DOC_ID_COLUMN, split.partitionCount(), List.of(new LongLiteral(split.partition()))));
        }
        // Pinot's MOD keeps the sign of the dividend: a negative key's remainder is the partition less the count
        List<PinotLiteral> remainders = split.partition() == 0
                ? List.of(new LongLiteral(0))
                : List.of(new LongLiteral(split.partition()), new LongLiteral(split.partition() - split.partitionCount()));
        return Optional.of(remainderIs(table.primaryKey().getFirst(), split.partitionCount(), remainders));
    }

    private static PinotFilter remainderIs(String column, int divisor, List<PinotLiteral> remainders)
    {
        return new PinotFilter.In(FunctionCall.of("MOD", new ColumnReference(column), new LongLiteral(divisor)), remainders, false);
    }

    private static int cellOf(List<String> cells, String pinotColumn)
    {
        int index = cells.indexOf(pinotColumn);
        if (index >= 0) {
            return index;
        }
        cells.add(pinotColumn);
        return cells.size() - 1;
    }
}

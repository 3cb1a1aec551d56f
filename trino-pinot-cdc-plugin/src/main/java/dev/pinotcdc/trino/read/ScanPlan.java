package dev.pinotcdc.trino.read;

import com.google.common.collect.ImmutableList;
import dev.pinotcdc.trino.cdc.CdcLayout;
import dev.pinotcdc.trino.cdc.decoder.FieldDecoder;
import dev.pinotcdc.trino.cdc.decoder.FieldDecoders;
import dev.pinotcdc.trino.metadata.PinotCdcColumnHandle;
import dev.pinotcdc.trino.metadata.PinotCdcTableHandle;
import dev.pinotcdc.trino.query.ColumnReference;
import dev.pinotcdc.trino.query.PinotFilter;
import dev.pinotcdc.trino.query.PinotQuery;
import dev.pinotcdc.trino.read.RowDecoder.ColumnReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The one broker query a split sends, and how each requested column is read from its answer.
 *
 * @param query the Pinot query; it asks for one row more than a split may return, to notice an answer that is too large
 * @param rowLimit the most rows the split may return, unless the query itself is limited
 * @param sourceCell the answer's cell holding the source JSON, or -1
 */
public record ScanPlan(PinotQuery query, List<ColumnReader> columns, int sourceCell, long rowLimit, boolean limitedByQuery)
{
    private static final String DOC_ID_COLUMN = "$docId";

    public ScanPlan
    {
        requireNonNull(query, "query is null");
        columns = List.copyOf(columns);
    }

    public static ScanPlan create(PinotCdcTableHandle table, List<PinotCdcColumnHandle> columns, CdcLayout layout, Optional<PinotFilter> pushedFilter, int maxRows)
    {
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
        if (cells.isEmpty()) {
            // a query needs a column even when Trino only counts rows: the op column is small; every Pinot table has
            // the virtual column $docId
            cells.add(table.shape().isCdc() ? layout.opColumn() : DOC_ID_COLUMN);
        }

        PinotQuery.Builder query = PinotQuery.builder(table.pinotTableName());
        cells.forEach(cell -> query.select(new ColumnReference(cell)));

        List<PinotFilter> filters = new ArrayList<>();
        if (table.shape().isCdc()) {
            filters.add(LatestStateFilter.liveRows(layout));
        }
        pushedFilter.ifPresent(filters::add);
        if (!filters.isEmpty()) {
            query.filter(PinotFilter.and(filters));
        }

        boolean limitedByQuery = table.limit().isPresent() && table.limit().getAsLong() <= maxRows;
        long limit = limitedByQuery ? table.limit().getAsLong() : maxRows + 1L;
        query.limit(limit);
        return new ScanPlan(query.build(), readers.build(), sourceCell, maxRows, limitedByQuery);
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

package dev.pinotcdc.trino.pushdown;

import dev.pinotcdc.trino.cdc.CdcLayout;
import dev.pinotcdc.trino.query.ColumnReference;
import dev.pinotcdc.trino.query.PinotFilter;
import dev.pinotcdc.trino.query.PinotLiteral;
import dev.pinotcdc.trino.query.StringLiteral;

import java.util.List;

/**
 * The CDC rule every read of a CDC table applies inside Pinot: rows whose operation is a delete or a truncate are
 * not data.
 */
public final class LatestStateFilter
{
    private LatestStateFilter() {}

    public static PinotFilter liveRows(CdcLayout layout)
    {
        List<PinotLiteral> hiddenCodes = layout.hiddenOpCodes().stream()
                .sorted()
                .<PinotLiteral>map(StringLiteral::new)
                .toList();
        return new PinotFilter.In(new ColumnReference(layout.opColumn()), hiddenCodes, true);
    }
}

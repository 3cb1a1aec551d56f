package dev.pinotcdc.trino.read;

import com.google.common.collect.ImmutableList;
import com.google.inject.Inject;
import dev.pinotcdc.trino.adapter.SplitManagerAdapter;
import dev.pinotcdc.trino.pushdown.FreshnessTableHandle;
import dev.pinotcdc.trino.pushdown.NativeQueryTableHandle;
import dev.pinotcdc.trino.pushdown.PinotCdcSplit;
import dev.pinotcdc.trino.pushdown.PinotCdcTableHandle;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplitSource;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.FixedSplitSource;

import java.util.OptionalLong;

import static dev.pinotcdc.trino.config.PinotCdcSessionProperties.getScanSplits;
import static dev.pinotcdc.trino.config.PinotCdcSessionProperties.isPushdownEnabled;
import static java.util.Objects.requireNonNull;

public class PinotCdcSplitManager
        extends SplitManagerAdapter
{
    private final TruncateFinder truncateFinder;

    @Inject
    public PinotCdcSplitManager(TruncateFinder truncateFinder)
    {
        this.truncateFinder = requireNonNull(truncateFinder, "truncateFinder is null");
    }

    @Override
    protected ConnectorSplitSource getSplits(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        if (tableHandle instanceof FreshnessTableHandle || tableHandle instanceof NativeQueryTableHandle) {
            // one broker query answers a freshness table or a native query
            return new FixedSplitSource(ImmutableList.of(PinotCdcSplit.whole(OptionalLong.empty())));
        }
        PinotCdcTableHandle table = (PinotCdcTableHandle) tableHandle;
        // an aggregation without GROUP BY has its row also when no row can match: one split gives it
        boolean globalAggregation = table.aggregation().isPresent() && table.aggregation().orElseThrow().groupBy().isEmpty();
        if (table.constraint().isNone() && !globalAggregation) {
            return new FixedSplitSource(ImmutableList.of());
        }
        OptionalLong truncatedAt = truncateFinder.newestTruncate(table);
        int splits = splitCount(session, table);
        ImmutableList.Builder<PinotCdcSplit> result = ImmutableList.builder();
        for (int partition = 0; partition < splits; partition++) {
            result.add(new PinotCdcSplit(partition, splits, truncatedAt));
        }
        return new FixedSplitSource(result.build());
    }

    private static int splitCount(ConnectorSession session, PinotCdcTableHandle table)
    {
        // a limited scan or a GROUP BY is one query; a CDC table can only be shared by a key column (see ScanPlan)
        if (table.limit().isPresent() || table.aggregation().isPresent() || (table.shape().isCdc() && table.splitKey().isEmpty())) {
            return 1;
        }
        // every split evaluates the whole filter over every document before keeping its share: a filtered scan
        // (usually selective) is cheapest as one query, a full scan moves the most rows and gains from parallel reading
        boolean filtered = !table.constraint().isAll() || !table.prefixMatches().isEmpty();
        return isPushdownEnabled(session) && !filtered ? getScanSplits(session) : 1;
    }
}

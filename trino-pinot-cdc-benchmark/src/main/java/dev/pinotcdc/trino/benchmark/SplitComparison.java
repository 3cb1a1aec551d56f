package dev.pinotcdc.trino.benchmark;

import static java.util.Objects.requireNonNull;

/**
 * The every-live-row scan of this plugin with a number of splits ({@code scan_splits}); 0 splits stands for the same
 * rows read from Trino's memory connector, the cost of returning them through Trino alone.
 */
record SplitComparison(int splits, WayResult result)
{
    boolean fromMemory()
    {
        return splits == 0;
    }

    SplitComparison
    {
        requireNonNull(result, "result is null");
    }
}

package dev.pinotcdc.trino.benchmark;

import static java.util.Objects.requireNonNull;

/** The every-live-row scan of this plugin with a number of splits ({@code scan_splits}). */
record SplitComparison(int splits, WayResult result)
{
    SplitComparison
    {
        requireNonNull(result, "result is null");
    }
}

package dev.pinotcdc.trino.benchmark;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One question asked three ways.
 *
 * @param name the question, as the report names it
 * @param pluginSql (a) Trino SQL on this plugin's typed latest-state table
 * @param viewSql (b) the same Trino SQL on a view over Trino's own Pinot connector
 * @param nativeQuery (c) Pinot SQL sent straight to the broker
 * @param ordered whether the order of the rows is part of the answer
 * @param pluginToViewTarget the goal for the latency of (a) over (b), if it sets one for this question
 */
record BenchmarkQuery(String name, String pluginSql, String viewSql, NativePinotQuery nativeQuery, boolean ordered, Optional<Double> pluginToViewTarget)
{
    /** The goal for (a) over (c), for questions that take Pinot itself at least {@link #NATIVE_FLOOR_MILLIS}. */
    static final double PLUGIN_TO_NATIVE_TARGET = 1.5;
    static final double NATIVE_FLOOR_MILLIS = 200;

    BenchmarkQuery
    {
        requireNonNull(name, "name is null");
        requireNonNull(pluginSql, "pluginSql is null");
        requireNonNull(viewSql, "viewSql is null");
        requireNonNull(nativeQuery, "nativeQuery is null");
        requireNonNull(pluginToViewTarget, "pluginToViewTarget is null");
    }
}

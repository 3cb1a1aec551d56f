package dev.pinotcdc.trino.benchmark;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A question about the past of the orders table, asked of this plugin ({@code FOR VERSION AS OF}, the change log)
 * and of Pinot directly with hand-written SQL over every version ({@code skipUpsert}).
 */
record HistoryComparison(String name, String pluginSql, String pinotSql, WayResult plugin, WayResult nativePinot)
{
    HistoryComparison
    {
        requireNonNull(name, "name is null");
        requireNonNull(pluginSql, "pluginSql is null");
        requireNonNull(pinotSql, "pinotSql is null");
        requireNonNull(plugin, "plugin is null");
        requireNonNull(nativePinot, "nativePinot is null");
    }

    Optional<Double> ratio()
    {
        return plugin.medianMillis().flatMap(numerator -> nativePinot.medianMillis().map(denominator -> numerator / denominator));
    }

    Optional<Boolean> agree()
    {
        if (plugin.answer().isEmpty() || nativePinot.answer().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(plugin.answer().orElseThrow().sameAs(nativePinot.answer().orElseThrow()));
    }
}

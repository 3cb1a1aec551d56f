package dev.pinotcdc.trino.benchmark;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One question's results in one variant, the three ways side by side, and what (a) and (b) sent to Pinot.
 */
record QueryResult(BenchmarkQuery query, WayResult plugin, WayResult view, WayResult nativePinot, String pluginPinotQueries, String viewPinotQueries)
{
    QueryResult
    {
        requireNonNull(query, "query is null");
        requireNonNull(plugin, "plugin is null");
        requireNonNull(view, "view is null");
        requireNonNull(nativePinot, "nativePinot is null");
        requireNonNull(pluginPinotQueries, "pluginPinotQueries is null");
        requireNonNull(viewPinotQueries, "viewPinotQueries is null");
    }

    /**
     * Whether every way that answered gave the same rows; empty when fewer than two ways answered.
     */
    Optional<Boolean> agree()
    {
        Optional<ResultRows> reference = nativePinot.answer().or(plugin::answer);
        if (reference.isEmpty()) {
            return Optional.empty();
        }
        int answered = 0;
        boolean same = true;
        for (WayResult way : new WayResult[] {plugin, view, nativePinot}) {
            if (way.answer().isPresent()) {
                answered++;
                same &= way.answer().orElseThrow().sameAs(reference.orElseThrow());
            }
        }
        return answered < 2 ? Optional.empty() : Optional.of(same);
    }

    /** How the answers differ, for the report; empty when they agree. */
    Optional<String> disagreement()
    {
        if (agree().orElse(true)) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        ResultRows reference = nativePinot.answer().or(plugin::answer).orElseThrow();
        if (plugin.answer().isPresent() && !plugin.answer().orElseThrow().sameAs(reference)) {
            text.append("(a) vs (c): ").append(plugin.answer().orElseThrow().difference(reference)).append(". ");
        }
        if (view.answer().isPresent() && !view.answer().orElseThrow().sameAs(reference)) {
            text.append("(b) vs (c): ").append(view.answer().orElseThrow().difference(reference)).append(". ");
        }
        return Optional.of(text.toString().strip());
    }

    Optional<Double> ratio(WayResult numerator, WayResult denominator)
    {
        return numerator.medianMillis().flatMap(top -> denominator.medianMillis().map(bottom -> top / bottom));
    }
}

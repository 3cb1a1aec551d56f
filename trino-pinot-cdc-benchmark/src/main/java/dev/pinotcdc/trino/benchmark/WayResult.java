package dev.pinotcdc.trino.benchmark;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How one way answered one question: its measured latencies, its last answer, what it read from Pinot (for the
 * Trino ways), or why it could not answer.
 */
record WayResult(List<Double> millis, Optional<ResultRows> answer, Optional<TrinoQueries.InputStats> input, Optional<String> failure)
{
    WayResult
    {
        millis = List.copyOf(millis);
        requireNonNull(answer, "answer is null");
        requireNonNull(input, "input is null");
        requireNonNull(failure, "failure is null");
    }

    static WayResult failed(String failure)
    {
        return new WayResult(List.of(), Optional.empty(), Optional.empty(), Optional.of(failure));
    }

    boolean succeeded()
    {
        return failure.isEmpty() && answer.isPresent();
    }

    Optional<Double> medianMillis()
    {
        if (millis.isEmpty()) {
            return Optional.empty();
        }
        List<Double> sorted = millis.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return Optional.of(sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2);
    }
}

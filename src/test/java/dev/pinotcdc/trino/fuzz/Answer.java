package dev.pinotcdc.trino.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A query's rows, or the error it failed with.
 */
record Answer(List<List<Object>> rows, Optional<String> failure)
{
    Answer
    {
        rows = Collections.unmodifiableList(new ArrayList<>(rows));
        requireNonNull(failure, "failure is null");
    }

    static Answer of(List<List<Object>> rows)
    {
        return new Answer(rows, Optional.empty());
    }

    static Answer failed(Exception e)
    {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        return new Answer(List.of(), Optional.of(message.lines().findFirst().orElse(message)));
    }

    String describe(int maxRows)
    {
        if (failure.isPresent()) {
            return "FAILED: " + failure.orElseThrow();
        }
        List<String> shown = rows.stream().limit(maxRows).map(row -> row.stream().map(ResultComparison::show).toList().toString()).toList();
        return "%s rows %s%s".formatted(rows.size(), shown, rows.size() > maxRows ? " ..." : "");
    }
}

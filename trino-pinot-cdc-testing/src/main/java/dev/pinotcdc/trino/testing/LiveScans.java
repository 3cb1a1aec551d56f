package dev.pinotcdc.trino.testing;

import io.trino.Session;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Clients that keep asking questions of {@link ChangingTable}s while their rows change, each scan checked: a full scan
 * must hold every key exactly once, a count must equal the number of keys, a lookup must find its key.
 */
public final class LiveScans
{
    /** Error messages kept for the report. */
    private static final int KEPT_ERRORS = 10;

    private final QueryRunner queryRunner;
    private final Session session;
    private final Session singleSplitSession;
    private final List<ChangingTable> tables;
    private final boolean fullScansOnly;

    private final AtomicLong scans = new AtomicLong();
    private final AtomicLong keysTwice = new AtomicLong();
    private final AtomicLong keysMissing = new AtomicLong();
    private final AtomicLong inexactScans = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final List<String> errorMessages = new ArrayList<>();
    private final List<String> inexactAnswerDescriptions = new ArrayList<>();
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();

    /**
     * @param session the session of the questions: the {@code scan_splits} of a full scan
     * @param fullScansOnly ask only full scans in the session's splits; otherwise also in one split, counts and lookups
     */
    public LiveScans(QueryRunner queryRunner, Session session, List<ChangingTable> tables, boolean fullScansOnly)
    {
        this.queryRunner = requireNonNull(queryRunner, "queryRunner is null");
        this.session = requireNonNull(session, "session is null");
        this.singleSplitSession = Session.builder(session)
                .setCatalogSessionProperty(session.getCatalog().orElseThrow(), "scan_splits", "1")
                .build();
        this.tables = List.copyOf(tables);
        this.fullScansOnly = fullScansOnly;
    }

    /**
     * Runs the clients until the time is up (each finishes the question it is asking) and reports.
     */
    public Report run(int clients, Duration duration)
            throws Exception
    {
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService executor = Executors.newFixedThreadPool(clients, runnable -> {
            Thread thread = new Thread(runnable, "live-scan-client");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                Random random = new Random(client);
                futures.add(executor.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        askOne(random);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        finally {
            executor.shutdownNow();
        }
        return report();
    }

    private void askOne(Random random)
    {
        ChangingTable table = tables.get(random.nextInt(tables.size()));
        String kind = table.keyKind().name().toLowerCase(Locale.ENGLISH);
        int question = fullScansOnly ? 0 : random.nextInt(5);
        // mostly full scans, in the session's splits; one split beside them shows what Pinot's own answer is
        if (question <= 1) {
            ask("full scan, " + kind + " key", session, "SELECT id, status FROM " + table.tableName(), result -> checkEveryKeyOnce(table, result));
        }
        else if (question == 2) {
            ask("full scan in 1 split, " + kind + " key", singleSplitSession, "SELECT id, status FROM " + table.tableName(), result -> checkEveryKeyOnce(table, result));
        }
        else if (question == 3) {
            ask("count(*), " + kind + " key", session, "SELECT count(*) FROM " + table.tableName(), result -> {
                if ((long) result.getOnlyValue() != table.keys().size()) {
                    inexact("count(*) of %s: %s, not %s".formatted(table.tableName(), result.getOnlyValue(), table.keys().size()));
                }
            });
        }
        else {
            Object key = table.keys().get(random.nextInt(table.keys().size()));
            String literal = key instanceof String text ? "'" + text.replace("'", "''") + "'" : key.toString();
            ask("lookup by key, " + kind + " key", session, "SELECT status FROM " + table.tableName() + " WHERE id = " + literal, result -> {
                if (result.getRowCount() != 1) {
                    inexact("lookup of %s in %s: %s rows".formatted(literal, table.tableName(), result.getRowCount()));
                }
            });
        }
    }

    private void ask(String question, Session session, String sql, Consumer<MaterializedResult> check)
    {
        long start = System.nanoTime();
        MaterializedResult result;
        try {
            result = queryRunner.execute(session, sql);
        }
        catch (RuntimeException e) {
            errors.incrementAndGet();
            synchronized (errorMessages) {
                if (errorMessages.size() < KEPT_ERRORS) {
                    errorMessages.add(question + ": " + e.getMessage());
                }
            }
            return;
        }
        long micros = (System.nanoTime() - start) / 1000;
        latencies.computeIfAbsent(question, _ -> Collections.synchronizedList(new ArrayList<>())).add(micros);
        scans.incrementAndGet();
        try {
            check.accept(result);
        }
        catch (RuntimeException e) {
            // an answer of the wrong shape (a global count without its row) is a wrong answer, not a client failure
            inexact("%s: %s (%s rows)".formatted(question, e.getMessage(), result.getRowCount()));
        }
    }

    private void checkEveryKeyOnce(ChangingTable table, MaterializedResult result)
    {
        Set<Object> seen = new HashSet<>();
        long twice = 0;
        for (MaterializedRow row : result.getMaterializedRows()) {
            if (!seen.add(row.getField(0))) {
                twice++;
            }
        }
        long missing = table.keys().stream().filter(key -> !seen.contains(key)).count();
        keysTwice.addAndGet(twice);
        keysMissing.addAndGet(missing);
        if (twice > 0 || missing > 0 || seen.size() != table.keys().size()) {
            inexact("full scan of %s: %s rows, %s keys twice, %s keys missing".formatted(table.tableName(), result.getRowCount(), twice, missing));
        }
    }

    private void inexact(String description)
    {
        inexactScans.incrementAndGet();
        synchronized (errorMessages) {
            if (inexactAnswerDescriptions.size() < KEPT_ERRORS) {
                inexactAnswerDescriptions.add(Instant.now() + " " + description);
            }
        }
    }

    private Report report()
    {
        Map<String, Latency> byQuestion = new TreeMap<>();
        latencies.forEach((question, micros) -> {
            List<Long> sorted;
            synchronized (micros) {
                sorted = new ArrayList<>(micros);
            }
            sorted.sort(null);
            byQuestion.put(question, new Latency(sorted.size(), percentile(sorted, 50), percentile(sorted, 99)));
        });
        synchronized (errorMessages) {
            return new Report(scans.get(), inexactScans.get(), keysTwice.get(), keysMissing.get(), errors.get(), List.copyOf(errorMessages), List.copyOf(inexactAnswerDescriptions), byQuestion);
        }
    }

    private static double percentile(List<Long> sortedMicros, int percentile)
    {
        int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.size()) - 1;
        return sortedMicros.get(Math.max(0, index)) / 1000.0;
    }

    /**
     * @param count answered questions
     * @param p50Millis median latency
     * @param p99Millis 99th percentile latency
     */
    public record Latency(long count, double p50Millis, double p99Millis) {}

    /**
     * @param questions answered questions
     * @param inexactAnswers answers that were not the live state's: a key twice or missing, a count not the key count
     * @param keysTwice keys that full scans returned twice (summed over scans)
     * @param keysMissing live keys that full scans did not return (summed over scans)
     * @param errors failed questions
     */
    public record Report(long questions, long inexactAnswers, long keysTwice, long keysMissing, long errors, List<String> errorMessages, List<String> inexactAnswerDescriptions, Map<String, Latency> latency)
    {
        public long fullScans()
        {
            return latency.entrySet().stream().filter(entry -> entry.getKey().startsWith("full scan")).mapToLong(entry -> entry.getValue().count()).sum();
        }

        public String describe()
        {
            StringBuilder text = new StringBuilder();
            text.append("questions answered: %,d (full scans: %,d)%n".formatted(questions, fullScans()));
            text.append("inexact answers: %,d; keys seen twice: %,d; keys missing: %,d; errors: %,d%n".formatted(inexactAnswers, keysTwice, keysMissing, errors));
            text.append("| question | answered | p50 ms | p99 ms |%n|---|---:|---:|---:|%n".formatted());
            latency.forEach((question, value) -> text.append("| %s | %,d | %.1f | %.1f |%n".formatted(question, value.count(), value.p50Millis(), value.p99Millis())));
            errorMessages.forEach(message -> text.append("error: ").append(message).append(System.lineSeparator()));
            inexactAnswerDescriptions.forEach(message -> text.append("inexact: ").append(message).append(System.lineSeparator()));
            return text.toString();
        }
    }
}

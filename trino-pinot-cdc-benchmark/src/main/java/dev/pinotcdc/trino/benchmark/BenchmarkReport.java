package dev.pinotcdc.trino.benchmark;

import dev.pinotcdc.trino.benchmark.PinotCdcBenchmark.Ingestion;
import dev.pinotcdc.trino.benchmark.PinotCdcBenchmark.VariantResult;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The benchmark's figures as markdown, ready for the README: per variant a table of median latencies, ratios,
 * what the Trino ways read from Pinot and whether the answers agree; then the targets, the disagreements and the
 * Pinot queries each way sent.
 */
public record BenchmarkReport(
        BenchmarkSettings settings,
        Ingestion ingestion,
        List<VariantResult> variants,
        List<ExtractionComparison> extraction,
        List<SplitComparison> splits,
        List<HistoryComparison> history,
        MachineLoad loadBefore,
        MachineLoad loadAfter)
{
    public BenchmarkReport
    {
        requireNonNull(settings, "settings is null");
        requireNonNull(ingestion, "ingestion is null");
        variants = List.copyOf(variants);
        extraction = List.copyOf(extraction);
        splits = List.copyOf(splits);
        history = List.copyOf(history);
        requireNonNull(loadBefore, "loadBefore is null");
        requireNonNull(loadAfter, "loadAfter is null");
    }

    /** Whether every question of every variant, and every question about the past, got the same rows from every way that answered. */
    public boolean allAgree()
    {
        return problems().isEmpty();
    }

    /** Questions whose ways disagree or where fewer than two ways answered, with the reason. */
    public List<String> problems()
    {
        Stream<String> variantProblems = variants.stream()
                .flatMap(variant -> variant.queries().stream()
                        .filter(query -> !query.agree().orElse(false))
                        .map(query -> "%s / %s: %s".formatted(variant.variant().label(), query.query().name(),
                                query.disagreement().orElse("fewer than two ways answered: (a) %s (b) %s (c) %s".formatted(
                                        query.plugin().failure().orElse("ok"), query.view().failure().orElse("ok"), query.nativePinot().failure().orElse("ok"))))));
        Stream<String> historyProblems = history.stream()
                .filter(comparison -> !comparison.agree().orElse(false))
                .map(comparison -> "the past / %s: %s".formatted(comparison.name(), comparison.agree().isPresent()
                        ? comparison.plugin().answer().orElseThrow().difference(comparison.nativePinot().answer().orElseThrow())
                        : "fewer than two ways answered: (a) %s (c) %s".formatted(comparison.plugin().failure().orElse("ok"), comparison.nativePinot().failure().orElse("ok"))));
        return Stream.concat(variantProblems, historyProblems).toList();
    }

    public String markdown()
    {
        StringBuilder text = new StringBuilder();
        text.append("### Benchmark: ").append(settings.describe()).append("\n\n");
        text.append("- Machine at start: ").append(loadBefore.describe()).append("\n");
        text.append("- Machine at end: ").append(loadAfter.describe()).append("\n");
        text.append(format("- Pinot 0.11 in one JVM (-Xmx%s), Trino 476 server (-Xmx%s) holding (a) and (b), one node%n", settings.pinotHeap(), settings.trinoHeap()));
        text.append(format("- Produced %,d order events (%,d orders live at the end) and %,d user events (%,d MB of JSON) in %.1f s; Pinot held them all %.1f s after the first was sent (%,.0f events/s)%n",
                ingestion.orderEvents(), ingestion.liveOrders(), ingestion.userEvents(), ingestion.bytes() >> 20, seconds(ingestion.produced().toMillis()), seconds(ingestion.ingested().toMillis()),
                (ingestion.orderEvents() + ingestion.userEvents()) / Math.max(seconds(ingestion.ingested().toMillis()), 0.001)));
        for (VariantResult variant : variants) {
            text.append(format("%n#### orders: %s (Pinot read the topic into this table in %.1f s)%n%n", variant.variant().label(), seconds(variant.ingestion().toMillis())));
            text.append("| query | (a) plugin ms | (b) Trino pinot + view ms | (c) Pinot SQL ms | a/b | a/c | (a) rows / bytes from Pinot | (b) rows / bytes from Pinot | (a) waiting for Pinot / planning ms | result rows | agree | targets |\n");
            text.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|---|\n");
            for (QueryResult query : variant.queries()) {
                text.append("| ").append(query.query().name())
                        .append(" | ").append(millis(query.plugin()))
                        .append(" | ").append(millis(query.view()))
                        .append(" | ").append(millis(query.nativePinot()))
                        .append(" | ").append(ratio(query.ratio(query.plugin(), query.view())))
                        .append(" | ").append(ratio(query.ratio(query.plugin(), query.nativePinot())))
                        .append(" | ").append(input(query.plugin()))
                        .append(" | ").append(input(query.view()))
                        .append(" | ").append(timing(query.plugin()))
                        .append(" | ").append(query.nativePinot().answer().or(() -> query.plugin().answer()).map(rows -> format("%,d", rows.size())).orElse("-"))
                        .append(" | ").append(query.agree().map(agree -> agree ? "yes" : "**NO**").orElse("-"))
                        .append(" | ").append(targets(query))
                        .append(" |\n");
            }
        }
        text.append(extractionMarkdown());
        text.append(splitsMarkdown());
        text.append(historyMarkdown());
        List<String> problems = problems();
        text.append("\n#### Answers\n\n");
        if (problems.isEmpty()) {
            text.append("Every way gave the same rows for every question.\n");
        }
        else {
            problems.forEach(problem -> text.append("- ").append(problem).append("\n"));
        }
        for (VariantResult variant : variants) {
            text.append(format("%n#### What each way sent to Pinot (%s)%n%n", variant.variant().label()));
            for (QueryResult query : variant.queries()) {
                text.append("- **").append(query.query().name()).append("**\n");
                text.append("  - (a) `").append(query.query().pluginSql()).append("` → ").append(codeLines(query.pluginPinotQueries())).append("\n");
                text.append("  - (b) `").append(query.query().viewSql()).append("` → ").append(codeLines(query.viewPinotQueries())).append("\n");
                text.append("  - (c) `").append(query.query().nativeQuery().describe()).append("`\n");
                for (String way : List.of("a", "b", "c")) {
                    WayResult result = switch (way) {
                        case "a" -> query.plugin();
                        case "b" -> query.view();
                        default -> query.nativePinot();
                    };
                    result.failure().ifPresent(failure -> text.append("  - (").append(way).append(") failed: ").append(failure).append("\n"));
                }
            }
        }
        return text.toString();
    }

    /** Whether both ways of reading source fields gave the same rows for every scan. */
    public boolean extractionAgrees()
    {
        return extraction.stream().allMatch(comparison -> comparison.agree().orElse(false));
    }

    private String extractionMarkdown()
    {
        StringBuilder text = new StringBuilder();
        text.append("\n#### Source fields: whole documents from Pinot, or extracted by Pinot (this plugin, default orders table)\n\n");
        text.append("| scan | source fields | whole documents ms | extracted ms | extracted / whole | rows / bytes from Pinot, whole | rows / bytes from Pinot, extracted | agree |\n");
        text.append("|---|---:|---:|---:|---:|---:|---:|:---:|\n");
        for (ExtractionComparison comparison : extraction) {
            text.append("| ").append(comparison.name())
                    .append(" | ").append(comparison.sourceFields())
                    .append(" | ").append(millis(comparison.wholeDocuments()))
                    .append(" | ").append(millis(comparison.extracted()))
                    .append(" | ").append(ratio(comparison.ratio()))
                    .append(" | ").append(input(comparison.wholeDocuments()))
                    .append(" | ").append(input(comparison.extracted()))
                    .append(" | ").append(comparison.agree().map(agree -> agree ? "yes" : "**NO**").orElse("-"))
                    .append(" |\n");
        }
        for (ExtractionComparison comparison : extraction) {
            text.append("- ").append(comparison.name()).append(": `").append(comparison.sql()).append("` → ").append(codeLines(comparison.extractedPinotSql())).append("\n");
        }
        return text.toString();
    }

    private String splitsMarkdown()
    {
        StringBuilder text = new StringBuilder();
        text.append("\n#### Splits: the every-live-row scan as 1 to 8 broker queries (this plugin, default orders table)\n\n");
        text.append("| scan_splits | ms | rows / bytes from Pinot | same rows as 1 split |\n");
        text.append("|---:|---:|---:|:---:|\n");
        Optional<ResultRows> single = splits.isEmpty() ? Optional.empty() : splits.getFirst().result().answer();
        for (SplitComparison comparison : splits) {
            text.append("| ").append(comparison.fromMemory() ? "(the same rows from Trino's memory connector)" : Integer.toString(comparison.splits()))
                    .append(" | ").append(millis(comparison.result()))
                    .append(" | ").append(input(comparison.result()))
                    .append(" | ").append(comparison.result().answer().flatMap(rows -> single.map(rows::sameAs)).map(same -> same ? "yes" : "**NO**").orElse("-"))
                    .append(" |\n");
        }
        return text.toString();
    }

    private String historyMarkdown()
    {
        StringBuilder text = new StringBuilder();
        text.append("\n#### The past: as of a version, and the change log (this plugin against hand-written Pinot SQL over every version)\n\n");
        text.append("| question | (a) plugin ms | (c) Pinot SQL ms | a/c | (a) rows / bytes from Pinot | result rows | agree |\n");
        text.append("|---|---:|---:|---:|---:|---:|:---:|\n");
        for (HistoryComparison comparison : history) {
            text.append("| ").append(comparison.name())
                    .append(" | ").append(millis(comparison.plugin()))
                    .append(" | ").append(millis(comparison.nativePinot()))
                    .append(" | ").append(ratio(comparison.ratio()))
                    .append(" | ").append(input(comparison.plugin()))
                    .append(" | ").append(comparison.nativePinot().answer().or(() -> comparison.plugin().answer()).map(rows -> format("%,d", rows.size())).orElse("-"))
                    .append(" | ").append(comparison.agree().map(agree -> agree ? "yes" : "**NO**").orElse("-"))
                    .append(" |\n");
        }
        for (HistoryComparison comparison : history) {
            text.append("\n- **").append(comparison.name()).append("**: (a) `").append(comparison.pluginSql()).append("`; (c) `").append(comparison.pinotSql()).append("`");
            comparison.plugin().failure().ifPresent(failure -> text.append("; (a) failed: ").append(failure));
            comparison.nativePinot().failure().ifPresent(failure -> text.append("; (c) failed: ").append(failure));
        }
        text.append("\n");
        return text.toString();
    }

    private static String targets(QueryResult query)
    {
        StringBuilder text = new StringBuilder();
        query.query().pluginToViewTarget().ifPresent(target -> text.append(format("a/b ≤ %s %s", target, verdict(query.ratio(query.plugin(), query.view()), target))));
        Optional<Double> nativeMillis = query.nativePinot().medianMillis();
        if (nativeMillis.isPresent() && nativeMillis.orElseThrow() >= BenchmarkQuery.NATIVE_FLOOR_MILLIS) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(format("a/c ≤ %s %s", BenchmarkQuery.PLUGIN_TO_NATIVE_TARGET, verdict(query.ratio(query.plugin(), query.nativePinot()), BenchmarkQuery.PLUGIN_TO_NATIVE_TARGET)));
        }
        return text.isEmpty() ? "-" : text.toString();
    }

    private static String verdict(Optional<Double> ratio, double target)
    {
        return ratio.map(value -> value <= target ? "met" : "**missed**").orElse("n/a");
    }

    static String millis(WayResult way)
    {
        if (way.failure().isPresent()) {
            return "failed";
        }
        return way.medianMillis().map(millis -> millis >= 100 ? format("%,.0f", millis) : format("%.1f", millis)).orElse("-");
    }

    private static String ratio(Optional<Double> ratio)
    {
        return ratio.map(value -> value >= 10 ? format("%.0f", value) : format("%.2f", value)).orElse("-");
    }

    private static String input(WayResult way)
    {
        return way.input().map(input -> format("%,d / %s", input.rows(), bytes(input.bytes()))).orElse("-");
    }

    private static String timing(WayResult way)
    {
        return way.input().map(input -> format("%,.0f / %,.0f", input.readMillis(), input.planningMillis())).orElse("-");
    }

    private static String bytes(long bytes)
    {
        if (bytes >= 10L << 20) {
            return format("%,d MB", bytes >> 20);
        }
        if (bytes >= 10L << 10) {
            return format("%,d kB", bytes >> 10);
        }
        return format("%,d B", bytes);
    }

    private static String codeLines(String lines)
    {
        if (lines.isBlank()) {
            return "(nothing shown)";
        }
        return String.join(" ; ", lines.lines().map(line -> "`" + line.replace("`", "'") + "`").toList());
    }

    private static double seconds(long millis)
    {
        return millis / 1e3;
    }

    private static String format(String pattern, Object... values)
    {
        return String.format(Locale.ROOT, pattern, values);
    }
}

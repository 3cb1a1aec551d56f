package dev.pinotcdc.trino.benchmark;

import dev.pinotcdc.trino.testing.PinotTestCluster;
import dev.pinotcdc.trino.testing.TrinoServer;
import dev.pinotcdc.trino.testing.TrinoServerInstallation;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The same questions asked three ways over the same Pinot 0.11 tables of generated Debezium events: (a) this
 * plugin, (b) today's way, Trino's own Pinot connector (broker queries) under a view that decodes {@code source}
 * with JSON_EXTRACT_SCALAR, (c) hand-written Pinot SQL at the broker. Both Trino ways run in one real Trino 476
 * server. Prints a markdown report; asserts nothing about time.
 * <p>
 * Run it with {@code ./mvnw -B -q -pl trino-pinot-cdc-benchmark -am verify -DskipTests -Pbenchmark [-Dbench.events=1000000 ...]}
 * (see {@link BenchmarkSettings} for the properties).
 */
public final class PinotCdcBenchmark
{
    // PinotClusterProcess reads these JVM options when it starts the cluster: appended, they win over its defaults
    private static final String PINOT_JVM_OPTIONS_PROPERTY = "pinotcdc.pinot.cluster.jvm.options";
    private static final int WARM_UP_PASSES = 3;

    private final BenchmarkSettings settings;
    private final PinotTestCluster cluster;
    private final TrinoServer trino;
    private final ShopTables tables;

    public PinotCdcBenchmark(BenchmarkSettings settings, PinotTestCluster cluster, TrinoServer trino)
    {
        this.settings = requireNonNull(settings, "settings is null");
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.trino = requireNonNull(trino, "trino is null");
        this.tables = new ShopTables(cluster);
    }

    public static void main(String[] args)
            throws Exception
    {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        System.out.println("Benchmark: " + settings.describe());
        MachineLoad loadBefore = MachineLoad.now();
        System.setProperty(PINOT_JVM_OPTIONS_PROPERTY, String.join(" ",
                "-Xmx" + settings.pinotHeap(),
                // the shared test cluster starts quickly on C1 only; measured queries need the optimizing compiler
                "-XX:TieredStopAtLevel=4",
                System.getProperty(PINOT_JVM_OPTIONS_PROPERTY, "")).strip());
        PinotTestCluster cluster = PinotTestCluster.shared();
        System.out.printf("Pinot cluster up in %.1f s (-Xmx%s)%n", cluster.startTime().toMillis() / 1e3, settings.pinotHeap());
        BenchmarkReport report;
        try (TrinoServer trino = startTrino(settings.trinoHeap())) {
            report = new PinotCdcBenchmark(settings, cluster, trino).run(loadBefore);
        }
        System.out.println();
        System.out.println(report.markdown());
        // the cluster's JVM stops in a shutdown hook
        System.exit(0);
    }

    /**
     * A real Trino 476 server with this plugin and Trino's own Pinot connector (plus memory, for the views); the
     * catalogs of each variant are created at run time.
     */
    public static TrinoServer startTrino(String maxHeap)
    {
        return TrinoServerInstallation.builder()
                .withName("benchmark")
                .withPinotCdcPlugin()
                .withBundledPlugins("pinot", "memory")
                .withCatalog("memory", Map.of("connector.name", "memory"))
                .withMaxHeap(maxHeap)
                .build()
                .start();
    }

    public BenchmarkReport run(MachineLoad loadBefore)
            throws SQLException
    {
        String prefix = PinotTestCluster.uniqueTableName("bench");
        ShopEventGenerator generator = new ShopEventGenerator(prefix, settings.seed());
        String usersTable = prefix + "_users";
        String ordersTable = prefix + "_orders";
        String promotedOrdersTable = prefix + "_orders_promoted";

        tables.createTopic(generator.usersTopic(), 1);
        tables.createTopic(generator.ordersTopic(), settings.partitions());
        tables.createDefault(usersTable, generator.usersTopic(), settings.flushThresholdRows());
        tables.createDefault(ordersTable, generator.ordersTopic(), settings.flushThresholdRows());

        System.out.println("Producing events...");
        long start = System.nanoTime();
        ShopEventGenerator.OrdersWritten orders;
        long userMessages;
        long orderMessages;
        long producedBytes;
        try (BulkProducer producer = new BulkProducer(cluster.kafkaBootstrapServers())) {
            generator.users(settings.users(), message -> producer.send(generator.usersTopic(), message));
            userMessages = producer.messages();
            orders = generator.orders(settings.events(), settings.keys(), settings.users(), message -> producer.send(generator.ordersTopic(), message));
            producer.flush();
            orderMessages = producer.messages() - userMessages;
            producedBytes = producer.bytes();
        }
        Duration produced = elapsedSince(start);
        System.out.printf("Produced %,d messages (%,d MB) in %.1f s%n", orderMessages + userMessages, producedBytes >> 20, produced.toMillis() / 1e3);
        Duration ingestTimeout = Duration.ofSeconds(300 + settings.events() / 1_000);
        tables.awaitDocuments(usersTable, userMessages, ingestTimeout);
        tables.awaitDocuments(ordersTable, orderMessages, ingestTimeout);
        Duration ingested = elapsedSince(start);
        System.out.printf("Pinot holds every order event %.1f s after the first was produced%n", ingested.toMillis() / 1e3);

        List<VariantResult> variants = new ArrayList<>();
        List<ExtractionComparison> extraction;
        List<SplitComparison> splits;
        List<HistoryComparison> history;
        try (TrinoQueries trinoQueries = new TrinoQueries(trino)) {
            ShopVariant jsonVariant = variant("default", false, ordersTable, usersTable, trinoQueries);
            ShopQueries jsonQueries = new ShopQueries(jsonVariant, generator.last30DaysStart(), orders.pointLookupKey());
            variants.add(runVariant(jsonVariant, jsonQueries, trinoQueries, ingested));
            extraction = compareExtraction(jsonVariant, jsonQueries, trinoQueries);
            splits = compareSplits(jsonVariant, jsonQueries, trinoQueries);
            history = compareHistory(jsonVariant, trinoQueries);

            // the same topic once more, into a table that also has created_at as a native column; the first table
            // goes first, so that Pinot holds one copy of the orders at a time
            tables.drop(ordersTable);
            tables.createWithPromotedCreatedAt(promotedOrdersTable, generator.ordersTopic(), settings.flushThresholdRows());
            Duration promotedIngested = tables.awaitDocuments(promotedOrdersTable, orderMessages, ingestTimeout);
            System.out.printf("Pinot read the topic again into the promoted table in %.1f s%n", promotedIngested.toMillis() / 1e3);
            ShopVariant promotedVariant = variant("created_at promoted", true, promotedOrdersTable, usersTable, trinoQueries);
            variants.add(runVariant(promotedVariant, new ShopQueries(promotedVariant, generator.last30DaysStart(), orders.pointLookupKey()), trinoQueries, promotedIngested));
            tables.drop(promotedOrdersTable);
            tables.drop(usersTable);
        }
        Ingestion ingestion = new Ingestion(orderMessages, orders.liveOrders(), userMessages, producedBytes, produced, ingested);
        return new BenchmarkReport(settings, ingestion, variants, extraction, splits, history, loadBefore, MachineLoad.now());
    }

    private ShopVariant variant(String label, boolean promoted, String ordersTable, String usersTable, TrinoQueries trinoQueries)
            throws SQLException
    {
        String suffix = promoted ? "promoted" : "json";
        ShopVariant variant = new ShopVariant(label, promoted, ordersTable, usersTable, "cdc_" + suffix, "pinot_" + suffix, "memory");
        // catalogs made now see the tables made now (both connectors cache table lists)
        trinoQueries.execute("CREATE CATALOG %s USING pinot_cdc WITH (\"pinot.controller-urls\" = '%s')".formatted(variant.pluginCatalog(), cluster.controllerUrl()));
        trinoQueries.execute(("CREATE CATALOG %s USING pinot WITH (\"pinot.controller-urls\" = '%s', \"pinot.prefer-broker-queries\" = 'true', "
                + "\"pinot.forbid-segment-queries\" = 'true', \"pinot.max-rows-for-broker-queries\" = '%d')")
                .formatted(variant.pinotCatalog(), cluster.controllerUrl(), Math.max(settings.keys() * 2, 50_000)));
        trinoQueries.execute(variant.createOrdersView());
        trinoQueries.execute(variant.createUsersView());
        return variant;
    }

    private VariantResult runVariant(ShopVariant variant, ShopQueries queries, TrinoQueries trinoQueries, Duration ingestion)
    {
        System.out.printf("%nVariant: %s (Pinot table %s)%n", variant.label(), variant.pinotOrdersTable());
        // passes over every question first: the servers' compilers warm up on all of them, so the first questions
        // measured do not pay for it
        for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
            for (BenchmarkQuery query : queries.all()) {
                for (String sql : List.of(query.pluginSql(), query.viewSql())) {
                    try {
                        trinoQueries.query(sql);
                    }
                    catch (SQLException | RuntimeException e) {
                        // measured below, where a failure is reported
                    }
                }
            }
        }
        List<QueryResult> results = new ArrayList<>();
        for (BenchmarkQuery query : queries.all()) {
            System.out.println("  " + query.name());
            String pluginPlan = explainPinotQueries(trinoQueries, query.pluginSql(), "Pinot SQL:");
            String viewPlan = explainPinotQueries(trinoQueries, query.viewSql(), "table = ");
            WayResult plugin = measureTrino(trinoQueries, query.pluginSql(), query.ordered());
            WayResult view = measureTrino(trinoQueries, query.viewSql(), query.ordered());
            WayResult nativePinot = measure(() -> new Run(ResultRows.of(query.nativeQuery().run(cluster.broker()), query.ordered()), Optional.empty()));
            QueryResult result = new QueryResult(query, plugin, view, nativePinot, pluginPlan, viewPlan);
            System.out.printf("    (a) %s  (b) %s  (c) %s  agree: %s%n",
                    BenchmarkReport.millis(plugin), BenchmarkReport.millis(view), BenchmarkReport.millis(nativePinot), result.agree().map(String::valueOf).orElse("-"));
            result.disagreement().ifPresent(text -> System.out.println("    " + text));
            results.add(result);
        }
        return new VariantResult(variant, ingestion, results);
    }

    /**
     * The same scans with whole source documents and with every field extracted by Pinot: where extraction pays
     * decides the default of {@code pinot.max-extracted-source-fields}.
     */
    private List<ExtractionComparison> compareExtraction(ShopVariant variant, ShopQueries queries, TrinoQueries trinoQueries)
    {
        System.out.printf("%nWhole source documents against fields extracted by Pinot (%s)%n", variant.label());
        String property = variant.pluginCatalog() + ".max_extracted_source_fields";
        List<ExtractionComparison> comparisons = new ArrayList<>();
        try {
            for (ShopQueries.SourceFieldScan scan : queries.sourceFieldScans()) {
                trinoQueries.execute("SET SESSION %s = 0".formatted(property));
                WayResult wholeDocuments = measureTrino(trinoQueries, scan.sql(), false);
                trinoQueries.execute("SET SESSION %s = 1000".formatted(property));
                String pinotSql = explainPinotQueries(trinoQueries, scan.sql(), "Pinot SQL:");
                WayResult extracted = measureTrino(trinoQueries, scan.sql(), false);
                ExtractionComparison comparison = new ExtractionComparison(scan.name(), scan.sourceFields(), scan.sql(), wholeDocuments, extracted, pinotSql);
                System.out.printf("  %s: whole %s  extracted %s  agree: %s%n", scan.name(), BenchmarkReport.millis(wholeDocuments), BenchmarkReport.millis(extracted),
                        comparison.agree().map(String::valueOf).orElse("-"));
                comparisons.add(comparison);
            }
            trinoQueries.execute("RESET SESSION " + property);
        }
        catch (SQLException e) {
            throw new RuntimeException(e);
        }
        return comparisons;
    }

    /**
     * The scan of every live order divided into 1 to 8 broker queries: what parallel splits gain on this machine
     * decides the default of {@code pinot.scan-splits}.
     */
    private List<SplitComparison> compareSplits(ShopVariant variant, ShopQueries queries, TrinoQueries trinoQueries)
    {
        System.out.printf("%nSplits of the every-live-row scan (%s)%n", variant.label());
        String property = variant.pluginCatalog() + ".scan_splits";
        List<SplitComparison> comparisons = new ArrayList<>();
        try {
            for (int splits : List.of(1, 2, 4, 8)) {
                trinoQueries.execute("SET SESSION %s = %d".formatted(property, splits));
                WayResult result = measureTrino(trinoQueries, queries.everyLiveRowSql(), false);
                System.out.printf("  %d: %s%n", splits, BenchmarkReport.millis(result));
                comparisons.add(new SplitComparison(splits, result));
            }
            trinoQueries.execute("RESET SESSION " + property);
            // the same rows from a table held in Trino's memory: what returning them through Trino and JDBC costs alone
            String copy = "%s.default.%s_live_copy".formatted(variant.viewCatalog(), variant.pinotOrdersTable());
            trinoQueries.execute("CREATE TABLE %s AS %s".formatted(copy, queries.everyLiveRowSql()));
            WayResult fromMemory = measureTrino(trinoQueries, "SELECT * FROM " + copy, false);
            System.out.printf("  the same rows from Trino's memory connector: %s%n", BenchmarkReport.millis(fromMemory));
            comparisons.add(new SplitComparison(0, fromMemory));
            trinoQueries.execute("DROP TABLE " + copy);
        }
        catch (SQLException e) {
            throw new RuntimeException(e);
        }
        return comparisons;
    }

    /**
     * The orders as of the version halfway through their history, and their change log: this plugin against
     * hand-written Pinot SQL over every version, which picks each key's newest version itself.
     */
    private List<HistoryComparison> compareHistory(ShopVariant variant, TrinoQueries trinoQueries)
    {
        System.out.printf("%nThe past: as of a version, and the change log (%s)%n", variant.label());
        String table = variant.pinotOrdersTable();
        String orders = variant.pluginTable(table);
        String changes = variant.pluginTable("\"" + table + "$changes\"");
        long oldest = NativeHistory.version(cluster.broker(), table, true);
        long middle = oldest + (NativeHistory.version(cluster.broker(), table, false) - oldest) / 2;
        List<HistoryComparison> comparisons = new ArrayList<>();
        comparisons.add(compareHistory(trinoQueries, "count by status, as of the middle version",
                "SELECT status, count(*) FROM %s FOR VERSION AS OF %d GROUP BY status".formatted(orders, middle),
                NativeHistory.statusCountsAsOf(table, middle)));
        // the latest state read as a snapshot (exact while Pinot ingests): every version up to the newest, counted in Trino
        long newest = NativeHistory.version(cluster.broker(), table, false);
        String snapshotReads = variant.pluginCatalog() + ".snapshot_reads";
        try {
            trinoQueries.execute("SET SESSION %s = true".formatted(snapshotReads));
            comparisons.add(compareHistory(trinoQueries, "count by status, latest state with snapshot_reads",
                    "SELECT status, count(*) FROM %s GROUP BY status".formatted(orders),
                    NativeHistory.statusCountsAsOf(table, newest)));
            trinoQueries.execute("RESET SESSION " + snapshotReads);
        }
        catch (SQLException e) {
            throw new RuntimeException(e);
        }
        comparisons.add(compareHistory(trinoQueries, "changes per operation (change log)",
                "SELECT _op, count(*) FROM %s GROUP BY _op".formatted(changes),
                NativeHistory.single("SELECT op, COUNT(*) FROM %s GROUP BY op LIMIT 100".formatted(table))));
        comparisons.add(compareHistory(trinoQueries, "changes after the middle version (change log)",
                "SELECT id, _op, status FROM %s WHERE _lsn > %d".formatted(changes, middle),
                NativeHistory.changesAfter(table, middle)));
        return comparisons;
    }

    private HistoryComparison compareHistory(TrinoQueries trinoQueries, String name, String pluginSql, NativeHistory nativeQuery)
    {
        WayResult plugin = measureTrino(trinoQueries, pluginSql, false);
        WayResult nativePinot = measure(() -> new Run(ResultRows.of(nativeQuery.run(cluster.broker()), false), Optional.empty()));
        HistoryComparison comparison = new HistoryComparison(name, pluginSql, nativeQuery.sql(), plugin, nativePinot);
        System.out.printf("  %s: (a) %s  (c) %s  agree: %s%n", name, BenchmarkReport.millis(plugin), BenchmarkReport.millis(nativePinot),
                comparison.agree().map(String::valueOf).orElse("-"));
        return comparison;
    }

    private WayResult measureTrino(TrinoQueries trinoQueries, String sql, boolean ordered)
    {
        String[] lastQueryId = new String[1];
        WayResult result = measure(() -> {
            try {
                TrinoQueries.Answer answer = trinoQueries.query(sql);
                lastQueryId[0] = answer.queryId();
                return new Run(ResultRows.of(answer.rows(), ordered), Optional.of(answer.queryId()));
            }
            catch (SQLException e) {
                throw new RuntimeException(e);
            }
        });
        if (!result.succeeded()) {
            return result;
        }
        return new WayResult(result.millis(), result.answer(), Optional.of(trinoQueries.inputStats(lastQueryId[0])), Optional.empty());
    }

    private record Run(ResultRows rows, Optional<String> queryId) {}

    /**
     * Warm-up runs, then measured runs (fewer when a warm-up run was slow); the first failure ends it.
     */
    private WayResult measure(Supplier<Run> query)
    {
        ResultRows last = null;
        double lastMillis = 0;
        try {
            for (int i = 0; i < settings.warmups(); i++) {
                long start = System.nanoTime();
                last = query.get().rows();
                lastMillis = (System.nanoTime() - start) / 1e6;
            }
            int runs = settings.warmups() > 0 && lastMillis > settings.slowQueryMillis() ? Math.min(settings.runs(), settings.slowQueryRuns()) : settings.runs();
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                last = query.get().rows();
                millis.add((System.nanoTime() - start) / 1e6);
            }
            return new WayResult(millis, Optional.of(last), Optional.empty(), Optional.empty());
        }
        catch (RuntimeException e) {
            return WayResult.failed(rootMessage(e));
        }
    }

    private static String explainPinotQueries(TrinoQueries trinoQueries, String sql, String marker)
    {
        try {
            return Arrays.stream(trinoQueries.explain(sql).split("\n"))
                    .filter(line -> line.contains(marker))
                    .map(String::strip)
                    .collect(Collectors.joining("\n"));
        }
        catch (SQLException | RuntimeException e) {
            return "EXPLAIN failed: " + rootMessage(e);
        }
    }

    private static String rootMessage(Throwable e)
    {
        // the driver's SQLException carries the server's message; a wrapper only adds its class name
        Throwable shown = e;
        while (shown.getCause() != null && shown.getCause() != shown && !(shown instanceof SQLException)) {
            shown = shown.getCause();
        }
        String message = shown.getMessage() == null ? shown.toString() : shown.getMessage();
        message = message.replace('\n', ' ').replace("|", "\\|");
        return message.length() > 400 ? message.substring(0, 400) + "..." : message;
    }

    private static Duration elapsedSince(long startNanos)
    {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** The events produced and how long Pinot took to hold them all. */
    record Ingestion(long orderEvents, long liveOrders, long userEvents, long bytes, Duration produced, Duration ingested) {}

    /** One variant's results. */
    record VariantResult(ShopVariant variant, Duration ingestion, List<QueryResult> queries) {}
}

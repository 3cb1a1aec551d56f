package dev.pinotcdc.trino.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.inject.Inject;
import dev.pinotcdc.trino.adapter.PageSourceProviderAdapter;
import dev.pinotcdc.trino.client.BrokerQuery;
import dev.pinotcdc.trino.client.BrokerResult;
import dev.pinotcdc.trino.client.PinotAnswerTooLargeException;
import dev.pinotcdc.trino.client.PinotBrokerClient;
import dev.pinotcdc.trino.client.PinotCdcStats;
import dev.pinotcdc.trino.client.PinotClientException;
import dev.pinotcdc.trino.client.PinotErrors;
import dev.pinotcdc.trino.client.RequestedRows;
import dev.pinotcdc.trino.config.PinotClientConfig;
import dev.pinotcdc.trino.pushdown.ConstraintPushdown;
import dev.pinotcdc.trino.pushdown.DecodingProblems;
import dev.pinotcdc.trino.pushdown.FreshnessColumnHandle;
import dev.pinotcdc.trino.pushdown.FreshnessTableHandle;
import dev.pinotcdc.trino.pushdown.NativeQueryColumnHandle;
import dev.pinotcdc.trino.pushdown.NativeQueryTableHandle;
import dev.pinotcdc.trino.pushdown.PinotCdcColumnHandle;
import dev.pinotcdc.trino.pushdown.PinotCdcSplit;
import dev.pinotcdc.trino.pushdown.PinotCdcTableHandle;
import dev.pinotcdc.trino.pushdown.RowDecoder;
import dev.pinotcdc.trino.pushdown.ScanPlan;
import dev.pinotcdc.trino.pushdown.SourceFieldExtraction;
import dev.pinotcdc.trino.query.PinotQuery;
import dev.pinotcdc.trino.query.PinotSqlWriter;
import dev.pinotcdc.trino.read.PinotCdcPageSource.BrokerAnswer;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.FixedPageSource;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.TupleDomain;

import java.util.List;
import java.util.OptionalLong;

import static com.google.common.collect.ImmutableList.toImmutableList;
import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_RESULT_TOO_LARGE;
import static dev.pinotcdc.trino.config.PinotCdcSessionProperties.MAX_BYTES_PER_BROKER_QUERY;
import static dev.pinotcdc.trino.config.PinotCdcSessionProperties.getDynamicFilteringWaitTimeout;
import static dev.pinotcdc.trino.config.PinotCdcSessionProperties.getMaxBytesPerBrokerQuery;
import static dev.pinotcdc.trino.config.PinotCdcSessionProperties.getQueryTimeout;
import static dev.pinotcdc.trino.config.PinotCdcSessionProperties.isPushdownEnabled;
import static dev.pinotcdc.trino.config.PinotCdcSessionProperties.isStrictDecoding;
import static io.airlift.units.DataSize.succinctBytes;
import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

public class PinotCdcPageSourceProvider
        extends PageSourceProviderAdapter
{
    private static final int MAX_DYNAMIC_FILTER_VALUES = 1000;

    private final PinotBrokerClient broker;
    private final long readTimeoutMillis;
    private final PinotCdcStats stats;
    private final FreshnessReader freshnessReader;
    private final BrokerQueryExecutor executor;

    @Inject
    public PinotCdcPageSourceProvider(PinotBrokerClient broker, PinotClientConfig config, PinotCdcStats stats, FreshnessReader freshnessReader, BrokerQueryExecutor executor)
    {
        this.executor = requireNonNull(executor, "executor is null");
        this.freshnessReader = requireNonNull(freshnessReader, "freshnessReader is null");
        this.stats = requireNonNull(stats, "stats is null");
        this.broker = requireNonNull(broker, "broker is null");
        this.readTimeoutMillis = config.getReadTimeout().toMillis();
    }

    @Override
    protected ConnectorPageSource createPageSource(
            ConnectorSession session,
            ConnectorSplit split,
            ConnectorTableHandle tableHandle,
            List<ColumnHandle> columns,
            DynamicFilter dynamicFilter)
    {
        if (tableHandle instanceof FreshnessTableHandle freshness) {
            List<FreshnessColumnHandle> figures = columns.stream().map(FreshnessColumnHandle.class::cast).toList();
            return new FixedPageSource(List.of(freshnessReader.read(freshness, figures)));
        }
        if (tableHandle instanceof NativeQueryTableHandle query) {
            return nativeQuery(session, query, columns);
        }
        PinotCdcTableHandle table = (PinotCdcTableHandle) tableHandle;
        PinotCdcSplit pinotSplit = (PinotCdcSplit) split;
        DecodingProblems problems = new DecodingProblems(table.pinotTableName(), isStrictDecoding(session));
        long timeoutMillis = Math.max(1, Math.min(getQueryTimeout(session).toMillis(), readTimeoutMillis));
        long maxAnswerBytes = getMaxBytesPerBrokerQuery(session).toBytes();
        // without pushdown, Pinot is asked for the latest state only
        DynamicFilter pushedDynamicFilter = isPushdownEnabled(session) ? dynamicFilter : DynamicFilter.EMPTY;
        return new PinotCdcPageSource(
                predicate -> answer(narrowedBy(table, predicate), columns, pinotSplit, new Limits(timeoutMillis, maxAnswerBytes), problems),
                executor,
                problems,
                stats,
                pushedDynamicFilter,
                getDynamicFilteringWaitTimeout(session));
    }

    private ConnectorPageSource nativeQuery(ConnectorSession session, NativeQueryTableHandle query, List<ColumnHandle> columns)
    {
        DecodingProblems problems = new DecodingProblems(query.tableName(), isStrictDecoding(session));
        long timeoutMillis = Math.max(1, Math.min(getQueryTimeout(session).toMillis(), readTimeoutMillis));
        long maxAnswerBytes = getMaxBytesPerBrokerQuery(session).toBytes();
        List<NativeQueryColumnHandle> read = columns.stream()
                .map(NativeQueryColumnHandle.class::cast)
                .collect(toImmutableList());
        // no dynamic filter: the text goes to Pinot as written
        return new PinotCdcPageSource(
                _ -> NativeQueryScan.run(broker, query, read, timeoutMillis, maxAnswerBytes, problems),
                executor,
                problems,
                stats,
                DynamicFilter.EMPTY,
                getDynamicFilteringWaitTimeout(session));
    }

    /**
     * The scan with the part of a join's dynamic filter that Pinot evaluates exactly and cheaply: up to a thousand
     * values or ranges on a key or native column, and as many values on a source field its JSON index looks up (a
     * range there would make Pinot parse every row's JSON, whatever the filter keeps). A scan that picks rows before
     * the join would, a LIMIT, a top-N or an aggregation, is left as it is.
     */
    private static PinotCdcTableHandle narrowedBy(PinotCdcTableHandle table, TupleDomain<ColumnHandle> dynamicFilter)
    {
        if (dynamicFilter.isAll() || table.aggregation().isPresent() || table.limit().isPresent()) {
            return table;
        }
        TupleDomain<ColumnHandle> cheap = dynamicFilter.filter((column, domain) -> column instanceof PinotCdcColumnHandle pinotColumn
                && isSmall(domain)
                && (!ScanPlan.filterColumn(table, pinotColumn).isSourceField() || (table.sourceJsonIndexed().keepsPath(ScanPlan.filterColumn(table, pinotColumn).sourcePath()) && domain.getValues().isDiscreteSet())));
        ConstraintPushdown pushdown = ConstraintPushdown.of(table, cheap);
        TupleDomain<ColumnHandle> constraint = pushdown.contradiction() ? TupleDomain.none() : table.constraint().intersect(pushdown.pushed());
        return table.withFilter(constraint, table.prefixMatches());
    }

    /** Pinot parses a long IN list slowly, and a join's filter with many values rarely narrows much. */
    private static boolean isSmall(Domain domain)
    {
        return domain.getValues().getRanges().getRangeCount() <= MAX_DYNAMIC_FILTER_VALUES;
    }

    /** How long one broker query may take and how long its answer may be. */
    private record Limits(long timeoutMillis, long maxAnswerBytes) {}

    private BrokerAnswer answer(PinotCdcTableHandle table, List<ColumnHandle> columns, PinotCdcSplit split, Limits limits, DecodingProblems problems)
    {
        ScanPlan plan = table.aggregation().isPresent()
                ? ScanPlan.aggregated(table, columns, split)
                : ScanPlan.create(table, columns, split);
        if (plan.empty()) {
            return new BrokerAnswer(plan.globalAggregation() ? List.of(noRowsAggregated(plan)) : List.of(), 0, decoder(plan, problems), OptionalLong.empty());
        }
        try {
            return run(plan, table.pinotTableName(), limits, problems);
        }
        catch (PinotAnswerTooLargeException e) {
            throw answerTooLarge(table.pinotTableName(), e);
        }
        catch (PinotClientException e) {
            if (!plan.extractsSourceFields() || !SourceFieldExtraction.failedOnMalformedSource(e)) {
                throw PinotErrors.toTrinoException(e);
            }
        }
        // a row's source is not JSON, and Pinot fails any extraction from it: whole documents let the decoder read
        // such a row's fields as NULL, or fail naming them in strict mode
        ScanPlan wholeDocuments = ScanPlan.create(table.withMaxExtractedSourceFields(0), columns, split);
        try {
            return run(wholeDocuments, table.pinotTableName(), limits, problems);
        }
        catch (PinotAnswerTooLargeException e) {
            throw answerTooLarge(table.pinotTableName(), e);
        }
        catch (PinotClientException e) {
            throw PinotErrors.toTrinoException(e);
        }
    }

    private static RowDecoder decoder(ScanPlan plan, DecodingProblems problems)
    {
        return new RowDecoder(plan.columns(), plan.sourceCell(), problems);
    }

    private BrokerAnswer run(ScanPlan plan, String pinotTableName, Limits limits, DecodingProblems problems)
    {
        BrokerResult result = execute(plan, plan.query(), limits);
        // an answer of more rows than allowed may be cut short by the query's LIMIT: it is refused before any merge
        if (!plan.limitedByQuery() && result.rowCount() > plan.answerRowLimit()) {
            throw resultTooLarge(pinotTableName, plan);
        }
        if (plan.globalAggregation() && result.rowCount() == 0) {
            // Pinot answers a table without segments with no rows; an aggregation without GROUP BY still has its row
            return new BrokerAnswer(List.of(noRowsAggregated(plan)), result.resultTableJsonBytes(), decoder(plan, problems), consumingLag(result));
        }
        List<JsonNode> rows = plan.latestVersions()
                .map(latest -> latest.select(result.rows()))
                .orElse(result.rows());
        long bytes = result.resultTableJsonBytes();
        if (plan.limitedByQuery() && rows.size() < result.rowCount() && result.rowCount() >= plan.query().limit()) {
            // a key read twice took a place under the limit: more rows are needed to fill it with distinct keys
            return refilled(plan, pinotTableName, limits, problems, bytes);
        }
        if (plan.groupMerge().isPresent()) {
            rows = plan.groupMerge().orElseThrow().apply(rows);
            if (rows.size() > plan.rowLimit()) {
                throw resultTooLarge(pinotTableName, plan);
            }
        }
        return new BrokerAnswer(rows, bytes, decoder(plan, problems), consumingLag(result));
    }

    /**
     * Asks for twice as many rows each time until the limit is met by the keys' newest versions, or Pinot has no more
     * rows. The order is kept: each key stands where its newest version stands in Pinot's order.
     */
    private BrokerAnswer refilled(ScanPlan plan, String pinotTableName, Limits limits, DecodingProblems problems, long bytesSoFar)
    {
        long wanted = plan.query().limit();
        long asked = wanted;
        long bytes = bytesSoFar;
        while (asked < plan.rowLimit()) {
            asked = Math.min(asked * 2, plan.rowLimit());
            BrokerResult result = execute(plan, plan.query().withLimit(asked), limits);
            bytes += result.resultTableJsonBytes();
            List<JsonNode> rows = plan.latestVersions().orElseThrow().select(result.rows());
            if (rows.size() >= wanted || result.rowCount() < asked) {
                return new BrokerAnswer(rows.subList(0, (int) Math.min(wanted, rows.size())), bytes, decoder(plan, problems), consumingLag(result));
            }
        }
        throw resultTooLarge(pinotTableName, plan);
    }

    /** How far behind now the consuming segments the query read were, as the broker reports their freshness. */
    static OptionalLong consumingLag(BrokerResult result)
    {
        long freshness = result.stats().minConsumingFreshnessTimeMs();
        if (freshness <= 0 || freshness == Long.MAX_VALUE) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, System.currentTimeMillis() - freshness));
    }

    private BrokerResult execute(ScanPlan plan, PinotQuery pinotQuery, Limits limits)
    {
        BrokerQuery query = BrokerQuery.of(plan.query().table(), PinotSqlWriter.write(pinotQuery))
                .withOption(BrokerQuery.TIMEOUT_MS, Long.toString(limits.timeoutMillis()))
                .withMaxAnswerBytes(limits.maxAnswerBytes())
                .withEveryUpsertVersion(plan.skipsUpsert());
        if (!plan.globalAggregation()) {
            // a broker may cut rows or groups to its response limit without a word: the client checks for it
            query = query.withRequestedRows(new RequestedRows(pinotQuery.limit(), pinotQuery.groupBy().isEmpty()));
        }
        return broker.execute(query);
    }

    /**
     * The answer Pinot gives an aggregation over no rows: every count 0, which the outputs read as 0 for the counts
     * and as NULL for the sums, averages, minimums and maximums.
     */
    private static JsonNode noRowsAggregated(ScanPlan plan)
    {
        ArrayNode cells = JsonNodeFactory.instance.arrayNode();
        plan.query().select().forEach(_ -> cells.add(0L));
        return cells;
    }

    private static TrinoException answerTooLarge(String pinotTableName, PinotAnswerTooLargeException e)
    {
        return new TrinoException(PINOT_RESULT_TOO_LARGE, format(
                "Pinot table '%s': the answer of one broker query is larger than %s, so the split was not read. " +
                        "Add a filter (for example on the primary key or a time column), add a LIMIT, select fewer columns, " +
                        "raise the session property scan_splits to divide the scan further, " +
                        "or raise the session property %s (catalog property pinot.max-bytes-per-broker-query)",
                pinotTableName, succinctBytes(e.getMaxAnswerBytes()), MAX_BYTES_PER_BROKER_QUERY), e);
    }

    private static TrinoException resultTooLarge(String pinotTableName, ScanPlan plan)
    {
        return new TrinoException(PINOT_RESULT_TOO_LARGE, format(
                "Pinot table '%s': the scan would return more than %s rows from one broker query. " +
                        "Add a filter (for example on the primary key or a time column), add a LIMIT, " +
                        "or raise pinot.max-rows-per-broker-query in the catalog",
                pinotTableName, plan.rowLimit()));
    }
}

package dev.pinotcdc.trino.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Inject;
import dev.pinotcdc.trino.PinotCdcConfig;
import dev.pinotcdc.trino.PinotErrors;
import dev.pinotcdc.trino.client.BrokerQuery;
import dev.pinotcdc.trino.client.BrokerResult;
import dev.pinotcdc.trino.client.PinotBrokerClient;
import dev.pinotcdc.trino.client.PinotClientException;
import dev.pinotcdc.trino.metadata.PinotCdcTableHandle;
import dev.pinotcdc.trino.query.PinotSqlWriter;
import dev.pinotcdc.trino.read.PinotCdcPageSource.BrokerAnswer;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.ConnectorPageSourceProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.DynamicFilter;

import java.util.List;

import static dev.pinotcdc.trino.PinotCdcErrorCode.PINOT_RESULT_TOO_LARGE;
import static dev.pinotcdc.trino.PinotCdcSessionProperties.getQueryTimeout;
import static dev.pinotcdc.trino.PinotCdcSessionProperties.isStrictDecoding;
import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

public class PinotCdcPageSourceProvider
        implements ConnectorPageSourceProvider
{
    private final PinotBrokerClient broker;
    private final long readTimeoutMillis;

    @Inject
    public PinotCdcPageSourceProvider(PinotBrokerClient broker, PinotCdcConfig config)
    {
        this.broker = requireNonNull(broker, "broker is null");
        this.readTimeoutMillis = config.getReadTimeout().toMillis();
    }

    @Override
    public ConnectorPageSource createPageSource(
            ConnectorTransactionHandle transaction,
            ConnectorSession session,
            ConnectorSplit split,
            ConnectorTableHandle tableHandle,
            List<ColumnHandle> columns,
            DynamicFilter dynamicFilter)
    {
        PinotCdcTableHandle table = (PinotCdcTableHandle) tableHandle;
        PinotCdcSplit pinotSplit = (PinotCdcSplit) split;
        ScanPlan plan = table.aggregation().isPresent()
                ? ScanPlan.aggregated(table, columns, pinotSplit)
                : ScanPlan.create(table, columns, pinotSplit);
        DecodingProblems problems = new DecodingProblems(table.pinotTableName(), isStrictDecoding(session));
        if (plan.empty()) {
            return new PinotCdcPageSource(() -> new BrokerAnswer(List.of(), 0, decoder(plan, problems)), problems);
        }
        long timeoutMillis = Math.max(1, Math.min(getQueryTimeout(session).toMillis(), readTimeoutMillis));
        return new PinotCdcPageSource(() -> answer(plan, table, columns, pinotSplit, timeoutMillis, problems), problems);
    }

    private BrokerAnswer answer(ScanPlan plan, PinotCdcTableHandle table, List<ColumnHandle> columns, PinotCdcSplit split, long timeoutMillis, DecodingProblems problems)
    {
        try {
            return run(plan, table.pinotTableName(), timeoutMillis, problems);
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
            return run(wholeDocuments, table.pinotTableName(), timeoutMillis, problems);
        }
        catch (PinotClientException e) {
            throw PinotErrors.toTrinoException(e);
        }
    }

    private static RowDecoder decoder(ScanPlan plan, DecodingProblems problems)
    {
        return new RowDecoder(plan.columns(), plan.sourceCell(), problems);
    }

    private BrokerAnswer run(ScanPlan plan, String pinotTableName, long timeoutMillis, DecodingProblems problems)
    {
        BrokerQuery query = BrokerQuery.of(pinotTableName, PinotSqlWriter.write(plan.query()))
                .withOption(BrokerQuery.TIMEOUT_MS, Long.toString(timeoutMillis));
        BrokerResult result = broker.execute(query);
        // an answer of more rows than allowed may be cut short by the query's LIMIT: it is refused before any merge
        if (!plan.limitedByQuery() && result.rowCount() > plan.answerRowLimit()) {
            throw resultTooLarge(pinotTableName, plan);
        }
        List<JsonNode> rows = plan.latestVersions()
                .map(latest -> latest.select(result.rows()))
                .orElse(result.rows());
        if (plan.groupMerge().isPresent()) {
            rows = plan.groupMerge().get().apply(rows);
            if (rows.size() > plan.rowLimit()) {
                throw resultTooLarge(pinotTableName, plan);
            }
        }
        return new BrokerAnswer(rows, result.resultTableJsonBytes(), decoder(plan, problems));
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

package dev.pinotcdc.trino.read;

import dev.pinotcdc.trino.client.BrokerQuery;
import dev.pinotcdc.trino.client.BrokerResult;
import dev.pinotcdc.trino.client.PinotAnswerTooLargeException;
import dev.pinotcdc.trino.client.PinotBrokerClient;
import dev.pinotcdc.trino.client.PinotClientException;
import dev.pinotcdc.trino.client.PinotErrors;
import dev.pinotcdc.trino.client.RequestedRows;
import dev.pinotcdc.trino.pushdown.DecodingProblems;
import dev.pinotcdc.trino.pushdown.NativeQueryColumnHandle;
import dev.pinotcdc.trino.pushdown.NativeQueryTableHandle;
import dev.pinotcdc.trino.read.PinotCdcPageSource.BrokerAnswer;
import io.trino.spi.TrinoException;

import java.util.List;

import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_RESULT_TOO_LARGE;
import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_UNEXPECTED_RESPONSE;
import static dev.pinotcdc.trino.config.PinotCdcSessionProperties.MAX_BYTES_PER_BROKER_QUERY;
import static io.airlift.units.DataSize.succinctBytes;

/**
 * Runs a native Pinot query ({@code system.query}) and checks its answer as every scan's: the broker client refuses
 * partial results, errors and answers larger than the byte cap, or cut to a broker's response limit; here an answer
 * of more rows than allowed is refused rather than cut, and an answer whose columns differ from the analyzed ones.
 */
final class NativeQueryScan
{
    private NativeQueryScan() {}

    static BrokerAnswer run(PinotBrokerClient broker, NativeQueryTableHandle table, List<NativeQueryColumnHandle> columns, long timeoutMillis, long maxAnswerBytes, DecodingProblems problems)
    {
        // each row may be a document, a group or a distinct value: only the broker's response limit tells a cut answer
        BrokerQuery query = BrokerQuery.of(table.tableName(), table.sql())
                .withOption(BrokerQuery.TIMEOUT_MS, Long.toString(timeoutMillis))
                .withMaxAnswerBytes(maxAnswerBytes)
                .withRequestedRows(new RequestedRows(table.requestedRows(), false));
        BrokerResult result;
        try {
            result = broker.execute(query);
        }
        catch (PinotAnswerTooLargeException e) {
            throw new TrinoException(PINOT_RESULT_TOO_LARGE, ("Pinot table '%s': the answer of the native query is larger than %s. " +
                    "Add a filter or a smaller LIMIT to the query, select fewer columns, or raise the session property %s (catalog property pinot.max-bytes-per-broker-query)")
                    .formatted(table.tableName(), succinctBytes(e.getMaxAnswerBytes()), MAX_BYTES_PER_BROKER_QUERY), e);
        }
        catch (PinotClientException e) {
            throw PinotErrors.toTrinoException(e);
        }
        if (!result.columnDataTypes().equals(table.pinotTypes())) {
            throw new TrinoException(PINOT_UNEXPECTED_RESPONSE, ("Pinot table '%s': the answer of the native query has columns %s of types %s, but the query was analyzed as %s; " +
                    "the table may have changed meanwhile, or no segment was queried (Pinot then sends no columns). Run the query again")
                    .formatted(table.tableName(), result.columnNames(), result.columnDataTypes(), table.pinotTypes()));
        }
        if (result.rowCount() > table.maxRows()) {
            throw new TrinoException(PINOT_RESULT_TOO_LARGE, ("Pinot table '%s': the native query returned %s rows, more than the %s one broker query may return; nothing was used. " +
                    "Add a filter or a LIMIT of at most %s to the query, or raise pinot.max-rows-per-broker-query in the catalog")
                    .formatted(table.tableName(), result.rowCount(), table.maxRows(), table.maxRows()));
        }
        return new BrokerAnswer(result.rows(), result.resultTableJsonBytes(), table.decoder(columns, problems), PinotCdcPageSourceProvider.consumingLag(result));
    }
}

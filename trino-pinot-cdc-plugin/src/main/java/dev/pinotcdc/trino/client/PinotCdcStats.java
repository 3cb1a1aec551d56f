package dev.pinotcdc.trino.client;

import io.airlift.stats.CounterStat;
import io.airlift.stats.TimeStat;
import org.weakref.jmx.Managed;
import org.weakref.jmx.Nested;

import java.time.Duration;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

/**
 * What one catalog asked of Pinot and what came back, exported over JMX per catalog. It lives in the lowest package
 * that records into it, so the clients, the metadata cache and the page sources all count into the same object.
 */
public class PinotCdcStats
{
    private final TimeStat brokerQueries = new TimeStat();
    private final TimeStat controllerRequests = new TimeStat();
    // exact counts beside the timings: airlift 439's TimeStat (Trino 483) keeps its counts in a histogram, not in
    // the distributions' counts
    private final CounterStat brokerQueryCount = new CounterStat();
    private final CounterStat controllerRequestCount = new CounterStat();
    private final CounterStat brokerRowsRead = new CounterStat();
    private final CounterStat brokerBytesRead = new CounterStat();

    private final CounterStat timeouts = new CounterStat();
    private final CounterStat unreachable = new CounterStat();
    private final CounterStat queryErrors = new CounterStat();
    private final CounterStat partialResults = new CounterStat();
    private final CounterStat permissionDenied = new CounterStat();
    private final CounterStat invalidResponses = new CounterStat();
    private final CounterStat otherErrors = new CounterStat();

    private final CounterStat nulledValues = new CounterStat();
    private final CounterStat metadataCacheHits = new CounterStat();
    private final CounterStat metadataCacheMisses = new CounterStat();

    /** Broker queries, successful or not, with their wall time from the first broker asked to the answer. */
    @Managed
    @Nested
    public TimeStat getBrokerQueries()
    {
        return brokerQueries;
    }

    /** Requests to the controllers (table list, schemas, configs, brokers), successful or not. */
    @Managed
    @Nested
    public TimeStat getControllerRequests()
    {
        return controllerRequests;
    }

    @Managed
    @Nested
    public CounterStat getBrokerQueryCount()
    {
        return brokerQueryCount;
    }

    @Managed
    @Nested
    public CounterStat getControllerRequestCount()
    {
        return controllerRequestCount;
    }

    @Managed
    @Nested
    public CounterStat getBrokerRowsRead()
    {
        return brokerRowsRead;
    }

    /** The size of the brokers' answers as sent (JSON), before decoding. */
    @Managed
    @Nested
    public CounterStat getBrokerBytesRead()
    {
        return brokerBytesRead;
    }

    @Managed
    @Nested
    public CounterStat getTimeouts()
    {
        return timeouts;
    }

    @Managed
    @Nested
    public CounterStat getUnreachable()
    {
        return unreachable;
    }

    @Managed
    @Nested
    public CounterStat getQueryErrors()
    {
        return queryErrors;
    }

    @Managed
    @Nested
    public CounterStat getPartialResults()
    {
        return partialResults;
    }

    @Managed
    @Nested
    public CounterStat getPermissionDenied()
    {
        return permissionDenied;
    }

    @Managed
    @Nested
    public CounterStat getInvalidResponses()
    {
        return invalidResponses;
    }

    /** Failures of no kind above: another HTTP status, a missing table, an interrupted wait, the group limit. */
    @Managed
    @Nested
    public CounterStat getOtherErrors()
    {
        return otherErrors;
    }

    /** Values returned as NULL because they could not be shown as data (lenient decoding), and Debezium's placeholders. */
    @Managed
    @Nested
    public CounterStat getNulledValues()
    {
        return nulledValues;
    }

    @Managed
    @Nested
    public CounterStat getMetadataCacheHits()
    {
        return metadataCacheHits;
    }

    @Managed
    @Nested
    public CounterStat getMetadataCacheMisses()
    {
        return metadataCacheMisses;
    }

    public void brokerQueryAnswered(long rows, long bytes)
    {
        brokerRowsRead.update(rows);
        brokerBytesRead.update(bytes);
    }

    public void brokerQueryTook(Duration wallTime)
    {
        brokerQueries.add(wallTime.toNanos(), NANOSECONDS);
        brokerQueryCount.update(1);
    }

    public void controllerRequestTook(Duration wallTime)
    {
        controllerRequests.add(wallTime.toNanos(), NANOSECONDS);
        controllerRequestCount.update(1);
    }

    /** Counts a failed broker query or controller request under its kind. */
    public void failed(PinotClientException failure)
    {
        errorCounter(failure).update(1);
    }

    private CounterStat errorCounter(PinotClientException failure)
    {
        return switch (failure) {
            case PinotTimeoutException _ -> timeouts;
            case PinotUnreachableException _, PinotTableNotRoutedException _ -> unreachable;
            case PinotPartialResultException _ -> partialResults;
            case PinotQueryException _ -> queryErrors;
            case PinotInvalidResponseException _ -> invalidResponses;
            case PinotHttpStatusException status when status.getStatusCode() == 401 || status.getStatusCode() == 403 -> permissionDenied;
            default -> otherErrors;
        };
    }

    public void valuesNulled(long count)
    {
        nulledValues.update(count);
    }

    public void metadataCacheHit()
    {
        metadataCacheHits.update(1);
    }

    public void metadataCacheMiss()
    {
        metadataCacheMisses.update(1);
    }
}

package dev.pinotcdc.trino.client;

/** A GROUP BY reached Pinot's numGroupsLimit: groups were dropped, so the aggregates are wrong. */
public class PinotGroupsLimitReachedException
        extends PinotClientException
{
    public PinotGroupsLimitReachedException(String message)
    {
        super(message);
    }
}

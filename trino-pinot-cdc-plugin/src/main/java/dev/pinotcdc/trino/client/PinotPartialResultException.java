package dev.pinotcdc.trino.client;

/**
 * The broker answered with rows that do not cover the whole table: servers did not respond, segments were
 * unavailable, or Pinot flagged the result as partial. Returning it would silently lose rows.
 */
public class PinotPartialResultException
        extends PinotClientException
{
    public PinotPartialResultException(String message)
    {
        super(message);
    }
}

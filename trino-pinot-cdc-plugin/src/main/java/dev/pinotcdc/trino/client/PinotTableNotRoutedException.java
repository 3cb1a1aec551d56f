package dev.pinotcdc.trino.client;

/**
 * A broker that does not route the table to servers yet: the controller knows the table, but the broker's resource
 * for it has not reached this broker (a table just created, a broker starting). The query did not run.
 */
public class PinotTableNotRoutedException
        extends PinotClientException
{
    public PinotTableNotRoutedException(String message)
    {
        super(message);
    }
}

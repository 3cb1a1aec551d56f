package dev.pinotcdc.trino.client;

/**
 * Something went wrong talking to Pinot. Subclasses say what, so the reader can map each to a Trino error;
 * every message names the Pinot table or the URLs involved.
 */
public class PinotClientException
        extends RuntimeException
{
    public PinotClientException(String message)
    {
        super(message);
    }

    public PinotClientException(String message, Throwable cause)
    {
        super(message, cause);
    }
}

package dev.pinotcdc.trino.client;

/** Pinot did not answer in time: a query that ran past its timeout, or an HTTP request past the read timeout. */
public class PinotTimeoutException
        extends PinotClientException
{
    public PinotTimeoutException(String message)
    {
        super(message);
    }

    public PinotTimeoutException(String message, Throwable cause)
    {
        super(message, cause);
    }
}

package dev.pinotcdc.trino.client;

/** A controller or broker answered with something that is not the JSON this client expects. */
public class PinotInvalidResponseException
        extends PinotClientException
{
    public PinotInvalidResponseException(String message)
    {
        super(message);
    }

    public PinotInvalidResponseException(String message, Throwable cause)
    {
        super(message, cause);
    }
}

package dev.pinotcdc.trino.client;

/** A controller or broker answered with an HTTP status other than success (401 and 403 included). */
public class PinotHttpStatusException
        extends PinotClientException
{
    private final int statusCode;

    public PinotHttpStatusException(String message, int statusCode)
    {
        super(message);
        this.statusCode = statusCode;
    }

    public int getStatusCode()
    {
        return statusCode;
    }
}

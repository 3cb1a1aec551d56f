package dev.pinotcdc.trino.client;

import java.util.List;

/** The broker answered a query with processing exceptions (bad SQL, unknown column, a server-side failure...). */
public class PinotQueryException
        extends PinotClientException
{
    private final List<PinotQueryError> errors;

    public PinotQueryException(String message, List<PinotQueryError> errors)
    {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<PinotQueryError> getErrors()
    {
        return errors;
    }
}

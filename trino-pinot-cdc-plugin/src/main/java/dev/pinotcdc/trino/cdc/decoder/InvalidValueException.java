package dev.pinotcdc.trino.cdc.decoder;

/** A stored value that does not fit its column's type or encoding. */
public class InvalidValueException
        extends RuntimeException
{
    public InvalidValueException(String message)
    {
        super(message);
    }

    public InvalidValueException(String message, Throwable cause)
    {
        super(message, cause);
    }
}

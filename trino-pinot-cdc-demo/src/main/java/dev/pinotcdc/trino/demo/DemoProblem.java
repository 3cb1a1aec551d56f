package dev.pinotcdc.trino.demo;

/**
 * A reason the demo cannot run that the user can fix (a port in use, an old JDK, a full disk): the demo prints the
 * message alone, without a stack trace.
 */
public final class DemoProblem
        extends RuntimeException
{
    public DemoProblem(String message)
    {
        super(message);
    }

    public DemoProblem(String message, Throwable cause)
    {
        super(message, cause);
    }
}

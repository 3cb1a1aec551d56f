package dev.pinotcdc.trino.testing;

/**
 * A harness call to the Pinot test cluster failed because the cluster's JVM is gone: the message names its pid, exit
 * code, crash dump (if it left one) and log, and what likely killed it.
 */
public final class PinotClusterDiedException
        extends IllegalStateException
{
    PinotClusterDiedException(String message, Throwable cause)
    {
        super(message, cause);
    }
}

package dev.pinotcdc.trino.client;

/** A broker's answer is longer than the query may read; none of it is used. */
public class PinotAnswerTooLargeException
        extends PinotClientException
{
    private final long maxAnswerBytes;

    public PinotAnswerTooLargeException(String message, long maxAnswerBytes, Throwable cause)
    {
        super(message, cause);
        this.maxAnswerBytes = maxAnswerBytes;
    }

    public long getMaxAnswerBytes()
    {
        return maxAnswerBytes;
    }
}

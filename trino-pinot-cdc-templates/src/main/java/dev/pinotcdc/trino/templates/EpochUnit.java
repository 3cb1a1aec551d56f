package dev.pinotcdc.trino.templates;

/**
 * The unit of a promoted temporal column: its Pinot {@code dateTimeFieldSpec} states it in {@code format}, so that
 * a reader knows what the stored epoch number counts.
 */
public enum EpochUnit
{
    MILLISECONDS,
    MICROSECONDS,
    NANOSECONDS,
    DAYS;

    public String format()
    {
        return "1:" + name() + ":EPOCH";
    }

    public String granularity()
    {
        return "1:" + name();
    }
}

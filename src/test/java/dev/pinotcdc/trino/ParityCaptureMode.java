package dev.pinotcdc.trino;

import dev.pinotcdc.trino.testing.DebeziumCapture.DecimalHandlingMode;
import dev.pinotcdc.trino.testing.DebeziumCapture.TimePrecisionMode;

import java.util.Locale;

/**
 * The Debezium settings a parity run captures with. Each mode has a capture (a replication slot) of its own over
 * the same database, so both see the same committed changes; time precision and decimal handling touch disjoint
 * sets of columns, so two captures cover all four settings.
 */
enum ParityCaptureMode
{
    /** The seed's settings. */
    CONNECT_PRECISE(TimePrecisionMode.CONNECT, DecimalHandlingMode.PRECISE),
    ADAPTIVE_STRING(TimePrecisionMode.ADAPTIVE, DecimalHandlingMode.STRING);

    private final TimePrecisionMode timePrecision;
    private final DecimalHandlingMode decimalHandling;

    ParityCaptureMode(TimePrecisionMode timePrecision, DecimalHandlingMode decimalHandling)
    {
        this.timePrecision = timePrecision;
        this.decimalHandling = decimalHandling;
    }

    TimePrecisionMode timePrecision()
    {
        return timePrecision;
    }

    DecimalHandlingMode decimalHandling()
    {
        return decimalHandling;
    }

    boolean connectTime()
    {
        return timePrecision == TimePrecisionMode.CONNECT;
    }

    boolean preciseDecimals()
    {
        return decimalHandling == DecimalHandlingMode.PRECISE;
    }

    /** Debezium's topic prefix, and the prefix of the mode's Pinot tables. */
    String prefix()
    {
        return "parity_" + name().toLowerCase(Locale.ROOT);
    }

    String topic(String table)
    {
        return "%s.public.%s".formatted(prefix(), table);
    }

    String pinotTable(String table)
    {
        return prefix() + "_" + table;
    }
}

package dev.pinotcdc.trino.pushdown;

import io.trino.spi.type.Type;

/** One column of the pages a scan returns, and where its values come from in a broker answer. */
sealed interface OutputColumn
        permits RowDecoder.ColumnReader, AggregateOutput
{
    String name();

    Type type();
}

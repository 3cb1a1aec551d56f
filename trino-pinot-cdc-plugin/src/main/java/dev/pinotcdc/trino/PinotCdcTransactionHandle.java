package dev.pinotcdc.trino;

import io.trino.spi.connector.ConnectorTransactionHandle;

public enum PinotCdcTransactionHandle
        implements ConnectorTransactionHandle
{
    INSTANCE
}

package dev.pinotcdc.trino.adapter;

import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplitManager;
import io.trino.spi.connector.ConnectorSplitSource;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.DynamicFilter;

/**
 * The split manager as Trino 476 calls it. The splits depend on the table handle only: the constraint is in the
 * handle already, and a join's dynamic filter narrows each split's Pinot query in the page source.
 */
public abstract class SplitManagerAdapter
        implements ConnectorSplitManager
{
    @Override
    public final ConnectorSplitSource getSplits(
            ConnectorTransactionHandle transaction,
            ConnectorSession session,
            ConnectorTableHandle table,
            DynamicFilter dynamicFilter,
            Constraint constraint)
    {
        return getSplits(session, table);
    }

    protected abstract ConnectorSplitSource getSplits(ConnectorSession session, ConnectorTableHandle table);
}

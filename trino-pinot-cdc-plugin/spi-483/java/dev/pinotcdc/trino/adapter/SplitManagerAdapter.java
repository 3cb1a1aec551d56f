package dev.pinotcdc.trino.adapter;

import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplitManager;
import io.trino.spi.connector.ConnectorSplitSource;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.Constraint;

import java.util.Set;

/**
 * The split manager as Trino 482+ calls it: with the columns a dynamic filter may cover instead of the filter (the
 * split source would get its snapshots). The splits depend on the table handle only: the constraint is in the
 * handle already, and a join's dynamic filter narrows each split's Pinot query in the page source, as on 476.
 */
public abstract class SplitManagerAdapter
        implements ConnectorSplitManager
{
    @Override
    public final ConnectorSplitSource getSplits(
            ConnectorTransactionHandle transaction,
            ConnectorSession session,
            ConnectorTableHandle table,
            Set<ColumnHandle> dynamicFilterColumns,
            Constraint constraint)
    {
        return getSplits(session, table);
    }

    protected abstract ConnectorSplitSource getSplits(ConnectorSession session, ConnectorTableHandle table);
}

package dev.pinotcdc.trino;

import com.google.inject.Inject;
import dev.pinotcdc.trino.config.PinotCdcSessionProperties;
import dev.pinotcdc.trino.metadata.NativeQueryFunction;
import dev.pinotcdc.trino.metadata.PinotCdcMetadata;
import dev.pinotcdc.trino.read.PinotCdcPageSourceProvider;
import dev.pinotcdc.trino.read.PinotCdcSplitManager;
import io.airlift.bootstrap.LifeCycleManager;
import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorPageSourceProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplitManager;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.function.table.ConnectorTableFunction;
import io.trino.spi.session.PropertyMetadata;
import io.trino.spi.transaction.IsolationLevel;

import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

public class PinotCdcConnector
        implements Connector
{
    private final LifeCycleManager lifeCycleManager;
    private final PinotCdcMetadata metadata;
    private final PinotCdcSplitManager splitManager;
    private final PinotCdcPageSourceProvider pageSourceProvider;
    private final List<PropertyMetadata<?>> sessionProperties;
    private final Set<ConnectorTableFunction> tableFunctions;

    @Inject
    public PinotCdcConnector(
            LifeCycleManager lifeCycleManager,
            PinotCdcMetadata metadata,
            PinotCdcSplitManager splitManager,
            PinotCdcPageSourceProvider pageSourceProvider,
            PinotCdcSessionProperties sessionProperties,
            NativeQueryFunction nativeQuery)
    {
        this.lifeCycleManager = requireNonNull(lifeCycleManager, "lifeCycleManager is null");
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.splitManager = requireNonNull(splitManager, "splitManager is null");
        this.pageSourceProvider = requireNonNull(pageSourceProvider, "pageSourceProvider is null");
        this.sessionProperties = sessionProperties.getSessionProperties();
        this.tableFunctions = Set.of(nativeQuery);
    }

    @Override
    public ConnectorTransactionHandle beginTransaction(IsolationLevel isolationLevel, boolean readOnly, boolean autoCommit)
    {
        return PinotCdcTransactionHandle.INSTANCE;
    }

    @Override
    public ConnectorMetadata getMetadata(ConnectorSession session, ConnectorTransactionHandle transactionHandle)
    {
        return metadata;
    }

    @Override
    public ConnectorSplitManager getSplitManager()
    {
        return splitManager;
    }

    @Override
    public ConnectorPageSourceProvider getPageSourceProvider()
    {
        return pageSourceProvider;
    }

    @Override
    public List<PropertyMetadata<?>> getSessionProperties()
    {
        return sessionProperties;
    }

    @Override
    public Set<ConnectorTableFunction> getTableFunctions()
    {
        return tableFunctions;
    }

    @Override
    public final void shutdown()
    {
        lifeCycleManager.stop();
    }
}

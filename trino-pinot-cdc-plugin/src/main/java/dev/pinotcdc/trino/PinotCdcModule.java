package dev.pinotcdc.trino;

import com.google.inject.Binder;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import dev.pinotcdc.trino.cdc.CdcLayout;
import dev.pinotcdc.trino.config.CdcLayoutConfig;
import dev.pinotcdc.trino.config.PinotCdcMetadataConfig;
import dev.pinotcdc.trino.config.PinotCdcScanConfig;
import dev.pinotcdc.trino.config.PinotCdcSessionProperties;
import dev.pinotcdc.trino.metadata.AsOfResolver;
import dev.pinotcdc.trino.metadata.ExtremeValue;
import dev.pinotcdc.trino.metadata.NativeQueryFunction;
import dev.pinotcdc.trino.metadata.PinotCdcMetadata;
import dev.pinotcdc.trino.metadata.PinotTableCatalog;
import dev.pinotcdc.trino.metadata.PinotTableDescriptionLoader;
import dev.pinotcdc.trino.metadata.SourceFieldTypes;
import dev.pinotcdc.trino.read.BrokerQueryExecutor;
import dev.pinotcdc.trino.read.FreshnessReader;
import dev.pinotcdc.trino.read.PinotCdcPageSourceProvider;
import dev.pinotcdc.trino.read.PinotCdcSplitManager;
import dev.pinotcdc.trino.read.TruncateFinder;
import io.trino.spi.type.TypeManager;

import static io.airlift.configuration.ConfigBinder.configBinder;
import static java.util.Objects.requireNonNull;

public class PinotCdcModule
        implements Module
{
    private final TypeManager typeManager;

    public PinotCdcModule(TypeManager typeManager)
    {
        this.typeManager = requireNonNull(typeManager, "typeManager is null");
    }

    @Override
    public void configure(Binder binder)
    {
        configBinder(binder).bindConfig(CdcLayoutConfig.class);
        configBinder(binder).bindConfig(PinotCdcMetadataConfig.class);
        configBinder(binder).bindConfig(PinotCdcScanConfig.class);
        binder.bind(TypeManager.class).toInstance(typeManager);

        binder.bind(PinotCdcConnector.class).in(Scopes.SINGLETON);
        binder.bind(PinotCdcSessionProperties.class).in(Scopes.SINGLETON);
        binder.bind(PinotCdcMetadata.class).in(Scopes.SINGLETON);
        binder.bind(PinotTableCatalog.class).in(Scopes.SINGLETON);
        binder.bind(PinotTableDescriptionLoader.class).in(Scopes.SINGLETON);
        binder.bind(SourceFieldTypes.class).in(Scopes.SINGLETON);
        binder.bind(PinotCdcSplitManager.class).in(Scopes.SINGLETON);
        binder.bind(TruncateFinder.class).in(Scopes.SINGLETON);
        binder.bind(AsOfResolver.class).in(Scopes.SINGLETON);
        binder.bind(ExtremeValue.class).in(Scopes.SINGLETON);
        binder.bind(FreshnessReader.class).in(Scopes.SINGLETON);
        binder.bind(NativeQueryFunction.class).in(Scopes.SINGLETON);
        binder.bind(PinotCdcPageSourceProvider.class).in(Scopes.SINGLETON);
        binder.bind(BrokerQueryExecutor.class).in(Scopes.SINGLETON);
    }

    @Provides
    @Singleton
    public static CdcLayout createCdcLayout(CdcLayoutConfig config)
    {
        return new CdcLayout(
                config.getSourceColumn(),
                config.getOpColumn(),
                config.getTimeColumn(),
                config.getDeleteOpCodes(),
                config.getTruncateOpCode(),
                config.getValueSchemaColumn(),
                config.getVersionColumn());
    }
}

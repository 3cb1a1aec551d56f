package dev.pinotcdc.trino;

import com.google.inject.Binder;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import dev.pinotcdc.trino.cdc.CdcLayout;
import dev.pinotcdc.trino.client.BrokerLocator;
import dev.pinotcdc.trino.client.PinotBrokerClient;
import dev.pinotcdc.trino.client.PinotClientSettings;
import dev.pinotcdc.trino.client.PinotControllerClient;
import dev.pinotcdc.trino.metadata.PinotCdcMetadata;
import dev.pinotcdc.trino.metadata.PinotTableCatalog;
import dev.pinotcdc.trino.metadata.PinotTableDescriptionLoader;
import dev.pinotcdc.trino.metadata.SourceFieldTypes;
import dev.pinotcdc.trino.read.PinotCdcPageSourceProvider;
import dev.pinotcdc.trino.read.PinotCdcSplitManager;
import dev.pinotcdc.trino.read.TruncateFinder;
import io.airlift.http.client.HttpClient;
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
        configBinder(binder).bindConfig(PinotCdcConfig.class);
        binder.bind(TypeManager.class).toInstance(typeManager);

        binder.bind(PinotCdcConnector.class).in(Scopes.SINGLETON);
        binder.bind(PinotCdcSessionProperties.class).in(Scopes.SINGLETON);
        binder.bind(PinotCdcMetadata.class).in(Scopes.SINGLETON);
        binder.bind(PinotTableCatalog.class).in(Scopes.SINGLETON);
        binder.bind(PinotTableDescriptionLoader.class).in(Scopes.SINGLETON);
        binder.bind(SourceFieldTypes.class).in(Scopes.SINGLETON);
        binder.bind(PinotCdcSplitManager.class).in(Scopes.SINGLETON);
        binder.bind(TruncateFinder.class).in(Scopes.SINGLETON);
        binder.bind(PinotCdcPageSourceProvider.class).in(Scopes.SINGLETON);
    }

    @Provides
    @Singleton
    public static CdcLayout createCdcLayout(PinotCdcConfig config)
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

    @Provides
    @Singleton
    public static PinotClientSettings createClientSettings(PinotCdcConfig config)
    {
        return PinotClientSettings.fromConfig(config);
    }

    // airlift's HTTP clients, one per Pinot role, built from the catalog's pinot.* properties (timeouts, truststore);
    // the lifecycle manager closes them
    @Provides
    @Singleton
    @ForPinotController
    public static HttpClient createControllerHttpClient(PinotClientSettings settings)
    {
        return PinotControllerClient.createHttpClient(settings);
    }

    @Provides
    @Singleton
    @ForPinotBroker
    public static HttpClient createBrokerHttpClient(PinotClientSettings settings)
    {
        return PinotBrokerClient.createHttpClient(settings);
    }

    @Provides
    @Singleton
    public static PinotControllerClient createControllerClient(PinotClientSettings settings, @ForPinotController HttpClient httpClient)
    {
        return new PinotControllerClient(settings, httpClient);
    }

    @Provides
    @Singleton
    public static PinotBrokerClient createBrokerClient(PinotClientSettings settings, PinotControllerClient controller, @ForPinotBroker HttpClient httpClient)
    {
        return new PinotBrokerClient(settings, BrokerLocator.create(settings, controller), httpClient);
    }
}

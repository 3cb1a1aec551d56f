package dev.pinotcdc.trino;

import com.google.inject.Binder;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import dev.pinotcdc.trino.cdc.CdcLayout;
import dev.pinotcdc.trino.client.BrokerLocator;
import dev.pinotcdc.trino.client.PinotAuthentication;
import dev.pinotcdc.trino.client.PinotBrokerClient;
import dev.pinotcdc.trino.client.PinotClientSettings;
import dev.pinotcdc.trino.client.PinotControllerClient;
import dev.pinotcdc.trino.client.PinotTruststore;
import dev.pinotcdc.trino.config.PinotAuthenticationType;
import dev.pinotcdc.trino.config.PinotCdcConfig;
import dev.pinotcdc.trino.config.PinotCdcSessionProperties;
import dev.pinotcdc.trino.metadata.PinotCdcMetadata;
import dev.pinotcdc.trino.metadata.PinotTableCatalog;
import dev.pinotcdc.trino.metadata.PinotTableDescriptionLoader;
import dev.pinotcdc.trino.metadata.SourceFieldTypes;
import dev.pinotcdc.trino.read.PinotCdcPageSourceProvider;
import dev.pinotcdc.trino.read.PinotCdcSplitManager;
import dev.pinotcdc.trino.read.TruncateFinder;
import io.trino.spi.type.TypeManager;

import java.time.Duration;
import java.util.Optional;

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
        return new PinotClientSettings(
                config.getControllerUrls(),
                config.getBrokerUrls(),
                authentication(config.getControllerAuthenticationType(), config.getControllerUser(), config.getControllerPassword(), config.getControllerToken()),
                authentication(config.getBrokerAuthenticationType(), config.getBrokerUser(), config.getBrokerPassword(), config.getBrokerToken()),
                config.getTruststorePath().map(path -> new PinotTruststore(path.toPath(), config.getTruststorePassword(), config.getTruststoreType())),
                Duration.ofMillis(config.getConnectTimeout().toMillis()),
                Duration.ofMillis(config.getReadTimeout().toMillis()));
    }

    private static PinotAuthentication authentication(PinotAuthenticationType type, Optional<String> user, Optional<String> password, Optional<String> token)
    {
        return switch (type) {
            case NONE -> PinotAuthentication.none();
            case PASSWORD -> PinotAuthentication.of(user, password, Optional.empty());
            case TOKEN -> PinotAuthentication.of(Optional.empty(), Optional.empty(), token);
        };
    }

    @Provides
    @Singleton
    public static PinotControllerClient createControllerClient(PinotClientSettings settings)
    {
        return new PinotControllerClient(settings);
    }

    @Provides
    @Singleton
    public static PinotBrokerClient createBrokerClient(PinotClientSettings settings, PinotControllerClient controller)
    {
        return new PinotBrokerClient(settings, BrokerLocator.create(settings, controller));
    }
}

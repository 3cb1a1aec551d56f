package dev.pinotcdc.trino;

import com.google.inject.Binder;
import com.google.inject.BindingAnnotation;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import dev.pinotcdc.trino.client.BrokerLocator;
import dev.pinotcdc.trino.client.PinotAuthentication;
import dev.pinotcdc.trino.client.PinotAuthentication.BasicAuthentication;
import dev.pinotcdc.trino.client.PinotAuthentication.BearerToken;
import dev.pinotcdc.trino.client.PinotBrokerClient;
import dev.pinotcdc.trino.client.PinotCdcStats;
import dev.pinotcdc.trino.client.PinotClientSettings;
import dev.pinotcdc.trino.client.PinotControllerClient;
import dev.pinotcdc.trino.client.PinotTruststore;
import dev.pinotcdc.trino.config.PinotAuthenticationType;
import dev.pinotcdc.trino.config.PinotAuthenticationTypeConfig;
import dev.pinotcdc.trino.config.PinotClientConfig;
import dev.pinotcdc.trino.config.PinotPasswordBrokerAuthenticationConfig;
import dev.pinotcdc.trino.config.PinotPasswordControllerAuthenticationConfig;
import dev.pinotcdc.trino.config.PinotTlsConfig;
import dev.pinotcdc.trino.config.PinotTokenBrokerAuthenticationConfig;
import dev.pinotcdc.trino.config.PinotTokenControllerAuthenticationConfig;
import io.airlift.configuration.AbstractConfigurationAwareModule;
import io.airlift.http.client.HttpClient;

import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

import static dev.pinotcdc.trino.config.PinotAuthenticationType.NONE;
import static dev.pinotcdc.trino.config.PinotAuthenticationType.PASSWORD;
import static dev.pinotcdc.trino.config.PinotAuthenticationType.TOKEN;
import static io.airlift.configuration.ConditionalModule.conditionalModule;
import static io.airlift.configuration.ConfigBinder.configBinder;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;
import static org.weakref.jmx.guice.ExportBinder.newExporter;

/**
 * The controller and broker clients, built from the client, TLS and authentication properties. The credentials of an
 * authentication type are bound only when the catalog chooses that type.
 */
public class PinotClientModule
        extends AbstractConfigurationAwareModule
{
    /**
     * Credentials read only under their authentication type. A catalog may name them under another type and they are
     * ignored, as they were before they were bound by type: {@link PinotCdcConnectorFactory} passes them as optional.
     */
    public static final Set<String> CREDENTIAL_PROPERTIES = Set.of(
            PinotPasswordControllerAuthenticationConfig.USER,
            PinotPasswordControllerAuthenticationConfig.PASSWORD,
            PinotTokenControllerAuthenticationConfig.TOKEN,
            PinotPasswordBrokerAuthenticationConfig.USER,
            PinotPasswordBrokerAuthenticationConfig.PASSWORD,
            PinotTokenBrokerAuthenticationConfig.TOKEN);

    @Override
    protected void setup(Binder binder)
    {
        configBinder(binder).bindConfig(PinotClientConfig.class);
        configBinder(binder).bindConfig(PinotTlsConfig.class);
        configBinder(binder).bindConfig(PinotAuthenticationTypeConfig.class);

        binder.bind(PinotCdcStats.class).in(Scopes.SINGLETON);
        newExporter(binder).export(PinotCdcStats.class).withGeneratedName();

        bindAuthentication(PinotAuthenticationTypeConfig::getControllerAuthenticationType, ForController.class, new ControllerPasswordModule(), new ControllerTokenModule());
        bindAuthentication(PinotAuthenticationTypeConfig::getBrokerAuthenticationType, ForBroker.class, new BrokerPasswordModule(), new BrokerTokenModule());
    }

    private void bindAuthentication(Function<PinotAuthenticationTypeConfig, PinotAuthenticationType> type, Class<? extends Annotation> endpoint, Module password, Module token)
    {
        install(conditionalModule(PinotAuthenticationTypeConfig.class, config -> type.apply(config) == NONE,
                binder -> binder.bind(PinotAuthentication.class).annotatedWith(endpoint).toInstance(PinotAuthentication.none())));
        install(conditionalModule(PinotAuthenticationTypeConfig.class, config -> type.apply(config) == PASSWORD, password));
        install(conditionalModule(PinotAuthenticationTypeConfig.class, config -> type.apply(config) == TOKEN, token));
    }

    @Provides
    @Singleton
    public static PinotClientSettings createClientSettings(
            PinotClientConfig client,
            PinotTlsConfig tls,
            @ForController PinotAuthentication controllerAuthentication,
            @ForBroker PinotAuthentication brokerAuthentication)
    {
        return new PinotClientSettings(
                client.getControllerUrls(),
                client.getBrokerUrls(),
                controllerAuthentication,
                brokerAuthentication,
                tls.getTruststorePath().map(path -> new PinotTruststore(path.toPath(), tls.getTruststorePassword(), tls.getTruststoreType())),
                Duration.ofMillis(client.getConnectTimeout().toMillis()),
                Duration.ofMillis(client.getReadTimeout().toMillis()));
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
    public static PinotControllerClient createControllerClient(PinotClientSettings settings, @ForPinotController HttpClient httpClient, PinotCdcStats stats)
    {
        return new PinotControllerClient(settings, httpClient, stats);
    }

    @Provides
    @Singleton
    public static PinotBrokerClient createBrokerClient(PinotClientSettings settings, PinotControllerClient controller, @ForPinotBroker HttpClient httpClient, PinotCdcStats stats)
    {
        return new PinotBrokerClient(settings, BrokerLocator.create(settings, controller), httpClient, stats, controller::hasSegments);
    }

    @Retention(RUNTIME)
    @Target({FIELD, PARAMETER, METHOD})
    @BindingAnnotation
    public @interface ForController {}

    @Retention(RUNTIME)
    @Target({FIELD, PARAMETER, METHOD})
    @BindingAnnotation
    public @interface ForBroker {}

    private static class ControllerPasswordModule
            implements Module
    {
        @Override
        public void configure(Binder binder)
        {
            configBinder(binder).bindConfig(PinotPasswordControllerAuthenticationConfig.class);
        }

        @Provides
        @Singleton
        @ForController
        public static PinotAuthentication authentication(PinotPasswordControllerAuthenticationConfig config)
        {
            return new BasicAuthentication(config.getUser(), config.getPassword());
        }
    }

    private static class ControllerTokenModule
            implements Module
    {
        @Override
        public void configure(Binder binder)
        {
            configBinder(binder).bindConfig(PinotTokenControllerAuthenticationConfig.class);
        }

        @Provides
        @Singleton
        @ForController
        public static PinotAuthentication authentication(PinotTokenControllerAuthenticationConfig config)
        {
            return new BearerToken(config.getToken());
        }
    }

    private static class BrokerPasswordModule
            implements Module
    {
        @Override
        public void configure(Binder binder)
        {
            configBinder(binder).bindConfig(PinotPasswordBrokerAuthenticationConfig.class);
        }

        @Provides
        @Singleton
        @ForBroker
        public static PinotAuthentication authentication(PinotPasswordBrokerAuthenticationConfig config)
        {
            return new BasicAuthentication(config.getUser(), config.getPassword());
        }
    }

    private static class BrokerTokenModule
            implements Module
    {
        @Override
        public void configure(Binder binder)
        {
            configBinder(binder).bindConfig(PinotTokenBrokerAuthenticationConfig.class);
        }

        @Provides
        @Singleton
        @ForBroker
        public static PinotAuthentication authentication(PinotTokenBrokerAuthenticationConfig config)
        {
            return new BearerToken(config.getToken());
        }
    }
}

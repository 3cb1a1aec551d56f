package dev.pinotcdc.trino;

import com.google.inject.Injector;
import dev.pinotcdc.trino.adapter.TypeDeserializers;
import io.airlift.bootstrap.Bootstrap;
import io.airlift.json.JsonModule;
import io.trino.plugin.base.jmx.ConnectorObjectNameGeneratorModule;
import io.trino.plugin.base.jmx.MBeanServerModule;
import io.trino.spi.catalog.CatalogName;
import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorContext;
import io.trino.spi.connector.ConnectorFactory;
import org.weakref.jmx.guice.MBeanModule;

import java.util.Map;

import static com.google.common.collect.Maps.filterKeys;
import static dev.pinotcdc.trino.PinotClientModule.CREDENTIAL_PROPERTIES;
import static io.trino.plugin.base.Versions.checkStrictSpiVersionMatch;
import static java.util.Objects.requireNonNull;

public class PinotCdcConnectorFactory
        implements ConnectorFactory
{
    public static final String CONNECTOR_NAME = "pinot_cdc";

    @Override
    public String getName()
    {
        return CONNECTOR_NAME;
    }

    @Override
    public Connector create(String catalogName, Map<String, String> config, ConnectorContext context)
    {
        requireNonNull(config, "config is null");
        checkStrictSpiVersionMatch(context, this);

        Bootstrap app = new Bootstrap(
                new JsonModule(),
                // the catalog's stats as MBeans named trino.plugin.pinot_cdc.<package>:type=<class>,name=<catalog>
                new MBeanModule(),
                new MBeanServerModule(),
                new ConnectorObjectNameGeneratorModule("dev.pinotcdc.trino", "trino.plugin.pinot_cdc"),
                binder -> binder.bind(CatalogName.class).toInstance(new CatalogName(catalogName)),
                TypeDeserializers.module(context.getTypeManager()),
                new PinotClientModule(),
                new PinotCdcModule(context.getTypeManager()));

        Injector injector = app
                .doNotInitializeLogging()
                .setRequiredConfigurationProperties(filterKeys(config, property -> !CREDENTIAL_PROPERTIES.contains(property)))
                .setOptionalConfigurationProperties(filterKeys(config, CREDENTIAL_PROPERTIES::contains))
                .initialize();

        return injector.getInstance(PinotCdcConnector.class);
    }
}

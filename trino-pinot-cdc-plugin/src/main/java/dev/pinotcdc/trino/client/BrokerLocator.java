package dev.pinotcdc.trino.client;

import java.net.URI;
import java.util.List;

/** Finds the brokers that serve a table. */
public interface BrokerLocator
{
    /** The brokers' base URLs; never empty. */
    List<URI> brokers(String tableName);

    /** Forgets what is known about a table's brokers, after one could not be reached. */
    default void invalidate(String tableName) {}

    /**
     * The configured broker URLs when there are any (they serve every table), else the brokers the controller
     * lists for each table.
     */
    static BrokerLocator create(PinotClientSettings settings, PinotControllerClient controllerClient)
    {
        if (!settings.brokerUrls().isEmpty()) {
            List<URI> brokers = settings.brokerUrls();
            return tableName -> brokers;
        }
        return new ControllerBrokerLocator(controllerClient);
    }
}

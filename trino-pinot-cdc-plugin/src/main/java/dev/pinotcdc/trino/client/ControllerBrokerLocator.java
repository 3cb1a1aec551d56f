package dev.pinotcdc.trino.client;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.util.concurrent.UncheckedExecutionException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;

import static java.util.Objects.requireNonNull;

/** Asks the controller which brokers serve a table, and remembers the answer for a short while. */
final class ControllerBrokerLocator
        implements BrokerLocator
{
    // brokers come and go rarely; an unreachable one drops the table's entry at once
    private static final Duration BROKER_LIST_TTL = Duration.ofSeconds(30);

    private final PinotControllerClient controllerClient;
    private final Cache<String, List<URI>> brokersByTable = CacheBuilder.newBuilder()
            .expireAfterWrite(BROKER_LIST_TTL)
            .maximumSize(10_000)
            .build();

    ControllerBrokerLocator(PinotControllerClient controllerClient)
    {
        this.controllerClient = requireNonNull(controllerClient, "controllerClient is null");
    }

    @Override
    public List<URI> brokers(String tableName)
    {
        try {
            return brokersByTable.get(tableName, () -> controllerClient.getBrokers(tableName));
        }
        catch (ExecutionException | UncheckedExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new PinotClientException("Pinot table '%s': cannot list its brokers".formatted(tableName), e.getCause());
        }
    }

    @Override
    public void invalidate(String tableName)
    {
        brokersByTable.invalidate(tableName);
    }
}

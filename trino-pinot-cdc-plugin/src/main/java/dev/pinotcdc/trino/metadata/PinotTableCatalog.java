package dev.pinotcdc.trino.metadata;

import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import com.google.common.util.concurrent.UncheckedExecutionException;
import com.google.inject.Inject;
import dev.pinotcdc.trino.client.PinotCdcStats;
import dev.pinotcdc.trino.client.PinotClientException;
import dev.pinotcdc.trino.client.PinotControllerClient;
import dev.pinotcdc.trino.client.PinotErrors;
import dev.pinotcdc.trino.config.PinotCdcMetadataConfig;
import io.trino.cache.EvictableCacheBuilder;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.SchemaTableName;
import jakarta.annotation.PreDestroy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static com.google.common.base.Throwables.throwIfUnchecked;
import static com.google.common.collect.ImmutableList.toImmutableList;
import static com.google.common.collect.ImmutableListMultimap.toImmutableListMultimap;
import static com.google.common.collect.ImmutableMap.toImmutableMap;
import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_CDC_AMBIGUOUS_TABLE;
import static java.lang.String.format;
import static java.util.Locale.ENGLISH;
import static java.util.Objects.requireNonNull;

/**
 * The Pinot tables of a catalog, by their Trino names, with their descriptions cached for the configured time.
 * Trino names are lower case; a Pinot table is found whatever the case of its name.
 */
public final class PinotTableCatalog
{
    public static final String SCHEMA_NAME = "default";
    private static final String ALL_TABLES = "";
    // a listing of many tables describes this many at once: each description waits on Pinot (schema, config, a
    // sample), so a few in parallel cut the listing's time about as many times, without flooding the controller
    private static final int PARALLEL_DESCRIPTIONS = 8;

    private final PinotControllerClient controller;
    private final PinotTableDescriptionLoader loader;
    private final LoadingCache<String, Map<String, List<String>>> pinotNamesByTrinoName;
    private final LoadingCache<String, PinotTableDescription> descriptions;
    private final PinotCdcStats stats;
    private final ExecutorService describer = Executors.newFixedThreadPool(PARALLEL_DESCRIPTIONS, new ThreadFactoryBuilder()
            .setNameFormat("pinot-cdc-describe-%s")
            .setDaemon(true)
            .build());

    @Inject
    public PinotTableCatalog(PinotControllerClient controller, PinotTableDescriptionLoader loader, PinotCdcMetadataConfig config, PinotCdcStats stats)
    {
        this.stats = requireNonNull(stats, "stats is null");
        this.controller = requireNonNull(controller, "controller is null");
        this.loader = requireNonNull(loader, "loader is null");
        long ttlMillis = config.getMetadataCacheTtl().toMillis();
        this.pinotNamesByTrinoName = EvictableCacheBuilder.newBuilder()
                .expireAfterWrite(ttlMillis, TimeUnit.MILLISECONDS)
                .shareNothingWhenDisabled()
                .build(CacheLoader.from(ignored -> listPinotTables()));
        this.descriptions = EvictableCacheBuilder.newBuilder()
                .expireAfterWrite(ttlMillis, TimeUnit.MILLISECONDS)
                .shareNothingWhenDisabled()
                .maximumSize(10_000)
                .build(CacheLoader.from(this::describe));
    }

    public List<SchemaTableName> listTables()
    {
        return namesByTrinoName().keySet().stream()
                .sorted()
                .map(name -> new SchemaTableName(SCHEMA_NAME, name))
                .collect(toImmutableList());
    }

    /**
     * @throws TrinoException when two Pinot tables differ only by the case of their names
     */
    public Optional<PinotTableDescription> getTable(SchemaTableName tableName)
    {
        return pinotName(tableName).map(this::description);
    }

    /**
     * As {@link #getTable} for each table, a few at a time in parallel: each answer, in the order of {@code tableNames},
     * gives the description or throws what {@link #getTable} would have thrown.
     */
    public List<Supplier<Optional<PinotTableDescription>>> getTables(List<SchemaTableName> tableNames)
    {
        List<CompletableFuture<Optional<PinotTableDescription>>> futures = tableNames.stream()
                .map(tableName -> CompletableFuture.supplyAsync(() -> getTable(tableName), describer))
                .toList();
        return futures.stream()
                .<Supplier<Optional<PinotTableDescription>>>map(future -> () -> {
                    try {
                        return future.join();
                    }
                    catch (CompletionException e) {
                        throwIfUnchecked(e.getCause());
                        throw e;
                    }
                })
                .toList();
    }

    @PreDestroy
    public void shutdown()
    {
        describer.shutdownNow();
    }

    /**
     * As {@link #getTable}, for a query about to read the table: a cached description whose fields are typed by the
     * live rows' Debezium schemas is made again when a live row was written under a schema it was not made from
     * (the source table changed since), so that no row is decoded by another schema's types.
     */
    public Optional<PinotTableDescription> getTableToRead(SchemaTableName tableName)
    {
        return pinotName(tableName).map(pinotName -> {
            PinotTableDescription cached = descriptions.getIfPresent(pinotName);
            if (cached != null && loader.isOutdated(cached)) {
                descriptions.invalidate(pinotName);
            }
            return description(pinotName);
        });
    }

    private PinotTableDescription description(String pinotName)
    {
        PinotTableDescription cached = descriptions.getIfPresent(pinotName);
        if (cached != null) {
            stats.metadataCacheHit();
            return cached;
        }
        stats.metadataCacheMiss();
        return unwrap(() -> descriptions.getUnchecked(pinotName));
    }

    private Optional<String> pinotName(SchemaTableName tableName)
    {
        if (!tableName.getSchemaName().equals(SCHEMA_NAME)) {
            return Optional.empty();
        }
        List<String> pinotNames = namesByTrinoName().get(tableName.getTableName());
        if (pinotNames == null || pinotNames.isEmpty()) {
            return Optional.empty();
        }
        if (pinotNames.size() > 1) {
            throw new TrinoException(PINOT_CDC_AMBIGUOUS_TABLE, format(
                    "Pinot tables %s differ only by case, so Trino cannot tell them apart as '%s'; rename all but one of them in Pinot",
                    pinotNames.stream().sorted().map(name -> "'" + name + "'").toList(),
                    tableName.getTableName()));
        }
        return Optional.of(pinotNames.getFirst());
    }

    private Map<String, List<String>> namesByTrinoName()
    {
        return unwrap(() -> pinotNamesByTrinoName.getUnchecked(ALL_TABLES));
    }

    private Map<String, List<String>> listPinotTables()
    {
        Collection<String> pinotNames = controller.listTables();
        return pinotNames.stream()
                .collect(toImmutableListMultimap(name -> name.toLowerCase(ENGLISH), name -> name))
                .asMap()
                .entrySet().stream()
                .collect(toImmutableMap(Map.Entry::getKey, entry -> List.copyOf(entry.getValue())));
    }

    private PinotTableDescription describe(String pinotTableName)
    {
        return loader.load(new SchemaTableName(SCHEMA_NAME, pinotTableName.toLowerCase(ENGLISH)), pinotTableName);
    }

    private static <T> T unwrap(Supplier<T> cached)
    {
        try {
            return cached.get();
        }
        catch (UncheckedExecutionException e) {
            if (e.getCause() instanceof PinotClientException clientException) {
                throw PinotErrors.toTrinoException(clientException);
            }
            throwIfUnchecked(e.getCause());
            throw e;
        }
    }
}

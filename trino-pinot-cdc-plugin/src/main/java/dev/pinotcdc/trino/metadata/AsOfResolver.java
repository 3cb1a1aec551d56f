package dev.pinotcdc.trino.metadata;

import com.google.common.cache.Cache;
import com.google.common.util.concurrent.UncheckedExecutionException;
import com.google.inject.Inject;
import dev.pinotcdc.trino.cdc.CdcLayout;
import dev.pinotcdc.trino.cdc.TableShape;
import dev.pinotcdc.trino.pushdown.AsOf;
import dev.pinotcdc.trino.pushdown.PinotCdcColumnHandle;
import io.trino.cache.EvictableCacheBuilder;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTableVersion;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;

import static com.google.common.base.Throwables.throwIfUnchecked;
import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_CDC_VERSION_NOT_AVAILABLE;
import static io.trino.spi.StandardErrorCode.NOT_SUPPORTED;
import static java.lang.String.format;
import static java.util.Objects.requireNonNull;
import static java.util.concurrent.TimeUnit.HOURS;

/**
 * Turns {@code FOR TIMESTAMP AS OF} / {@code FOR VERSION AS OF} into a bound on a CDC table's event time or version,
 * and refuses a bound older than every version Pinot still holds (retention, compaction): the state then is not known,
 * and a partial history must not pass for it. Also bounds a snapshot read of the latest state at the newest version.
 */
public final class AsOfResolver
{
    private final ExtremeValue extremeValue;
    private final CdcLayout layout;
    // a query that names a table twice (a self-join, a subquery) reads both at the same version
    private final Cache<SnapshotOfQuery, Optional<AsOf>> snapshots = EvictableCacheBuilder.newBuilder()
            .expireAfterWrite(1, HOURS)
            .maximumSize(10_000)
            .build();

    private record SnapshotOfQuery(String queryId, String pinotTableName) {}

    @Inject
    public AsOfResolver(ExtremeValue extremeValue, CdcLayout layout)
    {
        this.extremeValue = requireNonNull(extremeValue, "extremeValue is null");
        this.layout = requireNonNull(layout, "layout is null");
    }

    /**
     * The bound of a snapshot read: the table's newest version when the query first names it. Pinot 0.11 evaluates an
     * upsert query segment by segment while ingestion moves keys between them, so a key changing meanwhile can be read
     * twice or not at all (a count off by one); every version at or below a bound stays where it is, so a read of them,
     * each key's newest kept, is the table as of that version however Pinot ingests meanwhile.
     *
     * @return empty where the table keeps no version column: it is read as it is
     */
    public Optional<AsOf> snapshot(ConnectorSession session, PinotTableDescription table)
    {
        if (!table.shape().isCdc() || table.versionColumn().isEmpty()
                || table.columns().stream().noneMatch(handle -> isNativeColumn(handle, layout.versionColumn()))) {
            return Optional.empty();
        }
        try {
            return snapshots.get(new SnapshotOfQuery(session.getQueryId(), table.pinotTableName()), () -> {
                OptionalLong newest = extremeValue.of(table.pinotTableName(), layout.versionColumn(), Optional.empty(), true, table.shape() == TableShape.UPSERT_CDC);
                // a table without versions yet is empty as of the query's start, whatever arrives meanwhile
                return Optional.of(new AsOf(layout.versionColumn(), newest.orElse(Long.MIN_VALUE)));
            });
        }
        catch (ExecutionException | UncheckedExecutionException e) {
            throwIfUnchecked(e.getCause());
            throw new UncheckedExecutionException(e.getCause());
        }
    }

    public AsOf resolve(ConnectorSession session, PinotTableDescription table, ConnectorTableVersion version)
    {
        if (!table.shape().isCdc() || table.versionColumn().isEmpty()) {
            throw new TrinoException(NOT_SUPPORTED, format("Pinot table '%s' is not a CDC table: it keeps no versions to read as of a moment", table.pinotTableName()));
        }
        boolean temporal = switch (version.getPointerType()) {
            case TEMPORAL -> true;
            case TARGET_ID -> false;
        };
        String column = temporal ? layout.timeColumn() : layout.versionColumn();
        if (table.columns().stream().noneMatch(handle -> isNativeColumn(handle, column))) {
            throw new TrinoException(NOT_SUPPORTED, format("Pinot table '%s' has no column %s, which FOR %s AS OF reads",
                    table.pinotTableName(), column, temporal ? "TIMESTAMP" : "VERSION"));
        }
        long bound = temporal ? VersionPointers.epochMillis(version, session.getTimeZoneKey().getZoneId()) : VersionPointers.versionNumber(version);
        AsOf asOf = new AsOf(column, bound);
        // the oldest value in any version Pinot holds, deletes and truncates included
        OptionalLong oldest = extremeValue.of(table.pinotTableName(), column, Optional.empty(), false, table.shape() == TableShape.UPSERT_CDC);
        if (oldest.isPresent() && bound < oldest.getAsLong()) {
            throw new TrinoException(PINOT_CDC_VERSION_NOT_AVAILABLE, format(
                    "Pinot table '%s' holds versions from %s on (its oldest %s); %s is older, and the table's state then is not known",
                    table.pinotTableName(),
                    describe(temporal, oldest.getAsLong()),
                    column,
                    describe(temporal, bound)));
        }
        return asOf;
    }

    private static boolean isNativeColumn(PinotCdcColumnHandle handle, String column)
    {
        return !handle.isSourceField() && handle.pinotColumn().equals(column);
    }

    private static String describe(boolean temporal, long value)
    {
        return temporal ? Instant.ofEpochMilli(value) + " (" + value + " ms)" : "version " + value;
    }
}

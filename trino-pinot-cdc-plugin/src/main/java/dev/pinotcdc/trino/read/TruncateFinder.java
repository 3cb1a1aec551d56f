package dev.pinotcdc.trino.read;

import com.google.common.cache.Cache;
import com.google.common.util.concurrent.UncheckedExecutionException;
import com.google.inject.Inject;
import dev.pinotcdc.trino.cdc.CdcLayout;
import dev.pinotcdc.trino.cdc.TableShape;
import dev.pinotcdc.trino.config.PinotCdcMetadataConfig;
import dev.pinotcdc.trino.metadata.ExtremeValue;
import dev.pinotcdc.trino.pushdown.AsOf;
import dev.pinotcdc.trino.pushdown.PinotCdcTableHandle;
import dev.pinotcdc.trino.query.ColumnReference;
import dev.pinotcdc.trino.query.ComparisonOperator;
import dev.pinotcdc.trino.query.PinotFilter;
import dev.pinotcdc.trino.query.StringLiteral;
import io.trino.cache.EvictableCacheBuilder;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static com.google.common.base.Throwables.throwIfUnchecked;
import static java.util.Objects.requireNonNull;

/**
 * Finds a CDC table's newest truncate. A truncate event carries no key; every row whose version is older is gone.
 */
public final class TruncateFinder
{
    private final ExtremeValue extremeValue;
    private final CdcLayout layout;
    private final Cache<TruncateQuestion, OptionalLong> newestTruncates;

    @Inject
    public TruncateFinder(ExtremeValue extremeValue, CdcLayout layout, PinotCdcMetadataConfig config)
    {
        this.extremeValue = requireNonNull(extremeValue, "extremeValue is null");
        this.layout = requireNonNull(layout, "layout is null");
        // truncates are rare: like a new column, a new truncate is seen within the metadata cache time, which spares
        // every scan a broker query
        this.newestTruncates = EvictableCacheBuilder.newBuilder()
                .expireAfterWrite(config.getMetadataCacheTtl().toMillis(), TimeUnit.MILLISECONDS)
                .shareNothingWhenDisabled()
                .maximumSize(10_000)
                .build();
    }

    /** The newest truncate of a table, or the newest as of a moment. */
    private record TruncateQuestion(String pinotTableName, Optional<AsOf> asOf) {}

    /**
     * @return the version of the newest truncate (as of the table's moment, if it is read as of one), if the table
     *         was ever truncated
     */
    public OptionalLong newestTruncate(PinotCdcTableHandle table)
    {
        // a change log shows truncates as rows of their own, and hides nothing
        if (!table.shape().isCdc() || table.shape() == TableShape.CHANGE_LOG || table.versionColumn().isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return newestTruncates.get(new TruncateQuestion(table.pinotTableName(), table.asOf()), () -> queryNewestTruncate(table, table.versionColumn().orElseThrow()));
        }
        catch (ExecutionException | UncheckedExecutionException e) {
            throwIfUnchecked(e.getCause());
            throw new UncheckedExecutionException(e.getCause());
        }
    }

    private OptionalLong queryNewestTruncate(PinotCdcTableHandle table, String versionColumn)
    {
        PinotFilter truncates = new PinotFilter.Comparison(new ColumnReference(layout.opColumn()), ComparisonOperator.EQUAL, new StringLiteral(layout.truncateOpCode()));
        PinotFilter filter = table.asOf().map(asOf -> PinotFilter.and(List.of(truncates, asOf.filter()))).orElse(truncates);
        return extremeValue.of(table.pinotTableName(), versionColumn, Optional.of(filter), true, table.skipsUpsert());
    }
}

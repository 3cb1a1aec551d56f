package dev.pinotcdc.trino.metadata;

import com.google.inject.Inject;
import dev.pinotcdc.trino.cdc.CdcLayout;
import dev.pinotcdc.trino.cdc.TableShape;
import dev.pinotcdc.trino.pushdown.AsOf;
import dev.pinotcdc.trino.pushdown.PinotCdcColumnHandle;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTableVersion;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import static dev.pinotcdc.trino.client.PinotCdcErrorCode.PINOT_CDC_VERSION_NOT_AVAILABLE;
import static io.trino.spi.StandardErrorCode.NOT_SUPPORTED;
import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * Turns {@code FOR TIMESTAMP AS OF} / {@code FOR VERSION AS OF} into a bound on a CDC table's event time or version,
 * and refuses a bound older than every version Pinot still holds (retention, compaction): the state then is not known,
 * and a partial history must not pass for it.
 */
public final class AsOfResolver
{
    private final ExtremeValue extremeValue;
    private final CdcLayout layout;

    @Inject
    public AsOfResolver(ExtremeValue extremeValue, CdcLayout layout)
    {
        this.extremeValue = requireNonNull(extremeValue, "extremeValue is null");
        this.layout = requireNonNull(layout, "layout is null");
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

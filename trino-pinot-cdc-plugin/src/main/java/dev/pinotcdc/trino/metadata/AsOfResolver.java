package dev.pinotcdc.trino.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Inject;
import dev.pinotcdc.trino.cdc.CdcLayout;
import dev.pinotcdc.trino.cdc.TableShape;
import dev.pinotcdc.trino.client.BrokerQuery;
import dev.pinotcdc.trino.client.BrokerResult;
import dev.pinotcdc.trino.client.PinotBrokerClient;
import dev.pinotcdc.trino.client.PinotClientException;
import dev.pinotcdc.trino.client.PinotErrors;
import dev.pinotcdc.trino.pushdown.AsOf;
import dev.pinotcdc.trino.pushdown.PinotCdcColumnHandle;
import dev.pinotcdc.trino.pushdown.PinotCdcTableHandle;
import dev.pinotcdc.trino.query.ColumnReference;
import dev.pinotcdc.trino.query.PinotQuery;
import dev.pinotcdc.trino.query.PinotSqlWriter;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTableVersion;

import java.time.Instant;
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
    private final PinotBrokerClient broker;
    private final CdcLayout layout;

    @Inject
    public AsOfResolver(PinotBrokerClient broker, CdcLayout layout)
    {
        this.broker = requireNonNull(broker, "broker is null");
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
        OptionalLong oldest = oldest(table.pinotTableName(), column, table.shape() == TableShape.UPSERT_CDC);
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

    /** The oldest value of the bound's column in any version Pinot holds, deletes and truncates included. */
    private OptionalLong oldest(String pinotTableName, String column, boolean skipsUpsert)
    {
        // ORDER BY ... LIMIT 1 returns the value exactly; MIN would return it as a double
        PinotQuery query = PinotQuery.builder(pinotTableName)
                .select(new ColumnReference(column))
                .orderBy(new ColumnReference(column), true)
                .limit(1)
                .build();
        BrokerQuery brokerQuery = BrokerQuery.of(pinotTableName, PinotSqlWriter.write(query));
        if (skipsUpsert) {
            brokerQuery = brokerQuery.withOption(PinotCdcTableHandle.SKIP_UPSERT_OPTION, "true");
        }
        BrokerResult result;
        try {
            result = broker.execute(brokerQuery);
        }
        catch (PinotClientException e) {
            throw PinotErrors.toTrinoException(e);
        }
        if (result.rowCount() == 0) {
            return OptionalLong.empty();
        }
        JsonNode value = result.rows().getFirst().get(0);
        return OptionalLong.of(value.asLong());
    }
}

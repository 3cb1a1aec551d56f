package dev.pinotcdc.trino.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Inject;
import dev.pinotcdc.trino.client.BrokerQuery;
import dev.pinotcdc.trino.client.BrokerResult;
import dev.pinotcdc.trino.client.ConsumingProgress;
import dev.pinotcdc.trino.client.PinotBrokerClient;
import dev.pinotcdc.trino.client.PinotClientException;
import dev.pinotcdc.trino.client.PinotControllerClient;
import dev.pinotcdc.trino.client.PinotErrors;
import dev.pinotcdc.trino.pushdown.FreshnessColumnHandle;
import dev.pinotcdc.trino.pushdown.FreshnessTableHandle;
import dev.pinotcdc.trino.query.ColumnReference;
import dev.pinotcdc.trino.query.CountAll;
import dev.pinotcdc.trino.query.FunctionCall;
import dev.pinotcdc.trino.query.PinotQuery;
import dev.pinotcdc.trino.query.PinotSqlWriter;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static io.trino.spi.type.DateTimeEncoding.packDateTimeWithZone;
import static io.trino.spi.type.TimeZoneKey.UTC_KEY;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MILLIS;
import static java.util.Objects.requireNonNull;

/**
 * Reads the figures of a freshness table: the newest event time and the number of versions from the broker (every
 * version: also deletes tell that the pipeline runs), the consuming segments' freshness from the same broker answer,
 * and the consumers' progress from the controller.
 */
public final class FreshnessReader
{
    private final PinotBrokerClient broker;
    private final PinotControllerClient controller;
    private final Clock clock;

    @Inject
    public FreshnessReader(PinotBrokerClient broker, PinotControllerClient controller)
    {
        this(broker, controller, Clock.systemUTC());
    }

    FreshnessReader(PinotBrokerClient broker, PinotControllerClient controller, Clock clock)
    {
        this.broker = requireNonNull(broker, "broker is null");
        this.controller = requireNonNull(controller, "controller is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Page read(FreshnessTableHandle table, List<FreshnessColumnHandle> columns)
    {
        PinotQuery.Builder query = PinotQuery.builder(table.pinotTableName()).select(new CountAll());
        table.timeColumn().ifPresent(column -> query.select(FunctionCall.of("MAX", new ColumnReference(column))));
        BrokerQuery brokerQuery = BrokerQuery.of(table.pinotTableName(), PinotSqlWriter.write(query.limit(1).build()))
                .withEveryUpsertVersion(table.skipsUpsert());
        BrokerResult result;
        ConsumingProgress progress;
        try {
            result = broker.execute(brokerQuery);
            progress = controller.getConsumingProgress(table.pinotTableName());
        }
        catch (PinotClientException e) {
            throw PinotErrors.toTrinoException(e);
        }
        long checkedAt = clock.millis();
        JsonNode row = result.rows().isEmpty() ? null : result.rows().getFirst();
        long versions = row == null ? 0 : row.get(0).asLong();
        // MAX over no rows is Pinot's stand-in (negative infinity): no event then
        OptionalLong newestEvent = row == null || versions == 0 || table.timeColumn().isEmpty() ? OptionalLong.empty() : OptionalLong.of((long) row.get(1).asDouble());
        long freshness = result.stats().minConsumingFreshnessTimeMs();
        OptionalLong consumedThrough = freshness > 0 && freshness < Long.MAX_VALUE ? OptionalLong.of(freshness) : OptionalLong.empty();

        Map<FreshnessColumnHandle, OptionalLong> values = Map.of(
                FreshnessColumnHandle.NEWEST_EVENT, newestEvent,
                FreshnessColumnHandle.EVENT_LAG_MS, lag(checkedAt, newestEvent),
                FreshnessColumnHandle.CONSUMED_THROUGH, consumedThrough,
                FreshnessColumnHandle.CONSUMING_LAG_MS, lag(checkedAt, consumedThrough),
                FreshnessColumnHandle.LAST_CONSUMED, progress.lastConsumed(),
                FreshnessColumnHandle.RECORDS_BEHIND, progress.recordsBehind(),
                FreshnessColumnHandle.VERSIONS, OptionalLong.of(versions),
                FreshnessColumnHandle.CHECKED_AT, OptionalLong.of(checkedAt));
        Block[] blocks = new Block[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            FreshnessColumnHandle column = columns.get(i);
            blocks[i] = block(column, requireNonNull(values.get(column), () -> "Unknown column " + column.name()));
        }
        return new Page(1, blocks);
    }

    private static OptionalLong lag(long checkedAt, OptionalLong moment)
    {
        return moment.isPresent() ? OptionalLong.of(checkedAt - moment.getAsLong()) : OptionalLong.empty();
    }

    private static Block block(FreshnessColumnHandle column, OptionalLong value)
    {
        BlockBuilder builder = column.type().createBlockBuilder(null, 1);
        if (value.isEmpty()) {
            builder.appendNull();
        }
        else if (column.type().equals(TIMESTAMP_TZ_MILLIS)) {
            TIMESTAMP_TZ_MILLIS.writeLong(builder, packDateTimeWithZone(value.getAsLong(), UTC_KEY));
        }
        else {
            column.type().writeLong(builder, value.getAsLong());
        }
        return builder.build();
    }
}

package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.type.Type;

import java.util.List;
import java.util.Optional;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MILLIS;
import static java.util.Objects.requireNonNull;

/** A column of a freshness table ({@link FreshnessTableHandle}). */
public record FreshnessColumnHandle(String name, Type type, String comment)
        implements ColumnHandle
{
    public static final FreshnessColumnHandle NEWEST_EVENT = new FreshnessColumnHandle("newest_event", TIMESTAMP_TZ_MILLIS,
            "The newest event time (cdc.time-column) of any version Pinot holds, deletes and truncates included");
    public static final FreshnessColumnHandle EVENT_LAG_MS = new FreshnessColumnHandle("event_lag_ms", BIGINT,
            "checked_at minus newest_event: how long ago the newest change Pinot holds happened (also grows while nothing changes)");
    public static final FreshnessColumnHandle CONSUMED_THROUGH = new FreshnessColumnHandle("consumed_through", TIMESTAMP_TZ_MILLIS,
            "Pinot's freshness of its consuming segments (the broker's minConsumingFreshnessTimeMs): what was ingested until then is queryable; NULL without consuming segments");
    public static final FreshnessColumnHandle CONSUMING_LAG_MS = new FreshnessColumnHandle("consuming_lag_ms", BIGINT,
            "checked_at minus consumed_through");
    public static final FreshnessColumnHandle LAST_CONSUMED = new FreshnessColumnHandle("last_consumed", TIMESTAMP_TZ_MILLIS,
            "The last moment a Pinot server consumed a message of this table, where the controller reports it (Pinot 1.x; Pinot 0.11 reports none)");
    public static final FreshnessColumnHandle RECORDS_BEHIND = new FreshnessColumnHandle("records_behind", BIGINT,
            "Messages in the stream not yet consumed, where the controller reports it (Pinot 1.x); NULL on Pinot 0.11");
    public static final FreshnessColumnHandle VERSIONS = new FreshnessColumnHandle("versions", BIGINT,
            "Versions Pinot holds, deletes and truncates included");
    public static final FreshnessColumnHandle CHECKED_AT = new FreshnessColumnHandle("checked_at", TIMESTAMP_TZ_MILLIS,
            "When these figures were read");
    public static final List<FreshnessColumnHandle> ALL = List.of(NEWEST_EVENT, EVENT_LAG_MS, CONSUMED_THROUGH, CONSUMING_LAG_MS, LAST_CONSUMED, RECORDS_BEHIND, VERSIONS, CHECKED_AT);

    @JsonCreator
    public FreshnessColumnHandle(@JsonProperty("name") String name, @JsonProperty("type") Type type, @JsonProperty("comment") String comment)
    {
        this.name = requireNonNull(name, "name is null");
        this.type = requireNonNull(type, "type is null");
        this.comment = requireNonNull(comment, "comment is null");
    }

    public ColumnMetadata toColumnMetadata()
    {
        return ColumnMetadata.builder().setName(name).setType(type).setComment(Optional.of(comment)).build();
    }
}

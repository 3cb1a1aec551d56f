package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.SchemaTableName;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How fresh one CDC table is ({@code "orders$freshness"}): one row of figures from Pinot's broker and controller.
 *
 * @param schemaTableName the table whose freshness is asked for
 * @param timeColumn the event time column, where the table has one
 * @param skipsUpsert the table is an upsert table: its versions are counted with the query option that shows them all
 */
public record FreshnessTableHandle(SchemaTableName schemaTableName, String pinotTableName, Optional<String> timeColumn, boolean skipsUpsert)
        implements ConnectorTableHandle
{
    @JsonCreator
    public FreshnessTableHandle(
            @JsonProperty("schemaTableName") SchemaTableName schemaTableName,
            @JsonProperty("pinotTableName") String pinotTableName,
            @JsonProperty("timeColumn") Optional<String> timeColumn,
            @JsonProperty("skipsUpsert") boolean skipsUpsert)
    {
        this.schemaTableName = requireNonNull(schemaTableName, "schemaTableName is null");
        this.pinotTableName = requireNonNull(pinotTableName, "pinotTableName is null");
        this.timeColumn = requireNonNull(timeColumn, "timeColumn is null");
        this.skipsUpsert = skipsUpsert;
    }
}

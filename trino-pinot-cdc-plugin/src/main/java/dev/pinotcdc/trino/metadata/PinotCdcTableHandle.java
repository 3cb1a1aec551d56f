package dev.pinotcdc.trino.metadata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pinotcdc.trino.cdc.TableShape;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.predicate.TupleDomain;

import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * A scan of one Pinot table, with what has been pushed into it.
 *
 * @param constraint the predicate Pinot evaluates exactly; what Pinot cannot evaluate exactly stays in Trino
 * @param limit at most this many rows are needed
 */
public record PinotCdcTableHandle(
        SchemaTableName schemaTableName,
        String pinotTableName,
        TableShape shape,
        TupleDomain<ColumnHandle> constraint,
        OptionalLong limit)
        implements ConnectorTableHandle
{
    @JsonCreator
    public PinotCdcTableHandle(
            @JsonProperty("schemaTableName") SchemaTableName schemaTableName,
            @JsonProperty("pinotTableName") String pinotTableName,
            @JsonProperty("shape") TableShape shape,
            @JsonProperty("constraint") TupleDomain<ColumnHandle> constraint,
            @JsonProperty("limit") OptionalLong limit)
    {
        this.schemaTableName = requireNonNull(schemaTableName, "schemaTableName is null");
        this.pinotTableName = requireNonNull(pinotTableName, "pinotTableName is null");
        this.shape = requireNonNull(shape, "shape is null");
        this.constraint = requireNonNull(constraint, "constraint is null");
        this.limit = requireNonNull(limit, "limit is null");
    }

    public static PinotCdcTableHandle scanOf(SchemaTableName schemaTableName, String pinotTableName, TableShape shape)
    {
        return new PinotCdcTableHandle(schemaTableName, pinotTableName, shape, TupleDomain.all(), OptionalLong.empty());
    }

    public PinotCdcTableHandle withConstraint(TupleDomain<ColumnHandle> constraint)
    {
        return new PinotCdcTableHandle(schemaTableName, pinotTableName, shape, constraint, limit);
    }

    public PinotCdcTableHandle withLimit(long limit)
    {
        return new PinotCdcTableHandle(schemaTableName, pinotTableName, shape, constraint, OptionalLong.of(limit));
    }
}

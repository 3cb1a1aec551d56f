package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pinotcdc.trino.cdc.CdcLayout;
import dev.pinotcdc.trino.cdc.TableShape;
import dev.pinotcdc.trino.client.BrokerQuery;
import dev.pinotcdc.trino.client.JsonIndexScope;
import dev.pinotcdc.trino.query.PinotSqlWriter;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.predicate.TupleDomain;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

/**
 * A scan of one Pinot table, with what has been pushed into it.
 *
 * @param primaryKey the Pinot columns of the primary key (CDC tables)
 * @param splitKey the key column the splits of a scan share the rows by; none: the scan is one split
 * @param versionColumn the column that orders the versions of a key
 * @param sourceJsonIndexed what Pinot's JSON index on the source column keeps ({@link JsonIndexScope#NONE}: no index)
 * @param constraint the predicate Pinot evaluates exactly; what Pinot cannot evaluate exactly stays in Trino
 * @param prefixMatches {@code LIKE 'prefix%'} predicates Pinot evaluates
 * @param limit at most this many rows are needed
 * @param sort with a limit, the order whose first rows are needed (a top-N)
 * @param projection the columns the scan reads, once Trino has said so; EXPLAIN shows the query for them
 * @param aggregation a GROUP BY Pinot computes; the scan then returns one row per group
 * @param layout where the table keeps Debezium's event
 * @param maxRows the most rows one broker query may return
 * @param maxExtractedSourceFields a scan reading at most this many fields of the source JSON has Pinot extract them
 *         instead of returning whole documents (0: never)
 * @param asOf the moment or version the table is read as of; the latest state when empty
 * @param skipsUpsert the query asks an upsert table for every version it holds (a read as of a moment, the change log)
 */
public record PinotCdcTableHandle(
        SchemaTableName schemaTableName,
        String pinotTableName,
        TableShape shape,
        List<String> primaryKey,
        Optional<SplitKey> splitKey,
        Optional<String> versionColumn,
        JsonIndexScope sourceJsonIndexed,
        TupleDomain<ColumnHandle> constraint,
        List<PrefixMatch> prefixMatches,
        OptionalLong limit,
        List<PinotSortItem> sort,
        Optional<List<PinotCdcColumnHandle>> projection,
        Optional<PinotAggregation> aggregation,
        CdcLayout layout,
        int maxRows,
        int maxExtractedSourceFields,
        Optional<AsOf> asOf,
        boolean skipsUpsert)
        implements ConnectorTableHandle
{
    @JsonCreator
    public PinotCdcTableHandle(
            @JsonProperty("schemaTableName") SchemaTableName schemaTableName,
            @JsonProperty("pinotTableName") String pinotTableName,
            @JsonProperty("shape") TableShape shape,
            @JsonProperty("primaryKey") List<String> primaryKey,
            @JsonProperty("splitKey") Optional<SplitKey> splitKey,
            @JsonProperty("versionColumn") Optional<String> versionColumn,
            @JsonProperty("sourceJsonIndexed") JsonIndexScope sourceJsonIndexed,
            @JsonProperty("constraint") TupleDomain<ColumnHandle> constraint,
            @JsonProperty("prefixMatches") List<PrefixMatch> prefixMatches,
            @JsonProperty("limit") OptionalLong limit,
            @JsonProperty("sort") List<PinotSortItem> sort,
            @JsonProperty("projection") Optional<List<PinotCdcColumnHandle>> projection,
            @JsonProperty("aggregation") Optional<PinotAggregation> aggregation,
            @JsonProperty("layout") CdcLayout layout,
            @JsonProperty("maxRows") int maxRows,
            @JsonProperty("maxExtractedSourceFields") int maxExtractedSourceFields,
            @JsonProperty("asOf") Optional<AsOf> asOf,
            @JsonProperty("skipsUpsert") boolean skipsUpsert)
    {
        this.schemaTableName = requireNonNull(schemaTableName, "schemaTableName is null");
        this.pinotTableName = requireNonNull(pinotTableName, "pinotTableName is null");
        this.shape = requireNonNull(shape, "shape is null");
        this.primaryKey = List.copyOf(primaryKey);
        this.splitKey = requireNonNull(splitKey, "splitKey is null");
        this.versionColumn = requireNonNull(versionColumn, "versionColumn is null");
        this.sourceJsonIndexed = requireNonNull(sourceJsonIndexed, "sourceJsonIndexed is null");
        this.constraint = requireNonNull(constraint, "constraint is null");
        this.prefixMatches = List.copyOf(prefixMatches);
        this.limit = requireNonNull(limit, "limit is null");
        this.sort = List.copyOf(sort);
        this.projection = requireNonNull(projection, "projection is null").map(List::copyOf);
        this.aggregation = requireNonNull(aggregation, "aggregation is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.maxRows = maxRows;
        this.maxExtractedSourceFields = maxExtractedSourceFields;
        this.asOf = requireNonNull(asOf, "asOf is null");
        this.skipsUpsert = skipsUpsert;
        if (asOf.isPresent() && shape != TableShape.APPEND_ONLY_CDC) {
            throw new IllegalArgumentException("A read as of a moment picks each key's version itself: " + shape);
        }
    }

    public PinotCdcTableHandle withFilter(TupleDomain<ColumnHandle> constraint, List<PrefixMatch> prefixMatches)
    {
        return new PinotCdcTableHandle(schemaTableName, pinotTableName, shape, primaryKey, splitKey, versionColumn, sourceJsonIndexed, constraint, prefixMatches, limit, sort, projection, aggregation, layout, maxRows, maxExtractedSourceFields, asOf, skipsUpsert);
    }

    public PinotCdcTableHandle withLimit(long limit)
    {
        return new PinotCdcTableHandle(schemaTableName, pinotTableName, shape, primaryKey, splitKey, versionColumn, sourceJsonIndexed, constraint, prefixMatches, OptionalLong.of(limit), sort, projection, aggregation, layout, maxRows, maxExtractedSourceFields, asOf, skipsUpsert);
    }

    public PinotCdcTableHandle withMaxExtractedSourceFields(int maxExtractedSourceFields)
    {
        return new PinotCdcTableHandle(schemaTableName, pinotTableName, shape, primaryKey, splitKey, versionColumn, sourceJsonIndexed, constraint, prefixMatches, limit, sort, projection, aggregation, layout, maxRows, maxExtractedSourceFields, asOf, skipsUpsert);
    }

    public PinotCdcTableHandle withProjection(List<PinotCdcColumnHandle> projection)
    {
        return new PinotCdcTableHandle(schemaTableName, pinotTableName, shape, primaryKey, splitKey, versionColumn, sourceJsonIndexed, constraint, prefixMatches, limit, sort, Optional.of(projection), aggregation, layout, maxRows, maxExtractedSourceFields, asOf, skipsUpsert);
    }

    public PinotCdcTableHandle withTopN(long limit, List<PinotSortItem> sort)
    {
        return new PinotCdcTableHandle(schemaTableName, pinotTableName, shape, primaryKey, splitKey, versionColumn, sourceJsonIndexed, constraint, prefixMatches, OptionalLong.of(limit), sort, projection, aggregation, layout, maxRows, maxExtractedSourceFields, asOf, skipsUpsert);
    }

    /**
     * The table as of a moment: every version Pinot holds is read, as in a table that keeps every version, up to the
     * bound.
     */
    public PinotCdcTableHandle withAsOf(AsOf asOf)
    {
        checkState(shape.isCdc() && this.asOf.isEmpty() && shape != TableShape.CHANGE_LOG, "Not the latest state of a CDC table: %s", this);
        return new PinotCdcTableHandle(schemaTableName, pinotTableName, TableShape.APPEND_ONLY_CDC, primaryKey, splitKey, versionColumn, sourceJsonIndexed, constraint, prefixMatches, limit, sort, projection, aggregation, layout, maxRows, maxExtractedSourceFields, Optional.of(asOf), shape == TableShape.UPSERT_CDC);
    }

    /** Every version of every key, each a row: the table's change log. */
    public PinotCdcTableHandle asChangeLog()
    {
        checkState(shape.isCdc() && asOf.isEmpty() && shape != TableShape.CHANGE_LOG, "Not the latest state of a CDC table: %s", this);
        return new PinotCdcTableHandle(schemaTableName, pinotTableName, TableShape.CHANGE_LOG, primaryKey, splitKey, versionColumn, sourceJsonIndexed, constraint, prefixMatches, limit, sort, projection, aggregation, layout, maxRows, maxExtractedSourceFields, Optional.empty(), shape == TableShape.UPSERT_CDC);
    }

    public PinotCdcTableHandle withAggregation(PinotAggregation aggregation)
    {
        return new PinotCdcTableHandle(schemaTableName, pinotTableName, shape, primaryKey, splitKey, versionColumn, sourceJsonIndexed, constraint, prefixMatches, limit, sort, Optional.empty(), Optional.of(aggregation), layout, maxRows, maxExtractedSourceFields, asOf, skipsUpsert);
    }

    /**
     * What EXPLAIN shows: the Pinot SQL of the scan. Splits of a large scan add their share of the keys ({@link dev.pinotcdc.trino.pushdown.KeyShareFilter})
     * and the newest truncate's version to it.
     */
    @Override
    public String toString()
    {
        PinotCdcSplit whole = PinotCdcSplit.whole(OptionalLong.empty());
        ScanPlan plan = aggregation.isPresent()
                ? ScanPlan.aggregated(this, List.of(), whole)
                : ScanPlan.create(this, projection.orElse(List.of()), whole);
        String options = skipsUpsert ? " with query option " + BrokerQuery.SKIP_UPSERT_OPTION + "=true" : "";
        return schemaTableName + (plan.empty() ? " (no row can match; Pinot is not queried)" : " Pinot SQL: " + PinotSqlWriter.write(plan.query()) + options);
    }
}

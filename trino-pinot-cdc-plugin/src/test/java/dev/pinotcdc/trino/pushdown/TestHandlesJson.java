package dev.pinotcdc.trino.pushdown;

import com.google.common.collect.ImmutableMap;
import dev.pinotcdc.trino.PinotCdcTransactionHandle;
import dev.pinotcdc.trino.cdc.CdcLayout;
import dev.pinotcdc.trino.cdc.FieldEncoding;
import dev.pinotcdc.trino.cdc.NativeCopy;
import dev.pinotcdc.trino.cdc.TableShape;
import dev.pinotcdc.trino.client.JsonIndexScope;
import dev.pinotcdc.trino.pushdown.AggregateColumnHandle.AggregateKind;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.connector.SortOrder;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.Range;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.predicate.ValueSet;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.TimestampType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import static dev.pinotcdc.trino.HandleJson.assertRoundTrip;
import static io.airlift.slice.Slices.utf8Slice;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static io.trino.spi.type.VarcharType.createVarcharType;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every handle and split the coordinator sends to workers survives the engine's JSON unchanged.
 */
final class TestHandlesJson
{
    private static final PinotCdcColumnHandle ID = new PinotCdcColumnHandle(
            "id", BIGINT, "id", List.of(), FieldEncoding.NATIVE, OptionalInt.empty(), Optional.empty(), true, false, Optional.empty());
    private static final PinotCdcColumnHandle NAME = new PinotCdcColumnHandle(
            "name", createVarcharType(200), "source", List.of("name"), FieldEncoding.NATIVE, OptionalInt.empty(), Optional.empty(), true, false, Optional.of("the customer's name"));
    private static final PinotCdcColumnHandle BALANCE = new PinotCdcColumnHandle(
            "balance", DecimalType.createDecimalType(10, 2), "source", List.of("balance"), FieldEncoding.DECIMAL_BASE64, OptionalInt.of(2), Optional.empty(), true, false, Optional.empty());
    private static final PinotCdcColumnHandle SCORE = new PinotCdcColumnHandle(
            "score", DOUBLE, "source", List.of("stats", "score"), FieldEncoding.NATIVE, OptionalInt.empty(), Optional.of(new NativeCopy("score", FieldEncoding.NATIVE, OptionalInt.of(512))), false, false, Optional.empty());
    private static final PinotCdcColumnHandle CREATED_AT = new PinotCdcColumnHandle(
            "created_at", TimestampType.TIMESTAMP_MICROS, "source", List.of("created_at"), FieldEncoding.EPOCH_MICROS, OptionalInt.empty(), Optional.empty(), true, false, Optional.empty());
    private static final PinotCdcColumnHandle OP = new PinotCdcColumnHandle(
            "_op", VARCHAR, "op", List.of(), FieldEncoding.NATIVE, OptionalInt.empty(), Optional.empty(), false, true, Optional.empty());

    private static final TruncatedTimeColumnHandle CREATED_DAY = new TruncatedTimeColumnHandle("created_day", CREATED_AT, TimeTruncation.DAY);
    private static final AggregateColumnHandle COUNT_ALL = new AggregateColumnHandle("count", BIGINT, AggregateKind.COUNT_ALL, Optional.empty());
    private static final AggregateColumnHandle MAX_SCORE = new AggregateColumnHandle("max_score", DOUBLE, AggregateKind.MAX, Optional.of(SCORE));
    private static final AggregateColumnHandle SUM_BALANCE = new AggregateColumnHandle("sum_balance", DecimalType.createDecimalType(38, 2), AggregateKind.SUM, Optional.of(BALANCE));

    @Test
    void testColumnHandles()
    {
        for (ColumnHandle column : List.of(ID, NAME, BALANCE, SCORE, CREATED_AT, OP, CREATED_DAY, COUNT_ALL, MAX_SCORE, SUM_BALANCE)) {
            assertRoundTrip(ColumnHandle.class, column);
        }
        for (ColumnHandle column : FreshnessColumnHandle.ALL) {
            assertRoundTrip(ColumnHandle.class, column);
        }
    }

    @Test
    void testTableHandleWithNothingPushed()
    {
        assertRoundTrip(ConnectorTableHandle.class, scan());
    }

    @Test
    void testTableHandleWithEverythingPushed()
    {
        TupleDomain<ColumnHandle> constraint = TupleDomain.withColumnDomains(ImmutableMap.of(
                ID, Domain.create(ValueSet.ofRanges(Range.range(BIGINT, 10L, true, 20L, false), Range.greaterThan(BIGINT, 100L)), false),
                NAME, Domain.create(ValueSet.of(createVarcharType(200), utf8Slice("ann"), utf8Slice("bob")), true),
                BALANCE, Domain.onlyNull(DecimalType.createDecimalType(10, 2)),
                SCORE, Domain.notNull(DOUBLE),
                CREATED_AT, Domain.singleValue(TimestampType.TIMESTAMP_MICROS, 1_700_000_000_000_000L)));
        PinotCdcTableHandle filtered = scan()
                .withFilter(constraint, List.of(new PrefixMatch(NAME, "An")))
                .withTopN(25, List.of(new PinotSortItem(CREATED_AT, SortOrder.DESC_NULLS_LAST), new PinotSortItem(ID, SortOrder.ASC_NULLS_FIRST)))
                .withProjection(List.of(ID, NAME, CREATED_AT))
                .withMaxExtractedSourceFields(3);
        String json = assertRoundTrip(ConnectorTableHandle.class, filtered);
        assertThat(json).contains("\"prefixMatches\"", "\"sort\"", "\"projection\"", "\"limit\":25");

        PinotCdcTableHandle aggregated = scan()
                .withFilter(constraint, List.of())
                .withAggregation(new PinotAggregation(List.of(NAME, CREATED_DAY), List.of(COUNT_ALL, MAX_SCORE, SUM_BALANCE)))
                .withLimit(1000);
        assertRoundTrip(ConnectorTableHandle.class, aggregated);

        assertRoundTrip(ConnectorTableHandle.class, scan().withFilter(TupleDomain.none(), List.of()));
        assertThat(assertRoundTrip(ConnectorTableHandle.class, scan().withAsOf(new AsOf("event_ms", -1_000L)).withFilter(constraint, List.of())))
                .contains("\"asOf\"", "\"atMost\":-1000");
        assertRoundTrip(ConnectorTableHandle.class, new FreshnessTableHandle(new SchemaTableName("default", "customers"), "customers_REALTIME", Optional.of("event_ms"), true));
        assertThat(assertRoundTrip(ConnectorTableHandle.class, scan().asChangeLog().withLimit(10)))
                .contains("\"shape\":\"CHANGE_LOG\"");
    }

    @Test
    void testSplits()
    {
        assertRoundTrip(ConnectorSplit.class, PinotCdcSplit.whole(OptionalLong.empty()));
        assertRoundTrip(ConnectorSplit.class, PinotCdcSplit.whole(OptionalLong.of(123_456_789L)));
        assertRoundTrip(ConnectorSplit.class, new PinotCdcSplit(3, 16, OptionalLong.of(42L)));
    }

    @Test
    void testTransactionHandle()
    {
        assertRoundTrip(ConnectorTransactionHandle.class, PinotCdcTransactionHandle.INSTANCE);
    }

    /** A CDC table with a key to split by, a partial JSON index and a layout unlike the defaults. */
    private static PinotCdcTableHandle scan()
    {
        JsonIndexScope index = new JsonIndexScope(true, false, OptionalInt.of(3), List.of(Set.of(List.of("name"), List.of("stats", "score"))), Set.of(List.of("secret")), Set.of("blob"), OptionalInt.of(1000));
        return new PinotCdcTableHandle(
                new SchemaTableName("default", "customers"),
                "customers_REALTIME",
                TableShape.APPEND_ONLY_CDC,
                List.of("id"),
                Optional.of(new SplitKey("id", true)),
                Optional.of("lsn"),
                index,
                TupleDomain.all(),
                List.of(),
                OptionalLong.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                new CdcLayout("payload", "operation", "event_ms", Set.of("d", "D"), "T", "after_schema", "commit_lsn"),
                5000,
                1,
                Optional.empty(),
                false);
    }
}

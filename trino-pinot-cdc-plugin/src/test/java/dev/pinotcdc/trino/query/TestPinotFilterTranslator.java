package dev.pinotcdc.trino.query;

import dev.pinotcdc.trino.cdc.FieldEncoding;
import dev.pinotcdc.trino.client.JsonIndexScope;
import dev.pinotcdc.trino.pushdown.ExpressionTranslation;
import dev.pinotcdc.trino.pushdown.FilterTranslation;
import dev.pinotcdc.trino.pushdown.JsonSourceCapabilities;
import dev.pinotcdc.trino.pushdown.PinotCdcColumnHandle;
import dev.pinotcdc.trino.pushdown.PinotFilterTranslator;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.expression.Call;
import io.trino.spi.expression.ConnectorExpression;
import io.trino.spi.expression.Constant;
import io.trino.spi.expression.Variable;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.Range;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.predicate.ValueSet;
import io.trino.spi.type.LongTimestamp;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeId;
import io.trino.spi.type.UuidType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import static io.airlift.slice.Slices.utf8Slice;
import static io.trino.spi.expression.StandardFunctions.AND_FUNCTION_NAME;
import static io.trino.spi.expression.StandardFunctions.LIKE_FUNCTION_NAME;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateTimeEncoding.packDateTimeWithZone;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.TimeZoneKey.UTC_KEY;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MICROS;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MILLIS;
import static io.trino.spi.type.TimestampType.TIMESTAMP_NANOS;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MILLIS;
import static io.trino.spi.type.UuidType.javaUuidToTrinoUuid;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static io.trino.spi.type.VarcharType.createVarcharType;
import static io.trino.type.InternalTypeManager.TESTING_TYPE_MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

final class TestPinotFilterTranslator
{
    private static final JsonSourceCapabilities NO_INDEX = new JsonSourceCapabilities(JsonIndexScope.NONE, false);
    private static final JsonSourceCapabilities NO_INDEX_NULL_SOURCE = new JsonSourceCapabilities(JsonIndexScope.NONE, true);
    private static final JsonSourceCapabilities INDEX = new JsonSourceCapabilities(JsonIndexScope.COMPLETE, true);

    private static final PinotCdcColumnHandle ID = nativeColumn("id", BIGINT, FieldEncoding.NATIVE);
    private static final PinotCdcColumnHandle TS_MS = nativeColumn("ts_ms", BIGINT, FieldEncoding.NATIVE);
    private static final PinotCdcColumnHandle OP = nativeColumn("op", VARCHAR, FieldEncoding.NATIVE);
    private static final PinotCdcColumnHandle NAME = field("name", VARCHAR, FieldEncoding.NATIVE);
    private static final PinotCdcColumnHandle QTY = field("qty", INTEGER, FieldEncoding.NATIVE);

    // native columns

    @Test
    void testNativeSingleValueAndInList()
    {
        assertPushed(Domain.singleValue(BIGINT, 42L), ID, NO_INDEX, "\"id\" = 42");
        assertPushed(Domain.multipleValues(BIGINT, List.of(1L, -2L, 3L)), ID, NO_INDEX, "\"id\" IN (-2, 1, 3)");
        assertPushed(Domain.singleValue(VARCHAR, utf8Slice("it's")), OP, NO_INDEX, "\"op\" = 'it''s'");
        assertPushed(Domain.multipleValues(VARCHAR, List.of(utf8Slice("c"), utf8Slice("u"))), OP, NO_INDEX, "\"op\" IN ('c', 'u')");
    }

    @Test
    void testNativeRanges()
    {
        assertPushed(range(BIGINT, Range.greaterThanOrEqual(BIGINT, 1700000000000L)), TS_MS, NO_INDEX, "\"ts_ms\" >= 1700000000000");
        // an exclusive integer bound becomes the inclusive neighbour
        assertPushed(range(BIGINT, Range.greaterThan(BIGINT, 10L)), TS_MS, NO_INDEX, "\"ts_ms\" >= 11");
        assertPushed(range(BIGINT, Range.lessThan(BIGINT, 10L)), TS_MS, NO_INDEX, "\"ts_ms\" <= 9");
        assertPushed(range(BIGINT, Range.range(BIGINT, 10L, true, 20L, false)), TS_MS, NO_INDEX, "\"ts_ms\" BETWEEN 10 AND 19");
        assertPushed(range(BIGINT, Range.range(BIGINT, 10L, false, 12L, false)), TS_MS, NO_INDEX, "\"ts_ms\" = 11");
        assertPushed(
                range(BIGINT, Range.lessThan(BIGINT, 0L), Range.equal(BIGINT, 5L), Range.range(BIGINT, 10L, true, 20L, true), Range.greaterThan(BIGINT, 100L)),
                TS_MS,
                NO_INDEX,
                "(\"ts_ms\" = 5) OR (\"ts_ms\" <= -1) OR (\"ts_ms\" BETWEEN 10 AND 20) OR (\"ts_ms\" >= 101)");
    }

    @Test
    void testNativeNotEqualAndNotIn()
    {
        assertPushed(Domain.create(ValueSet.all(BIGINT).subtract(ValueSet.of(BIGINT, 5L)), false), ID, NO_INDEX, "\"id\" <> 5");
        assertPushed(Domain.create(ValueSet.all(BIGINT).subtract(ValueSet.of(BIGINT, 5L, 7L)), false), ID, NO_INDEX, "\"id\" NOT IN (5, 7)");
        assertPushed(Domain.create(ValueSet.all(VARCHAR).subtract(ValueSet.of(VARCHAR, utf8Slice("d"))), false), OP, NO_INDEX, "\"op\" <> 'd'");
    }

    @Test
    void testNativeNullsStayInTrino()
    {
        // Pinot 0.11 keeps no nulls without null handling
        assertKept(Domain.onlyNull(BIGINT), ID, NO_INDEX);
        assertKept(Domain.notNull(BIGINT), ID, NO_INDEX);
        assertKept(Domain.create(ValueSet.of(BIGINT, 1L), true), ID, NO_INDEX);
    }

    @Test
    void testStringRangesOnlyWithBoundsBelowSurrogates()
    {
        assertPushed(range(VARCHAR, Range.range(VARCHAR, utf8Slice("a"), true, utf8Slice("m"), false)), OP, NO_INDEX, "(\"op\" >= 'a') AND (\"op\" < 'm')");
        assertPushed(range(VARCHAR, Range.greaterThan(VARCHAR, utf8Slice("ü"))), OP, NO_INDEX, "\"op\" > 'ü'");
        // UTF-16 order (Pinot) and code point order (Trino) differ past U+D800
        assertKept(range(VARCHAR, Range.greaterThan(VARCHAR, utf8Slice("\uE000"))), OP, NO_INDEX);
        assertKept(range(VARCHAR, Range.lessThan(VARCHAR, utf8Slice("a😀"))), OP, NO_INDEX);
        // but equality is exact with any character
        assertPushed(Domain.singleValue(VARCHAR, utf8Slice("😀\uE000")), OP, NO_INDEX, "\"op\" = '😀\uE000'");
        assertPushed(Domain.singleValue(createVarcharType(10), utf8Slice("abc")), nativeColumn("v", createVarcharType(10), FieldEncoding.NATIVE), NO_INDEX, "\"v\" = 'abc'");
    }

    @Test
    void testValuesPinotCannotReceiveStayInTrino()
    {
        assertKept(Domain.singleValue(VARCHAR, utf8Slice("a''b")), OP, NO_INDEX);
        assertKept(Domain.multipleValues(VARCHAR, List.of(utf8Slice("x"), utf8Slice("''"))), OP, NO_INDEX);
    }

    @Test
    void testDoubleAndReal()
    {
        PinotCdcColumnHandle price = nativeColumn("price", DOUBLE, FieldEncoding.NATIVE);
        assertPushed(Domain.singleValue(DOUBLE, 1.5), price, NO_INDEX, "\"price\" = 1.5");
        // several values: ranges, not an IN (Pinot's IN hash set tells 0.0 from -0.0)
        assertPushed(Domain.multipleValues(DOUBLE, List.of(0.0, 2.5)), price, NO_INDEX, "(\"price\" BETWEEN 0.0 AND 0.0) OR (\"price\" BETWEEN 2.5 AND 2.5)");
        assertPushed(range(DOUBLE, Range.range(DOUBLE, 1.0, false, 2.0, true)), price, NO_INDEX, "(\"price\" > 1.0) AND (\"price\" <= 2.0)");
        assertKept(range(DOUBLE, Range.lessThan(DOUBLE, Double.POSITIVE_INFINITY)), price, NO_INDEX);
        PinotCdcColumnHandle ratio = nativeColumn("ratio", REAL, FieldEncoding.NATIVE);
        // the float widened exactly; Pinot parses it back to the same float for a FLOAT comparison
        assertPushed(Domain.singleValue(REAL, (long) Float.floatToIntBits(0.1f)), ratio, NO_INDEX, "\"ratio\" = 0.10000000149011612");
        assertPushed(range(DOUBLE, Range.greaterThan(DOUBLE, 1.5)), field("score", DOUBLE, FieldEncoding.NATIVE), NO_INDEX,
                "JSONEXTRACTSCALAR(\"source\", '$[''score'']', 'DOUBLE', 'NaN') > 1.5");
        assertPushed(range(REAL, Range.greaterThan(REAL, (long) Float.floatToIntBits(1.5f))), field("r", REAL, FieldEncoding.NATIVE), NO_INDEX,
                "JSONEXTRACTSCALAR(\"source\", '$[''r'']', 'FLOAT', 'NaN') > 1.5");
    }

    @Test
    void testTypesThatStayInTrino()
    {
        assertKept(Domain.singleValue(createDecimalType(10, 2), 150L), field("balance", createDecimalType(10, 2), FieldEncoding.DECIMAL_BASE64), NO_INDEX);
        assertKept(Domain.singleValue(createDecimalType(10, 2), 150L), field("balance", createDecimalType(10, 2), FieldEncoding.DECIMAL_STRING), NO_INDEX);
        assertKept(Domain.singleValue(TIMESTAMP_MICROS, 0L), field("t", TIMESTAMP_MICROS, FieldEncoding.ISO_TIMESTAMP), NO_INDEX);
        assertKept(Domain.singleValue(DATE, 0L), field("d", DATE, FieldEncoding.ISO_DATE), NO_INDEX);
        Type json = TESTING_TYPE_MANAGER.getType(TypeId.of("json"));
        assertKept(Domain.singleValue(json, utf8Slice("{}")), field("attrs", json, FieldEncoding.JSON_STRING), NO_INDEX);
        // a timestamp stored finer than the column's precision decodes with rounding: kept
        assertKept(Domain.singleValue(TIMESTAMP_MILLIS, 1000L), field("t", TIMESTAMP_MILLIS, FieldEncoding.EPOCH_MICROS), NO_INDEX);
        // a handle of another connector
        ColumnHandle foreign = new ColumnHandle() {};
        FilterTranslation translation = PinotFilterTranslator.translate(TupleDomain.withColumnDomains(Map.of(foreign, Domain.singleValue(BIGINT, 1L))), NO_INDEX);
        assertThat(translation.filter()).isEmpty();
        assertThat(translation.remaining().getDomains().orElseThrow()).containsOnlyKeys(foreign);
    }

    @Test
    void testRangeBeyondANarrowTypeMatchesNothing()
    {
        // an INTEGER holds no value below -2^31: Pinot 0.11 would prune every segment of an INT column for it
        PinotCdcColumnHandle number = field("i", INTEGER, FieldEncoding.NATIVE);
        FilterTranslation below = PinotFilterTranslator.translate(TupleDomain.withColumnDomains(Map.of(number, Domain.create(ValueSet.ofRanges(Range.lessThan(INTEGER, (long) Integer.MIN_VALUE)), false))), NO_INDEX);
        assertThat(below.contradiction()).isTrue();
        assertPushed(Domain.create(ValueSet.ofRanges(Range.lessThanOrEqual(INTEGER, (long) Integer.MIN_VALUE)), false), number, NO_INDEX, "JSONEXTRACTSCALAR(\"source\", '$[''i'']', 'LONG', '9223372036854775807') <= -2147483648");
    }

    // source fields without a JSON index

    @Test
    void testSourceFieldValuesWithDefaultOutsideTheValues()
    {
        assertPushed(Domain.singleValue(BIGINT, 5L), field("n", BIGINT, FieldEncoding.NATIVE), NO_INDEX,
                "JSONEXTRACTSCALAR(\"source\", '$[''n'']', 'LONG', '-9223372036854775808') = 5");
        assertPushed(Domain.singleValue(BIGINT, Long.MIN_VALUE), field("n", BIGINT, FieldEncoding.NATIVE), NO_INDEX,
                "JSONEXTRACTSCALAR(\"source\", '$[''n'']', 'LONG', '9223372036854775807') = -9223372036854775808");
        // a missing name reads as '' and must not match name = ''
        assertPushed(Domain.singleValue(VARCHAR, utf8Slice("")), NAME, NO_INDEX,
                "JSONEXTRACTSCALAR(\"source\", '$[''name'']', 'STRING', '\uFFFF') = ''");
        assertPushed(Domain.singleValue(VARCHAR, utf8Slice("Bob")), NAME, NO_INDEX,
                "JSONEXTRACTSCALAR(\"source\", '$[''name'']', 'STRING', '') = 'Bob'");
        // text other than a list of values would take in Debezium's TOAST placeholder, which Trino reads as NULL
        assertKept(Domain.create(ValueSet.all(VARCHAR).subtract(ValueSet.of(VARCHAR, utf8Slice("x"))), false), NAME, NO_INDEX);
        assertPushed(Domain.create(ValueSet.all(INTEGER).subtract(ValueSet.of(INTEGER, 5L)), false), QTY, NO_INDEX,
                "JSONEXTRACTSCALAR(\"source\", '$[''qty'']', 'LONG', '5') <> 5");
        assertPushed(range(INTEGER, Range.lessThanOrEqual(INTEGER, 10L)), QTY, NO_INDEX,
                "JSONEXTRACTSCALAR(\"source\", '$[''qty'']', 'LONG', '9223372036854775807') <= 10");
        assertKept(range(VARCHAR, Range.lessThanOrEqual(VARCHAR, utf8Slice("m"))), NAME, NO_INDEX);
    }

    @Test
    void testSourceFieldNullsStayInTrino()
    {
        // Trino reads a value that does not fit (or Debezium's TOAST placeholder) as NULL where Pinot sees a value
        assertKept(Domain.onlyNull(INTEGER), QTY, NO_INDEX);
        assertKept(Domain.notNull(INTEGER), QTY, NO_INDEX);
        assertKept(Domain.create(ValueSet.of(INTEGER, 3L), true), QTY, NO_INDEX);
        assertKept(Domain.onlyNull(VARCHAR), NAME, INDEX);
        assertKept(Domain.notNull(VARCHAR), NAME, INDEX);
        assertKept(Domain.create(ValueSet.of(VARCHAR, utf8Slice("a"), utf8Slice("b")), true), NAME, INDEX);
    }

    @Test
    void testNoSourcePushdownWhenANullSourceWouldFailTheQuery()
    {
        assertKept(Domain.singleValue(BIGINT, 5L), field("n", BIGINT, FieldEncoding.NATIVE), NO_INDEX_NULL_SOURCE);
        // a native column is unaffected
        assertPushed(Domain.singleValue(BIGINT, 5L), ID, NO_INDEX_NULL_SOURCE, "\"id\" = 5");
    }

    @Test
    void testPathEscaping()
    {
        assertPushed(Domain.singleValue(VARCHAR, utf8Slice("v")), field("c", VARCHAR, FieldEncoding.NATIVE, "o'k", "a.b\\c"), NO_INDEX,
                "JSONEXTRACTSCALAR(\"source\", '$[''o\\u0027k''][''a.b\\\\c'']', 'STRING', '') = 'v'");
        assertKept(Domain.singleValue(VARCHAR, utf8Slice("v")), field("c", VARCHAR, FieldEncoding.NATIVE, ""), NO_INDEX);
    }

    // source fields with a JSON index

    @Test
    void testJsonIndexEqualityAndIn()
    {
        assertPushed(Domain.singleValue(VARCHAR, utf8Slice("Bob")), NAME, INDEX, "JSON_MATCH(\"source\", '\"$.name\" = ''Bob''')");
        assertPushed(Domain.multipleValues(INTEGER, List.of(1L, -2L)), QTY, INDEX, "JSON_MATCH(\"source\", '\"$.qty\" IN (''-2'', ''1'')')");
        assertPushed(Domain.singleValue(BOOLEAN, true), field("active", BOOLEAN, FieldEncoding.NATIVE), INDEX, "JSON_MATCH(\"source\", '\"$.active\" = ''true''')");
        // stored UUID text may be in either case: Trino compares UUIDs
        UUID uuid = UUID.fromString("5F0C1A2B-0000-4000-8000-00000000000A");
        assertKept(Domain.singleValue(UuidType.UUID, javaUuidToTrinoUuid(uuid)), field("uid", UuidType.UUID, FieldEncoding.UUID_STRING), INDEX);
        assertPushed(Domain.singleValue(BIGINT, 7L), field("id", BIGINT, FieldEncoding.NATIVE, "key", "id"), INDEX, "JSON_MATCH(\"source\", '\"$.key.id\" = ''7''')");
    }

    @Test
    void testNotEqualOnTextStaysInTrino()
    {
        assertKept(Domain.create(ValueSet.all(VARCHAR).subtract(ValueSet.of(VARCHAR, utf8Slice("x"))), false), NAME, INDEX);
    }

    @Test
    void testJsonIndexRangesAreGuardedExtractions()
    {
        assertPushed(range(INTEGER, Range.greaterThan(INTEGER, 10L)), QTY, INDEX,
                "(JSON_MATCH(\"source\", '\"$.qty\" IS NOT NULL')) AND (JSONEXTRACTSCALAR(\"source\", '$[''qty'']', 'LONG', '-9223372036854775808') >= 11)");
        assertKept(Domain.create(ValueSet.ofRanges(Range.greaterThan(INTEGER, 10L)), true), QTY, INDEX);
    }

    @Test
    void testJsonIndexFallsBackWherePathOrValueDoesNotFit()
    {
        // a quote or an empty string cannot travel inside JSON_MATCH's string
        assertPushed(Domain.singleValue(VARCHAR, utf8Slice("O'Brien")), NAME, INDEX,
                "(JSON_MATCH(\"source\", '\"$.name\" IS NOT NULL')) AND (JSONEXTRACTSCALAR(\"source\", '$[''name'']', 'STRING', '') = 'O''Brien')");
        assertPushed(Domain.singleValue(VARCHAR, utf8Slice("")), NAME, INDEX,
                "(JSON_MATCH(\"source\", '\"$.name\" IS NOT NULL')) AND (JSONEXTRACTSCALAR(\"source\", '$[''name'']', 'STRING', '\uFFFF') = '')");
        // a dotted key is ambiguous in the JSON index; with a possibly null source nothing can guard the extraction
        assertKept(Domain.singleValue(VARCHAR, utf8Slice("v")), field("c", VARCHAR, FieldEncoding.NATIVE, "a.b"), INDEX);
        assertPushed(Domain.singleValue(VARCHAR, utf8Slice("v")), field("c", VARCHAR, FieldEncoding.NATIVE, "a.b"), new JsonSourceCapabilities(JsonIndexScope.COMPLETE, false),
                "JSONEXTRACTSCALAR(\"source\", '$[''a.b'']', 'STRING', '') = 'v'");
        // JSON_MATCH compares text, and a double's text is not unique
        assertPushed(Domain.singleValue(DOUBLE, 2.5), field("score", DOUBLE, FieldEncoding.NATIVE), INDEX,
                "(JSON_MATCH(\"source\", '\"$.score\" IS NOT NULL')) AND (JSONEXTRACTSCALAR(\"source\", '$[''score'']', 'DOUBLE', 'NaN') = 2.5)");
    }

    // dates and timestamps

    private static final String POSITIVE_INFINITIES = " NOT IN (%s))".formatted("9223372036825200, 9223372036825200000, 9223372036854775807");
    private static final String NEGATIVE_INFINITIES = " NOT IN (%s))".formatted("-9223372036854775808, -9223372036832400000, -9223372036832400");
    private static final String ALL_INFINITIES = "-9223372036854775808, -9223372036832400000, -9223372036832400, 9223372036825200, 9223372036825200000, 9223372036854775807";

    @Test
    void testDate()
    {
        PinotCdcColumnHandle birth = field("birth", DATE, FieldEncoding.EPOCH_DAYS);
        assertPushed(range(DATE, Range.range(DATE, 19000L, true, 19010L, false)), birth, NO_INDEX,
                "JSONEXTRACTSCALAR(\"source\", '$[''birth'']', 'LONG', '-9223372036854775808') BETWEEN 19000 AND 19009");
        assertPushed(Domain.singleValue(DATE, -1L), birth, INDEX, "JSON_MATCH(\"source\", '\"$.birth\" = ''-1''')");
    }

    @Test
    void testTimestampMillisRounding()
    {
        PinotCdcColumnHandle created = field("created_at", TIMESTAMP_MICROS, FieldEncoding.EPOCH_MILLIS);
        String column = "JSONEXTRACTSCALAR(\"source\", '$[''created_at'']', 'LONG', '-9223372036854775808')";
        // stored millis m decodes to m * 1000 micros: m * 1000 >= 1500 iff m >= 2
        // Debezium's numbers for PostgreSQL's infinities decode to NULL: no range takes them in
        assertPushed(range(TIMESTAMP_MICROS, Range.greaterThanOrEqual(TIMESTAMP_MICROS, 1500L)), created, NO_INDEX, "(" + column + " >= 2) AND (" + column + POSITIVE_INFINITIES);
        assertPushed(range(TIMESTAMP_MICROS, Range.greaterThan(TIMESTAMP_MICROS, 1500L)), created, NO_INDEX, "(" + column + " >= 2) AND (" + column + POSITIVE_INFINITIES);
        assertPushed(range(TIMESTAMP_MICROS, Range.greaterThan(TIMESTAMP_MICROS, 2000L)), created, NO_INDEX, "(" + column + " >= 3) AND (" + column + POSITIVE_INFINITIES);
        assertPushed(range(TIMESTAMP_MICROS, Range.lessThanOrEqual(TIMESTAMP_MICROS, 1500L)), created, NO_INDEX, "(" + column + " <= 1) AND (" + column + NEGATIVE_INFINITIES);
        assertPushed(range(TIMESTAMP_MICROS, Range.lessThan(TIMESTAMP_MICROS, 2000L)), created, NO_INDEX, "(" + column + " <= 1) AND (" + column + NEGATIVE_INFINITIES);
        // negative values round toward the right side too
        assertPushed(range(TIMESTAMP_MICROS, Range.greaterThanOrEqual(TIMESTAMP_MICROS, -1500L)), created, NO_INDEX, "(" + column + " >= -1) AND (" + column + POSITIVE_INFINITIES);
        assertPushed(Domain.singleValue(TIMESTAMP_MICROS, 3000L), created, NO_INDEX, column + " = 3");
        // two ranges that meet once rounded to stored milliseconds cover every value: only IS NOT NULL is left, for Trino
        assertKept(range(TIMESTAMP_MICROS, Range.lessThan(TIMESTAMP_MICROS, 1500L), Range.greaterThanOrEqual(TIMESTAMP_MICROS, 1600L)), created, NO_INDEX);
        assertPushed(range(TIMESTAMP_MICROS, Range.lessThan(TIMESTAMP_MICROS, 1500L), Range.greaterThanOrEqual(TIMESTAMP_MICROS, 3500L)), created, NO_INDEX,
                "(" + column + " NOT IN (2, 3)) AND (" + column + " NOT IN (%s))".formatted(ALL_INFINITIES));
        // some values fall between stored milliseconds: only the others remain
        assertPushed(Domain.multipleValues(TIMESTAMP_MICROS, List.of(3000L, 3500L)), created, NO_INDEX, column + " = 3");
    }

    @Test
    void testEqualityTheStoredPrecisionCannotHoldIsAContradiction()
    {
        PinotCdcColumnHandle created = field("created_at", TIMESTAMP_MICROS, FieldEncoding.EPOCH_MILLIS);
        FilterTranslation translation = PinotFilterTranslator.translate(TupleDomain.withColumnDomains(Map.of(created, Domain.singleValue(TIMESTAMP_MICROS, 3500L))), NO_INDEX);
        assertThat(translation.contradiction()).isTrue();
        assertThat(translation.filter()).isEmpty();
        // with NULL allowed the domain stays in Trino
        assertKept(Domain.create(ValueSet.of(TIMESTAMP_MICROS, 3500L), true), created, INDEX);
        assertThat(PinotFilterTranslator.translate(TupleDomain.none(), NO_INDEX).contradiction()).isTrue();
    }

    @Test
    void testTimestampMicrosAndNanos()
    {
        String t = "JSONEXTRACTSCALAR(\"source\", '$[''t'']', 'LONG', '-9223372036854775808')";
        assertPushed(range(TIMESTAMP_MICROS, Range.greaterThan(TIMESTAMP_MICROS, 1500L)), field("t", TIMESTAMP_MICROS, FieldEncoding.EPOCH_MICROS), NO_INDEX,
                "(" + t + " >= 1501) AND (" + t + POSITIVE_INFINITIES);
        PinotCdcColumnHandle nanos = field("t", TIMESTAMP_NANOS, FieldEncoding.EPOCH_NANOS);
        // 1 microsecond and 500 picoseconds: stored nanos n >= 1000.5 iff n >= 1001
        assertPushed(range(TIMESTAMP_NANOS, Range.greaterThanOrEqual(TIMESTAMP_NANOS, new LongTimestamp(1, 500))), nanos, NO_INDEX,
                "(" + t + " >= 1001) AND (" + t + POSITIVE_INFINITIES);
        assertPushed(range(TIMESTAMP_NANOS, Range.lessThan(TIMESTAMP_NANOS, new LongTimestamp(1, 500_000))), nanos, NO_INDEX,
                "(" + t + " <= 1499) AND (" + t + NEGATIVE_INFINITIES);
        assertPushed(Domain.singleValue(TIMESTAMP_NANOS, new LongTimestamp(2, 3000)), nanos, INDEX, "JSON_MATCH(\"source\", '\"$.t\" = ''2003''')");
    }

    @Test
    void testNativeTimeColumns()
    {
        PinotCdcColumnHandle tsMs = nativeColumn("ts_ms", TIMESTAMP_MILLIS, FieldEncoding.EPOCH_MILLIS);
        assertPushed(range(TIMESTAMP_MILLIS, Range.greaterThanOrEqual(TIMESTAMP_MILLIS, 1_700_000_000_000_000L)), tsMs, NO_INDEX, "(\"ts_ms\" >= 1700000000000) AND (\"ts_ms\"" + POSITIVE_INFINITIES);
        PinotCdcColumnHandle updated = nativeColumn("updated", TIMESTAMP_TZ_MILLIS, FieldEncoding.EPOCH_MILLIS);
        assertPushed(range(TIMESTAMP_TZ_MILLIS, Range.lessThan(TIMESTAMP_TZ_MILLIS, packDateTimeWithZone(5000L, UTC_KEY))), updated, NO_INDEX, "(\"updated\" <= 4999) AND (\"updated\"" + NEGATIVE_INFINITIES);
    }

    @Test
    void testMixedConstraintSplitsPushedAndRemaining()
    {
        PinotCdcColumnHandle balance = field("balance", createDecimalType(10, 2), FieldEncoding.DECIMAL_BASE64);
        TupleDomain<ColumnHandle> constraint = TupleDomain.withColumnDomains(Map.of(
                ID, Domain.singleValue(BIGINT, 1L),
                balance, Domain.singleValue(createDecimalType(10, 2), 150L),
                NAME, Domain.singleValue(VARCHAR, utf8Slice("Bob"))));
        FilterTranslation translation = PinotFilterTranslator.translate(constraint, INDEX);
        assertThat(translation.contradiction()).isFalse();
        assertThat(translation.pushed().getDomains().orElseThrow()).containsOnlyKeys(ID, NAME);
        assertThat(translation.remaining().getDomains().orElseThrow()).containsOnlyKeys(balance);
        assertThat(translation.filter().map(PinotSqlWriter::filter).orElseThrow())
                .isIn("(\"id\" = 1) AND (JSON_MATCH(\"source\", '\"$.name\" = ''Bob'''))", "(JSON_MATCH(\"source\", '\"$.name\" = ''Bob''')) AND (\"id\" = 1)");
        assertThat(PinotFilterTranslator.translate(TupleDomain.all(), INDEX).filter()).isEmpty();
    }

    // rows without a row image never reach an extraction

    @Test
    void testEveryExtractionSitsBesideItsGuard()
    {
        PinotCdcColumnHandle score = field("score", DOUBLE, FieldEncoding.NATIVE);
        String guard = "(JSON_MATCH(\"source\", '\"$.score\" IS NOT NULL'))";
        String value = "JSONEXTRACTSCALAR(\"source\", '$[''score'']', 'DOUBLE', 'NaN')";
        // Pinot evaluates an OR over every row: each of its terms gets the guard
        assertPushed(Domain.multipleValues(DOUBLE, List.of(0.5, 2.5)), score, INDEX,
                "(%1$s AND (%2$s BETWEEN 0.5 AND 0.5)) OR (%1$s AND (%2$s BETWEEN 2.5 AND 2.5))".formatted(guard, value));
        assertPushed(range(DOUBLE, Range.lessThan(DOUBLE, 0.0), Range.range(DOUBLE, 1.0, true, 2.0, false)), score, INDEX,
                "(%1$s AND (%2$s < 0.0)) OR (%1$s AND (%2$s >= 1.0) AND (%2$s < 2.0))".formatted(guard, value));
        assertPushed(Domain.singleValue(DOUBLE, 0.5), score, INDEX, "%1$s AND (%2$s = 0.5)".formatted(guard, value));
        String quantity = "JSONEXTRACTSCALAR(\"source\", '$[''qty'']', 'LONG', '0')";
        String quantityGuard = "(JSON_MATCH(\"source\", '\"$.qty\" IS NOT NULL'))";
        assertPushed(range(INTEGER, Range.lessThan(INTEGER, 0L), Range.greaterThan(INTEGER, 100L)), QTY, INDEX,
                "(%1$s AND (%2$s <= -1)) OR (%1$s AND (%2$s >= 101))".formatted(quantityGuard, quantity));
    }

    // fields typed by a definition file or by inference

    @Test
    void testLooselyTypedFieldsPushOnlyStringValues()
    {
        PinotCdcColumnHandle code = looseField("code", BIGINT);
        assertKept(Domain.singleValue(BIGINT, 7L), code, INDEX);
        assertKept(range(BIGINT, Range.greaterThan(BIGINT, 7L)), code, INDEX);
        assertKept(Domain.singleValue(DOUBLE, 1.5), looseField("ratio", DOUBLE), INDEX);
        assertKept(Domain.singleValue(BOOLEAN, true), looseField("flag", BOOLEAN), INDEX);
        PinotCdcColumnHandle word = looseField("word", VARCHAR);
        assertPushed(Domain.multipleValues(VARCHAR, List.of(utf8Slice("new"), utf8Slice("paid"))), word, INDEX,
                "JSON_MATCH(\"source\", '\"$.word\" IN (''new'', ''paid'')')");
        // texts a number, a boolean, null, an object or an array also have
        for (String text : List.of("7", "-0.5", "1E+10", "true", "null", "NaN", "[1]", "{}")) {
            assertKept(Domain.multipleValues(VARCHAR, List.of(utf8Slice("new"), utf8Slice(text))), word, INDEX);
        }
        assertLike(word, "ne%", Optional.empty(), INDEX,
                "(JSON_MATCH(\"source\", '\"$.word\" IS NOT NULL')) AND " + prefixFilter("JSONEXTRACTSCALAR(\"source\", '$[''word'']', 'STRING', '')", "'ne'", "'nf'"));
        assertLike(word, "1%", Optional.empty(), INDEX, null);
        assertLike(word, "tr%", Optional.empty(), INDEX, null);
    }

    @Test
    void testTextLongerThanTheColumnNeverMatches()
    {
        PinotCdcColumnHandle code = field("code", createVarcharType(3), FieldEncoding.NATIVE);
        assertPushed(Domain.multipleValues(createVarcharType(3), List.of(utf8Slice("ab"), utf8Slice("abcd"))), code, INDEX,
                "JSON_MATCH(\"source\", '\"$.code\" = ''ab''')");
        FilterTranslation translation = PinotFilterTranslator.translate(TupleDomain.withColumnDomains(Map.of(code, Domain.singleValue(createVarcharType(3), utf8Slice("abcd")))), INDEX);
        assertThat(translation.contradiction()).isTrue();
        // Pinot cannot tell the length of a text: LIKE on such a field stays in Trino
        assertLike(code, "ab%", Optional.empty(), INDEX, null);
    }

    // JSON indexes that leave values out

    @Test
    void testJsonMatchOnlyWhereTheIndexKeepsThePath()
    {
        JsonIndexScope withoutName = new JsonIndexScope(true, false, OptionalInt.empty(), List.of(), Set.of(), Set.of("name"), OptionalInt.empty());
        // the guard would drop every row: the filter stays in Trino where the source may be null
        assertKept(Domain.singleValue(VARCHAR, utf8Slice("Bob")), NAME, new JsonSourceCapabilities(withoutName, true));
        assertLike(NAME, "Bo%", Optional.empty(), new JsonSourceCapabilities(withoutName, true), null);
        assertPushed(Domain.singleValue(VARCHAR, utf8Slice("Bob")), NAME, new JsonSourceCapabilities(withoutName, false),
                "JSONEXTRACTSCALAR(\"source\", '$[''name'']', 'STRING', '') = 'Bob'");
        assertPushed(Domain.singleValue(INTEGER, 3L), QTY, new JsonSourceCapabilities(withoutName, true), "JSON_MATCH(\"source\", '\"$.qty\" = ''3''')");

        JsonIndexScope shortValues = new JsonIndexScope(true, false, OptionalInt.empty(), List.of(), Set.of(), Set.of(), OptionalInt.of(4));
        assertPushed(Domain.singleValue(VARCHAR, utf8Slice("Bob")), NAME, new JsonSourceCapabilities(shortValues, true), "JSON_MATCH(\"source\", '\"$.name\" = ''Bob''')");
        // a longer value is indexed as a placeholder: the guarded extraction compares it
        assertPushed(Domain.singleValue(VARCHAR, utf8Slice("Bobby")), NAME, new JsonSourceCapabilities(shortValues, true),
                "(JSON_MATCH(\"source\", '\"$.name\" IS NOT NULL')) AND (JSONEXTRACTSCALAR(\"source\", '$[''name'']', 'STRING', '') = 'Bobby')");
    }

    private static PinotCdcColumnHandle looseField(String name, Type type)
    {
        return new PinotCdcColumnHandle(name, type, "source", List.of(name), FieldEncoding.NATIVE, OptionalInt.empty(), Optional.empty(), false, false, Optional.empty());
    }

    // LIKE

    @Test
    void testLikePrefix()
    {
        assertLike(OP, "ab%", Optional.empty(), NO_INDEX, prefixFilter("\"op\"", "'ab'", "'ac'"));
        assertLike(OP, "ab%%", Optional.empty(), NO_INDEX, prefixFilter("\"op\"", "'ab'", "'ac'"));
        assertLike(OP, "it's.*[x]%", Optional.empty(), NO_INDEX, prefixFilter("\"op\"", "'it''s.*[x]'", "'it''s.*[x^'"));
        assertLike(OP, "a\\%", Optional.of("\\"), NO_INDEX, null);
        assertLike(OP, "a\\\\%", Optional.of("\\"), NO_INDEX, prefixFilter("\"op\"", "'a\\'", "'a]'"));
        assertLike(OP, "ab!!c%", Optional.of("!"), NO_INDEX, prefixFilter("\"op\"", "'ab!c'", "'ab!d'"));
        assertLike(NAME, "Bo%", Optional.empty(), NO_INDEX, prefixFilter(NAME_TEXT, "'Bo'", "'Bp'"));
        assertLike(NAME, "Bo%", Optional.empty(), INDEX,
                "(JSON_MATCH(\"source\", '\"$.name\" IS NOT NULL')) AND " + prefixFilter(NAME_TEXT, "'Bo'", "'Bp'"));
    }

    @Test
    void testLikeThatPinotCannotAnswerExactly()
    {
        // '_' is a wildcard Pinot turns into '.', which skips line breaks
        assertLike(OP, "a_%", Optional.empty(), NO_INDEX, null);
        // a literal % or _ has no escape in Pinot's LIKE
        assertLike(OP, "a\\_%", Optional.of("\\"), NO_INDEX, null);
        // no trailing %: Pinot's '$' anchor also matches before a final line break
        assertLike(OP, "abc", Optional.empty(), NO_INDEX, null);
        assertLike(OP, "%abc", Optional.empty(), NO_INDEX, null);
        assertLike(OP, "a%c%", Optional.empty(), NO_INDEX, null);
        assertLike(OP, "%", Optional.empty(), NO_INDEX, null);
        // Lucene operators, for a native column that might have an FST index
        assertLike(OP, "a#%", Optional.empty(), NO_INDEX, null);
        assertLike(NAME, "a#%", Optional.empty(), NO_INDEX, prefixFilter(NAME_TEXT, "'a#'", "'a$'"));
        assertLike(NAME, "a%", Optional.empty(), NO_INDEX_NULL_SOURCE, null);
        assertLike(ID, "1%", Optional.empty(), NO_INDEX, null);
    }

    @Test
    void testExpressionKeepsWhatItDoesNotPush()
    {
        ConnectorExpression like = like("op", "ab%", Optional.empty());
        ConnectorExpression other = new Call(BOOLEAN, LIKE_FUNCTION_NAME, List.of(new Variable("op", VARCHAR), new Variable("op", VARCHAR)));
        ExpressionTranslation translation = PinotFilterTranslator.translate(
                new Call(BOOLEAN, AND_FUNCTION_NAME, List.of(like, other)),
                Map.of("op", OP),
                NO_INDEX);
        assertThat(translation.filter(NO_INDEX).map(PinotSqlWriter::filter)).contains(prefixFilter("\"op\"", "'ab'", "'ac'"));
        assertThat(translation.pushed()).containsExactly(like);
        assertThat(translation.remaining()).isEqualTo(other);

        ExpressionTranslation none = PinotFilterTranslator.translate(Constant.TRUE, Map.of(), NO_INDEX);
        assertThat(none.filter(NO_INDEX)).isEmpty();
        assertThat(none.remaining()).isEqualTo(Constant.TRUE);
    }

    private static final String NAME_TEXT = "JSONEXTRACTSCALAR(\"source\", '$[''name'']', 'STRING', '')";

    /** LIKE beside the range of texts starting with the prefix: Pinot 0.11's LIKE ignores case. */
    private static String prefixFilter(String value, String prefix, String after)
    {
        return "(%1$s LIKE %2$s) AND (%1$s >= %3$s) AND (%1$s < %4$s)".formatted(value, prefix.substring(0, prefix.length() - 1) + "%'", prefix, after);
    }

    private static void assertLike(PinotCdcColumnHandle column, String pattern, Optional<String> escape, JsonSourceCapabilities source, String expected)
    {
        ExpressionTranslation translation = PinotFilterTranslator.translate(like(column.name(), pattern, escape), Map.of(column.name(), column), source);
        if (expected == null) {
            assertThat(translation.filter(source)).as(pattern).isEmpty();
            assertThat(translation.remaining()).isNotEqualTo(Constant.TRUE);
        }
        else {
            assertThat(translation.filter(source).map(PinotSqlWriter::filter)).as(pattern).contains(expected);
            assertThat(translation.remaining()).isEqualTo(Constant.TRUE);
        }
    }

    private static ConnectorExpression like(String variable, String pattern, Optional<String> escape)
    {
        List<ConnectorExpression> arguments = new ArrayList<>(List.of(
                new Variable(variable, VARCHAR),
                new Constant(utf8Slice(pattern), createVarcharType(pattern.length()))));
        escape.ifPresent(text -> arguments.add(new Constant(utf8Slice(text), createVarcharType(1))));
        return new Call(BOOLEAN, LIKE_FUNCTION_NAME, arguments);
    }

    private static void assertPushed(Domain domain, PinotCdcColumnHandle column, JsonSourceCapabilities source, String expected)
    {
        FilterTranslation translation = PinotFilterTranslator.translate(TupleDomain.withColumnDomains(Map.of(column, domain)), source);
        assertThat(translation.contradiction()).isFalse();
        assertThat(translation.remaining().isAll()).as("remaining").isTrue();
        assertThat(translation.pushed()).isEqualTo(TupleDomain.withColumnDomains(Map.of(column, domain)));
        if (expected == null) {
            // the domain covers every stored value: nothing to send
            assertThat(translation.filter()).isEmpty();
        }
        else {
            assertThat(translation.filter().map(PinotSqlWriter::filter)).contains(expected);
        }
    }

    private static void assertKept(Domain domain, PinotCdcColumnHandle column, JsonSourceCapabilities source)
    {
        FilterTranslation translation = PinotFilterTranslator.translate(TupleDomain.withColumnDomains(Map.of(column, domain)), source);
        assertThat(translation.filter()).isEmpty();
        assertThat(translation.contradiction()).isFalse();
        assertThat(translation.pushed().isAll()).isTrue();
        assertThat(translation.remaining()).isEqualTo(TupleDomain.withColumnDomains(Map.of(column, domain)));
    }

    private static Domain range(Type type, Range first, Range... rest)
    {
        return Domain.create(ValueSet.ofRanges(first, rest), false);
    }

    private static PinotCdcColumnHandle nativeColumn(String name, Type type, FieldEncoding encoding)
    {
        return new PinotCdcColumnHandle(name, type, name, List.of(), encoding, OptionalInt.empty(), Optional.empty(), true, false, Optional.empty());
    }

    private static PinotCdcColumnHandle field(String name, Type type, FieldEncoding encoding, String... path)
    {
        List<String> keys = path.length == 0 ? List.of(name) : List.of(path);
        return new PinotCdcColumnHandle(name, type, "source", keys, encoding, OptionalInt.empty(), Optional.empty(), true, false, Optional.empty());
    }
}

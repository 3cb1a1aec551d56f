package dev.pinotcdc.trino.pushdown;

import dev.pinotcdc.trino.client.PinotDataType;
import dev.pinotcdc.trino.query.ComparisonOperator;
import dev.pinotcdc.trino.query.LongLiteral;
import dev.pinotcdc.trino.query.PinotFilter;
import dev.pinotcdc.trino.query.PinotLiteral;
import dev.pinotcdc.trino.query.StringLiteral;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static dev.pinotcdc.trino.query.PinotSqlWriter.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TestKeyShareFilter
{
    private static final SplitKey ID = new SplitKey("id", true);
    private static final SplitKey CODE = new SplitKey("code", false);

    @Test
    void testIntegralKeyIsSharedByRemainderOfEitherSign()
    {
        assertThat(filter(KeyShareFilter.of(ID, 0, 4))).isEqualTo("MOD(\"id\", 4) = 0");
        assertThat(filter(KeyShareFilter.of(ID, 1, 4))).isEqualTo("MOD(\"id\", 4) IN (1, -3)");
        assertThat(filter(KeyShareFilter.of(ID, 3, 4))).isEqualTo("MOD(\"id\", 4) IN (3, -1)");
    }

    @Test
    void testTextKeyIsSharedByTheFirstDigitsOfItsHash()
    {
        assertThat(filter(KeyShareFilter.of(CODE, 0, 4))).isEqualTo("LEFTSUBSTR(MD5(TOUTF8(\"code\")), 1) IN ('0', '4', '8', 'c')");
        assertThat(filter(KeyShareFilter.of(CODE, 2, 3))).isEqualTo("LEFTSUBSTR(MD5(TOUTF8(\"code\")), 1) IN ('2', '5', '8', 'b', 'e')");
        assertThat(filter(KeyShareFilter.of(CODE, 16, 17))).isEqualTo("LEFTSUBSTR(MD5(TOUTF8(\"code\")), 2) IN ('10', '21', '32', '43', '54', '65', '76', '87', '98', 'a9', 'ba', 'cb', 'dc', 'ed', 'fe')");
    }

    @Test
    void testEveryIntegralKeyFallsIntoExactlyOneShare()
    {
        List<Long> keys = List.of(0L, 1L, -1L, 2L, -2L, 3L, -3L, 4L, -4L, 7L, -8L, -12L, 1000L, -1001L,
                Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, (1L << 53) + 1, -(1L << 53) - 1, (long) Integer.MIN_VALUE);
        for (int shares : List.of(2, 3, 4, 7, 8, 12, 256)) {
            for (long key : keys) {
                // Pinot 0.11 evaluates MOD in doubles: the remainder of a negative multiple is -0.0
                double remainder = (double) key % shares;
                assertThat(IntStream.range(0, shares).filter(share -> matchesRemainder(KeyShareFilter.of(ID, share, shares), remainder)).count())
                        .as("key %s of %s shares", key, shares)
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void testEveryTextKeyFallsIntoExactlyOneShare()
    {
        // empty, Pinot's stand-in for a missing string, unicode beyond the basic plane, combining marks, a lone surrogate
        List<String> keys = List.of("", "null", "a", "A", "order-1", "ключ", "\uD83D\uDE00-7", "e\u0301", "\uD800", " ", "'", "\u0000");
        for (int shares : List.of(2, 3, 4, 5, 16, 17, 100, 256)) {
            for (String key : keys) {
                String hash = md5Hex(key);
                assertThat(IntStream.range(0, shares).filter(share -> matchesHash(KeyShareFilter.of(CODE, share, shares), hash)).count())
                        .as("key %s of %s shares", key, shares)
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void testTextSharesAreBalanced()
    {
        int[] counts = new int[4];
        for (int key = 0; key < 10_000; key++) {
            String hash = md5Hex("key-" + key);
            for (int share = 0; share < 4; share++) {
                if (matchesHash(KeyShareFilter.of(CODE, share, 4), hash)) {
                    counts[share]++;
                }
            }
        }
        assertThat(IntStream.of(counts).boxed().toList()).allSatisfy(count -> assertThat(count).isBetween(2_300, 2_700));
    }

    @Test
    void testSplitKeyIsTheFirstIntegralOrTextKeyColumn()
    {
        Map<String, PinotDataType> types = Map.of("id", PinotDataType.LONG, "code", PinotDataType.STRING, "at", PinotDataType.TIMESTAMP, "n", PinotDataType.INT, "price", PinotDataType.DOUBLE);
        assertThat(SplitKey.choose(List.of("id", "code"), types::get)).contains(new SplitKey("id", true));
        assertThat(SplitKey.choose(List.of("code", "id"), types::get)).contains(new SplitKey("code", false));
        assertThat(SplitKey.choose(List.of("at", "n"), types::get)).contains(new SplitKey("n", true));
        assertThat(SplitKey.choose(List.of("at", "price"), types::get)).isEqualTo(Optional.empty());
    }

    @Test
    void testInvalidShare()
    {
        assertThatThrownBy(() -> KeyShareFilter.of(ID, 4, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyShareFilter.of(ID, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** As Pinot compares a double: {@code =} by value (-0.0 equals 0.0), {@code IN} by the literal's value. */
    private static boolean matchesRemainder(PinotFilter filter, double remainder)
    {
        return switch (filter) {
            case PinotFilter.Comparison comparison when comparison.operator() == ComparisonOperator.EQUAL ->
                    ((LongLiteral) comparison.right()).value() == remainder;
            case PinotFilter.In in -> in.values().stream().anyMatch(value -> Double.compare(((LongLiteral) value).value(), remainder) == 0);
            default -> throw new AssertionError(filter);
        };
    }

    private static boolean matchesHash(PinotFilter filter, String hash)
    {
        List<PinotLiteral> prefixes = ((PinotFilter.In) filter).values();
        return prefixes.stream().anyMatch(prefix -> hash.startsWith(((StringLiteral) prefix).value()));
    }

    private static String md5Hex(String value)
    {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}

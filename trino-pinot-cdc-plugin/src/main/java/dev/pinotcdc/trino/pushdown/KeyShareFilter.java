package dev.pinotcdc.trino.pushdown;

import dev.pinotcdc.trino.query.ColumnReference;
import dev.pinotcdc.trino.query.ComparisonOperator;
import dev.pinotcdc.trino.query.FunctionCall;
import dev.pinotcdc.trino.query.LongLiteral;
import dev.pinotcdc.trino.query.PinotExpression;
import dev.pinotcdc.trino.query.PinotFilter;
import dev.pinotcdc.trino.query.PinotLiteral;
import dev.pinotcdc.trino.query.StringLiteral;

import java.util.ArrayList;
import java.util.List;

/**
 * The filter that keeps one split's share of a CDC table's keys: every key value belongs to exactly one share, whatever
 * its sign, its text or its absence (Pinot stores a missing key as its column's default value, which has a share too).
 */
public final class KeyShareFilter
{
    /** Up to this many splits, one hex digit of the hash decides the share; above it, two. */
    private static final int ONE_DIGIT_SHARES = 16;

    private KeyShareFilter() {}

    public static PinotFilter of(SplitKey key, int share, int shares)
    {
        if (shares < 2 || share < 0 || share >= shares) {
            throw new IllegalArgumentException("Invalid share " + share + " of " + shares);
        }
        return key.integral() ? byRemainder(key.column(), share, shares) : byHash(key.column(), share, shares);
    }

    /**
     * Pinot's MOD keeps the sign of the dividend: a negative key's remainder is the share less the count. Share 0 is an
     * equality, which holds for the remainder -0.0 of a negative multiple too (MOD computes in doubles).
     */
    private static PinotFilter byRemainder(String column, int share, int shares)
    {
        PinotExpression remainder = FunctionCall.of("MOD", new ColumnReference(column), new LongLiteral(shares));
        if (share == 0) {
            return new PinotFilter.Comparison(remainder, ComparisonOperator.EQUAL, new LongLiteral(0));
        }
        return new PinotFilter.In(remainder, List.of(new LongLiteral(share), new LongLiteral(share - shares)), false);
    }

    /**
     * The first hex digits of the MD5 of the key's UTF-8 bytes: Pinot 0.11 has no integer hash of a string, and
     * a string's own first characters are as skewed as its values. Each digit value belongs to one share.
     */
    private static PinotFilter byHash(String column, int share, int shares)
    {
        int digits = shares <= ONE_DIGIT_SHARES ? 1 : 2;
        int values = 1 << (4 * digits);
        PinotExpression hash = FunctionCall.of("MD5", FunctionCall.of("TOUTF8", new ColumnReference(column)));
        PinotExpression prefix = FunctionCall.of("LEFTSUBSTR", hash, new LongLiteral(digits));
        List<PinotLiteral> prefixes = new ArrayList<>();
        for (int value = share; value < values; value += shares) {
            prefixes.add(new StringLiteral(("%0" + digits + "x").formatted(value)));
        }
        return new PinotFilter.In(prefix, prefixes, false);
    }
}

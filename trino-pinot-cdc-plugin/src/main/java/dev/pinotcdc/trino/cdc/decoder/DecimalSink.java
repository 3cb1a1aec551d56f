package dev.pinotcdc.trino.cdc.decoder;

import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Decimals;
import io.trino.spi.type.Int128;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;

import java.math.BigDecimal;
import java.math.BigInteger;

import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.INEXACT;
import static dev.pinotcdc.trino.cdc.decoder.InvalidValueException.Reason.OUT_OF_RANGE;

/**
 * Writes an exact decimal number (an unscaled integer and a scale) to a DECIMAL(p, s) column, or as its plain text
 * to a VARCHAR column. Never rounds: a value needing more fraction digits than s, or more integer digits than
 * p - s, is refused.
 */
abstract sealed class DecimalSink
{
    static DecimalSink forType(Type type)
    {
        if (type instanceof DecimalType decimalType) {
            return new ToDecimal(decimalType);
        }
        if (type instanceof VarcharType varcharType) {
            return new ToVarchar(varcharType);
        }
        throw new IllegalArgumentException("A decimal number cannot be written as " + type);
    }

    abstract void write(BlockBuilder output, long unscaled, int scale);

    abstract void write(BlockBuilder output, BigInteger unscaled, int scale);

    final void write(BlockBuilder output, BigDecimal value)
    {
        write(output, value.unscaledValue(), value.scale());
    }

    private static final class ToDecimal
            extends DecimalSink
    {
        private final DecimalType type;
        private final long shortLimit;

        ToDecimal(DecimalType type)
        {
            this.type = type;
            this.shortLimit = type.isShort() ? Decimals.longTenToNth(type.getPrecision()) : 0;
        }

        @Override
        void write(BlockBuilder output, long unscaled, int scale)
        {
            if (scale == type.getScale() && type.isShort()) {
                // the common case: a short decimal already at the column's scale
                if (unscaled >= shortLimit || unscaled <= -shortLimit) {
                    throw outOfRange(BigInteger.valueOf(unscaled), scale);
                }
                type.writeLong(output, unscaled);
                return;
            }
            write(output, BigInteger.valueOf(unscaled), scale);
        }

        @Override
        void write(BlockBuilder output, BigInteger unscaled, int scale)
        {
            BigInteger rescaled = unscaled;
            int targetScale = type.getScale();
            if (scale < targetScale) {
                if (targetScale - scale > Decimals.MAX_PRECISION) {
                    if (unscaled.signum() != 0) {
                        throw outOfRange(unscaled, scale);
                    }
                    rescaled = BigInteger.ZERO;
                }
                else {
                    rescaled = unscaled.multiply(Decimals.bigIntegerTenToNth(targetScale - scale));
                }
            }
            else if (scale > targetScale) {
                BigInteger[] quotientAndRemainder = unscaled.divideAndRemainder(BigInteger.TEN.pow(scale - targetScale));
                if (quotientAndRemainder[1].signum() != 0) {
                    throw new InvalidValueException(INEXACT, "Decimal " + new BigDecimal(unscaled, scale).toPlainString() + " has more fraction digits than " + type);
                }
                rescaled = quotientAndRemainder[0];
            }
            if (Decimals.overflows(rescaled, type.getPrecision())) {
                throw outOfRange(unscaled, scale);
            }
            if (type.isShort()) {
                type.writeLong(output, rescaled.longValue());
            }
            else {
                type.writeObject(output, Int128.valueOf(rescaled));
            }
        }

        private InvalidValueException outOfRange(BigInteger unscaled, int scale)
        {
            return new InvalidValueException(OUT_OF_RANGE, "Decimal " + JsonValues.preview(new BigDecimal(unscaled, scale).toPlainString()) + " does not fit " + type);
        }
    }

    private static final class ToVarchar
            extends DecimalSink
    {
        private final VarcharWriter writer;

        ToVarchar(VarcharType type)
        {
            this.writer = new VarcharWriter(type);
        }

        @Override
        void write(BlockBuilder output, long unscaled, int scale)
        {
            writer.write(output, scale == 0 ? Long.toString(unscaled) : BigDecimal.valueOf(unscaled, scale).toPlainString());
        }

        @Override
        void write(BlockBuilder output, BigInteger unscaled, int scale)
        {
            writer.write(output, new BigDecimal(unscaled, scale).toPlainString());
        }
    }
}

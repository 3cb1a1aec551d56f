package dev.pinotcdc.trino.fuzz;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static dev.pinotcdc.trino.fuzz.QueryGenerator.isNaNOrZero;
import static org.assertj.core.api.Assertions.assertThat;

final class TestResultComparison
{
    /** The bound the truth answers for a sum: see QueryGenerator.aggregateQuery. */
    private static double sumBound(List<Float> values)
    {
        double magnitudes = values.stream().filter(Float::isFinite).mapToDouble(value -> Math.abs((double) value)).sum();
        return Math.max(values.size() - 1, 0) * 2.3e-16 * magnitudes;
    }

    /** Trino's sum(real): added in double in the order rows arrive, rounded to REAL once at the end. */
    private static float trinoSum(List<Float> values)
    {
        double sum = 0;
        for (float value : values) {
            sum += value;
        }
        return (float) sum;
    }

    private static Optional<String> difference(Object truth, double bound, Object actual)
    {
        FuzzQuery query = FuzzQuery.floatingAggregates("SELECT sum(c_real) FROM {main}", "aggregate", "SELECT sum(c_real), <bound> FROM {main}");
        return ResultComparison.difference(query, Answer.of(List.of(List.of(truth, bound))), Optional.empty(), Answer.of(List.of(List.of(actual))));
    }

    @Test
    void testSumsOfCancellingValuesDependOnTheOrder()
    {
        // query 76 of seed 5454081511530211389: one group's REAL values, summed by Trino in two orders
        List<Float> values = List.of(3.4028235e38f, -3.4028235e38f, 1.5f, 0.1f);
        float inOrder = trinoSum(values);
        float otherOrder = trinoSum(List.of(3.4028235e38f, 0.1f, 1.5f, -3.4028235e38f));
        assertThat(inOrder).isEqualTo(1.6f);
        assertThat(otherOrder).isEqualTo(0.0f);
        assertThat(difference(inOrder, sumBound(values), otherOrder)).isEmpty();
        assertThat(difference(inOrder, sumBound(values), 1.5f)).isEmpty();
    }

    @Test
    void testEveryOrderLiesWithinTheBound()
    {
        Random random = new Random(42);
        List<Float> pool = List.of(3.4028235e38f, -3.4028235e38f, 1.5f, -2.25f, 0.1f, 100f, 1.4e-45f, 0f, -0f);
        for (int round = 0; round < 2_000; round++) {
            List<Float> values = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(12); i++) {
                values.add(pool.get(random.nextInt(pool.size())));
            }
            float truth = trinoSum(values);
            List<Float> shuffled = new ArrayList<>(values);
            Collections.shuffle(shuffled, random);
            assertThat(difference(truth, sumBound(values), trinoSum(shuffled))).as("%s", values).isEmpty();
        }
    }

    @Test
    void testWrongSumsStillDiffer()
    {
        // without cancellation the bound is tiny: a value lost or added is found
        List<Float> values = List.of(1.5f, 0.1f, 100f);
        float truth = trinoSum(values);
        assertThat(difference(truth, sumBound(values), trinoSum(List.of(1.5f, 100f)))).isPresent();
        assertThat(difference(truth, sumBound(values), truth + 0.1f)).isPresent();
        // REAL answers may differ in their last place (the double sums round to neighbouring floats)
        assertThat(difference(truth, sumBound(values), Math.nextUp(truth))).isEmpty();
        // a column that must be equal (bound -1), such as min(c_real), is compared exactly
        assertThat(difference(0.3f, -1, Math.nextUp(0.3f))).isPresent();
        assertThat(difference(0.3f, -1, 0.3f)).isEmpty();
    }

    @Test
    void testSumsThatMayOverflowTakeAnyAnswer()
    {
        // 1.7976931348623157e308 twice overflows to Infinity in one order, and meets -Infinity as NaN
        assertThat(difference(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)).isEmpty();
        // without overflow, infinities decide the answer in every order
        assertThat(difference(Double.POSITIVE_INFINITY, 1e-10, Double.NaN)).isPresent();
    }

    @Test
    void testRealInListsHoldNeitherNaNNorZero()
    {
        assertThat(isNaNOrZero("REAL 'NaN'")).isTrue();
        assertThat(isNaNOrZero("REAL '-0'")).isTrue();
        assertThat(isNaNOrZero("REAL '0.0'")).isTrue();
        assertThat(isNaNOrZero("0")).isTrue();
        assertThat(isNaNOrZero("REAL '1.0E-1'")).isFalse();
        assertThat(isNaNOrZero("REAL '-Infinity'")).isFalse();
        assertThat(isNaNOrZero("1.5")).isFalse();
    }
}

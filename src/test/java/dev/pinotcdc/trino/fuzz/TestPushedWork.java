package dev.pinotcdc.trino.fuzz;

import org.junit.jupiter.api.Test;

import static dev.pinotcdc.trino.fuzz.PushedWork.pushesWork;
import static org.assertj.core.api.Assertions.assertThat;

final class TestPushedWork
{
    @Test
    void testLatestStateScansPushNothing()
    {
        assertThat(pushesWork("SELECT \"id\", \"source\" FROM \"t\" WHERE \"op\" NOT IN ('d', 't') LIMIT 1000001")).isFalse();
        assertThat(pushesWork("SELECT \"id\", \"source\" FROM \"t\" WHERE (\"op\" NOT IN ('d', 't')) AND (MOD(\"$docId\", 4) = 1) LIMIT 1000001")).isFalse();
        assertThat(pushesWork("SELECT \"id\", \"source\", \"lsn\", \"op\" FROM \"t\" LIMIT 1000001")).isFalse();
        // a residual filter evaluated by Trino is shown after the Pinot SQL
        assertThat(pushesWork("SELECT \"source\" FROM \"t\" WHERE \"op\" NOT IN ('d', 't') LIMIT 1000001, filterPredicate = (c_x > varchar 'a')")).isFalse();
    }

    @Test
    void testFiltersAggregationsLimitsAndGrainsArePushedWork()
    {
        assertThat(pushesWork("SELECT \"id\" FROM \"t\" WHERE (\"op\" NOT IN ('d', 't')) AND (\"c_ts\" >= 1720224000000000) LIMIT 1000001")).isTrue();
        assertThat(pushesWork("SELECT \"id\" FROM \"t\" WHERE (\"op\" NOT IN ('d', 't')) AND ((JSON_MATCH(\"source\", '\"$.c\" IS NOT NULL'))) LIMIT 1000001")).isTrue();
        assertThat(pushesWork("SELECT COUNT(*) FROM \"t\" WHERE \"op\" NOT IN ('d', 't') LIMIT 1000001")).isTrue();
        assertThat(pushesWork("SELECT \"a\", DISTINCTCOUNT(\"b\") FROM \"t\" WHERE \"op\" NOT IN ('d', 't') GROUP BY \"a\" LIMIT 1000001")).isTrue();
        assertThat(pushesWork("SELECT \"id\" FROM \"t\" WHERE \"op\" NOT IN ('d', 't') LIMIT 10")).isTrue();
        assertThat(pushesWork("SELECT \"id\" FROM \"t\" WHERE \"op\" NOT IN ('d', 't') ORDER BY \"id\" LIMIT 10")).isTrue();
        assertThat(pushesWork("SELECT DATETRUNC('DAY', \"c\", 'MILLISECONDS') FROM \"t\" WHERE \"op\" NOT IN ('d', 't') LIMIT 1000001")).isTrue();
    }
}

package dev.pinotcdc.trino;

import dev.pinotcdc.trino.templates.DebeziumType;
import dev.pinotcdc.trino.testing.AdjustedCdcTable;
import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumEventFactory;
import dev.pinotcdc.trino.testing.DebeziumEventFactory.Field;
import dev.pinotcdc.trino.testing.KafkaMessage;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import io.trino.Session;
import io.trino.testing.MaterializedResult;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.pinotcdc.trino.testing.SampleCdcTables.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Promoted native columns that do not hold every value of their field as it is: a STRING column whose
 * {@code maxLength} (8 here; Pinot's default is 512) cuts longer text, and a BIGINT field kept in an INT column,
 * which wraps values beyond 32 bits around. Each filter must give the rows Trino gives reading the JSON (the same SQL
 * with the pushdown off): on the cut column only texts shorter than the cut are compared natively, and the INT
 * column is no copy at all.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcPromotedFieldLimits
{
    private static final String TABLE = "promoted_limits";
    private static final int MAX_LENGTH = 8;
    /** 3,000,000,000 in an INT column, wrapped around. */
    private static final long WRAPPED = 3_000_000_000L - (1L << 32);

    private QueryRunner queryRunner;
    private Session pushdown;
    private Session noPushdown;

    @BeforeAll
    void setUp()
    {
        PinotCdcTestEnvironment environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();
        pushdown = queryRunner.getDefaultSession();
        noPushdown = Session.builder(pushdown)
                .setCatalogSessionProperty("pinot_cdc", "pushdown_enabled", "false")
                .build();

        DebeziumEventFactory events = new DebeziumEventFactory("limits", TABLE, List.of(
                Field.required("id", "int64"),
                Field.optional("p", "string"),
                Field.optional("n", "int64")), List.of("id"));
        List<String> texts = List.of("short", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghij", "abcdefgX", "abcdefgh-and-more", "zz", "");
        List<Long> numbers = List.of(1L, 3_000_000_000L, WRAPPED, -3_000_000_000L, (long) Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, 0L, Long.MAX_VALUE, Long.MIN_VALUE);
        List<KafkaMessage> messages = new ArrayList<>();
        for (int index = 0; index < texts.size(); index++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", (long) index);
            row.put("p", texts.get(index));
            row.put("n", numbers.get(index));
            messages.add(message(events.insert(row)));
        }
        AdjustedCdcTable.withFieldSpecs(
                        DebeziumCdcTable.builder(TABLE).topic(events.topic())
                                .primaryKeyColumn("id", PinotColumnType.LONG)
                                .promotedField("p", DebeziumType.of("string"))
                                .promotedField("n", DebeziumType.of("int64"))
                                .flushThresholdRows(4)
                                .build(),
                        environment.cluster(),
                        Map.of(
                                "p", spec -> spec.put("maxLength", MAX_LENGTH),
                                "n", spec -> spec.put("dataType", "INT")))
                .sendAndAwait(messages);
    }

    @Test
    void testCutTextIsComparedOnlyWhereTheCutCannotDecide()
    {
        for (String predicate : List.of(
                "p = 'abcdefgh'", "p = 'abcdefghi'", "p = 'abcdefgh-and-more'", "p IN ('abcdefgh', 'short')", "p IN ('abcdefg', 'short')",
                "p <> 'abcdefgh'", "p NOT IN ('abcdefgh', 'zz')", "p NOT IN ('abcdefg', 'zz')",
                "p > 'abcdefgh'", "p >= 'abcdefgh'", "p < 'abcdefgh'", "p <= 'abcdefgh'", "p BETWEEN 'abcdefg' AND 'abcdefgh'", "p BETWEEN 'a' AND 'b'", "p > 'abcdefgZ'",
                "p LIKE 'abcdefgh%'", "p LIKE 'abcdefgh-%'", "p LIKE 'abcdefg%'", "p LIKE 'abc%'", "p = 'short'", "p < 'b'")) {
            assertSameBothWays("SELECT id FROM " + TABLE + " WHERE " + predicate);
            assertSameBothWays("SELECT count(*) FROM " + TABLE + " WHERE " + predicate);
        }
        // texts shorter than the cut are still compared on the native column
        assertThat(explain("SELECT id FROM " + TABLE + " WHERE p = 'short'")).contains("\"p\" = 'short'");
        assertThat(explain("SELECT id FROM " + TABLE + " WHERE p < 'b'")).contains("\"p\" < 'b'");
        // a text as long as the cut, or longer, may be what a longer text became: Pinot compares the JSON, or Trino does
        assertThat(explain("SELECT id FROM " + TABLE + " WHERE p = 'abcdefgh'")).doesNotContain("\"p\" =").doesNotContain("\"p\" IN");
        assertThat(explain("SELECT id FROM " + TABLE + " WHERE p > 'abcdefgh'")).doesNotContain("\"p\" >");
        assertThat(explain("SELECT id FROM " + TABLE + " WHERE p LIKE 'abcdefgh-%'")).doesNotContain("\"p\" LIKE");
        assertThat(queryRunner.execute(pushdown, "SELECT id FROM " + TABLE + " WHERE p = 'abcdefgh-and-more'").getOnlyColumnAsSet()).containsExactly(6L);
    }

    @Test
    void testWholeNumbersWrappedByAnIntColumnAreNotFilteredThere()
    {
        for (String predicate : List.of(
                "n = 3000000000", "n = " + WRAPPED, "n > 0", "n < 0", "n BETWEEN -5 AND 5", "n IN (1, 3000000000)", "n <> 1", "n = 2147483648", "n >= 2147483647")) {
            assertSameBothWays("SELECT id FROM " + TABLE + " WHERE " + predicate);
            assertSameBothWays("SELECT count(*) FROM " + TABLE + " WHERE " + predicate);
        }
        assertThat(explain("SELECT id FROM " + TABLE + " WHERE n = 3000000000")).doesNotContain("\"n\" =");
        assertThat(queryRunner.execute(pushdown, "SELECT id FROM " + TABLE + " WHERE n = 3000000000").getOnlyColumnAsSet()).containsExactly(1L);
        assertThat(queryRunner.execute(pushdown, "SELECT id FROM " + TABLE + " WHERE n = " + WRAPPED).getOnlyColumnAsSet()).containsExactly(2L);
    }

    private String explain(String query)
    {
        return (String) queryRunner.execute(pushdown, "EXPLAIN " + query).getOnlyValue();
    }

    private void assertSameBothWays(String query)
    {
        MaterializedResult expected = queryRunner.execute(noPushdown, query);
        MaterializedResult actual = queryRunner.execute(pushdown, query);
        assertThat(actual.getMaterializedRows()).as(query).containsExactlyInAnyOrderElementsOf(expected.getMaterializedRows());
    }
}

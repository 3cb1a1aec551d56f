package dev.pinotcdc.trino;

import com.google.common.collect.ImmutableList;
import dev.pinotcdc.trino.testing.DebeziumCdcTable;
import dev.pinotcdc.trino.testing.DebeziumEventFactory;
import dev.pinotcdc.trino.testing.DebeziumEventFactory.Field;
import dev.pinotcdc.trino.testing.KafkaMessage;
import dev.pinotcdc.trino.testing.PinotCdcTestEnvironment;
import dev.pinotcdc.trino.testing.PinotColumnType;
import io.trino.Session;
import io.trino.testing.MaterializedRow;
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
 * Field names and values holding quotes, backslashes, JSON-path and SQL metacharacters and unicode reach Pinot
 * quoted and escaped: every filter finds exactly the rows it finds without pushdown, and nothing is injected.
 */
@TestInstance(PER_CLASS)
final class TestPinotCdcIdentifiersAndLiterals
{
    private static final String TABLE = "odd_names";
    private static final List<String> FIELDS = List.of("we'ird", "back\\slash", "dollar$", "dot.ted", "br[ack]et", "ünïcødé", "semi;--", "\"quoted\"", "star*?@");
    private static final List<String> VALUES = List.of(
            "it's",
            "back\\slash",
            "$.price",
            "a.b[0]",
            "x' OR '1'='1",
            "line\nbreak",
            "-- comment",
            "/* c */",
            "ünïcødé ✓ 𝄞",
            "''",
            "\"quoted\"",
            "%_like");

    private QueryRunner queryRunner;
    private Session noPushdown;

    @BeforeAll
    void setUp()
    {
        PinotCdcTestEnvironment environment = PinotCdcTestEnvironment.shared();
        queryRunner = environment.queryRunner();
        noPushdown = Session.builder(queryRunner.getDefaultSession())
                .setCatalogSessionProperty("pinot_cdc", "pushdown_enabled", "false")
                .build();
        ImmutableList.Builder<Field> fields = ImmutableList.builder();
        fields.add(Field.required("id", "int64"));
        FIELDS.forEach(name -> fields.add(Field.optional(name, "string")));
        DebeziumEventFactory events = new DebeziumEventFactory("odd", TABLE, fields.build(), List.of("id"));
        List<KafkaMessage> messages = new ArrayList<>();
        for (int row = 0; row < VALUES.size(); row++) {
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("id", (long) row);
            for (int field = 0; field < FIELDS.size(); field++) {
                // every field holds every value in some row
                image.put(FIELDS.get(field), VALUES.get((row + field) % VALUES.size()));
            }
            messages.add(message(events.insert(image)));
        }
        DebeziumCdcTable.builder(TABLE).topic(events.topic())
                .primaryKeyColumn("id", PinotColumnType.LONG)
                .create(environment.cluster())
                .sendAndAwait(messages);
    }

    @Test
    void testColumnsKeepTheirNames()
    {
        List<Object> columns = queryRunner.execute("DESCRIBE " + TABLE).getMaterializedRows().stream().map(row -> row.getField(0)).toList();
        assertThat(columns).containsAll(FIELDS);
    }

    @Test
    void testEveryValueIsFoundExactlyInEveryField()
    {
        for (int field = 0; field < FIELDS.size(); field++) {
            for (int row = 0; row < VALUES.size(); row++) {
                String value = VALUES.get((row + field) % VALUES.size());
                String predicate = identifier(FIELDS.get(field)) + " = " + literal(value);
                List<MaterializedRow> found = assertSameBothWays("SELECT id FROM " + TABLE + " WHERE " + predicate);
                assertThat(found).as(predicate).extracting(match -> match.getField(0)).containsExactly((long) row);
            }
        }
    }

    @Test
    void testInListsLikeAndNegationsAgree()
    {
        String field = identifier(FIELDS.getFirst());
        assertSameBothWays("SELECT id FROM " + TABLE + " WHERE " + field + " IN (" + String.join(", ", VALUES.stream().limit(6).map(TestPinotCdcIdentifiersAndLiterals::literal).toList()) + ")");
        assertSameBothWays("SELECT id FROM " + TABLE + " WHERE " + field + " NOT IN (" + literal(VALUES.get(2)) + ", " + literal(VALUES.get(4)) + ")");
        for (String value : VALUES) {
            assertSameBothWays("SELECT id FROM " + TABLE + " WHERE " + field + " LIKE " + literal(value.substring(0, Math.min(3, value.length())) + "%"));
        }
        assertSameBothWays("SELECT id FROM " + TABLE + " WHERE " + identifier(FIELDS.get(1)) + " LIKE 'back\\%' ESCAPE '!'");
        assertSameBothWays("SELECT " + identifier(FIELDS.get(5)) + ", count(*) FROM " + TABLE + " GROUP BY 1");
    }

    @Test
    void testAnInjectionAttemptIsJustAValue()
    {
        List<MaterializedRow> rows = assertSameBothWays("SELECT id FROM " + TABLE + " WHERE " + identifier(FIELDS.getFirst()) + " = " + literal("x' OR '1'='1"));
        assertThat(rows).hasSize(1);
        assertThat((long) queryRunner.execute("SELECT count(*) FROM " + TABLE).getOnlyValue()).isEqualTo(VALUES.size());
    }

    private List<MaterializedRow> assertSameBothWays(String query)
    {
        List<MaterializedRow> expected = queryRunner.execute(noPushdown, query).getMaterializedRows();
        List<MaterializedRow> actual = queryRunner.execute(query).getMaterializedRows();
        assertThat(actual).as(query).containsExactlyInAnyOrderElementsOf(expected);
        return actual;
    }

    private static String identifier(String name)
    {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value)
    {
        // Trino string literals: quotes doubled; a line break goes through U&'' escapes
        if (value.contains("\n")) {
            return "U&'" + value.replace("\\", "\\\\").replace("'", "''").replace("\n", "\\000A") + "'";
        }
        return "'" + value.replace("'", "''") + "'";
    }
}

package dev.pinotcdc.trino.client;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestQueryOptionStatements
{
    @Test
    void prependsSortedSetStatements()
    {
        assertThat(QueryOptionStatements.prepend(Map.of("timeoutMs", "60000", "skipUpsert", "true"), "SELECT id FROM orders LIMIT 10"))
                .isEqualTo("SET skipUpsert = 'true'; SET timeoutMs = '60000'; SELECT id FROM orders LIMIT 10");
    }

    @Test
    void leavesSqlAloneWithoutOptions()
    {
        assertThat(QueryOptionStatements.prepend(Map.of(), "SELECT 1 FROM orders")).isEqualTo("SELECT 1 FROM orders");
    }

    @Test
    void escapesQuotesInValues()
    {
        assertThat(QueryOptionStatements.prepend(Map.of("comment", "it's"), "SELECT 1 FROM t"))
                .isEqualTo("SET comment = 'it''s'; SELECT 1 FROM t");
    }

    @Test
    void rejectsOptionNamesThatAreNotIdentifiers()
    {
        assertThatThrownBy(() -> QueryOptionStatements.prepend(Map.of("a = 'b'; DROP", "x"), "SELECT 1 FROM t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a Pinot query option name: 'a = 'b'; DROP'");
        assertThatThrownBy(() -> BrokerQuery.of("t", "SELECT 1 FROM t").withOption("1x", "y"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TestLatestVersions
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void testUpsertAnswerWithoutRepeatedKeysIsKeptAsItIs()
    {
        List<JsonNode> rows = rows("[1, 10, \"a\"]", "[2, 11, \"b\"]", "[3, 9, \"c\"]");
        assertThat(LatestVersions.ofUpsert(List.of(0), OptionalInt.of(1)).select(rows)).isSameAs(rows);
    }

    @Test
    void testUpsertKeyReadTwiceKeepsItsNewestVersionInAnswerOrder()
    {
        // key 2 was valid in an old segment when it was read, and in the consuming one when that one was read
        List<JsonNode> rows = rows("[2, 10, \"old\"]", "[1, 5, \"x\"]", "[3, 7, \"y\"]", "[2, 12, \"new\"]", "[3, 6, \"older\"]");
        assertThat(texts(LatestVersions.ofUpsert(List.of(0), OptionalInt.of(1)).select(rows), 2))
                .containsExactly("x", "y", "new");
    }

    @Test
    void testCompositeKeysAreComparedWhole()
    {
        List<JsonNode> rows = rows("[1, \"a\", 1, \"p\"]", "[1, \"b\", 1, \"q\"]", "[1, \"a\", 2, \"r\"]");
        assertThat(texts(LatestVersions.ofUpsert(List.of(0, 1), OptionalInt.of(2)).select(rows), 3))
                .containsExactly("q", "r");
    }

    @Test
    void testVersionsBeyondDoublePrecisionAndTextVersions()
    {
        List<JsonNode> rows = rows("[1, 9007199254740993, \"newer\"]", "[1, 9007199254740992, \"older\"]");
        assertThat(texts(LatestVersions.ofUpsert(List.of(0), OptionalInt.of(1)).select(rows), 2)).containsExactly("newer");

        List<JsonNode> timestamps = rows("[\"k\", \"2024-01-02 00:00:00.0\", \"older\"]", "[\"k\", \"2024-01-03 00:00:00.0\", \"newer\"]");
        assertThat(texts(LatestVersions.ofUpsert(List.of(0), OptionalInt.of(1)).select(timestamps), 2)).containsExactly("newer");

        List<JsonNode> fractions = rows("[1, 1.5, \"older\"]", "[1, 2, \"newer\"]");
        assertThat(texts(LatestVersions.ofUpsert(List.of(0), OptionalInt.of(1)).select(fractions), 2)).containsExactly("newer");
    }

    @Test
    void testTiedOrMissingVersionKeepsTheFirstRow()
    {
        List<JsonNode> rows = rows("[1, 4, \"first\"]", "[1, 4, \"second\"]");
        assertThat(texts(LatestVersions.ofUpsert(List.of(0), OptionalInt.of(1)).select(rows), 2)).containsExactly("first");
        assertThat(texts(LatestVersions.ofUpsert(List.of(0), OptionalInt.empty()).select(rows("[1, 9, \"first\"]", "[1, 4, \"second\"]")), 2))
                .containsExactly("first");
    }

    @Test
    void testEveryVersionTableHidesKeysWhoseNewestVersionIsADelete()
    {
        List<JsonNode> rows = rows("[1, 1, \"c\", \"a\"]", "[1, 2, \"d\", \"a\"]", "[2, 1, \"c\", \"b\"]", "[2, 3, \"u\", \"b2\"]", "[3, 5, \"d\", \"x\"]", "[3, 6, \"c\", \"again\"]");
        LatestVersions latest = LatestVersions.ofEveryVersion(List.of(0), 1, 2, Set.of("d", "t"));
        assertThat(texts(latest.select(rows), 3)).containsExactly("b2", "again");
    }

    @Test
    void testHiddenOperationsNeedTheirCell()
    {
        assertThatThrownBy(() -> new LatestVersions(List.of(0), OptionalInt.of(1), OptionalInt.empty(), Set.of("d")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<JsonNode> rows(String... rows)
    {
        List<JsonNode> result = new ArrayList<>();
        for (String row : rows) {
            try {
                result.add(MAPPER.readTree(row));
            }
            catch (Exception e) {
                throw new IllegalArgumentException(row, e);
            }
        }
        return result;
    }

    private static List<String> texts(List<JsonNode> rows, int cell)
    {
        return rows.stream().map(row -> row.get(cell).asText()).toList();
    }
}

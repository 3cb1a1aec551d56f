package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The latest state of a table that keeps every version of every key: each key's newest version, unless that is a
 * delete. All versions of a key must be in the rows given (a split never divides a key).
 *
 * @param keyCells the cells holding the primary key
 * @param versionCell the cell holding the version (Debezium's LSN)
 * @param opCell the cell holding the operation code
 * @param hiddenOps operation codes that are not data (deletes, truncates)
 */
public record LatestVersions(List<Integer> keyCells, int versionCell, int opCell, Set<String> hiddenOps)
{
    public LatestVersions
    {
        keyCells = List.copyOf(keyCells);
        hiddenOps = Set.copyOf(hiddenOps);
    }

    public List<JsonNode> select(List<JsonNode> versions)
    {
        Map<List<String>, JsonNode> newest = new HashMap<>();
        for (JsonNode row : versions) {
            newest.merge(key(row), row, (current, candidate) -> isNewer(candidate, current) ? candidate : current);
        }
        List<JsonNode> latest = new ArrayList<>(newest.size());
        for (JsonNode row : newest.values()) {
            if (!hiddenOps.contains(row.get(opCell).asText())) {
                latest.add(row);
            }
        }
        return latest;
    }

    private boolean isNewer(JsonNode candidate, JsonNode current)
    {
        // versions are integral (LSNs, epoch millis); Debezium gives every change of a key its own LSN, so ties do not occur
        return candidate.get(versionCell).asLong() > current.get(versionCell).asLong();
    }

    private List<String> key(JsonNode row)
    {
        List<String> key = new ArrayList<>(keyCells.size());
        for (int cell : keyCells) {
            key.add(requireNonNull(row.get(cell), "key cell").asText());
        }
        return key;
    }
}

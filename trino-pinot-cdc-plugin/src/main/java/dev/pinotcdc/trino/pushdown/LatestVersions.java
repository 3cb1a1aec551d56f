package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Keeps each key's newest version among the rows of one answer, in the answer's order. A table that keeps every
 * version needs this for its latest state, hiding a newest version that is a delete. An upsert table needs it too:
 * Pinot evaluates a query segment by segment with no snapshot of the table, so a key changed while a query runs can be
 * valid in the segment of its old version when that one is read and in the segment of its new version when that one
 * is. All versions of a key must be in the rows given (a split never divides a key).
 *
 * @param keyCells the cells holding the primary key
 * @param versionCell the cell holding the version (the upsert comparison column, Debezium's LSN, the event time);
 *         without one, the first row of a key is kept
 * @param opCell the cell holding the operation code, when some codes are hidden
 * @param hiddenOps operation codes whose newest version hides the key (deletes, truncates)
 */
public record LatestVersions(List<Integer> keyCells, OptionalInt versionCell, OptionalInt opCell, Set<String> hiddenOps)
{
    public LatestVersions
    {
        keyCells = List.copyOf(keyCells);
        requireNonNull(versionCell, "versionCell is null");
        requireNonNull(opCell, "opCell is null");
        hiddenOps = Set.copyOf(hiddenOps);
        if (!hiddenOps.isEmpty() && opCell.isEmpty()) {
            throw new IllegalArgumentException("Hidden operations need the operation cell");
        }
    }

    /** The latest state of a table that keeps every version: newest versions that are not deletes or truncates. */
    public static LatestVersions ofEveryVersion(List<Integer> keyCells, int versionCell, int opCell, Set<String> hiddenOps)
    {
        return new LatestVersions(keyCells, OptionalInt.of(versionCell), OptionalInt.of(opCell), hiddenOps);
    }

    /** An upsert table's answer, already without deletes: only a key read twice is narrowed to its newest version. */
    public static LatestVersions ofUpsert(List<Integer> keyCells, OptionalInt versionCell)
    {
        return new LatestVersions(keyCells, versionCell, OptionalInt.empty(), Set.of());
    }

    public List<JsonNode> select(List<JsonNode> versions)
    {
        List<List<String>> keys = new ArrayList<>(versions.size());
        Map<List<String>, Integer> newest = new HashMap<>();
        for (int row = 0; row < versions.size(); row++) {
            List<String> key = key(versions.get(row));
            keys.add(key);
            int candidate = row;
            newest.merge(key, row, (current, _) -> isNewer(versions.get(candidate), versions.get(current)) ? candidate : current);
        }
        if (newest.size() == versions.size() && hiddenOps.isEmpty()) {
            return versions;
        }
        List<JsonNode> latest = new ArrayList<>(newest.size());
        for (int row = 0; row < versions.size(); row++) {
            JsonNode version = versions.get(row);
            if (newest.get(keys.get(row)) == row && !isHidden(version)) {
                latest.add(version);
            }
        }
        return latest;
    }

    private boolean isHidden(JsonNode row)
    {
        return !hiddenOps.isEmpty() && hiddenOps.contains(row.get(opCell.getAsInt()).asText());
    }

    private boolean isNewer(JsonNode candidate, JsonNode current)
    {
        if (versionCell.isEmpty()) {
            return false;
        }
        // a tie keeps the row met first: Debezium gives every change of a key its own LSN, and both tied versions were
        // the key's newest at some moment of the query
        return VersionOrder.compare(candidate.get(versionCell.getAsInt()), current.get(versionCell.getAsInt())) > 0;
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

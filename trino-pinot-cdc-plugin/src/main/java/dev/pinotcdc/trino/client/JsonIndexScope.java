package dev.pinotcdc.trino.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.toUnmodifiableSet;

/**
 * What a column's JSON index keeps, as far as its configuration says. JSON_MATCH finds a value only where the index
 * kept it, so a filter may use the index only for paths it keeps completely. Pinot 0.11 indexes every scalar of
 * every document (it has no options); Pinot 0.12 and 1.x take options that leave values out: {@code maxLevels},
 * {@code includePaths}, {@code excludePaths}, {@code excludeFields}, {@code indexPaths} and {@code maxValueLength}
 * (a longer value is indexed as a placeholder text). Options this class does not know mean nothing is known to be
 * kept.
 *
 * @param indexed the column has a JSON index at all
 * @param opaque an option leaves out values in a way not understood here: no path is known to be kept
 * @param maxLevels the deepest path kept (keys from the top), where limited
 * @param includePathSets paths under one of each set's paths are kept, where sets are given (one per configuration)
 * @param excludePaths paths under any of these are not kept
 * @param excludeFields paths through any of these keys are not kept
 * @param maxValueLength values longer than this many characters are not kept as themselves, where limited
 */
public record JsonIndexScope(
        boolean indexed,
        boolean opaque,
        OptionalInt maxLevels,
        List<Set<List<String>>> includePathSets,
        Set<List<String>> excludePaths,
        Set<String> excludeFields,
        OptionalInt maxValueLength)
{
    public static final JsonIndexScope NONE = new JsonIndexScope(false, false, OptionalInt.empty(), List.of(), Set.of(), Set.of(), OptionalInt.empty());
    public static final JsonIndexScope COMPLETE = new JsonIndexScope(true, false, OptionalInt.empty(), List.of(), Set.of(), Set.of(), OptionalInt.empty());

    /** The text Pinot indexes instead of a value longer than {@code maxValueLength}. */
    static final String SKIPPED_VALUE = "$SKIPPED$";

    @JsonCreator
    public JsonIndexScope(
            @JsonProperty("indexed") boolean indexed,
            @JsonProperty("opaque") boolean opaque,
            @JsonProperty("maxLevels") OptionalInt maxLevels,
            @JsonProperty("includePathSets") List<Set<List<String>>> includePathSets,
            @JsonProperty("excludePaths") Set<List<String>> excludePaths,
            @JsonProperty("excludeFields") Set<String> excludeFields,
            @JsonProperty("maxValueLength") OptionalInt maxValueLength)
    {
        this.indexed = indexed;
        this.opaque = opaque;
        this.maxLevels = requireNonNull(maxLevels, "maxLevels is null");
        this.includePathSets = includePathSets.stream().map(Set::copyOf).toList();
        this.excludePaths = excludePaths.stream().map(List::copyOf).collect(toUnmodifiableSet());
        this.excludeFields = Set.copyOf(excludeFields);
        this.maxValueLength = requireNonNull(maxValueLength, "maxValueLength is null");
    }

    /** Every scalar at this path (keys from the top of the document) is in the index, with its text. */
    public boolean keepsPath(List<String> path)
    {
        if (!indexed || opaque || path.isEmpty()) {
            return false;
        }
        if (maxLevels.isPresent() && path.size() > maxLevels.getAsInt()) {
            return false;
        }
        if (path.stream().anyMatch(excludeFields::contains) || excludePaths.stream().anyMatch(excluded -> startsWith(path, excluded))) {
            return false;
        }
        return includePathSets.stream().allMatch(included -> included.stream().anyMatch(prefix -> startsWith(path, prefix)));
    }

    /** A kept path's value equal to this text is found by it: no length limit cuts the value to a placeholder. */
    public boolean keepsValue(String value)
    {
        if (maxValueLength.isEmpty()) {
            return true;
        }
        // the limit may count characters or UTF-8 bytes: the byte count is never the smaller
        return value.getBytes(StandardCharsets.UTF_8).length <= maxValueLength.getAsInt() && !value.equals(SKIPPED_VALUE);
    }

    /** Whether the index keeps every scalar of every document: Pinot's default. */
    @JsonIgnore
    public boolean isComplete()
    {
        return equals(COMPLETE);
    }

    private static boolean startsWith(List<String> path, List<String> prefix)
    {
        return prefix.size() <= path.size() && path.subList(0, prefix.size()).equals(prefix);
    }
}

package dev.pinotcdc.trino.cdc;

import java.util.ArrayList;
import java.util.List;

/**
 * A path to a value inside the source JSON object, written as in JSONPath: {@code $.a.b} for plain keys, a bracket
 * for awkward ones: {@code $['we.ird']}, {@code $.address["zip code"]}; a backslash escapes the quote or itself.
 * Only object keys: array indexes and wildcards select no single column value.
 */
public final class SourcePath
{
    private SourcePath() {}

    /**
     * @throws IllegalArgumentException saying what is wrong
     */
    public static List<String> parse(String path)
    {
        if (path.isEmpty() || path.charAt(0) != '$') {
            throw new IllegalArgumentException("path '%s' does not start with '$'".formatted(path));
        }
        List<String> keys = new ArrayList<>();
        int position = 1;
        while (position < path.length()) {
            char c = path.charAt(position);
            if (c == '.') {
                int start = ++position;
                while (position < path.length() && path.charAt(position) != '.' && path.charAt(position) != '[') {
                    position++;
                }
                if (position == start) {
                    throw new IllegalArgumentException("path '%s' has an empty key at position %s".formatted(path, start));
                }
                String key = path.substring(start, position);
                if (key.equals("*")) {
                    throw new IllegalArgumentException("path '%s' has a wildcard; it must lead to one value".formatted(path));
                }
                keys.add(key);
            }
            else if (c == '[') {
                position++;
                if (position >= path.length() || (path.charAt(position) != '\'' && path.charAt(position) != '"')) {
                    throw new IllegalArgumentException("path '%s' has a bracket without a quoted key at position %s; array indexes are not supported".formatted(path, position));
                }
                char quote = path.charAt(position++);
                StringBuilder key = new StringBuilder();
                boolean closed = false;
                while (position < path.length()) {
                    char k = path.charAt(position++);
                    if (k == '\\' && position < path.length()) {
                        key.append(path.charAt(position++));
                    }
                    else if (k == quote) {
                        closed = true;
                        break;
                    }
                    else {
                        key.append(k);
                    }
                }
                if (!closed || position >= path.length() || path.charAt(position) != ']') {
                    throw new IllegalArgumentException("path '%s' has an unterminated bracket".formatted(path));
                }
                position++;
                keys.add(key.toString());
            }
            else {
                throw new IllegalArgumentException("path '%s' has an unexpected '%s' at position %s".formatted(path, c, position));
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("path '%s' names no key".formatted(path));
        }
        return List.copyOf(keys);
    }

    /** The path text for keys, in the simple form where possible. */
    public static String format(List<String> keys)
    {
        StringBuilder path = new StringBuilder("$");
        for (String key : keys) {
            if (!key.isEmpty() && key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                path.append('.').append(key);
            }
            else {
                path.append("['").append(key.replace("\\", "\\\\").replace("'", "\\'")).append("']");
            }
        }
        return path.toString();
    }
}

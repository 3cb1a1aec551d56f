package dev.pinotcdc.trino.pushdown;

import java.util.Optional;

/** Reads a Trino LIKE pattern of the form {@code prefix%} (one or more trailing %), the one shape Pinot answers exactly. */
final class LikePrefix
{
    private LikePrefix() {}

    /**
     * The literal prefix, with escapes resolved; empty when the pattern has a wildcard before its trailing %s, has no
     * trailing %, has an empty prefix, or is malformed.
     */
    static Optional<String> of(String pattern, Optional<Integer> escape)
    {
        StringBuilder prefix = new StringBuilder();
        boolean wildcardSeen = false;
        int i = 0;
        while (i < pattern.length()) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            if (escape.isPresent() && c == escape.orElseThrow()) {
                if (wildcardSeen || i >= pattern.length()) {
                    return Optional.empty();
                }
                int escaped = pattern.codePointAt(i);
                i += Character.charCount(escaped);
                if (escaped != '%' && escaped != '_' && escaped != escape.orElseThrow()) {
                    return Optional.empty();
                }
                prefix.appendCodePoint(escaped);
            }
            else if (c == '%') {
                wildcardSeen = true;
            }
            else if (c == '_' || wildcardSeen) {
                return Optional.empty();
            }
            else {
                prefix.appendCodePoint(c);
            }
        }
        if (!wildcardSeen || prefix.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(prefix.toString());
    }
}

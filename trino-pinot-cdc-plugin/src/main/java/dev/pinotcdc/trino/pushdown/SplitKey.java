package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pinotcdc.trino.client.PinotDataType;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The key column that the splits of a CDC table's scan share the rows by. Every version of a key holds the same value
 * there, so a key's old and new versions fall into the same split: a key changed while the splits run is read once,
 * in its newest version or the one before, never twice and never not at all.
 *
 * @param column the Pinot column, one of the primary key's
 * @param integral whether it holds integers, shared by remainder; otherwise its text is shared by hash
 */
public record SplitKey(String column, boolean integral)
{
    @JsonCreator
    public SplitKey(@JsonProperty("column") String column, @JsonProperty("integral") boolean integral)
    {
        this.column = requireNonNull(column, "column is null");
        this.integral = integral;
    }

    /**
     * The first key column that holds integers or text; none when no key column does (the scan is then one split).
     */
    public static Optional<SplitKey> choose(List<String> primaryKey, Function<String, PinotDataType> types)
    {
        for (String column : primaryKey) {
            PinotDataType type = types.apply(column);
            if (type == PinotDataType.INT || type == PinotDataType.LONG) {
                return Optional.of(new SplitKey(column, true));
            }
            if (type == PinotDataType.STRING) {
                return Optional.of(new SplitKey(column, false));
            }
        }
        return Optional.empty();
    }
}

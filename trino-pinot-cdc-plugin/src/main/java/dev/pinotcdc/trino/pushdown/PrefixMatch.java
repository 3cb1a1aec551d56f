package dev.pinotcdc.trino.pushdown;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import static java.util.Objects.requireNonNull;

/**
 * {@code column LIKE 'prefix%'}: a predicate Pinot answers exactly, kept in a table handle until the scan writes it.
 */
public record PrefixMatch(PinotCdcColumnHandle column, String prefix)
{
    @JsonCreator
    public PrefixMatch(@JsonProperty("column") PinotCdcColumnHandle column, @JsonProperty("prefix") String prefix)
    {
        this.column = requireNonNull(column, "column is null");
        this.prefix = requireNonNull(prefix, "prefix is null");
    }
}

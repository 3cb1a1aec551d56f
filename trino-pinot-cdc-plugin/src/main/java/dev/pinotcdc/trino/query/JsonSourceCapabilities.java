package dev.pinotcdc.trino.query;

/**
 * What the table offers for filtering on fields of its JSON source column.
 *
 * @param jsonIndex the source column has a JSON index, so JSON_MATCH works
 * @param nullSourcePossible some rows may hold a null source (for example deletes); Pinot 0.11's JSONEXTRACTSCALAR
 *         fails the whole query on such a row, even with a default, unless a JSON_MATCH guard filters the row out first
 */
public record JsonSourceCapabilities(boolean jsonIndex, boolean nullSourcePossible)
{
}

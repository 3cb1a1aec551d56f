package dev.pinotcdc.trino.templates;

import java.util.Optional;

/**
 * Pinot 1.x's transforms: built-in scalar functions only, since Pinot 1.x disables Groovy by default. Untested
 * here (no Pinot 1.x server on this machine): {@code jsonPath}, {@code jsonPathString}, {@code jsonPathLong},
 * {@code startsWith} and the null-tolerant {@code coalesce} (Pinot 0.12 and later) are read from Pinot's sources.
 */
final class BuiltInFunctionTransforms
        implements IngestionTransforms
{
    @Override
    public String keyColumn(String field)
    {
        // coalesce takes nulls (jsonPath gives null for a path under a null "after"); a truncate gets null, the default
        return "coalesce(jsonPath(payload, %s), jsonPath(payload, %s))".formatted(
                sqlString("$.after" + jsonPathMember(field)),
                sqlString("$.before" + jsonPathMember(field)));
    }

    @Override
    public String source()
    {
        return "jsonPath(payload, '$.after')";
    }

    @Override
    public String op()
    {
        return "jsonPathString(payload, '$.op')";
    }

    @Override
    public String tsMs()
    {
        return "jsonPathLong(payload, '$.ts_ms')";
    }

    @Override
    public String lsn()
    {
        return "jsonPath(payload, '$.source.lsn')";
    }

    @Override
    public String valueSchema()
    {
        // the envelope schema lists before, after, source, transaction, op, ts_ms...: [1] is "after", also for truncates
        return "jsonPath(schema, '$.fields[1]')";
    }

    @Override
    public String promoted(PromotedColumn column)
    {
        if (column.convertsIsoText()) {
            throw new TemplateException("Pinot 1.x cannot convert field '%s' (ISO-8601 text) to epoch microseconds".formatted(column.name()));
        }
        return "jsonPath(payload, %s)".formatted(sqlString("$.after" + jsonPathMember(column.name())));
    }

    @Override
    public Optional<String> deleteMarker()
    {
        // op codes are single letters, so a prefix test is an equality test; Pinot's equals() compares numbers only
        return Optional.of("startsWith(jsonPathString(payload, '$.op'), 'd')");
    }

    /** A bracketed JsonPath member: any field name, quotes and backslashes escaped. */
    static String jsonPathMember(String field)
    {
        return "['" + field.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /** A SQL string literal, as Pinot parses transform expressions with its SQL parser. */
    static String sqlString(String value)
    {
        return "'" + value.replace("'", "''") + "'";
    }
}

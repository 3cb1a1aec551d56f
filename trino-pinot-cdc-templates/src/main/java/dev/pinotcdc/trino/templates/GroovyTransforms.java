package dev.pinotcdc.trino.templates;

import dev.pinotcdc.trino.cdc.decoder.DebeziumSentinels;

import java.util.Optional;

/**
 * Pinot 0.11's transforms: Groovy scripts (the controller must run with
 * {@code controller.disable.ingestion.groovy=false}). Pinot 0.11's built-in functions have no way to choose
 * between {@code after} and {@code before}.
 */
final class GroovyTransforms
        implements IngestionTransforms
{
    @Override
    public String keyColumn(String field)
    {
        String name = groovyString(field);
        // a truncate has neither image: its key is null and lands on the column's default value
        return "Groovy({payload.after != null ? payload.after.get(%s) : payload.before?.get(%s)}, payload)".formatted(name, name);
    }

    @Override
    public String source()
    {
        return "Groovy({payload.after}, payload)";
    }

    @Override
    public String op()
    {
        return "Groovy({payload.op}, payload)";
    }

    @Override
    public String tsMs()
    {
        return "Groovy({payload.ts_ms}, payload)";
    }

    @Override
    public String lsn()
    {
        return "Groovy({payload.source?.lsn}, payload)";
    }

    @Override
    public String valueSchema()
    {
        // the envelope schema lists before, after, source, transaction, op, ts_ms...: [1] is "after", also for truncates
        return "Groovy({schema?.fields?.getAt(1)}, schema)";
    }

    @Override
    public String promoted(PromotedColumn column)
    {
        String value = "payload.after?.get(%s)".formatted(groovyString(column.name()));
        if (column.convertsIsoText()) {
            // Pinot 0.11 drops a whole record whose transform throws, so this one never does. Exact for every instant
            // whose microseconds fit a LONG (ChronoUnit.MICROS.between counts through nanoseconds and overflows ~292 years
            // from 1970, e.g. at 9999-12-31). PostgreSQL's infinities get the numbers Debezium sends for infinite
            // MicroTimestamps, which the connector reads as NULL; anything else that is not such an instant (beyond
            // year 294247, not ISO-8601) is NULL here, and the connector still reads the value from source.
            return ("Groovy({def text = %s; if (text == null) { return null }; "
                    + "if (text == 'infinity' || text == '+infinity') { return %dL }; if (text == '-infinity') { return %dL }; "
                    + "try { def instant = java.time.Instant.parse(text); "
                    + "return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1000000L), (long) instant.getNano().intdiv(1000)) } "
                    + "catch (Exception e) { return null }}, payload)").formatted(value, DebeziumSentinels.POSTGRES_POSITIVE_INFINITY, DebeziumSentinels.POSTGRES_NEGATIVE_INFINITY);
        }
        return "Groovy({%s}, payload)".formatted(value);
    }

    @Override
    public Optional<String> deleteMarker()
    {
        // Pinot 0.11 has no deleteRecordColumn: a delete stays as its key's newest row, with op 'd' and a null source
        return Optional.empty();
    }

    /** A single-quoted Groovy string: no interpolation, so only backslash, quote and line ends need escaping. */
    static String groovyString(String value)
    {
        StringBuilder text = new StringBuilder("'");
        for (char character : value.toCharArray()) {
            switch (character) {
                case '\\' -> text.append("\\\\");
                case '\'' -> text.append("\\'");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (Character.isISOControl(character)) {
                        text.append("\\u%04x".formatted((int) character));
                    }
                    else {
                        text.append(character);
                    }
                }
            }
        }
        return text.append('\'').toString();
    }
}

package dev.pinotcdc.trino.fuzz;

import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * A column the generator writes predicates and expressions on: its Trino type, its kind, and SQL literals drawn
 * from the data's own values, their neighbours and the type's edge values.
 */
record FuzzColumn(String name, String trinoType, Kind kind, List<String> literals)
{
    enum Kind
    {
        INTEGER, FLOATING, DECIMAL, BOOLEAN, TEXT, DATE, TIMESTAMP, TIMESTAMP_TZ, TIME, UUID, BYTES, JSON;

        static Kind of(String trinoType)
        {
            String type = trinoType.toLowerCase(Locale.ROOT);
            if (type.equals("tinyint") || type.equals("smallint") || type.equals("integer") || type.equals("bigint")) {
                return INTEGER;
            }
            if (type.equals("real") || type.equals("double")) {
                return FLOATING;
            }
            if (type.startsWith("decimal")) {
                return DECIMAL;
            }
            if (type.equals("boolean")) {
                return BOOLEAN;
            }
            if (type.startsWith("varchar") || type.startsWith("char")) {
                return TEXT;
            }
            if (type.equals("date")) {
                return DATE;
            }
            if (type.startsWith("timestamp") && type.endsWith("with time zone")) {
                return TIMESTAMP_TZ;
            }
            if (type.startsWith("timestamp")) {
                return TIMESTAMP;
            }
            if (type.startsWith("time")) {
                return TIME;
            }
            if (type.equals("uuid")) {
                return UUID;
            }
            if (type.equals("varbinary")) {
                return BYTES;
            }
            return JSON;
        }

        boolean orderable()
        {
            return this != JSON && this != BOOLEAN;
        }

        boolean numeric()
        {
            return this == INTEGER || this == FLOATING || this == DECIMAL;
        }

        boolean temporal()
        {
            return this == DATE || this == TIMESTAMP || this == TIMESTAMP_TZ;
        }
    }

    FuzzColumn
    {
        requireNonNull(name, "name is null");
        requireNonNull(trinoType, "trinoType is null");
        requireNonNull(kind, "kind is null");
        literals = List.copyOf(literals);
    }
}

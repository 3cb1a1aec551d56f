package dev.pinotcdc.trino.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static java.util.Objects.requireNonNull;

/**
 * One column of a Pinot schema: a dimension field spec, single- or multi-value.
 */
public record PinotColumn(String name, PinotColumnType type, boolean singleValue)
{
    // Pinot truncates longer STRING values to this length; its default is 512
    static final int STRING_MAX_LENGTH = 65_536;

    public PinotColumn
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }

    public static PinotColumn singleValue(String name, PinotColumnType type)
    {
        return new PinotColumn(name, type, true);
    }

    public static PinotColumn multiValue(String name, PinotColumnType type)
    {
        return new PinotColumn(name, type, false);
    }

    /**
     * Pinot 0.11 has no default null value for a BIG_DECIMAL dimension and rejects such a schema: BIG_DECIMAL
     * columns are metrics.
     */
    boolean isMetric()
    {
        return type == PinotColumnType.BIG_DECIMAL;
    }

    ObjectNode toFieldSpec()
    {
        ObjectNode fieldSpec = TestingHttp.JSON.createObjectNode()
                .put("name", name)
                .put("dataType", type.name());
        if (!singleValue) {
            fieldSpec.put("singleValueField", false);
        }
        if (type == PinotColumnType.STRING) {
            fieldSpec.put("maxLength", STRING_MAX_LENGTH);
        }
        return fieldSpec;
    }
}

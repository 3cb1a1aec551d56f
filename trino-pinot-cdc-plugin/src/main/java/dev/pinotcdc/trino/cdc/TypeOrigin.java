package dev.pinotcdc.trino.cdc;

/** Where a column's type came from; shown to users in the column comment. */
public enum TypeOrigin
{
    DEFINITION_FILE("table definition file"),
    DEBEZIUM_SCHEMA("Debezium value schema"),
    INFERENCE("inferred from sampled rows"),
    PINOT_SCHEMA("Pinot schema");

    private final String description;

    TypeOrigin(String description)
    {
        this.description = description;
    }

    public String description()
    {
        return description;
    }
}

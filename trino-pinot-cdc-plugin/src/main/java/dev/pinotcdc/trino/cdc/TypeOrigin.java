package dev.pinotcdc.trino.cdc;

/** Where a column's type came from; shown to users in the column comment. */
public enum TypeOrigin
{
    DEFINITION_FILE("from the table definition file"),
    DEBEZIUM_SCHEMA("from the Debezium value schema"),
    INFERENCE("inferred from the newest rows"),
    PINOT_SCHEMA("from the Pinot schema");

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

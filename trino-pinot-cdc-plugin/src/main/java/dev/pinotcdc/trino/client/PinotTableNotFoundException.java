package dev.pinotcdc.trino.client;

/** The controller does not know the table (or has no schema for it). */
public class PinotTableNotFoundException
        extends PinotClientException
{
    private final String tableName;

    public PinotTableNotFoundException(String tableName, String message)
    {
        super(message);
        this.tableName = tableName;
    }

    public String getTableName()
    {
        return tableName;
    }
}

package dev.pinotcdc.trino.client;

/**
 * What a query asked of the broker's row count.
 *
 * @param limit the LIMIT the query sent
 * @param documents each row is one document (a selection, ordered or not), rather than a group or a distinct value
 */
public record RequestedRows(long limit, boolean documents)
{
    public RequestedRows
    {
        if (limit < 0) {
            throw new IllegalArgumentException("limit is negative: " + limit);
        }
    }
}

package dev.pinotcdc.trino.benchmark;

import static java.util.Objects.requireNonNull;

/**
 * One layout of the orders table and the catalogs and views that read it.
 *
 * @param label the report's name for the variant
 * @param promoted whether {@code created_at} is also a native Pinot column
 * @param pinotOrdersTable the Pinot table of the orders
 * @param pinotUsersTable the Pinot table of the users
 * @param pluginCatalog (a) the catalog of this plugin
 * @param pinotCatalog (b) the catalog of Trino's own Pinot connector
 * @param viewCatalog (b) the catalog holding the views ({@code memory})
 */
record ShopVariant(String label, boolean promoted, String pinotOrdersTable, String pinotUsersTable, String pluginCatalog, String pinotCatalog, String viewCatalog)
{
    ShopVariant
    {
        requireNonNull(label, "label is null");
        requireNonNull(pinotOrdersTable, "pinotOrdersTable is null");
        requireNonNull(pinotUsersTable, "pinotUsersTable is null");
        requireNonNull(pluginCatalog, "pluginCatalog is null");
        requireNonNull(pinotCatalog, "pinotCatalog is null");
        requireNonNull(viewCatalog, "viewCatalog is null");
    }

    String pluginTable(String pinotTable)
    {
        return pluginCatalog + ".default." + pinotTable;
    }

    String viewName(String pinotTable)
    {
        return viewCatalog + ".default." + pinotTable + "_view";
    }

    /**
     * (b) today's way: a view per table that decodes {@code source} with JSON_EXTRACT_SCALAR (the precise decimal
     * from base64, the timestamp from epoch milliseconds) and hides deleted rows.
     */
    String createOrdersView()
    {
        // date_add('millisecond', ...) would be shorter, but it takes an int: epoch milliseconds overflow it
        String createdAtMillis = promoted ? "created_at" : "CAST(json_extract_scalar(source, '$.created_at') AS bigint)";
        String createdAt = "CAST(at_timezone(from_unixtime_nanos(%s * 1000000), 'UTC') AS timestamp(3))".formatted(createdAtMillis);
        return """
                CREATE OR REPLACE VIEW %s AS
                SELECT
                    id,
                    CAST(json_extract_scalar(source, '$.user_id') AS bigint) AS user_id,
                    CAST(CAST(from_big_endian_64(lpad(from_base64(json_extract_scalar(source, '$.amount')), 8, X'00')) AS decimal(12, 0)) * DECIMAL '0.01' AS decimal(10, 2)) AS amount,
                    json_extract_scalar(source, '$.status') AS status,
                    %s AS created_at
                FROM %s.default.%s
                WHERE op <> 'd'""".formatted(viewName(pinotOrdersTable), createdAt, pinotCatalog, pinotOrdersTable);
    }

    String createUsersView()
    {
        return """
                CREATE OR REPLACE VIEW %s AS
                SELECT
                    id,
                    json_extract_scalar(source, '$.name') AS name,
                    json_extract_scalar(source, '$.email') AS email,
                    json_extract_scalar(source, '$.country') AS country
                FROM %s.default.%s
                WHERE op <> 'd'""".formatted(viewName(pinotUsersTable), pinotCatalog, pinotUsersTable);
    }
}

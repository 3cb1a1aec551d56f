package dev.pinotcdc.trino.templates;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A Pinot schema and REALTIME table config for one Debezium topic.
 *
 * @param promotedColumns the fields that became native columns
 * @param notes what the user should know about this template (an untested version, a risky choice)
 */
public record CdcTableTemplate(
        String tableName,
        ObjectNode schema,
        ObjectNode tableConfig,
        List<PromotedColumn> promotedColumns,
        List<String> notes)
{
    public CdcTableTemplate
    {
        requireNonNull(tableName, "tableName is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(tableConfig, "tableConfig is null");
        promotedColumns = List.copyOf(requireNonNull(promotedColumns, "promotedColumns is null"));
        notes = List.copyOf(requireNonNull(notes, "notes is null"));
    }

    @Override
    public ObjectNode schema()
    {
        return schema.deepCopy();
    }

    @Override
    public ObjectNode tableConfig()
    {
        return tableConfig.deepCopy();
    }
}

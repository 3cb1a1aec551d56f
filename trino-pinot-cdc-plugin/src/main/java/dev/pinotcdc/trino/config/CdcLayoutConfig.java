package dev.pinotcdc.trino.config;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableSet;
import io.airlift.configuration.Config;
import io.airlift.configuration.ConfigDescription;
import jakarta.validation.constraints.NotEmpty;

import java.util.Set;

/**
 * Where a Pinot table keeps Debezium's event: the columns and the operation codes.
 */
public class CdcLayoutConfig
{
    private static final Splitter LIST_SPLITTER = Splitter.on(',').trimResults().omitEmptyStrings();

    private String sourceColumn = "source";
    private String opColumn = "op";
    private String timeColumn = "ts_ms";
    private Set<String> deleteOpCodes = ImmutableSet.of("d");
    private String truncateOpCode = "t";
    private String valueSchemaColumn = "source_schema";
    private String versionColumn = "lsn";

    @NotEmpty
    public String getSourceColumn()
    {
        return sourceColumn;
    }

    @Config("cdc.source-column")
    @ConfigDescription("Pinot column holding the JSON row image (Debezium's after)")
    public CdcLayoutConfig setSourceColumn(String sourceColumn)
    {
        this.sourceColumn = sourceColumn;
        return this;
    }

    @NotEmpty
    public String getOpColumn()
    {
        return opColumn;
    }

    @Config("cdc.op-column")
    @ConfigDescription("Pinot column holding the Debezium operation code")
    public CdcLayoutConfig setOpColumn(String opColumn)
    {
        this.opColumn = opColumn;
        return this;
    }

    @NotEmpty
    public String getTimeColumn()
    {
        return timeColumn;
    }

    @Config("cdc.time-column")
    @ConfigDescription("Pinot column holding the event time (epoch milliseconds)")
    public CdcLayoutConfig setTimeColumn(String timeColumn)
    {
        this.timeColumn = timeColumn;
        return this;
    }

    @NotEmpty(message = "cdc.delete-op-codes must name at least one code")
    public Set<String> getDeleteOpCodes()
    {
        return deleteOpCodes;
    }

    @Config("cdc.delete-op-codes")
    @ConfigDescription("Comma-separated operation codes that mark a deleted row")
    public CdcLayoutConfig setDeleteOpCodes(String deleteOpCodes)
    {
        this.deleteOpCodes = ImmutableSet.copyOf(LIST_SPLITTER.split(deleteOpCodes));
        return this;
    }

    @NotEmpty
    public String getTruncateOpCode()
    {
        return truncateOpCode;
    }

    @Config("cdc.truncate-op-code")
    @ConfigDescription("Operation code of a table truncate: rows older than it are hidden")
    public CdcLayoutConfig setTruncateOpCode(String truncateOpCode)
    {
        this.truncateOpCode = truncateOpCode;
        return this;
    }

    @NotEmpty
    public String getValueSchemaColumn()
    {
        return valueSchemaColumn;
    }

    @Config("cdc.value-schema-column")
    @ConfigDescription("Pinot column holding Debezium's schema of the row image; where present it gives exact column types")
    public CdcLayoutConfig setValueSchemaColumn(String valueSchemaColumn)
    {
        this.valueSchemaColumn = valueSchemaColumn;
        return this;
    }

    @NotEmpty
    public String getVersionColumn()
    {
        return versionColumn;
    }

    @Config("cdc.version-column")
    @ConfigDescription("Column that orders the versions of a key (Debezium's source LSN) where Pinot does not upsert, and places truncates; tables without it use the time column")
    public CdcLayoutConfig setVersionColumn(String versionColumn)
    {
        this.versionColumn = versionColumn;
        return this;
    }
}

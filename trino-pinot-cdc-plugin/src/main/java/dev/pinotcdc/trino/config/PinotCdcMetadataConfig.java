package dev.pinotcdc.trino.config;

import io.airlift.configuration.Config;
import io.airlift.configuration.ConfigDescription;
import io.airlift.configuration.validation.FileExists;
import io.airlift.units.Duration;
import io.airlift.units.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.io.File;
import java.util.Optional;

import static java.util.concurrent.TimeUnit.SECONDS;

/**
 * How the tables and the types of their columns are found, and how long what was found is kept.
 */
public class PinotCdcMetadataConfig
{
    private Duration metadataCacheTtl = new Duration(30, SECONDS);
    private File tableDefinitionDirectory;
    private int inferenceSampleSize = 1000;

    @NotNull
    @MinDuration("0ms")
    public Duration getMetadataCacheTtl()
    {
        return metadataCacheTtl;
    }

    @Config("pinot.metadata-cache-ttl")
    @ConfigDescription("How long table lists, schemas and inferred column types are cached; 0s disables the cache")
    public PinotCdcMetadataConfig setMetadataCacheTtl(Duration metadataCacheTtl)
    {
        this.metadataCacheTtl = metadataCacheTtl;
        return this;
    }

    public Optional<@FileExists File> getTableDefinitionDirectory()
    {
        return Optional.ofNullable(tableDefinitionDirectory);
    }

    @Config("cdc.table-definition-dir")
    @ConfigDescription("Directory of table definition files (<table>.json) that fix column types, paths and encodings")
    public PinotCdcMetadataConfig setTableDefinitionDirectory(File tableDefinitionDirectory)
    {
        this.tableDefinitionDirectory = tableDefinitionDirectory;
        return this;
    }

    @Min(1)
    @Max(1_000_000)
    public int getInferenceSampleSize()
    {
        return inferenceSampleSize;
    }

    @Config("cdc.inference-sample-size")
    @ConfigDescription("Number of newest rows sampled to infer column types when no definition file or value schema exists")
    public PinotCdcMetadataConfig setInferenceSampleSize(int inferenceSampleSize)
    {
        this.inferenceSampleSize = inferenceSampleSize;
        return this;
    }
}

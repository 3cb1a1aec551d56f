package dev.pinotcdc.trino.templates;

import static java.util.Objects.requireNonNull;

/**
 * The Pinot release line a template is written for. The two differ in what ingestion may run: Pinot 0.11 runs
 * Groovy transforms (with {@code controller.disable.ingestion.groovy=false}) and has no delete marker; Pinot 1.x
 * disables Groovy by default and marks deletes with {@code upsertConfig.deleteRecordColumn}.
 */
public enum PinotVersion
{
    V0_11("0.11"),
    V1_X("1.x");

    private final String argument;

    PinotVersion(String argument)
    {
        this.argument = requireNonNull(argument, "argument is null");
    }

    public String argument()
    {
        return argument;
    }

    public static PinotVersion fromArgument(String value)
    {
        for (PinotVersion version : values()) {
            if (version.argument.equals(value)) {
                return version;
            }
        }
        if (value.startsWith("0.")) {
            return V0_11;
        }
        if (value.startsWith("1.")) {
            return V1_X;
        }
        throw new TemplateException("Unknown Pinot version '%s': use 0.11 or 1.x".formatted(value));
    }
}

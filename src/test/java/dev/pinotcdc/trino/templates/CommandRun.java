package dev.pinotcdc.trino.templates;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * One in-process run of {@link PinotCdcTemplates}: its exit code and what it printed.
 */
record CommandRun(int exitCode, String out, String err)
{
    static CommandRun run(String... arguments)
    {
        return run(Map.of(), arguments);
    }

    static CommandRun run(Map<String, String> environment, String... arguments)
    {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream outStream = new PrintStream(out, true, UTF_8); PrintStream errStream = new PrintStream(err, true, UTF_8)) {
            exitCode = new PinotCdcTemplates(outStream, errStream, environment).run(List.of(arguments));
        }
        return new CommandRun(exitCode, out.toString(UTF_8), err.toString(UTF_8));
    }
}

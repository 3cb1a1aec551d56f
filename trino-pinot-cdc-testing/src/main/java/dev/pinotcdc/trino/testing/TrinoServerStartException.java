package dev.pinotcdc.trino.testing;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * The server exited or did not answer in time. The message carries the end of the server log, which is where
 * the reason is (a plugin that does not load, a catalog property that is wrong).
 */
public class TrinoServerStartException
        extends RuntimeException
{
    private final Path installationDirectory;
    private final String serverLogTail;

    public TrinoServerStartException(String problem, Path installationDirectory, String serverLogTail, Throwable cause)
    {
        super("%s (installation %s)\n---- end of the server log ----\n%s".formatted(problem, installationDirectory, serverLogTail), cause);
        this.installationDirectory = requireNonNull(installationDirectory, "installationDirectory is null");
        this.serverLogTail = requireNonNull(serverLogTail, "serverLogTail is null");
    }

    public Path installationDirectory()
    {
        return installationDirectory;
    }

    public String serverLogTail()
    {
        return serverLogTail;
    }

    boolean portInUse()
    {
        return serverLogTail.contains("Address already in use");
    }
}

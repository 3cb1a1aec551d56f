package dev.pinotcdc.trino.demo;

import dev.pinotcdc.trino.testing.TrinoServerStartException;

import java.io.IOException;

/**
 * Turns a failed start into what the user needs to read: the demo's own problems as they are, a full disk as such
 * wherever it struck, anything else as its message chain (the logs named in it hold the rest).
 */
final class DemoFailures
{
    private DemoFailures() {}

    static String explain(Throwable failure)
    {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DemoProblem) {
                return cause.getMessage();
            }
            if (cause instanceof IOException && String.valueOf(cause.getMessage()).contains("No space left on device")) {
                return "The disk is full (%s). Free some space (./mvnw clean removes old builds) and start again.".formatted(cause.getMessage());
            }
            if (cause instanceof TrinoServerStartException start && start.serverLogTail().contains("Address already in use")) {
                return "Trino could not bind its port: another program took it. Pick another port: ./demo --port N";
            }
        }
        StringBuilder chain = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !chain.toString().contains(cause.getMessage())) {
                chain.append("\n  caused by: ").append(cause.getMessage());
            }
        }
        return chain.toString();
    }
}

package dev.pinotcdc.trino.client;

import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.joining;

/** One entry of a broker answer's {@code exceptions} array. */
public record PinotQueryError(int errorCode, String message)
{
    private static final int MAX_SUMMARY_LENGTH = 400;

    public PinotQueryError
    {
        requireNonNull(message, "message is null");
    }

    /**
     * The message without the stack trace Pinot appends, shortened for error messages
     * (Pinot 0.11 puts only the error name on the first line, so a few lines are kept).
     */
    public String summary()
    {
        String text = message.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("at ") && !line.startsWith("..."))
                .limit(3)
                .collect(joining(" "));
        if (text.length() > MAX_SUMMARY_LENGTH) {
            text = text.substring(0, MAX_SUMMARY_LENGTH) + "...";
        }
        return "Pinot error " + errorCode + ": " + text;
    }
}

package dev.pinotcdc.trino.testing;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What one trino-cli run gave back. The CLI exits with 0 when every statement succeeded and with 1 otherwise,
 * the error text then on stderr.
 */
public record CliResult(int exitCode, String stdout, String stderr)
{
    public CliResult
    {
        requireNonNull(stdout, "stdout is null");
        requireNonNull(stderr, "stderr is null");
    }

    public boolean succeeded()
    {
        return exitCode == 0;
    }

    /**
     * The rows of CSV output (Trino quotes every value and doubles quotes inside it; a value may span lines).
     * The CLI prints NULL as an empty value, like the empty string.
     */
    public List<List<String>> csvRows()
    {
        if (!succeeded()) {
            throw new IllegalStateException("trino-cli failed with exit code %s: %s".formatted(exitCode, stderr));
        }
        return parseCsv(stdout);
    }

    static List<List<String>> parseCsv(String text)
    {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        boolean rowStarted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    value.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    rowStarted = true;
                }
                case ',' -> {
                    row.add(value.toString());
                    value.setLength(0);
                    rowStarted = true;
                }
                case '\n' -> {
                    if (rowStarted) {
                        row.add(value.toString());
                        rows.add(List.copyOf(row));
                    }
                    row.clear();
                    value.setLength(0);
                    rowStarted = false;
                }
                case '\r' -> {
                    // CRLF line ends: the \n ends the row
                }
                default -> {
                    value.append(c);
                    rowStarted = true;
                }
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("Unterminated quoted CSV value in: " + text);
        }
        if (rowStarted) {
            row.add(value.toString());
            rows.add(List.copyOf(row));
        }
        return rows;
    }
}

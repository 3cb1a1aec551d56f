package dev.pinotcdc.trino.templates;

import static java.util.Objects.requireNonNull;

/**
 * One thing {@link TableChecker} found in a table's schema or config.
 *
 * @param problem what is wrong
 * @param why what goes wrong because of it
 * @param fix how to fix it
 */
public record Finding(Severity severity, String problem, String why, String fix)
{
    public enum Severity
    {
        /** Wrong results: rows that should be gone stay, or the connector cannot read the table as CDC. */
        ERROR,
        /** Works, but slowly or with a risk the user should remove. */
        WARNING,
        /** A known limit to be aware of; nothing to fix. */
        NOTE;

        public boolean isProblem()
        {
            return this != NOTE;
        }
    }

    public Finding
    {
        requireNonNull(severity, "severity is null");
        requireNonNull(problem, "problem is null");
        requireNonNull(why, "why is null");
        requireNonNull(fix, "fix is null");
    }

    public String render()
    {
        return "%s: %s%n  Why it matters: %s%n  Fix: %s".formatted(severity, problem, why, fix);
    }
}

package dev.pinotcdc.trino.templates;

/**
 * A table description that cannot become a template, or a command line that cannot be run: the message says what
 * to change, so the command prints it without a stack trace.
 */
public class TemplateException
        extends RuntimeException
{
    public TemplateException(String message)
    {
        super(message);
    }

    public TemplateException(String message, Throwable cause)
    {
        super(message, cause);
    }
}

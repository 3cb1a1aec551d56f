package dev.pinotcdc.trino.query;

import java.util.List;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** A Pinot function or aggregation, e.g. {@code DATETRUNC('DAY', "ts")}, {@code SUM("x")}, {@code DISTINCTCOUNTHLL("k")}. */
public record FunctionCall(String name, List<PinotExpression> arguments)
        implements PinotExpression
{
    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public FunctionCall
    {
        requireNonNull(name, "name is null");
        // the name is written bare: it must be a plain word, never text that could change the statement
        if (!FUNCTION_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid function name: " + name);
        }
        arguments = List.copyOf(arguments);
    }

    public static FunctionCall of(String name, PinotExpression... arguments)
    {
        return new FunctionCall(name, List.of(arguments));
    }
}

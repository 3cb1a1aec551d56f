package dev.pinotcdc.trino.templates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The options of one subcommand: {@code --name value}, {@code --name=value} or a bare {@code --flag}. Anything else
 * is a {@link TemplateException} naming the mistake.
 */
final class CommandArguments
{
    private final String command;
    private final Map<String, String> values;

    private CommandArguments(String command, Map<String, String> values)
    {
        this.command = requireNonNull(command, "command is null");
        this.values = requireNonNull(values, "values is null");
    }

    static CommandArguments parse(String command, List<String> arguments, Set<String> valueOptions, Set<String> flags)
    {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--") || argument.length() == 2) {
                throw new TemplateException("'%s %s': unexpected argument '%s' (options start with --)".formatted(command, String.join(" ", arguments), argument));
            }
            String name = argument.substring(2);
            Optional<String> inlineValue = Optional.empty();
            int equals = name.indexOf('=');
            if (equals >= 0) {
                inlineValue = Optional.of(name.substring(equals + 1));
                name = name.substring(0, equals);
            }
            String value;
            if (flags.contains(name)) {
                if (inlineValue.isPresent()) {
                    throw new TemplateException("Option --%s of '%s' takes no value".formatted(name, command));
                }
                value = "true";
            }
            else if (valueOptions.contains(name)) {
                if (inlineValue.isPresent()) {
                    value = inlineValue.orElseThrow();
                }
                else if (i + 1 < arguments.size() && !arguments.get(i + 1).startsWith("--")) {
                    value = arguments.get(++i);
                }
                else {
                    throw new TemplateException("Option --%s of '%s' needs a value".formatted(name, command));
                }
            }
            else {
                List<String> known = new ArrayList<>(valueOptions);
                known.addAll(flags);
                throw new TemplateException("Unknown option --%s for '%s' (its options: %s)".formatted(name, command,
                        String.join(", ", known.stream().sorted().map(option -> "--" + option).toList())));
            }
            if (values.put(name, value) != null) {
                throw new TemplateException("Option --%s is given twice".formatted(name));
            }
        }
        return new CommandArguments(command, values);
    }

    Optional<String> value(String name)
    {
        return Optional.ofNullable(values.get(name));
    }

    String required(String name, String what)
    {
        return value(name).orElseThrow(() -> new TemplateException("'%s' needs --%s: %s".formatted(command, name, what)));
    }

    boolean flag(String name)
    {
        return values.containsKey(name);
    }

    /** A comma-separated list; an empty text is an empty list. */
    Optional<List<String>> list(String name)
    {
        return value(name).map(text -> Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList());
    }
}

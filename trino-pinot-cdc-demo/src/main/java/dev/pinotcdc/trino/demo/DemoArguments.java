package dev.pinotcdc.trino.demo;

import java.nio.file.Path;

/**
 * The demo's command line: {@code [--port N] [--changes-per-second X] [--seed N]}.
 */
final class DemoArguments
{
    static final String USAGE = """
            usage: ./demo [--port N] [--changes-per-second X] [--seed N]
              --port N                 Trino's HTTP port (default 8080)
              --changes-per-second X   how often the shop changes; 0 keeps the seeded rows (default 5)
              --seed N                 seed of the sample data and the changes (default 20261121)""";

    private DemoArguments() {}

    /**
     * @return the settings, or null when only the usage was asked for
     */
    static PinotCdcDemo.Settings parse(String[] args, Path workDirectory)
    {
        int port = PinotCdcDemo.Settings.DEFAULT_PORT;
        double changesPerSecond = 5;
        long seed = 20261121;
        for (int i = 0; i < args.length; i++) {
            String argument = args[i];
            switch (argument) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--port" -> port = (int) number(argument, value(args, ++i, argument));
                case "--changes-per-second" -> changesPerSecond = decimal(argument, value(args, ++i, argument));
                case "--seed" -> seed = number(argument, value(args, ++i, argument));
                default -> throw new DemoProblem("Unknown argument: " + argument);
            }
        }
        return new PinotCdcDemo.Settings(port, changesPerSecond, seed, workDirectory);
    }

    private static String value(String[] args, int index, String option)
    {
        if (index >= args.length) {
            throw new DemoProblem(option + " needs a value");
        }
        return args[index];
    }

    private static long number(String option, String value)
    {
        try {
            return Long.parseLong(value);
        }
        catch (NumberFormatException e) {
            throw new DemoProblem("%s needs a whole number, not '%s'".formatted(option, value));
        }
    }

    private static double decimal(String option, String value)
    {
        try {
            return Double.parseDouble(value);
        }
        catch (NumberFormatException e) {
            throw new DemoProblem("%s needs a number, not '%s'".formatted(option, value));
        }
    }
}

package dev.pinotcdc.trino.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The machine's load when a run starts or ends: timings on a shared machine mean little without it.
 */
public record MachineLoad(int processors, String loadAverages, long availableMemoryMegabytes)
{
    public static MachineLoad now()
    {
        String load = "unknown";
        long availableMegabytes = -1;
        try {
            List<String> parts = List.of(Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+"));
            load = String.join(" ", parts.subList(0, 3));
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    availableMegabytes = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        }
        catch (IOException | RuntimeException e) {
            // not Linux: the report says unknown
        }
        return new MachineLoad(Runtime.getRuntime().availableProcessors(), load, availableMegabytes);
    }

    public String describe()
    {
        return String.format(Locale.ROOT, "%d cores, load average (1/5/15 min) %s, %,d MB memory available", processors, loadAverages, availableMemoryMegabytes);
    }
}

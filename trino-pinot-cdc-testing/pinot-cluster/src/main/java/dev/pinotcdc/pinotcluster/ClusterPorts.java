package dev.pinotcdc.pinotcluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

import static java.util.stream.Collectors.joining;

/**
 * The cluster's ports, kept in its work directory: a cluster started again on a directory a killed one left behind
 * (a test restarting Pinot) listens where the first one did, so its Helix instance names, its registrations and the
 * clients' URLs stay valid.
 */
record ClusterPorts(
        int zookeeper,
        int kafka,
        int controller,
        int broker,
        int serverNetty,
        int serverAdmin,
        int controllerHttps,
        int brokerHttps)
{
    static final String FILE = "ports";
    private static final int COUNT = 8;

    static ClusterPorts loadOrAllocate(Path workDirectory)
            throws IOException
    {
        Path file = workDirectory.resolve(FILE);
        if (Files.exists(file)) {
            return of(Arrays.stream(Files.readString(file).strip().split(" ")).map(Integer::valueOf).toList());
        }
        ClusterPorts ports = of(LoopbackPorts.allocate(COUNT));
        Path temporary = workDirectory.resolve(FILE + ".tmp");
        Files.writeString(temporary, ports.asList().stream().map(String::valueOf).collect(joining(" ")));
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        return ports;
    }

    private static ClusterPorts of(List<Integer> ports)
    {
        if (ports.size() != COUNT) {
            throw new IllegalArgumentException("Expected %s ports, got %s".formatted(COUNT, ports));
        }
        return new ClusterPorts(ports.get(0), ports.get(1), ports.get(2), ports.get(3), ports.get(4), ports.get(5), ports.get(6), ports.get(7));
    }

    private List<Integer> asList()
    {
        return List.of(zookeeper, kafka, controller, broker, serverNetty, serverAdmin, controllerHttps, brokerHttps);
    }
}

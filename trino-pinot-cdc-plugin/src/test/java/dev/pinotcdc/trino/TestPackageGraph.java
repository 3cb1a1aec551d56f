package dev.pinotcdc.trino;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin's packages depend on each other one way only: each package may use the packages listed before it in
 * {@link #LAYERS}, never one listed after it, so no two packages depend on each other. Reads the compiled classes
 * (every class a class file names: code, fields, signatures, annotations) and prints the graph.
 */
public class TestPackageGraph
{
    private static final String ROOT = "dev.pinotcdc.trino";

    /** From the bottom up; a package may depend on the ones above it in this list. */
    private static final List<String> LAYERS = List.of(
            // the SPI calls that differ between Trino versions (spi-476/java, spi-483/java)
            "adapter",
            // catalog properties and session properties
            "config",
            // the controller and broker clients, and the Trino errors Pinot's failures become
            "client",
            // Debezium's CDC rules: table layout, field types and encodings
            "cdc",
            // decoding one stored value into a Trino value
            "cdc.decoder",
            // the Pinot query model and its one SQL writer
            "query",
            // the handles, what may be pushed into Pinot, and the broker query of a split with how its answer is read
            "pushdown",
            // tables and columns, and pushdown as Trino asks for it
            "metadata",
            // splits and page sources
            "read",
            // the plugin, connector factory, Guice module and connector
            "");

    private static final Pattern CLASS_NAME = Pattern.compile("dev/pinotcdc/trino/[\\w/$]+");

    @Test
    public void testPackagesDependOneWay()
            throws IOException
    {
        Map<String, Set<String>> graph = packageGraph(classesDirectory());
        System.out.println(describe(graph));

        assertThat(graph.keySet())
                .as("every package has its place in TestPackageGraph.LAYERS")
                .allMatch(LAYERS::contains);

        assertThat(findCycle(graph))
                .as("a cycle of package dependencies")
                .isEmpty();

        List<String> upwards = new ArrayList<>();
        graph.forEach((from, targets) -> {
            for (String to : targets) {
                if (LAYERS.indexOf(to) > LAYERS.indexOf(from)) {
                    upwards.add("%s -> %s".formatted(displayName(from), displayName(to)));
                }
            }
        });
        assertThat(upwards)
                .as("dependencies on a package listed later in TestPackageGraph.LAYERS")
                .isEmpty();
    }

    @Test
    public void testCycleIsFound()
    {
        Map<String, Set<String>> graph = Map.of(
                "a", Set.of("b"),
                "b", Set.of("c"),
                "c", Set.of("a"),
                "d", Set.of("a"));
        assertThat(findCycle(graph)).hasValueSatisfying(cycle -> assertThat(cycle).hasSize(4).startsWith(cycle.getLast()));
        assertThat(findCycle(Map.of("a", Set.of("b"), "b", Set.of()))).isEmpty();
    }

    private static Path classesDirectory()
    {
        try {
            // the plugin's own classes, not the test classes
            return Path.of(PinotCdcPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For each package of the plugin, the other packages of the plugin its classes use. */
    private static Map<String, Set<String>> packageGraph(Path classes)
            throws IOException
    {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(file -> file.toString().endsWith(".class")).forEach(file -> {
                ClassModel model = parse(file);
                String from = packageOf(model.thisClass().asInternalName());
                Set<String> targets = graph.computeIfAbsent(from, _ -> new TreeSet<>());
                for (PoolEntry entry : model.constantPool()) {
                    String text = switch (entry) {
                        case ClassEntry classEntry -> classEntry.asInternalName();
                        // descriptors and generic signatures
                        case Utf8Entry utf8 -> utf8.stringValue();
                        default -> "";
                    };
                    Matcher matcher = CLASS_NAME.matcher(text);
                    while (matcher.find()) {
                        String to = packageOf(matcher.group());
                        if (!to.equals(from)) {
                            targets.add(to);
                        }
                    }
                }
            });
        }
        return graph;
    }

    private static ClassModel parse(Path file)
    {
        try {
            return ClassFile.of().parse(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The package below dev.pinotcdc.trino ("" for that package itself), dot-separated. */
    private static String packageOf(String internalName)
    {
        String packageName = internalName.substring(0, internalName.lastIndexOf('/')).replace('/', '.');
        return packageName.equals(ROOT) ? "" : packageName.substring(ROOT.length() + 1);
    }

    /** A cycle as its packages, the first one repeated at the end. */
    static Optional<List<String>> findCycle(Map<String, Set<String>> graph)
    {
        Set<String> done = new HashSet<>();
        for (String start : new TreeSet<>(graph.keySet())) {
            Optional<List<String>> cycle = findCycle(graph, start, new ArrayList<>(), done);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> findCycle(Map<String, Set<String>> graph, String node, List<String> path, Set<String> done)
    {
        int index = path.indexOf(node);
        if (index >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(index, path.size()));
            cycle.add(node);
            return Optional.of(cycle);
        }
        if (done.contains(node)) {
            return Optional.empty();
        }
        path.add(node);
        for (String next : new TreeSet<>(graph.getOrDefault(node, Set.of()))) {
            Optional<List<String>> cycle = findCycle(graph, next, path, done);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        path.removeLast();
        done.add(node);
        return Optional.empty();
    }

    /** The graph from the top down: each package with the packages it uses. */
    private static String describe(Map<String, Set<String>> graph)
    {
        StringBuilder text = new StringBuilder("Package graph of %s (each package uses only packages below it):%n".formatted(ROOT));
        int width = LAYERS.stream().mapToInt(layer -> displayName(layer).length()).max().orElse(0);
        for (String layer : LAYERS.reversed()) {
            if (graph.containsKey(layer)) {
                String uses = graph.get(layer).stream()
                        .sorted((a, b) -> Integer.compare(LAYERS.indexOf(b), LAYERS.indexOf(a)))
                        .map(TestPackageGraph::displayName)
                        .collect(joining(", "));
                text.append(("  %-" + width + "s -> %s%n").formatted(displayName(layer), uses.isEmpty() ? "(none)" : uses));
            }
        }
        graph.keySet().stream()
                .filter(name -> !LAYERS.contains(name))
                .forEach(name -> text.append("  %s: not in TestPackageGraph.LAYERS%n".formatted(displayName(name))));
        return text.toString();
    }

    private static String displayName(String layer)
    {
        return layer.isEmpty() ? "(root)" : layer;
    }
}

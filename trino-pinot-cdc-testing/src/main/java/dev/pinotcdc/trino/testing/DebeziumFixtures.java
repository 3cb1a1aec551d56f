package dev.pinotcdc.trino.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real Debezium 3.6.1 messages under {@code <pinotcdc.shared.dir>/fixtures/debezium/<variant>/}: one
 * envelope per line in {@code <name>.jsonl}, its key on the same line of {@code <name>.keys.jsonl} ({@code null}
 * for none).
 */
public final class DebeziumFixtures
{
    public static final String SHARED_DIR_PROPERTY = "pinotcdc.shared.dir";

    private DebeziumFixtures() {}

    public static Path directory(String variant)
    {
        String sharedDirectory = System.getProperty(SHARED_DIR_PROPERTY);
        if (sharedDirectory == null) {
            throw new IllegalStateException("System property " + SHARED_DIR_PROPERTY + " is not set (the Surefire configuration sets it)");
        }
        return Path.of(sharedDirectory, "fixtures", "debezium", variant);
    }

    /**
     * @param variant for example {@code connect-precise}
     * @param name for example {@code snapshot}, {@code insert}, {@code update}, {@code delete}, {@code truncate}
     */
    public static List<KafkaMessage> read(String variant, String name)
    {
        return read(directory(variant), name);
    }

    public static List<KafkaMessage> read(Path directory, String name)
    {
        List<String> values = lines(directory.resolve(name + ".jsonl"));
        List<String> keys = lines(directory.resolve(name + ".keys.jsonl"));
        if (values.size() != keys.size()) {
            throw new IllegalStateException("%s has %s messages but %s keys".formatted(directory.resolve(name), values.size(), keys.size()));
        }
        List<KafkaMessage> messages = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String key = keys.get(i);
            messages.add(KafkaMessage.of(key.equals("null") ? null : key, values.get(i)));
        }
        return messages;
    }

    private static List<String> lines(Path file)
    {
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

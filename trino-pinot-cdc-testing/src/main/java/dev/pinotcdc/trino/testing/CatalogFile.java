package dev.pinotcdc.trino.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A catalog file of the project's etc-catalog/ directory, edited as a user edits their copy: a property's line is
 * replaced in place (a commented-out example line is uncommented), every other line stays as shipped.
 *
 * <pre>{@code
 * String text = CatalogFile.shipped("pinot_cdc").with("pinot.controller-urls", controllerUrl).text();
 * }</pre>
 */
public final class CatalogFile
{
    public static final String DIRECTORY_PROPERTY = "pinotcdc.etc.catalog.dir";

    private final String name;
    private final List<String> lines;

    private CatalogFile(String name, List<String> lines)
    {
        this.name = requireNonNull(name, "name is null");
        this.lines = List.copyOf(lines);
    }

    /**
     * The file etc-catalog/{name}.properties as the project ships it.
     */
    public static CatalogFile shipped(String name)
    {
        return read(shippedDirectory().resolve(name + ".properties"));
    }

    public static CatalogFile read(Path file)
    {
        String fileName = file.getFileName().toString();
        if (!fileName.endsWith(".properties")) {
            throw new IllegalArgumentException("A catalog file ends with .properties: " + file);
        }
        try {
            return new CatalogFile(fileName.substring(0, fileName.length() - ".properties".length()), Files.readAllLines(file));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the catalog file " + file, e);
        }
    }

    /**
     * The project's etc-catalog/ directory: given by the build, else found from the working directory (the
     * project root, or src/test when Maven runs the tests).
     */
    public static Path shippedDirectory()
    {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path candidate : List.of(Path.of("etc-catalog"), Path.of("../../etc-catalog"))) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("Cannot find the project's etc-catalog directory from %s: set -D%s"
                .formatted(Path.of("").toAbsolutePath(), DIRECTORY_PROPERTY));
    }

    /**
     * The catalog name: the file name without .properties.
     */
    public String name()
    {
        return name;
    }

    /**
     * Sets a property: its line, or its commented-out example line, becomes {@code key=value}; a property the
     * file does not mention is added at the end.
     */
    public CatalogFile with(String key, String value)
    {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        Pattern line = Pattern.compile("^#?\\s*" + Pattern.quote(key) + "\\s*[=:].*$");
        List<String> edited = new ArrayList<>(lines);
        String replacement = key + "=" + value.replace("\\", "\\\\");
        for (int i = 0; i < edited.size(); i++) {
            if (line.matcher(edited.get(i)).matches()) {
                edited.set(i, replacement);
                return new CatalogFile(name, edited);
            }
        }
        edited.add(replacement);
        return new CatalogFile(name, edited);
    }

    public String text()
    {
        return String.join("\n", lines) + "\n";
    }

    /**
     * The properties Trino reads from the text.
     */
    public Properties properties()
    {
        Properties properties = new Properties();
        try {
            properties.load(Reader.of(text()));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}

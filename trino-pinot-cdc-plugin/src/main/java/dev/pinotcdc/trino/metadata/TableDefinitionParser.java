package dev.pinotcdc.trino.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pinotcdc.trino.cdc.CdcJson;
import dev.pinotcdc.trino.cdc.FieldEncoding;
import dev.pinotcdc.trino.cdc.SourcePath;
import dev.pinotcdc.trino.cdc.TableDefinition;
import dev.pinotcdc.trino.cdc.decoder.FieldDecoders;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static java.util.Locale.ENGLISH;
import static java.util.Objects.requireNonNull;

/**
 * Reads table definition files: {@code <directory>/<table name>.json}. A file that is malformed, names an unknown
 * type or encoding, or pairs a type with an encoding that cannot produce it fails as a whole, with a message naming
 * the file and the column; a half-applied definition would show wrong types silently.
 */
public final class TableDefinitionParser
{
    private static final Set<String> FILE_KEYS = Set.of("columns", "includeUndeclaredFields", "comment");
    private static final Set<String> COLUMN_KEYS = Set.of("name", "type", "path", "encoding", "scale", "comment");

    private final TypeManager typeManager;

    public TableDefinitionParser(TypeManager typeManager)
    {
        this.typeManager = requireNonNull(typeManager, "typeManager is null");
    }

    /**
     * The definition of a table, if its file exists: {@code <table>.json}, or a file whose name differs from it only in
     * case (Trino lower-cases table names, Pinot does not).
     */
    public Optional<TableDefinition> load(Path directory, String tableName)
    {
        Path file = directory.resolve(tableName + ".json");
        if (!Files.isRegularFile(file)) {
            Optional<Path> caseInsensitive = findIgnoringCase(directory, tableName + ".json");
            if (caseInsensitive.isEmpty()) {
                return Optional.empty();
            }
            file = caseInsensitive.orElseThrow();
        }
        String json;
        try {
            json = Files.readString(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read table definition file " + file, e);
        }
        return Optional.of(parse(file.toString(), json));
    }

    private static Optional<Path> findIgnoringCase(Path directory, String fileName)
    {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
            for (Path candidate : files) {
                if (candidate.getFileName().toString().equalsIgnoreCase(fileName) && Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list table definition directory " + directory, e);
        }
        return Optional.empty();
    }

    /**
     * @throws IllegalArgumentException naming the source and the column at fault
     */
    public TableDefinition parse(String source, String json)
    {
        JsonNode root;
        try {
            root = CdcJson.objectMapper().readTree(json);
        }
        catch (JsonProcessingException e) {
            throw error(source, "is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw error(source, "must hold a JSON object with a \"columns\" array");
        }
        checkKeys(source, null, root, FILE_KEYS);
        JsonNode columnsNode = root.get("columns");
        if (columnsNode == null || !columnsNode.isArray()) {
            throw error(source, "must have a \"columns\" array");
        }
        boolean includeUndeclaredFields = true;
        JsonNode includeNode = root.get("includeUndeclaredFields");
        if (includeNode != null) {
            if (!includeNode.isBoolean()) {
                throw error(source, "\"includeUndeclaredFields\" must be true or false");
            }
            includeUndeclaredFields = includeNode.booleanValue();
        }

        List<TableDefinition.Column> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int index = 0;
        for (JsonNode columnNode : columnsNode) {
            index++;
            TableDefinition.Column column = parseColumn(source, index, columnNode);
            if (!names.add(column.name())) {
                throw error(source, "column '%s' is defined twice (column names are case-insensitive)".formatted(column.name()));
            }
            columns.add(column);
        }
        return new TableDefinition(source, columns, includeUndeclaredFields);
    }

    private TableDefinition.Column parseColumn(String source, int index, JsonNode node)
    {
        if (!node.isObject()) {
            throw error(source, "column #%s must be a JSON object".formatted(index));
        }
        JsonNode nameNode = node.get("name");
        if (nameNode == null || !nameNode.isTextual() || nameNode.textValue().isBlank()) {
            throw error(source, "column #%s needs a \"name\"".formatted(index));
        }
        String name = nameNode.textValue().toLowerCase(ENGLISH);
        String columnLabel = "column '%s'".formatted(name);
        checkKeys(source, columnLabel, node, COLUMN_KEYS);

        String typeText = requiredText(source, columnLabel, node, "type");
        Type type;
        try {
            type = typeManager.fromSqlType(typeText);
        }
        catch (RuntimeException e) {
            throw error(source, "%s: unknown type '%s'".formatted(columnLabel, typeText));
        }

        List<String> path = List.of(nameNode.textValue());
        if (node.has("path")) {
            String pathText = requiredText(source, columnLabel, node, "path");
            try {
                path = SourcePath.parse(pathText);
            }
            catch (IllegalArgumentException e) {
                throw error(source, "%s: %s".formatted(columnLabel, e.getMessage()));
            }
        }

        FieldEncoding encoding = FieldEncoding.NATIVE;
        if (node.has("encoding")) {
            String encodingText = requiredText(source, columnLabel, node, "encoding");
            try {
                encoding = FieldEncoding.fromExternalName(encodingText);
            }
            catch (IllegalArgumentException e) {
                throw error(source, "%s: unknown encoding '%s'; known: %s".formatted(columnLabel, encodingText, knownEncodings()));
            }
        }

        OptionalInt scale = OptionalInt.empty();
        JsonNode scaleNode = node.get("scale");
        if (scaleNode != null) {
            if (!scaleNode.isIntegralNumber() || !scaleNode.canConvertToInt()) {
                throw error(source, "%s: \"scale\" must be an integer".formatted(columnLabel));
            }
            scale = OptionalInt.of(scaleNode.intValue());
        }

        try {
            FieldDecoders.create(type, encoding, scale);
        }
        catch (IllegalArgumentException e) {
            throw error(source, "%s: %s".formatted(columnLabel, e.getMessage()));
        }

        Optional<String> comment = Optional.empty();
        if (node.has("comment")) {
            comment = Optional.of(requiredText(source, columnLabel, node, "comment"));
        }
        return new TableDefinition.Column(name, type, path, encoding, scale, comment);
    }

    private static String requiredText(String source, String columnLabel, JsonNode node, String key)
    {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual()) {
            throw error(source, "%s: \"%s\" must be a string".formatted(columnLabel, key));
        }
        return value.textValue();
    }

    private static void checkKeys(String source, String columnLabel, JsonNode node, Set<String> allowed)
    {
        Iterator<String> keys = node.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            if (!allowed.contains(key)) {
                String where = columnLabel == null ? "" : columnLabel + ": ";
                throw error(source, "%sunknown property \"%s\"; allowed: %s".formatted(where, key, allowed.stream().sorted().toList()));
            }
        }
    }

    private static List<String> knownEncodings()
    {
        List<String> names = new ArrayList<>();
        for (FieldEncoding encoding : FieldEncoding.values()) {
            names.add(encoding.externalName());
        }
        return names;
    }

    private static IllegalArgumentException error(String source, String problem)
    {
        return new IllegalArgumentException("Table definition file %s: %s".formatted(source, problem));
    }
}

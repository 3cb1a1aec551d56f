package dev.pinotcdc.trino.templates;

import static java.util.Objects.requireNonNull;

/**
 * One field of Debezium's row image ({@code before}/{@code after}) with its Connect type.
 */
public record RowField(String name, DebeziumType type)
{
    public RowField
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (name.isEmpty()) {
            throw new TemplateException("A field name is empty");
        }
    }
}

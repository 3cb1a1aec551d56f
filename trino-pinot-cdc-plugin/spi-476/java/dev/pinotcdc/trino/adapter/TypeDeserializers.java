package dev.pinotcdc.trino.adapter;

import com.google.inject.Module;
import io.trino.plugin.base.TypeDeserializerModule;
import io.trino.spi.type.TypeManager;

/**
 * Reading Trino types from JSON (handles travel between coordinator and workers as JSON).
 */
public final class TypeDeserializers
{
    private TypeDeserializers() {}

    public static Module module(TypeManager typeManager)
    {
        return new TypeDeserializerModule(typeManager);
    }
}

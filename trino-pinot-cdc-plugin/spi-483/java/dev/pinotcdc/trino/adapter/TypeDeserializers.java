package dev.pinotcdc.trino.adapter;

import com.google.inject.Module;
import io.trino.plugin.base.TypeDeserializerModule;
import io.trino.spi.type.TypeManager;

/**
 * Reading Trino types from JSON (handles travel between coordinator and workers as JSON). Trino 483's module takes
 * the {@link TypeManager} from the injector, where the connector's module binds it.
 */
public final class TypeDeserializers
{
    private TypeDeserializers() {}

    public static Module module(TypeManager typeManager)
    {
        return new TypeDeserializerModule();
    }
}

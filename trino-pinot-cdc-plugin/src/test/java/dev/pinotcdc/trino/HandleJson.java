package dev.pinotcdc.trino;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.pinotcdc.trino.adapter.TypeDeserializers;
import io.airlift.json.JsonCodec;
import io.airlift.json.JsonCodecFactory;
import io.airlift.json.JsonModule;
import io.trino.block.BlockJsonSerde;
import io.trino.metadata.BlockEncodingManager;
import io.trino.metadata.HandleJsonModule;
import io.trino.metadata.HandleResolver;
import io.trino.metadata.InternalBlockEncodingSerde;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockEncodingSerde;
import io.trino.spi.type.TypeManager;

import static io.airlift.json.JsonBinder.jsonBinder;
import static io.trino.type.InternalTypeManager.TESTING_TYPE_MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON as the engine writes the handles and splits it sends between coordinator and workers: handles as their SPI
 * interface with the handle's class as type id (the engine's handle modules), blocks of predicates with the engine's
 * block encoding, types read back by the plugin's own adapter ({@link TypeDeserializers}).
 */
public final class HandleJson
{
    private static final JsonCodecFactory CODECS = codecFactory();

    private HandleJson() {}

    /**
     * Writes the value as the given SPI type, reads it back, and checks the copy equals it.
     *
     * @return the JSON text
     */
    public static <T> String assertRoundTrip(Class<T> spiType, T value)
    {
        JsonCodec<T> codec = CODECS.jsonCodec(spiType);
        String json = codec.toJson(value);
        T copy = codec.fromJson(json);
        assertThat(copy).isEqualTo(value);
        assertThat(copy.getClass()).isEqualTo(value.getClass());
        return json;
    }

    private static JsonCodecFactory codecFactory()
    {
        HandleResolver handles = new HandleResolver();
        // built by injection as the engine builds it: its constructor differs between Trino 476 and 483
        BlockEncodingManager blockEncodings = Guice.createInjector().getInstance(BlockEncodingManager.class);
        BlockEncodingSerde blocks = new InternalBlockEncodingSerde(blockEncodings, TESTING_TYPE_MANAGER);
        Injector injector = Guice.createInjector(
                new JsonModule(),
                TypeDeserializers.module(TESTING_TYPE_MANAGER),
                binder -> {
                    // Trino 483's type deserializer takes the type manager from the injector (476's is given it)
                    binder.bind(TypeManager.class).toInstance(TESTING_TYPE_MANAGER);
                    jsonBinder(binder).addSerializerBinding(Block.class).toInstance(new BlockJsonSerde.Serializer(blocks));
                    jsonBinder(binder).addDeserializerBinding(Block.class).toInstance(new BlockJsonSerde.Deserializer(blocks));
                    jsonBinder(binder).addModuleBinding().toInstance(HandleJsonModule.tableHandleModule(handles));
                    jsonBinder(binder).addModuleBinding().toInstance(HandleJsonModule.columnHandleModule(handles));
                    jsonBinder(binder).addModuleBinding().toInstance(HandleJsonModule.splitModule(handles));
                    jsonBinder(binder).addModuleBinding().toInstance(HandleJsonModule.transactionHandleModule(handles));
                });
        return injector.getInstance(JsonCodecFactory.class);
    }
}

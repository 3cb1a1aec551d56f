package dev.pinotcdc.trino.cdc.decoder;

import dev.pinotcdc.trino.cdc.CdcJson;
import dev.pinotcdc.trino.cdc.FieldEncoding;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.StandardTypes;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeId;

import java.util.OptionalInt;

import static io.trino.type.InternalTypeManager.TESTING_TYPE_MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Decodes one JSON value into a one-position block, or captures why it was refused. */
final class DecoderTesting
{
    static final Type JSON = TESTING_TYPE_MANAGER.getType(TypeId.of(StandardTypes.JSON));
    static final Type INTERVAL_DAY_TO_SECOND = TESTING_TYPE_MANAGER.getType(TypeId.of(StandardTypes.INTERVAL_DAY_TO_SECOND));

    private DecoderTesting() {}

    static Block decode(Type type, FieldEncoding encoding, String json)
    {
        return decode(type, encoding, OptionalInt.empty(), json);
    }

    static Block decode(Type type, FieldEncoding encoding, OptionalInt storedScale, String json)
    {
        FieldDecoder decoder = FieldDecoders.create(type, encoding, storedScale);
        assertThat(decoder.type()).isEqualTo(type);
        BlockBuilder builder = type.createBlockBuilder(null, 1);
        decoder.decode(CdcJson.parse(json), builder);
        Block block = builder.build();
        assertThat(block.getPositionCount()).isEqualTo(1);
        return block;
    }

    static InvalidValueException.Reason failure(Type type, FieldEncoding encoding, String json)
    {
        return failure(type, encoding, OptionalInt.empty(), json);
    }

    static InvalidValueException.Reason failure(Type type, FieldEncoding encoding, OptionalInt storedScale, String json)
    {
        FieldDecoder decoder = FieldDecoders.create(type, encoding, storedScale);
        BlockBuilder builder = type.createBlockBuilder(null, 1);
        InvalidValueException failure = catchThrowableOfType(InvalidValueException.class, () -> decoder.decode(CdcJson.parse(json), builder));
        assertThat(failure).as("decoding %s as %s (%s)", json, type, encoding).isNotNull();
        // the contract: a refused value appends nothing
        assertThat(builder.getPositionCount()).isZero();
        return failure.reason();
    }

    /** A JSON string literal. */
    static String quoted(String text)
    {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

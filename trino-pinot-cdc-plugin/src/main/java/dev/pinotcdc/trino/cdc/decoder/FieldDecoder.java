package dev.pinotcdc.trino.cdc.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

/** Turns one stored value into Trino's representation of the column's type. */
public interface FieldDecoder
{
    Type type();

    /**
     * Appends the decoded value to the output. The caller handles absent values: {@code value} is never null,
     * missing, or a JSON null.
     *
     * @throws InvalidValueException when the stored value does not fit the column; nothing was appended then
     */
    void decode(JsonNode value, BlockBuilder output);
}

package dev.pinotcdc.trino.testing;

import java.util.Map;

/**
 * How a CDC table turns Debezium's JSON message into column values.
 */
public enum CdcMessageDecoding
{
    /**
     * Pinot's JSON decoder, the usual setup. It is lossy before any transform runs: booleans become the strings
     * "true"/"false", null fields are dropped, empty arrays and maps are dropped, null array elements are dropped.
     */
    PINOT_JSON_DECODER,

    /**
     * The whole message as one text value (Pinot's CSV decoder with separators that cannot occur in JSON), parsed
     * by Groovy's JsonSlurper in each transform: {@code source} keeps booleans, nulls and empty arrays exactly. Costs
     * one JSON parse per column per message.
     */
    RAW_MESSAGE_TEXT;

    static final String RAW_MESSAGE_FIELD = "message";

    Map<String, String> decoderConfigs()
    {
        return switch (this) {
            case PINOT_JSON_DECODER -> RealtimeTableConfig.JSON_DECODER;
            case RAW_MESSAGE_TEXT -> Map.of(
                    "stream.kafka.decoder.class.name", "org.apache.pinot.plugin.inputformat.csv.CSVMessageDecoder",
                    "stream.kafka.decoder.prop.header", RAW_MESSAGE_FIELD,
                    // control characters must be escaped inside JSON text, so neither occurs in a message
                    "stream.kafka.decoder.prop.delimiter", "\u0001",
                    "stream.kafka.decoder.prop.multiValueDelimiter", "\u0002");
        };
    }
}

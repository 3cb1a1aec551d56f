package dev.pinotcdc.trino.testing;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One Kafka record as strings; an empty key or value is sent as a null (a Debezium truncate event has no key, a
 * tombstone has no value).
 */
public record KafkaMessage(Optional<String> key, Optional<String> value)
{
    public KafkaMessage
    {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
    }

    public static KafkaMessage of(String key, String value)
    {
        return new KafkaMessage(Optional.ofNullable(key), Optional.ofNullable(value));
    }

    public static KafkaMessage withoutKey(String value)
    {
        return new KafkaMessage(Optional.empty(), Optional.of(value));
    }
}

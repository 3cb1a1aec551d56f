package dev.pinotcdc.trino.client;

import io.airlift.http.client.HttpClient;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

final class TestBrokerConfigurations
{
    private static final String CAPPED = """
            {"pinotConfig": {"pinot.broker.enable.query.limit.override": "true", "pinot.broker.query.response.limit": "10"}}
            """;

    @Test
    void testALimitOnceReadStandsWhenTheBrokerStopsTellingIt()
    {
        PinotClientSettings settings = settings();
        try (RecordingHttpServer broker = new RecordingHttpServer().answer("/appconfigs", 200, CAPPED);
                HttpClient httpClient = PinotBrokerClient.createHttpClient(settings)) {
            BrokerConfigurations configurations = new BrokerConfigurations(settings, httpClient, Duration.ZERO, Duration.ZERO);
            assertThat(configurations.responseLimit(broker.url())).isEqualTo(OptionalInt.of(10));

            broker.answer("/appconfigs", 500, "busy");
            // never "no limit" because a read failed: a cut answer would pass as whole
            assertThat(configurations.responseLimit(broker.url())).isEqualTo(OptionalInt.of(10));
            // tried again at once before giving up
            assertThat(broker.requests()).hasSize(1 + 3);

            broker.answer("/appconfigs", 200, "{\"pinotConfig\": {}}");
            assertThat(configurations.responseLimit(broker.url())).isEqualTo(OptionalInt.empty());
        }
    }

    @Test
    void testAPassingFailureIsReadThrough()
    {
        PinotClientSettings settings = settings();
        try (RecordingHttpServer broker = new RecordingHttpServer();
                HttpClient httpClient = PinotBrokerClient.createHttpClient(settings)) {
            BrokerConfigurations configurations = new BrokerConfigurations(settings, httpClient, Duration.ofMinutes(5), Duration.ofMinutes(5));
            // never read: unknown, and said so in the log
            assertThat(configurations.responseLimit(broker.url())).isEqualTo(OptionalInt.empty());
            assertThat(broker.requests()).hasSize(3);
            broker.answer("/appconfigs", 200, CAPPED);
            // a failure is kept as long as it was asked to be
            assertThat(configurations.responseLimit(broker.url())).isEqualTo(OptionalInt.empty());
            BrokerConfigurations eager = new BrokerConfigurations(settings, httpClient, Duration.ofMinutes(5), Duration.ZERO);
            assertThat(eager.responseLimit(broker.url())).isEqualTo(OptionalInt.of(10));
        }
    }

    private static PinotClientSettings settings()
    {
        return new PinotClientSettings(
                List.of(URI.create("http://127.0.0.1:1")),
                List.of(),
                PinotAuthentication.none(),
                PinotAuthentication.none(),
                Optional.empty(),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5));
    }
}

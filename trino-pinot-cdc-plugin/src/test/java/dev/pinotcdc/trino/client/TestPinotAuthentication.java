package dev.pinotcdc.trino.client;

import dev.pinotcdc.trino.client.PinotAuthentication.BasicAuthentication;
import dev.pinotcdc.trino.client.PinotAuthentication.BearerToken;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

final class TestPinotAuthentication
{
    @Test
    void testBasicAuthenticationHeader()
    {
        String expected = "Basic " + Base64.getEncoder().encodeToString("reader:sécret".getBytes(UTF_8));
        assertThat(new BasicAuthentication("reader", "sécret").authorizationHeader()).hasValue(expected);
    }

    @Test
    void testPlainTokenIsSentAsBearerToken()
    {
        assertThat(new BearerToken("tok-1").authorizationHeader()).hasValue("Bearer tok-1");
    }

    @Test
    void testPinotTokenWithItsSchemeIsSentAsItIs()
    {
        // Pinot's own tools take the whole Authorization value as their token
        assertThat(new BearerToken("Basic YWRtaW46dmVyeXNlY3JldA").authorizationHeader()).hasValue("Basic YWRtaW46dmVyeXNlY3JldA");
        assertThat(new BearerToken("bearer abc").authorizationHeader()).hasValue("bearer abc");
        assertThat(new BearerToken("Basically").authorizationHeader()).hasValue("Bearer Basically");
    }

    @Test
    void testNothingSecretInTheDescription()
    {
        assertThat(new BearerToken("tok-1").toString()).doesNotContain("tok-1");
        assertThat(new BasicAuthentication("reader", "sécret").toString()).doesNotContain("sécret");
    }
}

package dev.pinotcdc.trino.client;

import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * How the plugin proves who it is to a controller or a broker: nothing, HTTP basic, or a bearer token.
 * The secrets never appear in {@code toString()}, so settings can be logged.
 */
public sealed interface PinotAuthentication
{
    /** The value of the {@code Authorization} header, when one is sent. */
    Optional<String> authorizationHeader();

    static PinotAuthentication none()
    {
        return NoAuthentication.INSTANCE;
    }

    static PinotAuthentication of(Optional<String> user, Optional<String> password, Optional<String> token)
    {
        if (token.isPresent()) {
            if (user.isPresent() || password.isPresent()) {
                throw new IllegalArgumentException("Set either a user and password or a token, not both");
            }
            return new BearerToken(token.orElseThrow());
        }
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("A user needs a password and a password needs a user");
        }
        return user.<PinotAuthentication>map(name -> new BasicAuthentication(name, password.orElseThrow())).orElse(none());
    }

    enum NoAuthentication
            implements PinotAuthentication
    {
        INSTANCE;

        @Override
        public Optional<String> authorizationHeader()
        {
            return Optional.empty();
        }

        @Override
        public String toString()
        {
            return "none";
        }
    }

    record BasicAuthentication(String user, String password)
            implements PinotAuthentication
    {
        public BasicAuthentication
        {
            requireNonNull(user, "user is null");
            requireNonNull(password, "password is null");
        }

        @Override
        public Optional<String> authorizationHeader()
        {
            return Optional.of("Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8)));
        }

        @Override
        public String toString()
        {
            return "basic(user=" + user + ")";
        }
    }

    record BearerToken(String token)
            implements PinotAuthentication
    {
        public BearerToken
        {
            requireNonNull(token, "token is null");
        }

        /**
         * Pinot's own tokens (its tools' {@code -authToken}, {@code *.auth.token}) are a whole Authorization value
         * with their scheme, such as {@code Basic <base64>}: those are sent as they are; any other token as a bearer
         * token.
         */
        @Override
        public Optional<String> authorizationHeader()
        {
            return Optional.of(hasScheme(token) ? token : "Bearer " + token);
        }

        private static boolean hasScheme(String token)
        {
            String lower = token.toLowerCase(Locale.ENGLISH);
            return lower.startsWith("basic ") || lower.startsWith("bearer ");
        }

        @Override
        public String toString()
        {
            return "bearer-token";
        }
    }
}

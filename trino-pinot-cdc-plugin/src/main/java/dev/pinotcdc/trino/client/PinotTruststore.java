package dev.pinotcdc.trino.client;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The certificates that https controller and broker URLs are checked against. */
public record PinotTruststore(Path path, Optional<String> password, String type)
{
    public PinotTruststore
    {
        requireNonNull(path, "path is null");
        requireNonNull(password, "password is null");
        requireNonNull(type, "type is null");
    }

    public SSLContext createSslContext()
    {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore keyStore = KeyStore.getInstance(type);
            keyStore.load(in, password.map(String::toCharArray).orElse(null));
            TrustManagerFactory trustManagerFactory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagerFactory.init(keyStore);
            SSLContext sslContext = SSLContext.getInstance("TLS");
            sslContext.init(null, trustManagerFactory.getTrustManagers(), null);
            return sslContext;
        }
        catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot load the %s truststore %s: %s".formatted(type, path, e.getMessage()), e);
        }
    }

    @Override
    public String toString()
    {
        return "PinotTruststore[path=" + path + ", type=" + type + "]";
    }
}

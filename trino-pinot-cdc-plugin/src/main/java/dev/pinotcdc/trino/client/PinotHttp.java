package dev.pinotcdc.trino.client;

import io.airlift.http.client.HttpClient;
import io.airlift.http.client.Request;
import io.airlift.http.client.Response;
import io.airlift.http.client.ResponseHandler;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpResponseException;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Locale.ENGLISH;
import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.joining;

/**
 * One HTTP exchange with a controller or a broker, and what went wrong when there was none: a failure to connect
 * (the request never reached the server, so another one may be asked), no answer in time, or anything else.
 */
final class PinotHttp
{
    // the most one array holds
    static final long MAX_BODY_BYTES = Integer.MAX_VALUE - 8;

    private PinotHttp() {}

    /** The status and body of an answer, whatever its status. */
    record Answer(URI url, int status, byte[] body)
    {
        Answer
        {
            requireNonNull(url, "url is null");
            requireNonNull(body, "body is null");
        }

        String text()
        {
            return new String(body, UTF_8);
        }
    }

    enum FailureKind
    {
        /** The server could not be connected to: the request never reached it. */
        CONNECT,
        /** Connecting took longer than the connect timeout. */
        CONNECT_TIMEOUT,
        /** Connected, but the whole answer did not arrive in time. */
        TIMEOUT,
        INTERRUPTED,
        /** The answer was longer than the caller reads: the rest was not read. */
        TOO_LARGE,
        OTHER,
    }

    static final class Failure
            extends Exception
    {
        private final FailureKind kind;

        Failure(FailureKind kind, Throwable cause)
        {
            super(cause);
            this.kind = requireNonNull(kind, "kind is null");
        }

        FailureKind kind()
        {
            return kind;
        }

        /** The failure's own words, without the exception wrappers around them. */
        String describe()
        {
            List<String> messages = new ArrayList<>();
            for (Throwable cause = getCause(); cause != null && messages.size() < 3; cause = cause.getCause()) {
                String message = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
                if (!messages.contains(message)) {
                    messages.add(message);
                }
            }
            return messages.stream().collect(joining(", caused by "));
        }
    }

    /**
     * Sends the request and reads the whole answer.
     *
     * @throws Failure when no answer arrived
     */
    static Answer send(HttpClient client, Request request)
            throws Failure
    {
        return send(client, request, MAX_BODY_BYTES);
    }

    /**
     * Sends the request and reads the whole answer, unless its body is longer than {@code maxBodyBytes}: then it stops
     * reading (the exchange is aborted) and fails with {@link FailureKind#TOO_LARGE}, never with part of the answer.
     *
     * @throws Failure when no answer, or no answer short enough, arrived
     */
    static Answer send(HttpClient client, Request request, long maxBodyBytes)
            throws Failure
    {
        Throwable failure;
        try {
            return client.execute(request, new AnswerHandler(Math.min(maxBodyBytes, MAX_BODY_BYTES)));
        }
        catch (TransportException e) {
            failure = e.getCause();
        }
        catch (RuntimeException e) {
            // airlift rethrows an unchecked failure of the exchange instead of passing it to the handler
            failure = e;
        }
        Optional<Answer> unchallenged = unchallengedAnswer(request, failure);
        if (unchallenged.isPresent()) {
            return unchallenged.orElseThrow();
        }
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        throw new Failure(kindOf(failure), failure);
    }

    /**
     * Pinot answers 401 without a {@code WWW-Authenticate} challenge, which Jetty's authentication handling reports as
     * a protocol violation that carries the answer: that answer, as any other.
     */
    private static Optional<Answer> unchallengedAnswer(Request request, Throwable failure)
    {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpResponseException exception && exception.getResponse() != null) {
                byte[] body = exception.getResponse() instanceof ContentResponse content ? content.getContent() : new byte[0];
                return Optional.of(new Answer(request.getUri(), exception.getResponse().getStatus(), body == null ? new byte[0] : body));
            }
        }
        return Optional.empty();
    }

    static FailureKind kindOf(Throwable failure)
    {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AnswerTooLargeException) {
                return FailureKind.TOO_LARGE;
            }
            if (cause instanceof InterruptedException) {
                return FailureKind.INTERRUPTED;
            }
            // Jetty's connect timeout
            if (cause instanceof SocketTimeoutException && cause.getMessage() != null && cause.getMessage().toLowerCase(ENGLISH).contains("connect")) {
                return FailureKind.CONNECT_TIMEOUT;
            }
            if (cause instanceof ConnectException || cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException) {
                return FailureKind.CONNECT;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // the request timeout (whole answer) and the idle timeout (no byte for as long)
            if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException) {
                return FailureKind.TIMEOUT;
            }
        }
        return FailureKind.OTHER;
    }

    private static final class AnswerHandler
            implements ResponseHandler<Answer, TransportException>
    {
        private final long maxBodyBytes;

        AnswerHandler(long maxBodyBytes)
        {
            this.maxBodyBytes = maxBodyBytes;
        }

        @Override
        public Answer handleException(Request request, Exception exception)
        {
            throw new TransportException(exception);
        }

        @Override
        public Answer handle(Request request, Response response)
        {
            long announced = contentLength(response);
            if (announced > maxBodyBytes) {
                // refused before a byte of the body is read
                throw new TransportException(new AnswerTooLargeException(maxBodyBytes));
            }
            // closing the stream before its end aborts the exchange: the rest of the answer is never read
            try (InputStream body = response.getInputStream()) {
                byte[] bytes = body.readNBytes((int) maxBodyBytes);
                if (bytes.length == maxBodyBytes && body.read() != -1) {
                    throw new TransportException(new AnswerTooLargeException(maxBodyBytes));
                }
                return new Answer(request.getUri(), response.getStatusCode(), bytes);
            }
            catch (IOException e) {
                throw new TransportException(e);
            }
        }
    }

    private static long contentLength(Response response)
    {
        String value = response.getHeader("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        }
        catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The answer's body is longer than the caller reads. */
    static final class AnswerTooLargeException
            extends IOException
    {
        private final long maxBodyBytes;

        AnswerTooLargeException(long maxBodyBytes)
        {
            super("the answer is longer than " + maxBodyBytes + " bytes");
            this.maxBodyBytes = maxBodyBytes;
        }

        long maxBodyBytes()
        {
            return maxBodyBytes;
        }
    }

    private static final class TransportException
            extends RuntimeException
    {
        TransportException(Throwable cause)
        {
            super(cause);
        }
    }
}

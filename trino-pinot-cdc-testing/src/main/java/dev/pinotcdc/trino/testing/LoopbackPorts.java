package dev.pinotcdc.trino.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

final class LoopbackPorts
{
    private LoopbackPorts() {}

    /**
     * A port that was free on 127.0.0.1 a moment ago; servers that cannot be told to pick their own take this.
     */
    static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

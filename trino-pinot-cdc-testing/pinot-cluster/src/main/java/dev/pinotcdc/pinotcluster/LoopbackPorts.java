package dev.pinotcdc.pinotcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

final class LoopbackPorts
{
    static final String LOOPBACK = "127.0.0.1";

    private LoopbackPorts() {}

    /**
     * Returns distinct ports that are free on the loopback interface right now. All sockets stay open until every
     * port is chosen, so the operating system cannot hand out the same port twice.
     */
    static List<Integer> allocate(int count)
    {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK));
                socket.setReuseAddress(true);
                sockets.add(socket);
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot find free loopback ports", e);
        }
        finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                }
                catch (IOException ignored) {
                    // the port is released when the process ends at the latest
                }
            }
        }
    }
}

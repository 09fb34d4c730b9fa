package io.loadsmith.tool;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports for what a tool serves while it runs (k6's REST API, Locust's master). */
public final class Ports {
    private Ports() {}

    /**
     * A TCP port on the loopback interface that nothing listens on now.
     *
     * @param purpose what it is for, for the message when there is none
     */
    public static int freeLoopbackPort(String purpose) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new ToolRunException("cannot find a free port for " + purpose + ": " + e.getMessage(), e);
        }
    }
}

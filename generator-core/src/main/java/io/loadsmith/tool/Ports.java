package io.loadsmith.tool;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.Deque;

/** Ports for what a tool serves while it runs (k6's REST API, Locust's master). */
public final class Ports {
    /** Ports handed out lately: the system may give a closed port again, and two processes must not get the same one. */
    private static final Deque<Integer> RECENT = new ArrayDeque<>();
    private static final int REMEMBERED = 256;

    private Ports() {}

    /**
     * A TCP port on the loopback interface that nothing listens on now.
     *
     * @param purpose what it is for, for the message when there is none
     */
    public static int freeLoopbackPort(String purpose) {
        synchronized (RECENT) {
            for (int attempt = 0; ; attempt++) {
                int port;
                try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    port = socket.getLocalPort();
                } catch (IOException e) {
                    throw new ToolRunException("cannot find a free port for " + purpose + ": " + e.getMessage(), e);
                }
                if (!RECENT.contains(port) || attempt >= 20) {
                    RECENT.addLast(port);
                    if (RECENT.size() > REMEMBERED) {
                        RECENT.removeFirst();
                    }
                    return port;
                }
            }
        }
    }
}

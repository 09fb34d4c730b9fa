package io.loadsmith.tool;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.IntSupplier;

/** Ports for what a tool serves while it runs (k6's REST API, Locust's master). */
public final class Ports {
    /** Ports handed out lately: the system may give a closed port again, and two processes must not get the same one. */
    private static final Recent RECENT = new Recent(256, 20);

    private Ports() {}

    /**
     * A TCP port on the loopback interface that nothing listens on now.
     *
     * @param purpose what it is for, for the message when there is none
     */
    public static int freeLoopbackPort(String purpose) {
        return RECENT.next(() -> {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new ToolRunException("cannot find a free port for " + purpose + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * The ports handed out lately, at most {@code remembered}: a port the system offers again is
     * asked for anew, up to {@code attempts} times, then taken all the same.
     */
    static final class Recent {
        private final Deque<Integer> ports = new ArrayDeque<>();
        private final int remembered;
        private final int attempts;

        Recent(int remembered, int attempts) {
            this.remembered = remembered;
            this.attempts = attempts;
        }

        synchronized int next(IntSupplier offered) {
            int port = offered.getAsInt();
            for (int attempt = 1; attempt < attempts && ports.contains(port); attempt++) {
                port = offered.getAsInt();
            }
            ports.addLast(port);
            if (ports.size() > remembered) {
                ports.removeFirst();
            }
            return port;
        }
    }
}

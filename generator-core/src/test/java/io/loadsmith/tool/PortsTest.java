package io.loadsmith.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {
    @Test
    void aFreePortCanBeListenedOnAndIsNotHandedOutTwice() throws Exception {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = Ports.freeLoopbackPort("a test");
            assertTrue(port > 0 && port < 65536, Integer.toString(port));
            assertTrue(ports.add(port), "port " + port + " was handed out before");
        }
        int port = Ports.freeLoopbackPort("a test");
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, socket.getLocalPort());
        }
    }
}

package io.loadsmith.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;
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

    /** The ports the system offers, one after the other. */
    private static IntSupplier offering(Integer... ports) {
        Iterator<Integer> it = List.of(ports).iterator();
        return it::next;
    }

    @Test
    void aPortOfferedAgainIsAskedForAnew() {
        Ports.Recent recent = new Ports.Recent(256, 20);
        assertEquals(5000, recent.next(offering(5000)));
        assertEquals(5001, recent.next(offering(5000, 5000, 5001)));
        assertEquals(5002, recent.next(offering(5001, 5002)));
    }

    @Test
    void aPortOfferedAgainAndAgainIsTakenAfterTheAttempts() {
        Ports.Recent recent = new Ports.Recent(256, 3);
        recent.next(offering(5000));
        assertEquals(5000, recent.next(offering(5000, 5000, 5000, 6000)), "three offers, all of them taken already");
        assertEquals(6000, recent.next(offering(5000, 5000, 6000)), "the third offer");
    }

    @Test
    void onlyTheLatestPortsAreRemembered() {
        Ports.Recent recent = new Ports.Recent(2, 20);
        recent.next(offering(5000));
        recent.next(offering(5001));
        assertEquals(5002, recent.next(offering(5000, 5002)), "5000 is among the last two");
        assertEquals(5000, recent.next(offering(5000)), "5000 is no longer among the last two (5001, 5002)");
        assertEquals(5003, recent.next(offering(5002, 5000, 5003)));
    }
}

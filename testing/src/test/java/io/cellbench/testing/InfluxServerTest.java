package io.cellbench.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The throwaway influxd plays an outage (kill, later restart) at one address for its whole life,
 * however busy the machine's ports are: issue 17, where a whole-suite run saw the restart fail
 * with "bind: address already in use" because another process had taken the port influxd let go.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS) // a hang guard: influxd starts in seconds
class InfluxServerTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void aRestartAnswersAtTheSameAddressWhenAnotherProcessTookThePortsInfluxdHad() throws Exception {
        try (InfluxServer server = InfluxServer.start()) {
            server.createDatabase("kept");
            assertEquals(204, server.write("kept", "m v=1 1"));
            URI url = server.url();
            Set<Integer> ports = ListeningPorts.of(influxd());
            assertFalse(ports.isEmpty(), "influxd listens somewhere");
            server.kill();
            // Someone else binds every port influxd had, as another test's server or an outgoing
            // connection may take a freed ephemeral port on a busy machine.
            List<ServerSocket> squatters = new ArrayList<>();
            try {
                for (int port : ports) {
                    ServerSocket s = new ServerSocket();
                    try {
                        s.bind(new InetSocketAddress(LOOPBACK, port));
                        squatters.add(s);
                    } catch (BindException takenAlready) {
                        s.close(); // another process was first: the port is taken all the same
                    }
                }
                server.startProcess();
                assertEquals(url, server.url(), "clients keep the address they were given");
                assertEquals(1, server.count("kept", "SELECT count(v) FROM m"), "the same data directory");
            } finally {
                for (ServerSocket s : squatters) {
                    s.close();
                }
            }
        }
    }

    @Test
    void whileTheServerIsDownItsAddressRefusesConnectionsAndNoOneElseCanTakeIt() throws Exception {
        try (InfluxServer server = InfluxServer.start()) {
            server.kill();
            assertFalse(server.isRunning());
            // What a client of a crashed server meets: connection refused, not a hang or a reset.
            assertThrows(ConnectException.class, () -> new Socket(LOOPBACK, server.port()).close());
            try (ServerSocket other = new ServerSocket()) {
                assertThrows(IOException.class, () -> other.bind(new InetSocketAddress(LOOPBACK, server.port())),
                        "the address stays the server's while it is down");
            }
            server.startProcess();
            server.createDatabase("back");
            assertEquals(204, server.write("back", "m v=2 2"));
        }
    }

    @Test
    void aServerPreparedButNotStartedRefusesConnectionsAtItsAddress() throws Exception {
        try (InfluxServer late = InfluxServer.prepare(false)) {
            assertThrows(ConnectException.class, () -> new Socket(LOOPBACK, late.port()).close());
            late.startProcess();
            late.createDatabase("late");
            assertEquals(0, late.count("late", "SELECT count(v) FROM m"));
        }
    }

    /** The influxd this JVM started (its only influxd child; setpriv execs it under the same pid). */
    private static ProcessHandle influxd() {
        List<ProcessHandle> found = ProcessHandle.current().children()
                .filter(p -> p.info().command().map(c -> c.endsWith("/influxd")).orElse(false)).toList();
        assertEquals(1, found.size(), "one influxd child: " + found);
        return found.getFirst();
    }
}

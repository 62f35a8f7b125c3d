package io.cellbench.schedules.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.core.UserError;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ControlServerTest {
    @TempDir
    Path tmp;

    private static ObjectNode status() {
        return ControlJson.MAPPER.createObjectNode().put("command", "status");
    }

    private static ControlHandler echo() {
        return r -> ControlJson.ok().put("echo", r.path("command").asText());
    }

    @Test
    void aRunDirectoryTooDeepForASocketPathGetsALinkToAPrivateDirectory() throws Exception {
        Path dir = tmp.resolve("a".repeat(60)).resolve("b".repeat(60));
        Files.createDirectories(dir);
        assertFalse(ControlAddress.fits(ControlAddress.socketFile(dir)));
        Path link = dir.resolve(ControlAddress.FILE);
        Path socket;
        try (ControlServer server = ControlServer.start(dir, echo())) {
            socket = server.socketFile();
            assertTrue(Files.isSymbolicLink(link));
            assertEquals(socket, Files.readSymbolicLink(link));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())),
                    "the private directory is the owner's alone");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
            assertEquals("status", ControlClient.request(dir, status(), Duration.ofSeconds(5)).path("echo").asText());
        }
        assertFalse(Files.exists(link, LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(socket.getParent()), "the private directory is removed with the socket");

        // A killed process leaves the link, pointing nowhere: stale, replaced.
        Files.createSymbolicLink(link, socket);
        try (ControlServer again = ControlServer.start(dir, echo())) {
            assertEquals("status", ControlClient.request(dir, status(), Duration.ofSeconds(5)).path("echo").asText());
        }
    }

    @Test
    void aProcessThatAcceptsButDoesNotAnswerIsNotTakenForADeadOne() throws Exception {
        // Bound and listening (the kernel accepts), but nobody reads: a stopped or hung process.
        try (var hung = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            hung.bind(UnixDomainSocketAddress.of(ControlAddress.socketFile(tmp)));
            UserError busy = assertThrows(UserError.class, () -> ControlServer.start(tmp, echo()));
            assertTrue(busy.getMessage().startsWith("another cellbench process is running"), busy.getMessage());
        }
    }

    @Test
    void clientsThatSayNothingHoldUpNobody() throws Exception {
        List<SocketChannel> silent = new ArrayList<>();
        try (ControlServer server = ControlServer.start(tmp, echo())) {
            for (int i = 0; i < ControlServer.MAX_CONNECTIONS - 1; i++) {
                SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
                c.connect(UnixDomainSocketAddress.of(server.socketFile()));
                silent.add(c);
            }
            assertEquals("status", ControlClient.request(tmp, status(), Duration.ofSeconds(5)).path("echo").asText());
        } finally {
            for (SocketChannel c : silent) {
                c.close();
            }
        }
    }

    @Test
    void aHandlerThatThrowsIsAnErrorAnswer() throws Exception {
        try (ControlServer server = ControlServer.start(tmp, r -> {
            throw new IllegalStateException("the runner is gone");
        })) {
            ObjectNode answer = ControlClient.request(tmp, status(), Duration.ofSeconds(5));
            assertFalse(answer.path("ok").asBoolean());
            assertEquals("cannot status: the runner is gone", answer.path("error").asText());
        }
    }

    /**
     * A stop ends the run at once when its cells are idle, and the session closes the server while
     * the stop's answer is still being written: the operator must get the answer, not "closed the
     * connection without an answer" (RunSessionTest failed so, now and then).
     */
    @Test
    void aRequestWhoseAnswerClosesTheServerIsStillAnswered() throws Exception {
        java.util.concurrent.atomic.AtomicReference<ControlServer> started = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Thread> closer = new java.util.concurrent.atomic.AtomicReference<>();
        ControlServer server = ControlServer.start(tmp, r -> {
            // as the run's end does: another thread closes the server; answer once it is closing
            Thread t = Thread.ofPlatform().name("session-end").start(() -> started.get().close());
            closer.set(t);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (t.getState() != Thread.State.TIMED_WAITING && t.getState() != Thread.State.WAITING
                    && t.getState() != Thread.State.TERMINATED && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            return ControlJson.ok().put("message", "stop requested");
        });
        started.set(server);
        ObjectNode answer = ControlClient.request(tmp, ControlJson.MAPPER.createObjectNode().put("command", "stop"),
                Duration.ofSeconds(10));
        assertEquals("stop requested", answer.path("message").asText(), answer.toString());
        closer.get().join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(closer.get().isAlive(), "the server closed");
        assertFalse(Files.exists(ControlAddress.socketFile(tmp), LinkOption.NOFOLLOW_LINKS), "and its socket is gone");
    }

    @Test
    void aStaleSocketIsReplacedAndALiveOneRefused() throws Exception {
        // What a killed process leaves: the socket file, nobody listening.
        try (var dead = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(ControlAddress.socketFile(tmp)));
        }
        assertTrue(Files.exists(ControlAddress.socketFile(tmp)));
        assertThrows(ControlClient.NotRunning.class, () -> ControlClient.request(tmp, status(), Duration.ofSeconds(5)));
        try (ControlServer server = ControlServer.start(tmp, echo())) {
            assertTrue(server.replacedStale());
            assertEquals("status", ControlClient.request(tmp, status(), Duration.ofSeconds(5)).path("echo").asText());
            UserError busy = assertThrows(UserError.class, () -> ControlServer.start(tmp, echo()));
            assertTrue(busy.getMessage().startsWith("another cellbench process is running"), busy.getMessage());
            assertEquals("status", ControlClient.request(tmp, status(), Duration.ofSeconds(5)).path("echo").asText(),
                    "the refused start left the live socket alone");
        }
    }
}

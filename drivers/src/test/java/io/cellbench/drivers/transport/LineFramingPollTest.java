package io.cellbench.drivers.transport;

import static io.cellbench.drivers.testing.RawPeer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cellbench.drivers.testing.RawPeer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link LineFraming#pollLine}: short waits that keep half a line, over a real socket. */
class LineFramingPollTest {

    @Test
    void aPollThatEndsMidLineKeepsWhatCameForTheNextPoll() throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            CountDownLatch firstHalfRead = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            try (RawPeer peer = new RawPeer(s -> {
                send(s, "Pdc8002710 ;cc80");
                firstHalfRead.await(60, TimeUnit.SECONDS);
                send(s, "07A12m\n*\n");
                done.await(60, TimeUnit.SECONDS);
            })) {
                LineFraming f = new LineFraming("dev", new TcpTransport("127.0.0.1", peer.port(), Duration.ofSeconds(2)),
                        Terminator.LF);
                f.open("connect");
                assertNull(f.pollLine("q", Duration.ofMillis(100)));
                assertNull(f.pollLine("q", Duration.ofMillis(50)));
                firstHalfRead.countDown();
                String line = null;
                while (line == null) {
                    line = f.pollLine("q", Duration.ofMillis(50));
                }
                assertEquals("Pdc8002710 ;cc8007A12m", line);
                assertEquals("*", f.pollLine("q", Duration.ofMillis(500)));
                assertFalse(f.needsResync(), "an empty poll is not a failure");
                done.countDown();
                f.close();
            }
        });
    }

    @Test
    void aClosedLinkStillFailsAPoll() throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (RawPeer peer = new RawPeer(s -> send(s, "half"))) {
                LineFraming f = new LineFraming("dev", new TcpTransport("127.0.0.1", peer.port(), Duration.ofSeconds(2)),
                        Terminator.LF);
                f.open("connect");
                LinkDownException e = assertThrows(LinkDownException.class, () -> {
                    while (true) {
                        f.pollLine("q", Duration.ofMillis(50));
                    }
                });
                assertEquals("dev: 'q': connection closed by the instrument (tcp 127.0.0.1:" + peer.port() + ")",
                        e.getMessage());
                f.close();
            }
        });
    }
}

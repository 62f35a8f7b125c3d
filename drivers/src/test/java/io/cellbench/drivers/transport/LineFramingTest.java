package io.cellbench.drivers.transport;

import static io.cellbench.drivers.testing.RawPeer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.drivers.testing.RawPeer;
import io.cellbench.testing.Await;
import io.cellbench.testing.DeadPort;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Line framing over real TCP sockets on 127.0.0.1, against bare peers that send awkward bytes. */
class LineFramingTest {

    /** A hang guard: every wait below ends on what the peer did, far sooner. */
    private static final Duration GUARD = Duration.ofSeconds(60);
    /** A read's timeout where the answer is already on its way: generous for a loaded machine. */
    private static final Duration READ = Duration.ofSeconds(30);

    private static LineFraming framing(RawPeer peer, int maxLine) {
        LineFraming f = new LineFraming("dev", new TcpTransport("127.0.0.1", peer.port(), Duration.ofSeconds(2)),
                Terminator.LF, maxLine);
        f.open("connect");
        return f;
    }

    @Test
    void linesArriveWholeHoweverTheBytesAreSplitAndCarriageReturnsAreDropped() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        // each piece goes out once the line before it was read, so the splits reach the framing as written
        CountDownLatch firstRead = new CountDownLatch(1);
        CountDownLatch secondRead = new CountDownLatch(1);
        try (RawPeer peer = new RawPeer(s -> {
            send(s, "first\r\nsec");
            firstRead.await(GUARD.toSeconds(), TimeUnit.SECONDS);
            send(s, "ond\nthi");
            secondRead.await(GUARD.toSeconds(), TimeUnit.SECONDS);
            send(s, "rd\n");
            done.await(GUARD.toSeconds(), TimeUnit.SECONDS);
        })) {
            LineFraming f = framing(peer, LineFraming.DEFAULT_MAX_LINE_BYTES);
            assertEquals("first", f.readLine("q", READ));
            firstRead.countDown();
            assertEquals("second", f.readLine("q", READ));
            secondRead.countDown();
            assertEquals("third", f.readLine("q", READ));
            assertFalse(f.needsResync());
            done.countDown();
            f.close();
        }
    }

    @Test
    void writesCarryTheChosenTerminator() throws Exception {
        StringBuilder got = new StringBuilder();
        CountDownLatch read = new CountDownLatch(1);
        try (RawPeer peer = new RawPeer(s -> {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            char[] buf = new char[64];
            int n = in.read(buf);
            got.append(buf, 0, n);
            read.countDown();
        })) {
            LineFraming f = new LineFraming("dev", new TcpTransport("127.0.0.1", peer.port(), Duration.ofSeconds(2)),
                    Terminator.CRLF);
            f.open("connect");
            f.writeLine("*IDN?");
            assertTrue(read.await(GUARD.toSeconds(), TimeUnit.SECONDS));
            assertEquals("*IDN?\r\n", got.toString());
            f.close();
        }
    }

    @Test
    void aTrickleWithoutALineEndEndsAtTheOverallDeadline() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (RawPeer peer = new RawPeer(s -> {
            while (done.getCount() > 0) { // a byte every 20 ms until the test has its answer
                send(s, "x");
                Thread.sleep(20);
            }
        })) {
            LineFraming f = framing(peer, LineFraming.DEFAULT_MAX_LINE_BYTES);
            TransportTimeoutException e = assertTimeoutPreemptively(GUARD,
                    () -> assertThrows(TransportTimeoutException.class, () -> f.readLine(":READ?", Duration.ofMillis(300))));
            assertEquals("dev", e.instrument());
            assertEquals(":READ?", e.command());
            assertTrue(e.getMessage().contains("answer incomplete (no line end) after 300 ms") && e.getMessage().contains("got 'x"),
                    e.getMessage());
            assertTrue(f.needsResync(), "bytes still in flight: reconnect before the next command");
            done.countDown();
            f.close();
        }
    }

    @Test
    void silenceIsATimeoutNamingTheEndpoint() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (RawPeer peer = new RawPeer(s -> done.await(GUARD.toSeconds(), TimeUnit.SECONDS))) { // silent, connected
            LineFraming f = framing(peer, LineFraming.DEFAULT_MAX_LINE_BYTES);
            TransportTimeoutException e = assertTimeoutPreemptively(GUARD,
                    () -> assertThrows(TransportTimeoutException.class, () -> f.readLine("*IDN?", Duration.ofMillis(200))));
            assertTrue(e.getMessage().contains("no answer within 200 ms on tcp 127.0.0.1:" + peer.port()), e.getMessage());
            done.countDown();
            f.close();
        }
    }

    @Test
    void anAnswerLongerThanTheLimitIsRefused() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (RawPeer peer = new RawPeer(s -> {
            send(s, "9".repeat(5000));
            done.await(GUARD.toSeconds(), TimeUnit.SECONDS); // no line end, and the link stays up
        })) {
            LineFraming f = framing(peer, 1024);
            InstrumentException e = assertTimeoutPreemptively(GUARD,
                    () -> assertThrows(InstrumentException.class, () -> f.readLine(":READ?", Duration.ofSeconds(3))));
            assertTrue(e.getMessage().contains("answer longer than 1024 bytes without a line end"), e.getMessage());
            assertTrue(f.needsResync());
            done.countDown();
            f.close();
        }
    }

    @Test
    void aPeerThatHangsUpIsALinkFailure() throws Exception {
        try (RawPeer peer = new RawPeer(s -> send(s, "partial"))) {
            LineFraming f = framing(peer, LineFraming.DEFAULT_MAX_LINE_BYTES);
            LinkDownException e = assertTimeoutPreemptively(GUARD,
                    () -> assertThrows(LinkDownException.class, () -> f.readLine("*OPC?", Duration.ofSeconds(3))));
            assertTrue(e.getMessage().contains("connection closed by the instrument"), e.getMessage());
            f.close();
        }
    }

    @Test
    void staleBytesAreDiscardedBeforeTheNextCommand() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (RawPeer peer = new RawPeer(s -> {
            send(s, "late answer\nmore\n");
            done.await(GUARD.toSeconds(), TimeUnit.SECONDS);
        })) {
            LineFraming f = framing(peer, LineFraming.DEFAULT_MAX_LINE_BYTES);
            Await.until("17 stale bytes arrived", () -> f.transport().available() >= 17);
            assertEquals(17, f.discardInput("*IDN?"));
            done.countDown();
            f.close();
        }
    }

    @Test
    void aRefusedConnectionNamesHostAndPort() throws IOException {
        // a port nothing listens on for the whole test (a freed port could be taken meanwhile)
        try (DeadPort dead = new DeadPort()) {
            int port = dead.port();
            LineFraming f = new LineFraming("smu1", new TcpTransport("127.0.0.1", port, Duration.ofSeconds(2)), Terminator.LF);
            LinkDownException e = assertThrows(LinkDownException.class, () -> f.open("connect"));
            assertEquals("smu1", e.instrument());
            assertTrue(e.getMessage().contains("cannot connect to 127.0.0.1:" + port), e.getMessage());
            assertInstanceOf(IOException.class, e.getCause());
        }
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new TcpTransport("127.0.0.1", 0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new TcpTransport("127.0.0.1", 5025, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> SerialSettings.eightNoneOne("", 9600));
        assertThrows(IllegalArgumentException.class, () -> SerialSettings.eightNoneOne("/dev/ttyS0", 0));
        assertEquals("/dev/ttyUSB0 9600 8N1", SerialSettings.eightNoneOne("/dev/ttyUSB0", 9600).describe());
    }

    @Test
    void aMissingSerialPortIsALinkFailureNamingIt() {
        LineFraming f = new LineFraming("smu1", new SerialTransport(
                SerialSettings.eightNoneOne("/dev/cellbench-no-such-port", 9600)), Terminator.LF);
        LinkDownException e = assertThrows(LinkDownException.class, () -> f.open("connect"));
        assertTrue(e.getMessage().contains("/dev/cellbench-no-such-port"), e.getMessage());
    }

    @Test
    void wireTextEscapesAndCuts() {
        assertEquals("'ok\\r\\n\\x00\\xFF'", WireText.quote("ok\r\n\u0000\u00ff"));
        assertEquals("'abc'… (5 characters)", WireText.quote("abcde", 3));
    }
}

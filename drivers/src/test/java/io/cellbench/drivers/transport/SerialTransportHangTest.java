package io.cellbench.drivers.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fazecast.jSerialComm.SerialPort;
import io.cellbench.fixtures.wire.SocatPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A native call that never returns (seen once: a pty read hung inside jSerialComm). A real
 * pty cannot be made to do that on demand, so the first port the transport opens is the real
 * socat pty behind a {@link NativePort} whose read (or write) blocks until the test ends; the
 * reconnect that follows opens the real port and must work.
 *
 * <p>What is checked is behaviour, not speed: the call returns (the hang guards are two minutes,
 * far beyond the transport's bound of its timeout plus {@link SerialTransport#MARGIN_NANOS}), it
 * gave the native call its whole bound first, and the error names the instrument, the command,
 * the port and the bound.
 */
class SerialTransportHangTest {

    private static final Duration WRITE_TIMEOUT = Duration.ofMillis(500);
    private static final Duration HANG_GUARD = Duration.ofMinutes(2);
    private static final long MARGIN_MILLIS = TimeUnit.NANOSECONDS.toMillis(SerialTransport.MARGIN_NANOS);

    @TempDir
    Path dir;
    private SocatPair pair;
    private SerialPort instrument;
    private final CountDownLatch testOver = new CountDownLatch(1);
    private final AtomicInteger opens = new AtomicInteger();

    @BeforeEach
    void open() throws IOException {
        pair = SocatPair.start(dir);
        instrument = SerialPort.getCommPort(pair.instrumentEnd().toString());
        instrument.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 2000, 0);
        assertTrue(instrument.openPort(), "cannot open the instrument end " + pair.instrumentEnd());
    }

    @AfterEach
    void close() {
        testOver.countDown(); // lets the abandoned native call go
        if (instrument != null) {
            instrument.closePort();
        }
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void aReadHungInTheNativeLayerFailsAfterItsBoundAndTheReconnectWorks() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            SerialTransport t = transport(true, false);
            LineFraming framing = new LineFraming("psu-1", t, Terminator.LF);
            framing.open("connect");
            framing.writeLine("MEAS:VOLT?");
            assertEquals("MEAS:VOLT?\n", instrumentLine(), "the query went out; its answer never comes in");

            long start = System.nanoTime();
            LinkDownException e = assertThrows(LinkDownException.class, () -> framing.readLine("MEAS:VOLT?",
                    Duration.ofMillis(300)));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertTrue(e.getMessage().startsWith("psu-1: 'MEAS:VOLT?': "), e.getMessage());
            assertTrue(e.getMessage().contains("serial " + pair.driverEnd()), e.getMessage());
            Matcher m = Pattern.compile(".*native read on serial port '" + Pattern.quote(pair.driverEnd().toString())
                    + "' did not return within (\\d+) ms; the port was closed").matcher(e.getMessage());
            assertTrue(m.matches(), e.getMessage());
            // the framing passes what is left of its 300 ms, plus the margin
            long bound = Long.parseLong(m.group(1));
            assertTrue(bound >= MARGIN_MILLIS && bound <= 300 + MARGIN_MILLIS, "bound " + bound + " ms");
            assertTrue(tookMillis >= bound, "gave the native read its " + bound + " ms first; returned after "
                    + tookMillis + " ms");
            assertFalse(t.isOpen(), "the link is down");
            assertTrue(framing.needsResync());

            reconnectAndExchange(framing);
            t.close();
        });
    }

    @Test
    void aWriteHungInTheNativeLayerFailsAfterItsBoundAndTheReconnectWorks() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            SerialTransport t = transport(false, true);
            LineFraming framing = new LineFraming("psu-1", t, Terminator.LF);
            framing.open("connect");

            long start = System.nanoTime();
            LinkDownException e = assertThrows(LinkDownException.class, () -> framing.writeLine("OUTP ON"));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            long bound = WRITE_TIMEOUT.toMillis() + MARGIN_MILLIS;
            assertTrue(tookMillis >= bound, "gave the native write its " + bound + " ms first; returned after "
                    + tookMillis + " ms");
            assertTrue(e.getMessage().contains("sending failed on serial " + pair.driverEnd()), e.getMessage());
            assertTrue(e.getMessage().contains("native write on serial port '" + pair.driverEnd()
                    + "' did not return within " + bound + " ms"), e.getMessage());
            assertFalse(t.isOpen(), "the link is down");

            reconnectAndExchange(framing);
            t.close();
        });
    }

    @Test
    void aHungReadOnAVirtualThreadIsBoundedToo() throws Exception {
        SerialTransport t = transport(true, false);
        t.open();
        AtomicInteger result = new AtomicInteger(Integer.MIN_VALUE);
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                result.set(t.read(new byte[16], 0, 16, TimeUnit.MILLISECONDS.toNanos(100)));
            } catch (IOException e) {
                result.set(-100);
            }
        });
        assertTrue(reader.join(HANG_GUARD), "the read on a virtual thread did not return");
        assertEquals(-100, result.get(), "the read threw");
        assertFalse(t.isOpen());
        t.close();
    }

    /** The driver reconnects, sends a line, the instrument end answers it, and the answer comes back. */
    private void reconnectAndExchange(LineFraming framing) throws IOException {
        framing.reconnect("MEAS:VOLT?");
        assertEquals(2, opens.get(), "the reconnect opened the port again");
        framing.writeLine("MEAS:VOLT?");
        assertEquals("MEAS:VOLT?\n", instrumentLine());
        byte[] answer = "3.7012\n".getBytes(StandardCharsets.ISO_8859_1);
        instrument.writeBytes(answer, answer.length);
        assertEquals("3.7012", framing.readLine("MEAS:VOLT?", Duration.ofSeconds(2)));
        assertFalse(framing.needsResync());
    }

    /** One line as the instrument end receives it (a byte at a time, so nothing after it is taken). */
    private String instrumentLine() throws IOException {
        byte[] one = new byte[1];
        StringBuilder got = new StringBuilder();
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (got.indexOf("\n") < 0 && System.nanoTime() < deadline) {
            int n = instrument.readBytes(one, 1);
            if (n < 0) {
                throw new IOException("instrument end failed");
            }
            if (n == 1) {
                got.append((char) (one[0] & 0xFF));
            }
        }
        return got.toString();
    }

    /** The first port opened hangs in read and/or write; later ones are the real pty. */
    private SerialTransport transport(boolean hangRead, boolean hangWrite) {
        SerialSettings settings = SerialSettings.eightNoneOne(pair.driverEnd().toString(), 115200);
        return new SerialTransport(settings, WRITE_TIMEOUT, (s, writeMillis) -> {
            NativePort real = NativePort.JSERIALCOMM.open(s, writeMillis);
            return opens.incrementAndGet() == 1 ? new Hanging(real, hangRead, hangWrite) : real;
        });
    }

    /** The real port, except that read or write never returns until the test ends. */
    private final class Hanging implements NativePort {
        private final NativePort real;
        private final boolean read;
        private final boolean write;

        Hanging(NativePort real, boolean read, boolean write) {
            this.real = real;
            this.read = read;
            this.write = write;
        }

        private void hang() {
            boolean interrupted = false;
            while (true) {
                try {
                    testOver.await(); // a native call ignores interrupts
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public boolean isOpen() {
            return real.isOpen();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (read) {
                hang();
            }
            return real.read(buffer, offset, length);
        }

        @Override
        public int write(byte[] bytes, int offset, int length) {
            if (write) {
                hang();
            }
            return real.write(bytes, offset, length);
        }

        @Override
        public int bytesAvailable() {
            return real.bytesAvailable();
        }

        @Override
        public int lastErrorCode() {
            return real.lastErrorCode();
        }

        @Override
        public void close() {
            real.close();
        }
    }
}

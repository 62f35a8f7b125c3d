package io.cellbench.drivers.transport;

import io.cellbench.core.instrument.InstrumentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Lines over a {@link ByteTransport}: commands go out with the terminator, answers come back
 * as text without it. Every read has one overall deadline, however the answer trickles in,
 * and an answer longer than {@code maxLineBytes} without a line end is refused, so neither a
 * silent nor a babbling instrument can hold a caller forever.
 *
 * <p>All failures are {@link InstrumentException}s that name the instrument and the command:
 * {@link TransportTimeoutException} when the answer did not come in time,
 * {@link LinkDownException} when the link failed. After either, or after an over-long line,
 * {@link #needsResync()} is true: bytes still in flight could be taken for the next answer,
 * so the owner should {@link #reconnect} before the next command.
 *
 * <p>Text is decoded as ISO-8859-1, which maps every byte to a character: garbage on the
 * wire shows up in messages (escaped) instead of failing the decoder.
 */
public final class LineFraming implements AutoCloseable {

    /** Longer than any SCPI answer cellbench asks for, short enough to bound memory. */
    public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;

    private final String instrument;
    private final ByteTransport transport;
    private final byte[] terminator;
    private final int maxLineBytes;
    private byte[] buffer = new byte[4096];
    private int start;
    private int end;
    private boolean needsResync;

    public LineFraming(String instrument, ByteTransport transport, Terminator terminator, int maxLineBytes) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.terminator = Objects.requireNonNull(terminator, "terminator").bytes();
        if (maxLineBytes < 16) {
            throw new IllegalArgumentException("max line length must be at least 16 bytes, got " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    public LineFraming(String instrument, ByteTransport transport, Terminator terminator) {
        this(instrument, transport, terminator, DEFAULT_MAX_LINE_BYTES);
    }

    public String instrument() {
        return instrument;
    }

    public ByteTransport transport() {
        return transport;
    }

    /** Opens the transport; {@code command} says what it was opened for (e.g. "connect"). */
    public void open(String command) {
        clear();
        try {
            transport.open();
            needsResync = false;
        } catch (IOException e) {
            needsResync = true;
            throw new LinkDownException(instrument, command, transport.endpoint() + ": " + e.getMessage(), e);
        }
    }

    /** Drops the link and opens it again; bytes in flight are lost. */
    public void reconnect(String command) {
        clear();
        try {
            transport.reconnect();
            needsResync = false;
        } catch (IOException e) {
            needsResync = true;
            throw new LinkDownException(instrument, command, "reconnect to " + transport.endpoint() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** True after a timeout, a link failure or an over-long line (see the class comment). */
    public boolean needsResync() {
        return needsResync || !transport.isOpen();
    }

    /** Asks for a reconnect before the next command (the owner saw an answer it could not use). */
    public void markResync() {
        needsResync = true;
    }

    /** Sends {@code command} and the terminator in one write. */
    public void writeLine(String command) {
        byte[] text = command.getBytes(StandardCharsets.ISO_8859_1);
        byte[] line = Arrays.copyOf(text, text.length + terminator.length);
        System.arraycopy(terminator, 0, line, text.length, terminator.length);
        try {
            transport.write(line, 0, line.length);
        } catch (IOException e) {
            needsResync = true;
            throw new LinkDownException(instrument, command, "sending failed on " + transport.endpoint() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The next line, without its terminator (and without a '\r' before a '\n').
     *
     * @param command what the answer belongs to, for messages
     * @param timeout the overall deadline for the whole line
     */
    public String readLine(String command, Duration timeout) {
        return line(command, timeout, false);
    }

    /**
     * The next line if one is complete within {@code wait}, else null with the bytes of a
     * partial line kept for the next call. For instruments that stream (a data package now and
     * then for minutes): the caller waits in short slices, and can do something else between
     * them (see whether an abort was asked for) without losing half a line. Link failures and
     * over-long lines throw as in {@link #readLine}.
     */
    public String pollLine(String command, Duration wait) {
        return line(command, wait, true);
    }

    private String line(String command, Duration timeout, boolean poll) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0; // bytes after start already known to hold no line end
        while (true) {
            for (int i = start + checked; i < end; i++) {
                if (buffer[i] == '\n') {
                    int lineEnd = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buffer, start, lineEnd - start, StandardCharsets.ISO_8859_1);
                    start = i + 1;
                    if (start == end) {
                        start = end = 0;
                    }
                    return line;
                }
            }
            checked = end - start;
            if (end - start > maxLineBytes) {
                String head = new String(buffer, start, Math.min(end - start, 80), StandardCharsets.ISO_8859_1);
                clear();
                needsResync = true;
                throw new InstrumentException(instrument, command, "answer longer than " + maxLineBytes
                        + " bytes without a line end, starting " + WireText.quote(head));
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 && poll) {
                return null;
            }
            if (remaining <= 0) {
                needsResync = true;
                String partial = new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
                clear();
                throw new TransportTimeoutException(instrument, command, (partial.isEmpty()
                        ? "no answer within " : "answer incomplete (no line end) after ") + timeout.toMillis()
                        + " ms on " + transport.endpoint() + (partial.isEmpty() ? "" : "; got " + WireText.quote(partial)));
            }
            makeRoom();
            int n;
            try {
                n = transport.read(buffer, end, buffer.length - end, remaining);
            } catch (IOException e) {
                needsResync = true;
                clear();
                throw new LinkDownException(instrument, command, "link failed while waiting for the answer on "
                        + transport.endpoint() + ": " + e.getMessage(), e);
            }
            if (n < 0) {
                needsResync = true;
                clear();
                throw new LinkDownException(instrument, command, "connection closed by the instrument ("
                        + transport.endpoint() + ")", null);
            }
            end += n;
        }
    }

    /**
     * Throws away what has already arrived and was not read: a stale answer (to a query
     * that timed out, or garbage) must not be taken for the answer to the next command.
     *
     * @return the number of bytes thrown away
     */
    public int discardInput(String command) {
        int dropped = end - start;
        clear();
        try {
            while (transport.isOpen() && transport.available() > 0) {
                int n = transport.read(buffer, 0, buffer.length, 0);
                if (n <= 0) {
                    break;
                }
                dropped += n;
            }
        } catch (IOException e) {
            needsResync = true;
            throw new LinkDownException(instrument, command, "link failed on " + transport.endpoint() + ": "
                    + e.getMessage(), e);
        }
        return dropped;
    }

    @Override
    public void close() {
        clear();
        transport.close();
    }

    private void makeRoom() {
        if (end < buffer.length) {
            return;
        }
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        } else {
            buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxLineBytes + 2));
        }
    }

    private void clear() {
        start = end = 0;
    }
}

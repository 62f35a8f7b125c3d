package io.cellbench.drivers.testing;

import io.cellbench.drivers.transport.ByteTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A scripted peer, PyMeasure style: the lines a driver must send, in order, each with the
 * answer the instrument gives (or none). A line that differs from the script fails the test
 * at once with both lines shown. Also injects failures a real peer cannot produce on cue
 * (a write that fails).
 */
public final class Transcript implements ByteTransport {

    private record Exchange(String sent, String answer, boolean failWrite) {
    }

    private final Deque<Exchange> script = new ArrayDeque<>();
    private final List<String> sentLines = new ArrayList<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private byte[] pending = new byte[0];
    private int pendingAt;
    private boolean open;
    private int opens;

    /** The driver sends {@code line} (without terminator) and gets no answer. */
    public Transcript send(String line) {
        script.add(new Exchange(line, null, false));
        return this;
    }

    /** The driver sends {@code line} and the instrument answers {@code answer}. */
    public Transcript query(String line, String answer) {
        script.add(new Exchange(line, answer, false));
        return this;
    }

    /** The driver sends {@code line}, and the write fails as on a dropped link. */
    public Transcript failingWrite(String line) {
        script.add(new Exchange(line, null, true));
        return this;
    }

    /** Every line the driver sent, in order. */
    public List<String> sent() {
        return List.copyOf(sentLines);
    }

    /** How many times the link was opened (reconnects included). */
    public int opens() {
        return opens;
    }

    /** Fails unless the driver sent every scripted line. */
    public void assertComplete() {
        if (!script.isEmpty()) {
            throw new AssertionError("the driver did not send " + script.size() + " scripted line(s); next expected: '"
                    + script.peekFirst().sent() + "'; sent so far: " + sentLines);
        }
    }

    @Override
    public void open() {
        open = true;
        opens++;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (!open) {
            throw new IOException("transcript link is closed");
        }
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                String line = partial.toString(StandardCharsets.ISO_8859_1);
                partial.reset();
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                if (line(line)) {
                    open = false;
                    throw new IOException("connection reset (scripted)");
                }
            } else {
                partial.write(bytes[i]);
            }
        }
    }

    /** Checks one sent line; true when its write is scripted to fail. */
    private boolean line(String line) {
        sentLines.add(line);
        Exchange next = script.pollFirst();
        if (next == null) {
            throw new AssertionError("the driver sent '" + line + "' after the end of the transcript; sent: " + sentLines);
        }
        if (!next.sent().equals(line)) {
            throw new AssertionError("expected the driver to send '" + next.sent() + "' but it sent '" + line
                    + "'; sent so far: " + sentLines);
        }
        if (next.answer() != null) {
            byte[] a = (next.answer() + "\n").getBytes(StandardCharsets.ISO_8859_1);
            byte[] rest = new byte[pending.length - pendingAt + a.length];
            System.arraycopy(pending, pendingAt, rest, 0, pending.length - pendingAt);
            System.arraycopy(a, 0, rest, pending.length - pendingAt, a.length);
            pending = rest;
            pendingAt = 0;
        }
        return next.failWrite();
    }

    @Override
    public int read(byte[] buffer, int offset, int length, long timeoutNanos) {
        int ready = pending.length - pendingAt;
        if (ready == 0) {
            if (timeoutNanos > 0) {
                LockSupport.parkNanos(timeoutNanos); // nothing will come: time out as a real link would
            }
            return 0;
        }
        int n = Math.min(ready, length);
        System.arraycopy(pending, pendingAt, buffer, offset, n);
        pendingAt += n;
        return n;
    }

    @Override
    public int available() {
        return pending.length - pendingAt;
    }

    @Override
    public String endpoint() {
        return "transcript";
    }

    @Override
    public void close() {
        open = false;
        pending = new byte[0];
        pendingAt = 0;
    }
}

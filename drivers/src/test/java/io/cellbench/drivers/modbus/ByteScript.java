package io.cellbench.drivers.modbus;

import io.cellbench.drivers.transport.ByteTransport;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A scripted binary link (for RTU transcripts): each write must equal the next expected frame
 * exactly; its answer is then readable. A wrong frame fails the write with both frames shown.
 */
final class ByteScript implements ByteTransport {
    private record Exchange(byte[] request, byte[] answer) {
    }

    private final Deque<Exchange> script = new ArrayDeque<>();
    private byte[] pending = new byte[0];
    private int at;
    private boolean open;

    ByteScript expect(String request, String answer) {
        script.add(new Exchange(ModbusPeer.bytes(request), ModbusPeer.bytes(answer)));
        return this;
    }

    boolean done() {
        return script.isEmpty() && at == pending.length;
    }

    @Override
    public void open() {
        open = true;
        pending = new byte[0];
        at = 0;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        byte[] got = Arrays.copyOfRange(bytes, offset, offset + length);
        Exchange e = script.poll();
        if (e == null) {
            throw new AssertionError("unexpected frame " + ModbusPeer.HEX.formatHex(got));
        }
        if (!Arrays.equals(got, e.request())) {
            throw new AssertionError("expected " + ModbusPeer.HEX.formatHex(e.request()) + ", got "
                    + ModbusPeer.HEX.formatHex(got));
        }
        pending = e.answer();
        at = 0;
    }

    @Override
    public int read(byte[] buffer, int offset, int length, long timeoutNanos) throws IOException {
        int n = Math.min(length, pending.length - at);
        if (n == 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(Math.min(timeoutNanos, 1_000_000));
            return 0;
        }
        System.arraycopy(pending, at, buffer, offset, n);
        at += n;
        return n;
    }

    @Override
    public int available() {
        return pending.length - at;
    }

    @Override
    public String endpoint() {
        return "script";
    }

    @Override
    public void close() {
        open = false;
    }
}

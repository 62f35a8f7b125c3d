package io.cellbench.drivers.modbus;

import io.cellbench.drivers.transport.ByteTransport;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Reads one Modbus answer off a {@link ByteTransport} piece by piece, each piece as long as the
 * header before it says, all under one deadline: a silent, slow or babbling device cannot hold
 * the caller past it.
 */
final class AnswerReader {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    private final ByteTransport transport;
    private final long deadlineNanos;
    private final long timeoutMillis;
    private final boolean greedy;
    private final int unit;
    /** Room for the largest frame (MBAP 7 + PDU 253; RTU 256): reads ask for all of it. */
    private byte[] bytes = new byte[260];
    private int length;

    /** @param unit the unit the answer is awaited from, for messages */
    AnswerReader(ByteTransport transport, int unit, long timeoutNanos, boolean greedy) {
        this.transport = transport;
        this.unit = unit;
        this.greedy = greedy;
        this.deadlineNanos = System.nanoTime() + timeoutNanos;
        this.timeoutMillis = timeoutNanos / 1_000_000;
    }

    /**
     * Reads until {@code total} bytes of the answer are in. A greedy reader (TCP) asks for as
     * much as the buffer holds, so an answer that arrived whole (the usual case) costs one
     * read, not one per header field; bytes past the frame can only be noise or a stale answer
     * and are dropped with the reader. On a serial line it asks for exactly what the frame
     * still needs: the one suite run with greedy serial reads hung in jSerialComm's native read
     * on a pty (not reproduced in isolation), and exact reads are the path the tests proved.
     */
    void fill(int total) throws WireProblem {
        if (bytes.length < total) {
            bytes = Arrays.copyOf(bytes, Math.max(total, bytes.length * 2));
        }
        while (length < total) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                throw new WireProblem(WireProblem.Kind.TIMEOUT, length == 0
                        ? "no answer from unit " + unit + " within " + timeoutMillis + " ms on " + transport.endpoint()
                        : "answer incomplete after " + timeoutMillis + " ms on " + transport.endpoint() + ": got "
                        + length + " of " + total + " bytes (" + hex() + ")");
            }
            int n;
            try {
                n = transport.read(bytes, length, greedy ? bytes.length - length : total - length, remaining);
            } catch (IOException e) {
                throw new WireProblem(WireProblem.Kind.CLOSED, "link failed while waiting for the answer on "
                        + transport.endpoint() + ": " + e.getMessage(), e);
            }
            if (n < 0) {
                throw new WireProblem(WireProblem.Kind.CLOSED, "connection closed by the instrument ("
                        + transport.endpoint() + ")" + (length == 0 ? "" : " after " + length + " bytes of the answer"));
            }
            length += n;
        }
    }

    int u8(int index) {
        return bytes[index] & 0xFF;
    }

    int u16(int index) {
        return (bytes[index] & 0xFF) << 8 | bytes[index + 1] & 0xFF;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    byte[] copy(int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    /** What has arrived, in hex (at most 32 bytes), for messages. */
    String hex() {
        return hex(bytes, 0, length);
    }

    static String hex(byte[] b, int from, int to) {
        int shown = Math.min(to - from, 32);
        return HEX.formatHex(b, from, from + shown) + (to - from > shown ? " … (" + (to - from) + " bytes)" : "");
    }
}

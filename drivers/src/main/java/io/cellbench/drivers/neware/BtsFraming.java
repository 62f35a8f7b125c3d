package io.cellbench.drivers.neware;

import io.cellbench.drivers.transport.ByteTransport;
import io.cellbench.drivers.transport.LinkDownException;
import io.cellbench.drivers.transport.TransportTimeoutException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The BTS API's frames: a request is {@code <?xml version="1.0" encoding="UTF-8" ?><bts
 * version="1.0">} + body + {@code </bts>} + {@code \n\n#\r\n} (aurora-neware's framing), and a
 * reply is XML ended by the same terminator. A reply is complete when the bytes end with
 * {@code #\r\n}; it must come within one overall deadline and stay under a size bound (a
 * 1,000-record download is about 250 kB), so a silent or babbling server cannot hold a caller.
 */
final class BtsFraming {
    static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><bts version=\"1.0\">";
    static final String TAIL = "</bts>";
    static final String TERMINATOR = "\n\n#\r\n";
    private static final byte[] END = "#\r\n".getBytes(StandardCharsets.US_ASCII);
    static final int MAX_REPLY_BYTES = 16 << 20;

    private final String instrument;
    private final ByteTransport transport;

    BtsFraming(String instrument, ByteTransport transport) {
        this.instrument = instrument;
        this.transport = transport;
    }

    /** The whole request as it goes on the wire. */
    static byte[] frame(String body) {
        return (HEAD + body + TAIL + TERMINATOR).getBytes(StandardCharsets.UTF_8);
    }

    void send(String command, String body) {
        byte[] bytes = frame(body);
        try {
            transport.write(bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new LinkDownException(instrument, command, "sending failed on " + transport.endpoint() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The next reply's XML (UTF-8), without its terminator. */
    String receive(String command, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        byte[] tail = new byte[END.length];
        int seen = 0;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TransportTimeoutException(instrument, command, "no complete reply within "
                        + timeout.toMillis() + " ms on " + transport.endpoint() + " (" + reply.size() + " bytes came)");
            }
            int n;
            try {
                n = transport.read(buf, 0, buf.length, left);
            } catch (IOException e) {
                throw new LinkDownException(instrument, command, transport.endpoint() + ": " + e.getMessage(), e);
            }
            if (n < 0) {
                throw new LinkDownException(instrument, command, "BTS closed the connection on " + transport.endpoint()
                        + " after " + reply.size() + " bytes of the reply", null);
            }
            reply.write(buf, 0, n);
            for (int i = 0; i < n; i++) {
                System.arraycopy(tail, 1, tail, 0, tail.length - 1);
                tail[tail.length - 1] = buf[i];
                seen++;
            }
            if (seen >= END.length && java.util.Arrays.equals(tail, END)) {
                byte[] all = reply.toByteArray();
                return new String(all, 0, all.length - END.length, StandardCharsets.UTF_8).strip();
            }
            if (reply.size() > MAX_REPLY_BYTES) {
                throw new LinkDownException(instrument, command, "a reply of more than " + MAX_REPLY_BYTES
                        + " bytes without its terminator: not the BTS API on " + transport.endpoint(), null);
            }
        }
    }
}

package io.cellbench.drivers.transport;

import java.io.IOException;

/**
 * A byte link to one instrument: a TCP socket, a serial line, or a scripted peer in tests.
 * Every read takes a timeout, so no call waits forever; writes are bounded by the
 * transport's own write timeout. Methods throw {@link IOException}: the layer above
 * ({@link LineFraming}) knows the command and turns failures into
 * {@link io.cellbench.core.instrument.InstrumentException}s that name it.
 *
 * <p>Not thread-safe: one session at a time drives a transport (see
 * {@link io.cellbench.drivers.scpi.ScpiSession}, which holds a lock per command).
 */
public interface ByteTransport extends AutoCloseable {

    /** Connects (or opens the port). Fails within the connect timeout. */
    void open() throws IOException;

    /** True between a successful {@link #open} and {@link #close} or a detected drop. */
    boolean isOpen();

    /** Writes all bytes or fails; never blocks longer than the write timeout. */
    void write(byte[] bytes, int offset, int length) throws IOException;

    /**
     * Reads what has arrived, waiting at most {@code timeoutNanos} for the first byte.
     *
     * @return the number of bytes read (&gt; 0), 0 when nothing came in time, -1 when the
     *         peer closed the link
     */
    int read(byte[] buffer, int offset, int length, long timeoutNanos) throws IOException;

    /** Bytes that can be read now without waiting (0 when unknown). */
    int available() throws IOException;

    /**
     * Drops the link and opens it again (a new TCP connection, or the port closed and
     * reopened). Bytes in flight on the old link are lost, which is the point: a late
     * answer to a timed-out query must not be taken for the answer to the next one.
     */
    default void reconnect() throws IOException {
        close();
        open();
    }

    /** Where the transport goes, for messages: "tcp 127.0.0.1:5025", "serial /dev/ttyUSB0 9600 8N1". */
    String endpoint();

    /** Closes the link; safe to call twice and on a link that never opened. */
    @Override
    void close();
}

package io.cellbench.drivers.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeoutException;

/**
 * A serial line through jSerialComm. The port is read in
 * {@link SerialPort#TIMEOUT_READ_SEMI_BLOCKING} mode with a short fixed poll interval: a read
 * returns as soon as bytes arrive, and the caller's deadline is honoured to within one poll
 * interval. The timeouts are set once at open, because changing them per read can cost
 * hundreds of milliseconds through the native layer.
 *
 * <p>jSerialComm is JNI, and a virtual thread in a native call pins its carrier. Calls made
 * from a virtual thread are therefore handed to one platform thread owned by this transport;
 * calls from platform threads go straight to the port.
 */
public final class SerialTransport implements ByteTransport {

    /** How long one native read waits for a first byte. */
    static final int POLL_MILLIS = 20;
    /** Slack on top of a call's own bound when it runs on the platform thread. */
    private static final long HANDOFF_SLACK_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final SerialSettings settings;
    private final Duration writeTimeout;
    private final ExecutorService platform;
    private SerialPort port;

    public SerialTransport(SerialSettings settings, Duration writeTimeout) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.writeTimeout = TcpTransport.positive(writeTimeout, "write timeout");
        // one platform thread at most, started on demand and ended after 30 s idle
        this.platform = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> Thread.ofPlatform().daemon().name("cellbench-serial " + settings.port()).unstarted(r));
    }

    public SerialTransport(SerialSettings settings) {
        this(settings, Duration.ofSeconds(5));
    }

    @Override
    public void open() throws IOException {
        onPlatformThread(() -> {
            openHere();
            return null;
        }, HANDOFF_SLACK_NANOS);
    }

    private void openHere() throws IOException {
        closeHere();
        SerialPort p;
        try {
            p = SerialPort.getCommPort(settings.port());
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("there is no serial port '" + settings.port() + "'", e);
        }
        p.setComPortParameters(settings.baud(), settings.dataBits(), settings.stopBits().code, settings.parity().code);
        p.setFlowControl(settings.flowControl().code);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                POLL_MILLIS, (int) Math.max(1, Math.min(Integer.MAX_VALUE, writeTimeout.toMillis())));
        if (!p.openPort()) {
            throw new IOException("cannot open serial port '" + settings.port() + "' (missing, or in use by another"
                    + " program; native error " + p.getLastErrorCode() + ")");
        }
        p.flushIOBuffers();
        port = p;
    }

    @Override
    public boolean isOpen() {
        SerialPort p = port;
        return p != null && p.isOpen();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        onPlatformThread(() -> {
            SerialPort p = requireOpen();
            int done = 0;
            while (done < length) {
                int n = p.writeBytes(bytes, length - done, offset + done);
                if (n <= 0) {
                    closeHere();
                    throw new IOException(n < 0 ? "write to serial port failed (native error " + p.getLastErrorCode() + ")"
                            : "write did not complete within " + writeTimeout.toMillis() + " ms (flow control held?)");
                }
                done += n;
            }
            return null;
        }, writeTimeout.toNanos() + HANDOFF_SLACK_NANOS);
    }

    @Override
    public int read(byte[] buffer, int offset, int length, long timeoutNanos) throws IOException {
        return onPlatformThread(() -> {
            SerialPort p = requireOpen();
            long deadline = System.nanoTime() + Math.max(0, timeoutNanos);
            if (timeoutNanos <= 0) {
                int ready = p.bytesAvailable();
                if (ready <= 0) {
                    return 0;
                }
                return readOnce(p, buffer, offset, Math.min(length, ready));
            }
            while (true) {
                int n = readOnce(p, buffer, offset, length);
                if (n != 0 || System.nanoTime() - deadline >= 0) {
                    return n;
                }
            }
        }, timeoutNanos + HANDOFF_SLACK_NANOS);
    }

    private int readOnce(SerialPort p, byte[] buffer, int offset, int length) throws IOException {
        int n = p.readBytes(buffer, length, offset);
        if (n < 0) {
            int code = p.getLastErrorCode();
            closeHere();
            throw new IOException("serial port '" + settings.port() + "' failed (native error " + code
                    + "; unplugged?)");
        }
        return n;
    }

    /**
     * Always 0 ("unknown"). Asking the port costs a native call that took ~70 µs on a pty —
     * about as long as a whole query — and the session would ask before every query. Stale
     * bytes on a serial line are instead dropped by the reconnect that follows any timeout or
     * bad answer ({@link #open} flushes the port's buffers).
     */
    @Override
    public int available() throws IOException {
        requireOpen();
        return 0;
    }

    @Override
    public String endpoint() {
        return "serial " + settings.describe();
    }

    @Override
    public void close() {
        try {
            onPlatformThread(() -> {
                closeHere();
                return null;
            }, HANDOFF_SLACK_NANOS);
        } catch (IOException ignored) {
            // closing: the port is released by the native layer either way
        }
    }

    private void closeHere() {
        SerialPort p = port;
        port = null;
        if (p != null) {
            p.closePort();
        }
    }

    private SerialPort requireOpen() throws IOException {
        SerialPort p = port;
        if (p == null || !p.isOpen()) {
            throw new IOException("serial port '" + settings.port() + "' is closed");
        }
        return p;
    }

    private <T> T onPlatformThread(Callable<T> call, long boundNanos) throws IOException {
        if (!Thread.currentThread().isVirtual()) {
            return callHere(call);
        }
        Future<T> f = platform.submit(call);
        try {
            return f.get(boundNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while using serial port '" + settings.port() + "'", e);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new IOException("serial port '" + settings.port() + "' did not return from a native call in time", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        }
    }

    private static <T> T callHere(Callable<T> call) throws IOException {
        try {
            return call.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}

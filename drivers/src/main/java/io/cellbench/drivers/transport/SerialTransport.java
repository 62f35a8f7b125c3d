package io.cellbench.drivers.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A serial line through jSerialComm ({@link NativePort#JSERIALCOMM}). A read returns as soon
 * as bytes arrive, and the caller's deadline is honoured to within one poll interval.
 *
 * <p>Every native call runs on one platform thread owned by this transport, and the caller
 * waits for it with a deadline: the call's own timeout plus {@link #MARGIN_NANOS} (reads,
 * writes), or {@link #OPEN_BOUND_NANOS} (open, close). Two reasons: a virtual thread in a JNI
 * call would pin its carrier, and a native call can block for good (a pty read once hung
 * inside jSerialComm). When the deadline passes the port is closed, which unblocks the native
 * call or leaves it behind on a thread of its own, the link is down, and the caller gets an
 * {@link IOException} (a {@link LinkDownException} from {@link LineFraming}), so retry and
 * reconnect take over on a fresh thread.
 */
public final class SerialTransport implements ByteTransport {

    /** How long one native read waits for a first byte. */
    static final int POLL_MILLIS = 20;
    /** How far past its own timeout a native read or write may run before it counts as hung. */
    static final long MARGIN_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** The bound on opening and closing the port (no timeout of their own in jSerialComm). */
    static final long OPEN_BOUND_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** How long a timed-out call waits for the port to close, so that a reconnect can open it. */
    private static final long CLOSE_WAIT_MILLIS = 1000;

    private final SerialSettings settings;
    private final Duration writeTimeout;
    private final NativePort.Opener opener;
    private volatile ExecutorService platform;
    private volatile NativePort port;

    public SerialTransport(SerialSettings settings, Duration writeTimeout) {
        this(settings, writeTimeout, NativePort.JSERIALCOMM);
    }

    public SerialTransport(SerialSettings settings) {
        this(settings, Duration.ofSeconds(5));
    }

    /** With another native layer (a test's port that hangs). */
    SerialTransport(SerialSettings settings, Duration writeTimeout, NativePort.Opener opener) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.writeTimeout = TcpTransport.positive(writeTimeout, "write timeout");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.platform = newPlatformThread();
    }

    /** One platform thread at most, started on demand and ended after 30 s idle. */
    private ExecutorService newPlatformThread() {
        return new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> Thread.ofPlatform().daemon().name("cellbench-serial " + settings.port()).unstarted(r));
    }

    @Override
    public void open() throws IOException {
        bounded("open", () -> {
            closeHere(port);
            port = opener.open(settings, (int) Math.max(1, Math.min(Integer.MAX_VALUE, writeTimeout.toMillis())));
            return null;
        }, OPEN_BOUND_NANOS);
    }

    @Override
    public boolean isOpen() {
        NativePort p = port;
        return p != null && p.isOpen();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        bounded("write", () -> {
            NativePort p = requireOpen();
            int done = 0;
            while (done < length) {
                int n = p.write(bytes, offset + done, length - done);
                if (n <= 0) {
                    int code = p.lastErrorCode();
                    closeHere(p);
                    throw new IOException(n < 0 ? "write to serial port failed (native error " + code + ")"
                            : "write did not complete within " + writeTimeout.toMillis() + " ms (flow control held?)");
                }
                done += n;
            }
            return null;
        }, withMargin(writeTimeout.toNanos()));
    }

    @Override
    public int read(byte[] buffer, int offset, int length, long timeoutNanos) throws IOException {
        return bounded("read", () -> {
            NativePort p = requireOpen();
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
        }, withMargin(Math.max(0, timeoutNanos)));
    }

    private int readOnce(NativePort p, byte[] buffer, int offset, int length) throws IOException {
        int n = p.read(buffer, offset, length);
        if (n < 0) {
            int code = p.lastErrorCode();
            closeHere(p);
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
            bounded("close", () -> {
                closeHere(port);
                return null;
            }, OPEN_BOUND_NANOS);
        } catch (IOException ignored) {
            // closing: the port is released by the native layer either way
        }
    }

    /** Closes {@code p} if it is still the open port: a late call must not close a newer one. */
    private void closeHere(NativePort p) {
        if (p == null) {
            return;
        }
        synchronized (this) {
            if (port == p) {
                port = null;
            }
        }
        p.close();
    }

    private NativePort requireOpen() throws IOException {
        NativePort p = port;
        if (p == null || !p.isOpen()) {
            throw new IOException("serial port '" + settings.port() + "' is closed");
        }
        return p;
    }

    /** A call's own timeout plus the margin, kept from overflowing (a caller may pass Long.MAX_VALUE). */
    private static long withMargin(long nanos) {
        return nanos > Long.MAX_VALUE - MARGIN_NANOS ? Long.MAX_VALUE : nanos + MARGIN_NANOS;
    }

    /** Runs a native call on the transport's thread and waits at most {@code boundNanos} for it. */
    private <T> T bounded(String what, Callable<T> call, long boundNanos) throws IOException {
        ExecutorService thread = platform;
        Future<T> f;
        try {
            f = thread.submit(call);
        } catch (RejectedExecutionException e) {
            throw new IOException("serial port '" + settings.port() + "' was given up after a hung native call", e);
        }
        long deadline = System.nanoTime() + boundNanos;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    // the call is bounded and ends within one poll: wait for it, so a caller that
                    // checks for interrupts between reads (an aborted sweep) sees a whole read
                    interrupted = true;
                }
            }
        } catch (TimeoutException e) {
            giveUp(thread);
            throw new IOException("the native " + what + " on serial port '" + settings.port() + "' did not return within "
                    + TimeUnit.NANOSECONDS.toMillis(boundNanos) + " ms; the port was closed", e);
        } catch (CancellationException e) {
            throw new IOException("serial port '" + settings.port() + "' was given up after a hung native call", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A native call on {@code stuck} overran its bound: the next call gets a fresh thread, and
     * the port is closed from a thread of its own (closing may itself wait on the hung call).
     * The stuck thread is a daemon, left to end when the native layer lets it go.
     */
    private void giveUp(ExecutorService stuck) {
        NativePort p;
        synchronized (this) {
            if (platform != stuck) {
                return; // another caller already did
            }
            platform = newPlatformThread();
            p = port;
            port = null;
        }
        for (Runnable queued : stuck.shutdownNow()) {
            if (queued instanceof Future<?> f) {
                f.cancel(false);
            }
        }
        if (p != null) {
            Thread closer = Thread.ofPlatform().daemon().name("cellbench-serial-close " + settings.port()).start(p::close);
            try {
                closer.join(CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package io.cellbench.drivers.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A raw TCP socket (SCPI instruments listen on port 5025). TCP_NODELAY is always on: SCPI
 * sends short lines and waits for the answer, which Nagle's algorithm would hold back for
 * up to 40–200 ms. Java sockets have no write timeout, so a watchdog closes the socket when
 * a write takes longer than {@code writeTimeout} (a peer that stopped reading and filled its
 * receive window); the write then fails instead of hanging.
 */
public final class TcpTransport implements ByteTransport {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cellbench-tcp-write-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration writeTimeout;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int soTimeoutMillis = -1;

    public TcpTransport(String host, int port, Duration connectTimeout, Duration writeTimeout) {
        this.host = Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("TCP port must be 1..65535, got " + port);
        }
        this.port = port;
        this.connectTimeout = positive(connectTimeout, "connect timeout");
        this.writeTimeout = positive(writeTimeout, "write timeout");
    }

    public TcpTransport(String host, int port, Duration connectTimeout) {
        this(host, port, connectTimeout, Duration.ofSeconds(10));
    }

    @Override
    public void open() throws IOException {
        close();
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.connect(new InetSocketAddress(host, port), millis(connectTimeout));
        } catch (SocketTimeoutException e) {
            s.close();
            throw new IOException("no connection to " + host + ":" + port + " within " + connectTimeout.toMillis() + " ms", e);
        } catch (IOException e) {
            s.close();
            throw new IOException("cannot connect to " + host + ":" + port + ": " + e.getMessage(), e);
        }
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
        soTimeoutMillis = -1;
    }

    @Override
    public boolean isOpen() {
        return socket != null && !socket.isClosed();
    }

    /** Whether Nagle's algorithm is off on the open socket (it always should be). */
    public boolean tcpNoDelay() throws IOException {
        requireOpen();
        return socket.getTcpNoDelay();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        requireOpen();
        Socket s = socket;
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> closeQuietly(s), writeTimeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            out.write(bytes, offset, length);
            out.flush();
        } catch (IOException e) {
            close();
            throw watchdog.isDone() ? new IOException("write did not complete within " + writeTimeout.toMillis()
                    + " ms (the peer stopped reading)", e) : e;
        } finally {
            watchdog.cancel(false);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, long timeoutNanos) throws IOException {
        requireOpen();
        if (timeoutNanos <= 0) {
            int ready = in.available();
            if (ready <= 0) {
                return 0;
            }
            length = Math.min(length, ready);
            timeoutNanos = 1;
        }
        // setSoTimeout(0) would mean "forever": never ask for less than 1 ms.
        int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(timeoutNanos + 999_999)));
        if (ms != soTimeoutMillis) {
            socket.setSoTimeout(ms);
            soTimeoutMillis = ms;
        }
        try {
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                close();
            }
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public int available() throws IOException {
        requireOpen();
        return in.available();
    }

    @Override
    public String endpoint() {
        return "tcp " + host + ":" + port;
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        in = null;
        out = null;
        if (s != null) {
            closeQuietly(s);
        }
    }

    private void requireOpen() throws IOException {
        if (socket == null || socket.isClosed()) {
            throw new IOException("connection to " + host + ":" + port + " is closed");
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing a socket that already failed: nothing left to do
        }
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be > 0, got " + d);
        }
        return d;
    }
}

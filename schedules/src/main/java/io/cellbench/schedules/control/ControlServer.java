package io.cellbench.schedules.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.core.UserError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The running process's end of the control channel: a Unix socket, DIR/control.sock, that
 * only the user who started the run can use. Three locks: the socket file is mode 600 (the
 * kernel refuses to connect without write permission), every connection's peer credentials
 * (SO_PEERCRED) must name the same user, and clients check that the socket is owned by them.
 *
 * <p>One request per line, one JSON answer per line. The acceptor and every connection run on
 * threads of their own, so a client that connects and says nothing, or sends garbage, costs
 * at most a parked virtual thread until the idle timeout, never a sample.
 */
final class ControlServer implements AutoCloseable {
    static final int MAX_LINE = 64 * 1024;
    static final int MAX_CONNECTIONS = 16;
    static final long IDLE_MILLIS = 30_000;
    /** How long closing waits for the answers being written. */
    static final long ANSWER_PATIENCE_SECONDS = 5;

    private final Path link;
    private final Path socket;
    private final Path privateDirectory;
    private final ServerSocketChannel server;
    private final ControlHandler handler;
    private final Thread acceptor;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final ScheduledExecutorService idle = Executors.newSingleThreadScheduledExecutor(r ->
            Thread.ofPlatform().daemon().name("control-idle").unstarted(r));
    private final boolean replacedStale;
    private volatile boolean closed;
    private final AtomicBoolean closing = new AtomicBoolean();
    /**
     * Held (shared) while a request is answered, taken whole by {@link #close}: a stop that ends
     * the run at once still gets its answer written before the connections are closed.
     */
    private final ReentrantReadWriteLock answering = new ReentrantReadWriteLock();

    private ControlServer(Path link, Path socket, Path privateDirectory, ServerSocketChannel server,
                          ControlHandler handler, boolean replacedStale) {
        this.replacedStale = replacedStale;
        this.link = link;
        this.socket = socket;
        this.privateDirectory = privateDirectory;
        this.server = server;
        this.handler = handler;
        this.acceptor = Thread.ofPlatform().daemon().name("control-accept").start(this::accept);
    }

    /**
     * Opens the control socket of a run directory. A socket left by a process that died
     * (kill -9, a crash) is removed; one that answers means another process runs this
     * directory now, and that is refused.
     *
     */
    static ControlServer start(Path runDirectory, ControlHandler handler) throws IOException {
        Path link = ControlAddress.socketFile(runDirectory);
        boolean stale = false;
        if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            if (ControlClient.answers(runDirectory)) {
                throw new UserError("another cellbench process is running " + runDirectory
                        + " (its control socket " + link + " answers); see 'cellbench status " + runDirectory
                        + "', or stop it with 'cellbench stop " + runDirectory + "'");
            }
            removeStale(link);
            stale = true;
        }
        Path privateDirectory = null;
        Path socket = link;
        if (!ControlAddress.fits(link)) {
            privateDirectory = ControlAddress.privateDirectory();
            socket = privateDirectory.resolve(ControlAddress.FILE);
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            if (ControlAddress.posix()) {
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            }
            if (privateDirectory != null) {
                Files.createSymbolicLink(link, socket);
            }
        } catch (IOException | RuntimeException e) {
            server.close();
            Files.deleteIfExists(socket);
            throw e;
        }
        return new ControlServer(link, socket, privateDirectory, server, handler, stale);
    }

    /** True when this start found a dead process's socket and replaced it. */
    boolean replacedStale() {
        return replacedStale;
    }

    private static void removeStale(Path link) throws IOException {
        if (Files.isSymbolicLink(link)) {
            // Only what this class makes: never follow a link elsewhere and delete what it points to.
            Path target = Files.readSymbolicLink(link);
            Path parent = target.getParent();
            if (target.getFileName().toString().equals(ControlAddress.FILE) && parent != null
                    && parent.getFileName() != null && parent.getFileName().toString().startsWith("cellbench-")) {
                Files.deleteIfExists(target);
                Files.deleteIfExists(parent);
            }
        }
        Files.delete(link);
    }

    Path socketFile() {
        return socket;
    }

    private void accept() {
        while (!closed) {
            SocketChannel c;
            try {
                c = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (connections.incrementAndGet() > MAX_CONNECTIONS) {
                refuse(c, "too many control connections at once (" + MAX_CONNECTIONS + "); try again");
                continue;
            }
            open.add(c);
            Thread.ofVirtual().name("control-connection").start(() -> serve(c));
        }
    }

    private void refuse(SocketChannel c, String why) {
        try (c) {
            c.write(StandardCharsets.UTF_8.encode(ControlJson.line(ControlJson.error(why)) + "\n"));
        } catch (IOException e) {
            // the client went away
        } finally {
            connections.decrementAndGet();
        }
    }

    private void serve(SocketChannel c) {
        try (c) {
            UnixDomainPrincipal peer = c.getOption(ExtendedSocketOptions.SO_PEERCRED);
            if (!peer.user().getName().equals(ControlAddress.me())) {
                write(c, ControlJson.error("only " + ControlAddress.me() + ", who started this run, may control it"));
                return;
            }
            ByteBuffer in = ByteBuffer.allocate(4096);
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (!closed) {
                ScheduledFuture<?> timeout = idle.schedule(() -> closeQuietly(c), IDLE_MILLIS, TimeUnit.MILLISECONDS);
                int n = c.read(in.clear());
                timeout.cancel(false);
                if (n < 0) {
                    return;
                }
                for (int i = 0; i < n; i++) {
                    byte b = in.get(i);
                    if (b == '\n') {
                        if (!answering.readLock().tryLock()) {
                            return; // closing: no new answers
                        }
                        try {
                            write(c, answer(line.toString(StandardCharsets.UTF_8)));
                        } finally {
                            answering.readLock().unlock();
                        }
                        line.reset();
                    } else if (line.size() >= MAX_LINE) {
                        write(c, ControlJson.error("request longer than " + MAX_LINE + " bytes"));
                        return;
                    } else {
                        line.write(b);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // The client went away or sent nonsense: its problem, never the run's.
        } finally {
            open.remove(c);
            connections.decrementAndGet();
        }
    }

    /** The answer to one line; any failure of the handler is an error answer. */
    private ObjectNode answer(String text) {
        JsonNode request;
        try {
            request = ControlJson.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return ControlJson.error("not JSON: " + e.getOriginalMessage());
        }
        if (request == null || !request.isObject() || !request.path("command").isTextual()) {
            return ControlJson.error("a request is a JSON object with \"command\": status, pause, continue or stop");
        }
        try {
            return handler.handle(request);
        } catch (RuntimeException e) {
            return ControlJson.error("cannot " + request.path("command").asText() + ": " + e.getMessage());
        }
    }

    private static void write(SocketChannel c, ObjectNode answer) throws IOException {
        ByteBuffer out = StandardCharsets.UTF_8.encode(ControlJson.line(answer) + "\n");
        while (out.hasRemaining()) {
            c.write(out);
        }
    }

    private static void closeQuietly(SocketChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /** Stops answering and removes the socket (and its link and private directory). */
    @Override
    public void close() {
        if (closing.getAndSet(true)) {
            return;
        }
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        try {
            // the answers being written finish first (bounded: a handler answers at once)
            answering.writeLock().tryLock(ANSWER_PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // kept when taken: a request read from now on gets no answer (the connections close)
        open.forEach(ControlServer::closeQuietly);
        idle.shutdownNow();
        try {
            acceptor.join(2000);
            Files.deleteIfExists(socket);
            if (privateDirectory != null) {
                Files.deleteIfExists(link);
                Files.deleteIfExists(privateDirectory);
            }
        } catch (IOException e) {
            // a stale socket is detected and replaced by the next start
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.cellbench.schedules.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The commands' end of the control channel: sends one request to the process running a run
 * directory and reads its answer, within a timeout. Here beside the server, which asks it
 * whether a socket it finds is alive; the commands (status, pause, continue, stop) are cli's.
 */
public final class ControlClient {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ControlClient() {
    }

    /** Nobody answers on the run directory's socket: no process runs it (or it hangs). */
    public static final class NotRunning extends IOException {
        NotRunning(String message) {
            super(message);
        }
    }

    /**
     * True when something listens on the run directory's control socket now: a process that
     * answers, but also one that accepts and does not answer (stopped with SIGSTOP, hanging),
     * whose socket must not be taken for a dead process's.
     */
    public static boolean answers(Path runDirectory) {
        try {
            request(runDirectory, ControlJson.MAPPER.createObjectNode().put("command", "status"), Duration.ofSeconds(3));
            return true;
        } catch (NotRunning e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * @throws NotRunning when there is no socket or nothing listens on it
     * @throws IOException when the socket is not this user's, or the process does not answer in time
     */
    public static ObjectNode request(Path runDirectory, ObjectNode request, Duration timeout) throws IOException {
        Path link = ControlAddress.socketFile(runDirectory);
        if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            throw new NotRunning("no control socket " + link);
        }
        var address = ControlAddress.connectable(link);
        if (!Files.exists(address.getPath(), LinkOption.NOFOLLOW_LINKS)) {
            throw new NotRunning("the control socket " + address.getPath() + " is gone");
        }
        if (!ControlAddress.ownedByMe(address.getPath())) {
            throw new IOException(address.getPath() + " is not owned by " + ControlAddress.me()
                    + "; refusing to talk to another user's process");
        }
        SocketChannel c;
        try {
            c = SocketChannel.open(StandardProtocolFamily.UNIX);
            c.connect(address);
        } catch (IOException e) {
            throw new NotRunning("nothing listens on " + link + " (" + e.getMessage() + ")");
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r ->
                Thread.ofPlatform().daemon().name("control-timeout").unstarted(r));
        AtomicBoolean timedOut = new AtomicBoolean();
        try (c) {
            UnixDomainPrincipal peer = c.getOption(ExtendedSocketOptions.SO_PEERCRED);
            if (!peer.user().getName().equals(ControlAddress.me())) {
                throw new IOException("the process on " + link + " runs as " + peer.user().getName()
                        + ", not as " + ControlAddress.me());
            }
            timer.schedule(() -> {
                timedOut.set(true);
                try {
                    c.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            ByteBuffer out = StandardCharsets.UTF_8.encode(ControlJson.line(request) + "\n");
            while (out.hasRemaining()) {
                c.write(out);
            }
            String line = readLine(c);
            JsonNode answer = ControlJson.MAPPER.readTree(line);
            if (!(answer instanceof ObjectNode o)) {
                throw new IOException("the run's process answered something that is not a JSON object");
            }
            return o;
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new IOException("the process running " + runDirectory + " did not answer within "
                        + timeout.toSeconds() + " s");
            }
            throw e;
        } finally {
            timer.shutdownNow();
        }
    }

    private static String readLine(SocketChannel c) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer in = ByteBuffer.allocate(8192);
        while (true) {
            int n = c.read(in.clear());
            if (n < 0) {
                throw new IOException("the run's process closed the connection without an answer");
            }
            for (int i = 0; i < n; i++) {
                if (in.get(i) == '\n') {
                    return line.toString(StandardCharsets.UTF_8);
                }
                line.write(in.get(i));
            }
        }
    }
}

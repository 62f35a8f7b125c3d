package io.cellbench.cli.serve;

import io.cellbench.testing.ListeningPorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * chromedriver listening on 127.0.0.1 and ::1 (no --allowed-ips: local connections only) at a
 * port the kernel chose for it: started with --port=0, it names the port in its line "ChromeDriver
 * was started successfully on port N.", printed once it listens. No port is found free first and
 * handed to it later, when another process may have taken it.
 *
 * <p>The port is held against the sockets the kernel lists for this very process, so a test
 * never talks to another process answering there. chromedriver 156 binds ::1 first and then
 * 127.0.0.1 at the same port; the kernel may choose a port whose 127.0.0.1 twin some other socket
 * holds: chromedriver then says "IPv4 port not available" and exits without listening, and is
 * started again (no one else's port is ever taken for its own). On a host without ::1 it binds
 * 127.0.0.1 alone and prints the 0 it was given: the kernel's table then says which port.
 */
final class ChromedriverProcess implements AutoCloseable {
    private static final Pattern STARTED = Pattern.compile("was started successfully on port (\\d+)\\.");
    static final String TWIN_TAKEN = "IPv4 port not available";
    static final int STARTS = 3;
    private static final long START_SECONDS = 60;
    private static final String EOF = "\0end of output";

    final Process process;
    final int port;

    private ChromedriverProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ChromedriverProcess start(Path binary) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Process p = new ProcessBuilder(binary.toString(), "--port=0").redirectErrorStream(true).start();
            List<String> seen = new ArrayList<>();
            Matcher started = awaitStarted(p, seen);
            if (started != null) {
                return new ChromedriverProcess(p, ownPort(p, Integer.parseInt(started.group(1)), seen));
            }
            boolean silent = p.isAlive();
            p.destroyForcibly();
            boolean twinTaken = seen.stream().anyMatch(l -> l.contains(TWIN_TAKEN));
            if (!twinTaken || attempt == STARTS) {
                throw new AssertionError(binary + " --port=0 did not start (attempt " + attempt + " of " + STARTS
                        + (silent ? ", no start line within " + START_SECONDS + " s" : "") + "); it printed:\n"
                        + String.join("\n", seen));
            }
        }
    }

    /** Its start line's port when the kernel lists it among this process's listening sockets. */
    private static int ownPort(Process p, int printed, List<String> seen) throws IOException {
        Set<Integer> own = ListeningPorts.of(p.toHandle());
        int port = printed == 0 && own.size() == 1 ? own.iterator().next() : printed;
        if (port == 0 || !own.contains(port)) {
            p.destroyForcibly();
            throw new AssertionError("chromedriver said it listens on port " + printed + ", but its own listening "
                    + "ports are " + own + "; it printed:\n" + String.join("\n", seen));
        }
        return port;
    }

    /**
     * The start line, or null when chromedriver exited first or not within the wait. Its output
     * is read to the end all along (a full pipe would stall it); {@code seen} gets every line
     * up to the start line.
     */
    private static Matcher awaitStarted(Process p, List<String> seen) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().name("chromedriver output").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // the process is gone
            } finally {
                lines.add(EOF);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(EOF)) {
                return null;
            }
            seen.add(line);
            Matcher m = STARTED.matcher(line);
            if (m.find()) {
                return m;
            }
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

package io.cellbench.schedules.alarm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command for every alarm: the arguments exactly as configured (no shell, nothing of
 * the alarm on the command line, where every user of the machine could read it), the alarm as
 * JSON on standard input and as CELLBENCH_ALARM_* environment variables. Exit code 0 is a
 * delivery; anything else, or running longer than the timeout, a failure.
 */
public final class CommandNotifier implements Notifier {
    private static final int KEEP_OUTPUT = 400;

    private final List<String> command;
    private final Duration timeout;

    public CommandNotifier(List<String> command, Duration timeout) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "command " + command.getFirst();
    }

    @Override
    public void send(Alarm alarm, Map<String, String> run) throws NotifyException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(alarm.environment(run));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new NotifyException("cannot start: " + e.getMessage());
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> keep(p.getInputStream(), output));
        try (OutputStream in = p.getOutputStream()) {
            in.write(alarm.toJson(run).getBytes(StandardCharsets.UTF_8));
            in.write('\n');
        } catch (IOException e) {
            // The command did not read its input (it may not need it); its exit code decides.
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new NotifyException("did not finish within " + timeout.toSeconds() + " s; killed");
            }
            reader.join(1000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new NotifyException("interrupted");
        }
        if (p.exitValue() != 0) {
            String said;
            synchronized (output) {
                said = output.toString(StandardCharsets.UTF_8).strip();
            }
            throw new NotifyException("exit code " + p.exitValue() + (said.isEmpty() ? "" : ": " + said));
        }
    }

    /** Keeps the start of the command's output for the failure message; reads the rest away. */
    private static void keep(InputStream from, ByteArrayOutputStream to) {
        byte[] buf = new byte[1024];
        try (from) {
            for (int n; (n = from.read(buf)) >= 0; ) {
                synchronized (to) {
                    to.write(buf, 0, Math.max(0, Math.min(n, KEEP_OUTPUT - to.size())));
                }
            }
        } catch (IOException e) {
            // the process went away
        }
    }
}

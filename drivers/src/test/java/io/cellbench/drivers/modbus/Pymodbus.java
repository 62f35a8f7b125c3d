package io.cellbench.drivers.modbus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * pymodbus (Debian's python3-pymodbus, importable only by /usr/bin/python3) serving a Modbus
 * device from {@code peers/pymodbus_device.py}: an independent Modbus implementation as the
 * device. Its first line says where it serves; {@link #ask} sends one command on its stdin
 * and returns its answer line.
 */
final class Pymodbus implements AutoCloseable {
    static final String PYTHON = "/usr/bin/python3";
    static final String MISSING = "pymodbus is not importable by " + PYTHON + ", and the Modbus cross-check needs it:"
            + " run scripts/install-test-deps.sh (or ./run-tests), or install it yourself (Debian/Ubuntu: apt-get"
            + " install python3-pymodbus python3-serial-asyncio)";
    private static final long ANSWER_SECONDS = 30;

    private final Process process;
    private final OutputStream in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> output = new ArrayList<>();
    private final String where;

    private Pymodbus(Process process) throws IOException, InterruptedException {
        this.process = process;
        this.in = process.getOutputStream();
        Thread.ofPlatform().daemon().name("pymodbus output").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (!line.matches("\\d\\d:\\d\\d:\\d\\d .*")) { // pymodbus's own log lines are not answers
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        this.where = next("its first line (where it serves)");
    }

    /** Fails loudly when /usr/bin/python3 cannot import pymodbus. */
    static void require() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import pymodbus, serial_asyncio").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new AssertionError(MISSING + ":\n" + out);
            }
        } catch (IOException e) {
            throw new AssertionError(MISSING + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Serves Modbus TCP on 127.0.0.1 (a free port, see {@link #tcpPort}) for {@code units}. */
    static Pymodbus tcp(String units) throws Exception {
        return start(List.of("tcp", "--units", units));
    }

    /** Serves Modbus RTU on {@code port} (a socat pty end) for the unit ids {@code units}, one line. */
    static Pymodbus rtu(Path port, String units) throws Exception {
        return start(List.of("rtu", port.toString(), "--units", units));
    }

    private static Pymodbus start(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, script().toString()));
        cmd.addAll(args);
        return new Pymodbus(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    private static Path script() throws URISyntaxException {
        Path p = Path.of(Pymodbus.class.getResource("/peers/pymodbus_device.py").toURI());
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("the test resource peers/pymodbus_device.py is missing");
        }
        return p;
    }

    int tcpPort() {
        if (!where.startsWith("tcp ")) {
            throw new AssertionError("pymodbus serves " + where + ", not TCP");
        }
        return Integer.parseInt(where.substring(4).strip());
    }

    /** Sends a command (see the script's comment) and returns its answer; an "error …" answer fails the test. */
    String ask(String command) throws IOException, InterruptedException {
        in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        String answer = next("the answer to '" + command + "'");
        if (answer.startsWith("error")) {
            throw new AssertionError("pymodbus: '" + command + "': " + answer);
        }
        return answer;
    }

    private String next(String what) throws InterruptedException {
        String line = lines.poll(ANSWER_SECONDS, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("pymodbus gave no " + what + " within " + ANSWER_SECONDS + " s; its output:\n"
                    + String.join("\n", output()));
        }
        if (line.startsWith("Traceback") || line.startsWith("error usage")) {
            throw new AssertionError("pymodbus failed: " + String.join("\n", output()));
        }
        return line;
    }

    private List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            in.write("quit\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

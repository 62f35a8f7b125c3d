package io.cellbench.drivers.modbus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs mbpoll (libmodbus's command-line master, from Debian) as an independent Modbus peer. */
final class Mbpoll {
    static final String MISSING = "mbpoll is not installed, and the Modbus cross-check needs it: run"
            + " scripts/install-test-deps.sh (or ./run-tests), or install it yourself (Debian/Ubuntu: apt-get install mbpoll)";
    private static final Pattern VALUE = Pattern.compile("^\\[(\\d+)\\]:\\s+(\\S+)", Pattern.MULTILINE);

    private Mbpoll() {
    }

    /** Fails loudly when mbpoll cannot be run. */
    static void require() {
        try {
            Process p = new ProcessBuilder("mbpoll", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("mbpoll -V did not return within 10 s");
            }
        } catch (IOException e) {
            throw new AssertionError(MISSING + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs mbpoll with {@code args}; returns its output, failing on a non-zero exit. */
    static String run(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("mbpoll");
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not end within 20 s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " exited with " + p.exitValue() + ":\n" + text);
        }
        return text;
    }

    /** The "[ref]: value" lines of mbpoll's output, by reference. */
    static Map<Integer, String> values(String output) {
        Map<Integer, String> out = new TreeMap<>();
        Matcher m = VALUE.matcher(output);
        while (m.find()) {
            out.put(Integer.parseInt(m.group(1)), m.group(2));
        }
        if (out.isEmpty()) {
            throw new AssertionError("no values in mbpoll's output:\n" + output);
        }
        return out;
    }
}

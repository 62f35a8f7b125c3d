package io.cellbench.drivers.palmsens;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.drivers.transport.LineFraming;
import io.cellbench.drivers.transport.LinkDownException;
import io.cellbench.drivers.transport.TransportTimeoutException;
import io.cellbench.drivers.transport.WireText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The short exchanges with a MethodSCRIPT device outside a sweep's data: stop whatever runs
 * (newline and {@code Z}, PalmSens' abort_and_sync), read to the end of a script, read the
 * firmware version ({@code t}), send bytes. Used by {@link PalmSensEisAnalyzer} under its lock.
 */
final class DeviceSync {

    /** PalmSens: wait more than 50 ms after a command the device refused before the next one. */
    private static final long AFTER_REFUSAL_MILLIS = 100;
    private static final int MAX_VERSION_LINES = 8;

    private final LineFraming framing;
    private final String name;
    private final Duration timeout;

    DeviceSync(LineFraming framing, Duration timeout) {
        this.framing = framing;
        this.name = framing.instrument();
        this.timeout = timeout;
    }

    /** Reads until the end-of-script line, or the refusal of a {@code Z} when nothing runs. */
    void drainToEnd(String command) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new TransportTimeoutException(name, command, "no end of the script within "
                        + timeout.toMillis() + " ms on " + framing.transport().endpoint());
            }
            String line = framing.pollLine(command, Duration.ofNanos(remaining));
            if (line == null) {
                continue;
            }
            if (line.isEmpty() || line.startsWith("Z!")) {
                return;
            }
        }
    }

    /** Newline and {@code Z}: nothing runs ({@code Z!0006}), or a script runs and is read to its end. */
    void stopRunningScript(String command) {
        send("\nZ\n", command);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = framing.readLine("Z", Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (line.startsWith("Z!")) {
                pause(AFTER_REFUSAL_MILLIS);
                return;
            }
            if (line.equals("Z")) {
                drainToEnd("Z");
                return;
            }
            // packages of a script that was still running: read past them
        }
    }

    /** {@code t}: the firmware version, one or more lines, the last ending in '*'. */
    String version() {
        send("t\n", "t");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < MAX_VERSION_LINES; i++) {
            String line = framing.readLine("t", timeout);
            if (i == 0) {
                if (MethodScriptError.isError(line) || !line.startsWith("t")) {
                    framing.markResync();
                    throw new InstrumentException(name, "t", "expected the firmware version ('t...'), got "
                            + WireText.quote(line) + " — is this a MethodSCRIPT device at "
                            + framing.transport().endpoint() + "?");
                }
                line = line.substring(1);
            } else {
                text.append(' ');
            }
            boolean last = line.endsWith("*");
            text.append(last ? line.substring(0, line.length() - 1) : line);
            if (last) {
                return text.toString().strip();
            }
        }
        framing.markResync();
        throw new InstrumentException(name, "t", "the firmware version did not end ('*') within " + MAX_VERSION_LINES
                + " lines: " + WireText.quote(text.toString()));
    }

    void send(String text, String command) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        try {
            framing.transport().write(bytes, 0, bytes.length);
        } catch (IOException e) {
            framing.markResync();
            throw new LinkDownException(name, command, "sending failed on " + framing.transport().endpoint() + ": "
                    + e.getMessage(), e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

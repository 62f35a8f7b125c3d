package io.cellbench.drivers.palmsens;

import io.cellbench.core.instrument.EisAnalyzer;
import io.cellbench.core.instrument.EisRequest;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.instrument.VerifiedFact;
import io.cellbench.drivers.transport.LineFraming;
import io.cellbench.drivers.transport.LinkDownException;
import io.cellbench.drivers.transport.TransportSettings;
import io.cellbench.drivers.transport.TransportTimeoutException;
import io.cellbench.drivers.transport.WireText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A PalmSens potentiostat (EmStat4, EmStat Pico, Sensit...) running impedance sweeps as
 * MethodSCRIPTs over a serial line.
 *
 * <p><b>A sweep</b> is one script ({@link EisScript}) sent in one write: {@code e}, the script
 * lines, an empty line. The device echoes {@code e}, frames each measurement loop between
 * {@code M0000} and {@code *} (the OCP loop, then the sweep with a data package
 * {@code Pdc…;cc…;cd…} per frequency), and ends the script with an empty line — PalmSens'
 * LSV transcript in MethodSCRIPT_Examples, Example_C/README.adoc; its Python README writes
 * the echo and the first loop start on one line, {@code eM0000}, and both are read
 * ({@link ReplyScopes} checks the nesting). An error comes back as
 * {@code !XXXX: Line L, Col C}; the message names the script line it points at.
 *
 * <p><b>Never a hang.</b> The echo must come within {@code timeout}; each package within
 * {@code package_timeout} plus ten periods of its frequency (the first also gets the OCP
 * time). The wait is done in slices of {@value #POLL_MILLIS} ms, so {@link #abort()} from
 * another thread (or an interrupt of the measuring thread) is seen within one slice: the
 * measuring thread then sends a newline and {@code Z} — PalmSens' {@code abort_and_sync}
 * (Example_Python/.../instrument.py): the newline ends whatever half-received command is in the
 * device's buffer, so that {@code Z} is read as a command of its own — and reads to the
 * end-of-script line, and the device is ready for the next sweep. After a timeout or
 * garbage the driver also sends {@code Z} (the device may still be sweeping with the cell on)
 * and reopens the link before the next sweep, aborting whatever still runs there.
 *
 * <p>One sweep at a time: {@link #measure} holds a lock for its whole length.
 */
public final class PalmSensEisAnalyzer implements EisAnalyzer {

    static final int POLL_MILLIS = 50;
    private static final Duration POLL = Duration.ofMillis(POLL_MILLIS);

    private final String name;
    private final LineFraming framing;
    private final PalmSensSettings settings;
    private final ReentrantLock lock = new ReentrantLock();
    private final DeviceSync sync;
    private volatile boolean abortRequested;
    private volatile boolean closed;
    private String identity;
    private BaudCheck baud = BaudCheck.TCP;
    private int reconnects;

    private PalmSensEisAnalyzer(LineFraming framing, PalmSensSettings settings) {
        this.framing = Objects.requireNonNull(framing, "framing");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.name = framing.instrument();
        this.sync = new DeviceSync(framing, settings.timeout());
    }

    /**
     * Opens the link, stops any script the device is still running ({@code Z}) and reads its
     * firmware version ({@code t}). On failure the link is closed.
     */
    public static PalmSensEisAnalyzer open(LineFraming framing, PalmSensSettings settings) {
        return open(framing, settings, settings.transport() instanceof TransportSettings.Serial s
                ? new BaudCheck(s.serial().baud(), s.serial().baud()) : BaudCheck.TCP);
    }

    /** As {@link #open(LineFraming, PalmSensSettings)}, saying how the baud rate was found. */
    static PalmSensEisAnalyzer open(LineFraming framing, PalmSensSettings settings, BaudCheck baud) {
        PalmSensEisAnalyzer analyzer = new PalmSensEisAnalyzer(framing, settings);
        analyzer.baud = baud;
        try {
            framing.open("connect");
            analyzer.sync.stopRunningScript("Z");
            analyzer.identity = analyzer.sync.version();
            return analyzer;
        } catch (RuntimeException e) {
            framing.close();
            throw e;
        }
    }

    @Override
    public List<ImpedancePoint> measure(int muxChannel, EisRequest request) {
        Objects.requireNonNull(request, "request");
        String command = EisScript.command(request);
        checkChannel(muxChannel, command);
        if (request.mode() == EisRequest.Mode.GALVANOSTATIC && request.amplitude() > settings.maxCurrent()) {
            throw new InstrumentException(name, command, "GEIS amplitude " + request.amplitude()
                    + " A is above the current range " + settings.maxCurrent() + " A (max_current)");
        }
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstrumentException(name, command, "interrupted while waiting for the analyzer");
        }
        try {
            if (closed) {
                throw new InstrumentException(name, command, "analyzer is closed");
            }
            abortRequested = false;
            if (framing.needsResync()) {
                framing.reconnect(command);
                reconnects++;
                sync.stopRunningScript(command);
            }
            double[] frequencies = request.frequencies();
            List<String> script = EisScript.lines(request, frequencies.length, muxChannel == 0 ? 1 : muxChannel, settings);
            framing.discardInput(command);
            sync.send(String.join("\n", script) + "\n\n", command);
            return stream(command, script, frequencies);
        } finally {
            lock.unlock();
        }
    }

    /** Asks a running sweep to stop; {@link #measure} then sends {@code Z} and throws. */
    @Override
    public void abort() {
        abortRequested = true;
    }

    @Override
    public String name() {
        return name;
    }

    /** The answer to {@code t} at open: firmware and device type ("es4_hr2.0 ..."). */
    @Override
    public String identify() {
        return identity;
    }

    /** The device type and firmware it named, and the baud rate that answered (see {@link BaudCheck}). */
    @Override
    public List<VerifiedFact> verified() {
        return baud.facts(identity);
    }

    /** How often the link was reopened after a failure (tests, diagnostics). */
    public int reconnects() {
        lock.lock();
        try {
            return reconnects;
        } finally {
            lock.unlock();
        }
    }

    /** Stops a running sweep (it is aborted) and closes the link. */
    @Override
    public void close() {
        closed = true;
        abortRequested = true;
        boolean locked = false;
        try {
            locked = lock.tryLock(settings.timeout().toMillis() + 2 * POLL_MILLIS + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            framing.close();
        } finally {
            if (locked) {
                lock.unlock();
            }
        }
    }

    private void checkChannel(int muxChannel, String command) {
        if (settings.multiplexer() == Multiplexer.NONE) {
            if (muxChannel != 0 && muxChannel != 1) {
                throw new InstrumentException(name, command, "multiplexer channel " + muxChannel
                        + " asked for, but this analyzer has no multiplexer (set 'mux:' in the lab file); use channel 0");
            }
        } else if (muxChannel < 1 || muxChannel > settings.muxChannels()) {
            throw new InstrumentException(name, command, "multiplexer channel " + muxChannel + " is not wired: the "
                    + settings.multiplexer().settingName() + " has channels 1.." + settings.muxChannels() + " (mux_channels)");
        }
    }

    /** Reads the echo, the packages and the end of the script. */
    private List<ImpedancePoint> stream(String command, List<String> script, double[] frequencies) {
        int n = frequencies.length;
        List<ImpedancePoint> points = new ArrayList<>(n);
        String echo = next(command, settings.timeout(), points, n, "no echo of the script ('e')");
        while (echo.startsWith("Z")) {
            // a late answer to an earlier Z (an abort that crossed the end of a script): not ours
            echo = next(command, settings.timeout(), points, n, "no echo of the script ('e')");
        }
        if (MethodScriptError.isError(echo)) {
            throw scriptError(command, script, echo, points.size(), n);
        }
        if (!echo.startsWith("e") || !(echo.length() == 1 || ReplyScopes.isStart(echo.substring(1)))) {
            throw garbled(command, echo, "expected the echo 'e'");
        }
        // PalmSens' Python README writes the echo and the first loop start on one line ("eM0000")
        String line = echo.length() > 1 ? echo.substring(1) : null;
        ReplyScopes scopes = new ReplyScopes();
        Duration wait = settings.ocpTime().plus(packageWait(frequencies[0]));
        while (true) {
            if (line == null) {
                line = next(command, wait, points, n, "no data package");
            }
            if (line.isEmpty()) {
                if (points.size() != n || !scopes.allClosed()) {
                    framing.markResync();
                    throw new InstrumentException(name, command, "the script ended after " + points.size() + " of "
                            + n + " points" + (scopes.allClosed() ? "" : ", inside a loop"));
                }
                return List.copyOf(points);
            }
            if (ReplyScopes.isStart(line)) {
                scopes.start(line); // the OCP loop, then the sweep
            } else if (ReplyScopes.isEnd(line)) {
                String wrong = scopes.end(line);
                if (wrong != null) {
                    throw garbled(command, line, wrong);
                }
            } else if (MethodScriptError.isError(line)) {
                throw scriptError(command, script, line, points.size(), n);
            } else if (!DataPackage.isPackage(line)) {
                throw garbled(command, line, "expected a data package or the start or end of a loop");
            } else if (!scopes.inMeasurementLoop()) {
                throw garbled(command, line, "a data package outside a measurement loop");
            } else {
                points.add(point(command, line));
                if (points.size() > n) {
                    throw garbled(command, line, "more than the " + n + " points asked for");
                }
                wait = packageWait(frequencies[Math.min(points.size(), n - 1)]);
            }
            line = null;
        }
    }

    /** A package's wait: package_timeout plus ten periods of its frequency. */
    private Duration packageWait(double frequencyHz) {
        return settings.packageTimeout().plus(Duration.ofNanos((long) Math.min(1e15, 10e9 / frequencyHz)));
    }

    private ImpedancePoint point(String command, String line) {
        DataPackage p;
        try {
            p = DataPackage.parse(line);
        } catch (IllegalArgumentException e) {
            throw garbled(command, line, e.getMessage());
        }
        DataPackage.Field f = p.field("dc").orElse(null);
        DataPackage.Field re = p.field("cc").orElse(null);
        DataPackage.Field im = p.field("cd").orElse(null);
        if (f == null || re == null || im == null) {
            throw garbled(command, line, "a package without frequency (dc), Z real (cc) and Z imaginary (cd)");
        }
        return new ImpedancePoint(f.value(), re.value(), im.value());
    }

    /**
     * The next line within {@code wait}, in slices so that an abort is seen; an abort or a
     * timeout stops the device and throws.
     */
    private String next(String command, Duration wait, List<ImpedancePoint> points, int n, String missing) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            if (abortRequested || Thread.currentThread().isInterrupted()) {
                abortSweep(command, points.size(), n); // an interrupted thread stops the device too
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                stopQuietly(command);
                throw new TransportTimeoutException(name, command, missing + " within " + wait.toMillis() + " ms on "
                        + framing.transport().endpoint() + " (" + points.size() + " of " + n + " points received)");
            }
            String line = framing.pollLine(command, remaining < POLL.toNanos() ? Duration.ofNanos(remaining) : POLL);
            if (line != null) {
                return line;
            }
        }
    }

    private void abortSweep(String command, int done, int n) {
        abortRequested = false;
        boolean interrupted = Thread.interrupted(); // cleared while Z is sent and read, set again below
        String outcome = (interrupted ? "interrupted: " : "") + "sweep aborted after " + done + " of " + n + " points";
        try {
            sync.send("\nZ\n", "Z");
            sync.drainToEnd("Z");
        } catch (InstrumentException e) {
            framing.markResync();
            throw new InstrumentException(name, command, outcome + "; the device did not confirm the abort ("
                    + e.getMessage() + "), it is stopped again before the next sweep", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        throw new InstrumentException(name, command, outcome);
    }

    /** After a failure mid-sweep: stop the device if it listens, and reopen the link before the next sweep. */
    private void stopQuietly(String command) {
        try {
            sync.send("\nZ\n", "Z");
            sync.drainToEnd(command);
        } catch (InstrumentException ignored) {
            // the failure being reported says what went wrong; the reconnect resets the rest
        } finally {
            framing.markResync();
        }
    }

    private InstrumentException scriptError(String command, List<String> script, String line, int done, int n) {
        MethodScriptError error = MethodScriptError.parse(line);
        // the device ends the script after an error (on_finished runs): read to its end
        try {
            sync.drainToEnd(command);
        } catch (InstrumentException e) {
            framing.markResync();
        }
        if (error == null) {
            return new InstrumentException(name, command, "the device reports " + WireText.quote(line) + " after "
                    + done + " of " + n + " points");
        }
        String where = "";
        if (error.line() >= 1 && error.line() <= script.size()) {
            where = " at script line " + error.line() + (error.column() > 0 ? ", column " + error.column() : "")
                    + " '" + script.get(error.line() - 1) + "'";
        } else if (error.line() >= 1) {
            where = " at script line " + error.line();
        }
        return new InstrumentException(name, command, "the device reports " + error.describe() + where + " after "
                + done + " of " + n + " points");
    }

    private InstrumentException garbled(String command, String line, String expected) {
        stopQuietly(command);
        return new InstrumentException(name, command, "cannot read the answer " + WireText.quote(line) + ": "
                + expected);
    }
}

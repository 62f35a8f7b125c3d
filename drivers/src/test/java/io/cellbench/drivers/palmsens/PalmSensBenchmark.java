package io.cellbench.drivers.palmsens;

import com.fazecast.jSerialComm.SerialPort;
import io.cellbench.core.instrument.EisRequest;
import io.cellbench.drivers.testing.DriverVsBare;
import io.cellbench.drivers.testing.DriverVsBare.Rates;
import io.cellbench.doubles.SharedVirtualClock;
import io.cellbench.fixtures.wire.SocatPair;
import io.cellbench.fixtures.wire.palmsens.MethodScriptSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Impedance points per second through {@code PalmSensEisAnalyzer.measure()} against the
 * MethodSCRIPT simulator over a socat pty, beside a baseline that writes the same script bytes
 * to the same pty with a bare jSerialComm port and reads the same packages to the
 * end-of-script line, decoding nothing. The simulator runs in a stepped clock, so sweeps take
 * no wall time: the figure is what the link, the simulator and the driver's layers (polling in
 * slices, framing, package decoding) can carry. The ratio is the driver's cost.
 *
 * <pre>scripts/bench drivers PalmSensBenchmark [sweeps per round] [points per decade]</pre>
 */
public final class PalmSensBenchmark {


    private PalmSensBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sweeps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int perDecade = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        EisRequest request = new EisRequest(EisRequest.Mode.POTENTIOSTATIC, 1e6, 1e-2, perDecade, 0.01);
        int points = request.frequencies().length;
        Path dir = Files.createTempDirectory("cellbench-bench");
        try (SocatPair pair = SocatPair.start(dir);
             MethodScriptSimulator sim = new MethodScriptSimulator("palmsens-bench", Map.of(1, EisBench.coin()),
                     new SharedVirtualClock(1.7e9), 1)) {
            sim.startSerial(pair.instrumentEnd());
            PalmSensSettings settings = PalmSensSettings.serial(pair.driverEnd().toString());
            byte[] script = (String.join("\n", EisScript.lines(request, points, 1, settings)) + "\n\n")
                    .getBytes(StandardCharsets.US_ASCII);
            System.out.printf(Locale.ROOT, "palmsens-methodscript measure() against its simulator over a socat pty:"
                    + " %d sweeps of %d points (1 MHz → 10 mHz) per round, median of %d alternating rounds%n",
                    sweeps, points, DriverVsBare.ROUNDS);
            driverRound(settings, request, 1); // warm-up: JIT, simulator
            bareRound(pair.driverEnd(), script, points, 1);
            Rates r = DriverVsBare.alternate(() -> sweeps * points / driverRound(settings, request, sweeps),
                    () -> sweeps * points / bareRound(pair.driverEnd(), script, points, sweeps));
            System.out.printf(Locale.ROOT, "socat pty  driver %8.0f points/s (%5.2f sweeps/s)  bare link %8.0f points/s"
                    + " (%5.2f sweeps/s)  driver/bare %.2f   [best: %.0f vs %.0f points/s]%n",
                    r.driverMedian(), r.driverMedian() / points, r.bareMedian(), r.bareMedian() / points, r.driverOverBare(),
                    r.driverBest(), r.bareBest());
        }
    }

    /** Seconds for {@code sweeps} sweeps through the driver (opening the port is not timed). */
    private static double driverRound(PalmSensSettings settings, EisRequest request, int sweeps) {
        try (PalmSensEisAnalyzer eis = PalmSensFactory.open("eis-bench", settings)) {
            long t0 = System.nanoTime();
            int n = 0;
            for (int i = 0; i < sweeps; i++) {
                n += eis.measure(0, request).size();
            }
            double seconds = (System.nanoTime() - t0) * 1e-9;
            if (n != sweeps * request.frequencies().length) {
                throw new AssertionError("got " + n + " points");
            }
            return seconds;
        }
    }

    /** Seconds for {@code sweeps} bare sweeps: the script out, lines in to the empty one. */
    private static double bareRound(Path port, byte[] script, int points, int sweeps) throws IOException {
        SerialPort p = SerialPort.getCommPort(port.toString());
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 2000, 0);
        if (!p.openPort()) {
            throw new IOException("cannot open " + port);
        }
        try {
            p.flushIOBuffers();
            long t0 = System.nanoTime();
            byte[] buf = new byte[65536];
            for (int s = 0; s < sweeps; s++) {
                p.writeBytes(script, script.length);
                int packages = 0;
                boolean lineStart = true;
                boolean ended = false;
                while (!ended) {
                    int n = p.readBytes(buf, buf.length);
                    if (n <= 0) {
                        throw new IOException("no answer");
                    }
                    for (int i = 0; i < n; i++) {
                        byte c = buf[i];
                        if (lineStart && c == 'P') {
                            packages++;
                        }
                        if (lineStart && c == '\n') {
                            ended = true; // the empty line: end of the script
                        }
                        lineStart = c == '\n';
                    }
                }
                if (packages != points) {
                    throw new AssertionError("got " + packages + " packages");
                }
            }
            return (System.nanoTime() - t0) * 1e-9;
        } finally {
            p.closePort();
        }
    }
}

package io.cellbench.plot;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunEvent.RunEnded;
import io.cellbench.core.data.RunEvent.RunStarted;
import io.cellbench.core.data.RunEvent.SampleRecorded;
import io.cellbench.core.data.RunEvent.SpectrumMeasured;
import io.cellbench.core.data.Sample;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.daq.run.RunDirectorySink;
import io.cellbench.daq.run.RunInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A crude cell recorded into a real run directory through daq's RunDirectorySink: per cycle a C/3
 * charge and discharge (voltage 3.0 .. 3.6 V with a kink, so dQ/dV has a peak) and one spectrum.
 */
final class RecordedCell {
    static final double T0 = 1_767_225_600.0;

    private RecordedCell() {
    }

    static RunDirectorySink openRun(Path run, String... cells) throws IOException {
        Map<String, String> instruments = new java.util.LinkedHashMap<>();
        for (String c : cells) {
            instruments.put(c, "cycler sim");
        }
        return RunDirectorySink.open(run, new RunInfo("run-plot", Instant.ofEpochSecond((long) T0), "0.1.0-test",
                instruments));
    }

    /** Records {@code cycles} cycles of a cell of {@code capacityAh}, its spectra taken at {@code pressurePa}. */
    static void record(RunDirectorySink sink, String id, double capacityAh, int cycles, int pointsPerHalf,
                       double pressurePa) {
        record(sink, id, capacityAh, cycles, pointsPerHalf, cycle -> pressurePa);
    }

    /** As above, the spectrum of each cycle taken at {@code pressurePa} of that cycle. */
    static void record(RunDirectorySink sink, String id, double capacityAh, int cycles, int pointsPerHalf,
                       java.util.function.IntToDoubleFunction pressurePa) {
        sink.on(new RunStarted(id, 0, new CellInfo(id, "coin", "NMC811|Li6PS5Cl|Li-In", capacityAh,
                Double.NaN, Double.NaN, ""), "formation", "Charge at C/3 until 3.7 V", false));
        double t = 0;
        int step = 0;
        double nan = Double.NaN;
        for (int cycle = 1; cycle <= cycles; cycle++) {
            for (int half = 0; half < 2; half++) {
                step++;
                boolean charge = half == 0;
                double current = (charge ? 1 : -1) * capacityAh / 3;
                for (int k = 0; k <= pointsPerHalf; k++, t += 60) {
                    double ah = capacityAh * k / (double) pointsPerHalf;
                    double soc = charge ? ah / capacityAh : 1 - ah / capacityAh;
                    double v = 3.0 + 0.5 * soc + 0.1 * Math.tanh((soc - 0.4) * 12) + (charge ? 0.03 : -0.03);
                    sink.on(new SampleRecorded(id, new Sample(t, T0 + t, v, current, cycle, step, charge ? 1 : 2,
                            charge ? ah : 0, charge ? 0 : ah, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan,
                            1, charge ? ah : 0, charge ? 0 : ah, nan, nan)));
                }
            }
            double r = 20 + 5 * cycle;
            sink.on(new SpectrumMeasured(id, new Spectrum(t, T0 + t, cycle, step, 2, pressurePa.applyAsDouble(cycle), 25.0, List.of(
                    new ImpedancePoint(1e5, r, -2), new ImpedancePoint(1e4, r + 10, -15),
                    new ImpedancePoint(1e3, r + 40, -25), new ImpedancePoint(1e2, r + 70, -15),
                    new ImpedancePoint(10, r + 80, -20), new ImpedancePoint(1, r + 90, -60)))));
        }
        sink.on(new RunEnded(id, t, Outcome.COMPLETED, "all steps done"));
    }
}

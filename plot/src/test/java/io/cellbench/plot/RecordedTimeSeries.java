package io.cellbench.plot;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunEvent.RunEnded;
import io.cellbench.core.data.RunEvent.RunStarted;
import io.cellbench.core.data.RunEvent.SampleRecorded;
import io.cellbench.core.data.Sample;
import io.cellbench.daq.arrow.Column;
import io.cellbench.daq.run.RunDirectorySink;
import java.util.List;

/**
 * A solid-state cell recorded into a real run directory as the demo records one: C/3 charge and
 * discharge, each point logged every {@code periodSecond}, with the fixture's stack pressure
 * (1 MPa at the first sample, then 60 MPa, slipping to 30 MPa for one sample) and the chamber's
 * temperature, and optionally a thermocouple as an aux column, written as an import writes an
 * imported file's T1 ({@code temperature_t1_celsius}, "Temperature T1 / degC").
 */
final class RecordedTimeSeries {
    static final Column T1 = new Column("temperature_t1_celsius", Column.Type.FLOAT64, "degC",
            "Temperature T1 / degC", true);
    static final double CAPACITY_AH = 0.002;

    /** What was recorded, sample by sample, to compare the drawn lines with. */
    record Recorded(double[] time, double[] voltage, double[] current, double[] pressure, double[] t1, int slipAt,
                    int firstOfCycle2) {
    }

    private RecordedTimeSeries() {
    }

    /**
     * Records {@code cycles} cycles of {@code pointsPerHalf} points per charge and per discharge.
     * {@code withConditions}: pressure, temperature and T1 recorded; else they are NaN and the
     * cell has no aux column (a plain cycler channel).
     */
    static Recorded record(RunDirectorySink sink, String id, int cycles, int pointsPerHalf, double periodSecond,
                           boolean withConditions) {
        return record(sink, id, cycles, pointsPerHalf, periodSecond, withConditions, Double.NaN, Double.NaN);
    }

    /** As above, without the samples whose test time lies strictly between {@code lostFrom} and {@code lostTo}. */
    static Recorded record(RunDirectorySink sink, String id, int cycles, int pointsPerHalf, double periodSecond,
                           boolean withConditions, double lostFrom, double lostTo) {
        if (withConditions) {
            sink.auxColumns(id, List.of(T1));
        }
        sink.on(new RunStarted(id, 0, new CellInfo(id, "coin", "NMC811|Li6PS5Cl|Li-In", CAPACITY_AH,
                Double.NaN, Double.NaN, ""), "cycling", "C/3", false));
        int n = cycles * 2 * (pointsPerHalf + 1);
        Recorded r = new Recorded(new double[n], new double[n], new double[n], new double[n], new double[n], n / 3,
                2 * (pointsPerHalf + 1));
        double nan = Double.NaN;
        int i = 0;
        for (int cycle = 1; cycle <= cycles; cycle++) {
            for (int half = 0; half < 2; half++) {
                boolean charge = half == 0;
                double current = (charge ? 1 : -1) * CAPACITY_AH / 3;
                for (int k = 0; k <= pointsPerHalf; k++, i++) {
                    double t = i * periodSecond;
                    double soc = charge ? k / (double) pointsPerHalf : 1 - k / (double) pointsPerHalf;
                    double v = 3.0 + 0.6 * soc;
                    double pressure = !withConditions ? nan : i == 0 ? 1e6 : i == r.slipAt() ? 30e6 : 60e6;
                    double ambient = withConditions ? 25 + 0.01 * (i % 10) : nan;
                    double t1 = withConditions ? 26 + 2 * Math.sin(i / 100.0) : nan;
                    Sample s = new Sample(t, RecordedCell.T0 + t, v, current, cycle, 2 * cycle - 1 + half, half + 1,
                            0, 0, nan, nan, nan, nan, nan, nan, nan, nan, v * current, pressure, ambient, k + 1,
                            0, 0, nan, nan);
                    r.time()[i] = t;
                    if (t > lostFrom && t < lostTo) {
                        continue; // lost: never recorded, and left out of what is returned
                    }
                    if (withConditions) {
                        sink.sample(new SampleRecorded(id, s), new double[] {t1});
                    } else {
                        sink.on(new SampleRecorded(id, s));
                    }
                    r.voltage()[i] = v;
                    r.current()[i] = current;
                    r.pressure()[i] = pressure;
                    r.t1()[i] = t1;
                }
            }
        }
        sink.on(new RunEnded(id, (n - 1) * periodSecond, Outcome.COMPLETED, "all steps done"));
        if (!(lostTo > lostFrom)) {
            return r;
        }
        int[] kept = java.util.stream.IntStream.range(0, n)
                .filter(k -> !(r.time()[k] > lostFrom && r.time()[k] < lostTo)).toArray();
        return new Recorded(pick(r.time(), kept), pick(r.voltage(), kept), pick(r.current(), kept),
                pick(r.pressure(), kept), pick(r.t1(), kept), -1, -1);
    }

    private static double[] pick(double[] values, int[] at) {
        return java.util.Arrays.stream(at).mapToDouble(k -> values[k]).toArray();
    }
}

package io.cellbench.plot;

import io.cellbench.core.data.Sample;
import java.util.Arrays;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Incremental capacity, dQ/dV against V, per cycle and branch, by binning: the charge
 * passed between two consecutive samples is spread over the voltage interval they span
 * (as if V moved linearly with Q between them), and each bin's charge divided by the bin
 * width gives dQ/dV. Unlike differentiating the samples directly this does not blow up
 * where the cycler logged two points at nearly the same voltage, it needs no resampling,
 * and it keeps the area: the integral of dQ/dV over V is the charge passed.
 * <p>
 * Only constant-current stretches count: a pair of samples is used when both currents are
 * within 5 % of the largest current of their step so far. The constant-voltage hold is
 * left out, as its charge would pile up in a single bin at the hold voltage. Memory is a
 * few hundred bins per cycle, whatever the run's length.
 */
final class DifferentialCapacity implements Consumer<Sample> {

    /** dQ/dV of one cycle: charge positive, discharge negative, mAh/V against bin-centre volts. */
    record CycleDqDv(int cycle, Curve charge, Curve discharge) implements CycleBranches {
    }

    private static final double CONSTANT_CURRENT = 0.95;

    private final Set<Integer> cycles;
    private final double binVolt;
    private final double restCurrentAmpere;
    private final SortedMap<Integer, Histogram[]> histograms = new TreeMap<>();
    private Sample previous;
    private double stepMaxCurrent;

    DifferentialCapacity(Set<Integer> cycles, double binVolt, double restCurrentAmpere) {
        if (!(binVolt > 0)) {
            throw new IllegalArgumentException("bin width must be > 0 V");
        }
        this.cycles = cycles;
        this.binVolt = binVolt;
        this.restCurrentAmpere = restCurrentAmpere;
    }

    @Override
    public void accept(Sample s) {
        Sample p = previous;
        previous = s;
        boolean newStep = p == null || p.stepCount() != s.stepCount() || p.cycleCount() != s.cycleCount();
        if (newStep) {
            stepMaxCurrent = 0;
        }
        stepMaxCurrent = Math.max(stepMaxCurrent, Math.abs(s.currentAmpere()));
        if (newStep || !cycles.contains(s.cycleCount())) {
            return;
        }
        double i0 = p.currentAmpere();
        double i1 = s.currentAmpere();
        boolean charging = i0 > restCurrentAmpere && i1 > restCurrentAmpere;
        boolean discharging = i0 < -restCurrentAmpere && i1 < -restCurrentAmpere;
        if (!charging && !discharging) {
            return;
        }
        double floor = CONSTANT_CURRENT * stepMaxCurrent;
        if (Math.abs(i0) < floor || Math.abs(i1) < floor) {
            return;
        }
        double dq = charging
                ? s.chargingCapacityAh() - p.chargingCapacityAh()
                : s.dischargingCapacityAh() - p.dischargingCapacityAh();
        if (!(dq > 0) || !plausible(p.voltageVolt()) || !plausible(s.voltageVolt())) {
            return;
        }
        Histogram[] pair = histograms.computeIfAbsent(s.cycleCount(),
                c -> new Histogram[] {new Histogram(binVolt), new Histogram(binVolt)});
        pair[charging ? 0 : 1].spread(p.voltageVolt(), s.voltageVolt(), dq * 1000);
    }

    /** A garbled reading must not make a histogram megavolts wide. */
    private static boolean plausible(double volt) {
        return Double.isFinite(volt) && Math.abs(volt) < 1000;
    }

    SortedMap<Integer, CycleDqDv> curves() {
        SortedMap<Integer, CycleDqDv> out = new TreeMap<>();
        histograms.forEach((c, pair) -> out.put(c, new CycleDqDv(c, pair[0].curve(1), pair[1].curve(-1))));
        return out;
    }

    /** Charge (mAh) per voltage bin; bin k covers [k·w, (k+1)·w). */
    static final class Histogram {
        private final double width;
        private long firstBin;
        private double[] charge = new double[0];

        Histogram(double width) {
            this.width = width;
        }

        /** Spreads {@code q} over [v0, v1] in proportion to the overlap with each bin. */
        void spread(double v0, double v1, double q) {
            double lo = Math.min(v0, v1);
            double hi = Math.max(v0, v1);
            long a = (long) Math.floor(lo / width);
            long b = (long) Math.floor(hi / width);
            if (hi - lo < 1e-12 || a == b) {
                add(a, q);
                return;
            }
            for (long k = a; k <= b; k++) {
                double overlap = Math.min(hi, (k + 1) * width) - Math.max(lo, k * width);
                if (overlap > 0) {
                    add(k, q * overlap / (hi - lo));
                }
            }
        }

        private void add(long bin, double q) {
            if (charge.length == 0) {
                firstBin = bin;
                charge = new double[1];
            } else if (bin < firstBin) {
                int grow = (int) (firstBin - bin);
                double[] wider = new double[charge.length + grow];
                System.arraycopy(charge, 0, wider, grow, charge.length);
                charge = wider;
                firstBin = bin;
            } else if (bin >= firstBin + charge.length) {
                charge = Arrays.copyOf(charge, (int) (bin - firstBin + 1));
            }
            charge[(int) (bin - firstBin)] += q;
        }

        /** dQ/dV at the bin centres, times {@code sign}. */
        Curve curve(int sign) {
            double[] x = new double[charge.length];
            double[] y = new double[charge.length];
            for (int k = 0; k < charge.length; k++) {
                x[k] = (firstBin + k + 0.5) * width;
                y[k] = sign * charge[k] / width;
            }
            return new Curve(x, y);
        }
    }
}

package io.cellbench.cli;

import io.cellbench.core.data.Sample;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** What the soak's comparison reads off one step's samples: its current, its end, the reference's voltage at a charge. */
final class NightSteps {
    private NightSteps() {
    }

    /**
     * The lowest and highest voltage of the reference within {@code error} of charge {@code q}
     * in the step (linear between its samples); the step's last voltage past its end.
     */
    static double[] voltAt(List<Sample> r, double q, double error) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double at : new double[] {q - error, q, q + error}) {
            double v = interpolate(r, at);
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        for (Sample s : r) { // every reference sample inside the window too
            double x = Math.abs(s.stepCapacityAh());
            if (x >= q - error && x <= q + error) {
                low = Math.min(low, s.voltageVolt());
                high = Math.max(high, s.voltageVolt());
            }
        }
        return new double[] {low, high};
    }

    /** The reference's voltage at charge {@code q} into the step: linear between its samples, and beyond them along the nearest two. */
    static double interpolate(List<Sample> r, double q) {
        int n = r.size();
        if (n == 1) {
            return r.get(0).voltageVolt();
        }
        int i = 1;
        while (i < n - 1 && Math.abs(r.get(i).stepCapacityAh()) < q) {
            i++;
        }
        Sample a = r.get(i - 1);
        Sample b = r.get(i);
        double x0 = Math.abs(a.stepCapacityAh());
        double x1 = Math.abs(b.stepCapacityAh());
        return x1 == x0 ? b.voltageVolt() : a.voltageVolt() + (b.voltageVolt() - a.voltageVolt()) * (q - x0) / (x1 - x0);
    }

    /** The cells' time between a step's last two samples: how late its end could be seen. */
    static double lastInterval(List<Sample> step, ToDoubleFunction<Sample> time) {
        return step.size() < 2 ? 0 : time.applyAsDouble(step.get(step.size() - 1))
                - time.applyAsDouble(step.get(step.size() - 2));
    }

    /** How far the voltage moved over the step's last sample interval. */
    static double lastStride(List<Sample> step) {
        return step.size() < 2 ? 0 : Math.abs(last(step).voltageVolt() - step.get(step.size() - 2).voltageVolt());
    }

    static Sample last(List<Sample> step) {
        return step.get(step.size() - 1);
    }

    static double meanCurrent(List<Sample> step) {
        // the middle of the step: its first sample may have been taken as the command changed
        return step.stream().skip(step.size() / 4).limit(Math.max(1, step.size() / 2))
                .mapToDouble(Sample::currentAmpere).average().orElse(0);
    }

    /**
     * The charge (Ah) the step's command may have put into the cell before the step's counters
     * began. Before the runner counted from when a command acted (docs/runner.md, "Charge at a
     * step edge") they began once the instrument had answered the command and the read after it,
     * and scaled time made the wall time of those lab seconds (97 ms of a loaded machine were
     * 9.7 s at 100 lab s/s); now they begin at the StepStarted, and this is 0 but for noise. Both
     * ends are in the data: the step's StepStarted and its first sample less its counted charge
     * at the step's current. 0 when the step's start is not known, or when a resume came between
     * it and the first sample (the resume's own allowances, from the kill on, cover that time).
     */
    static double uncountedStart(int step, List<Sample> samples, Map<Integer, Double> starts,
                                         List<double[]> kills, double perSecond) {
        Double start = starts.get(step);
        Sample first = samples.get(0);
        if (start == null || perSecond <= 0
                || kills.stream().anyMatch(x -> x[0] > start && x[0] <= first.unixTimeSecond())) {
            return 0;
        }
        double counted = first.unixTimeSecond() - Math.abs(first.stepCapacityAh()) / perSecond;
        return Math.max(0, counted - start) * perSecond;
    }
}

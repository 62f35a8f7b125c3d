package io.cellbench.cli;

import io.cellbench.core.data.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What each kill of the soak left a cell's counters without, per step it resumed in (see
 * {@link NightComparison}, "At each kill"): each kill's window as {unix time of the resume, lab
 * s of the step's command the counters did not see, lab s from the kill to the step's first
 * sample, Ah (signed) the channel really put in from the journal's position until the next
 * process's first command, NaN when not known (then the step's current over the first span)}.
 */
final class NightKillWindows {
    private NightKillWindows() {
    }

    /**
     * The kills' windows per step count of the step each resumed in.
     *
     * @param relived  per kill (in order): {unix time of the resume, lab seconds of sourcing the counters did not
     *                 see, the cells' time at the kill, and optionally the charge (Ah, + into the cell) the
     *                 channel really put in from the journal's position until the next process's first
     *                 command, then the cells' time of that process's first current command and its current}
     * @param cellTime the cells' time of a soak sample
     */
    static Map<Integer, List<double[]>> perStep(NightRecords.Cell soak, List<double[]> relived,
                                                ToDoubleFunction<Sample> cellTime) {
        Map<Integer, List<double[]>> uncounted = new LinkedHashMap<>();
        for (double[] r : relived) {
            Sample first = soak.samples().stream().filter(s -> s.unixTimeSecond() >= r[0]).findFirst().orElse(null);
            if (first == null) {
                continue; // resumed after its last sample: nothing after it to hold against
            }
            // from the kill to the resumed step's first sample, in the cells' time
            double window = Math.max(0, cellTime.applyAsDouble(first) - r[2]);
            double carried = r.length > 3 ? r[3] + resumedLeadAh(soak, r, first, cellTime) : Double.NaN;
            uncounted.computeIfAbsent(first.stepCount(), k -> new ArrayList<>()).add(new double[] {r[0], r[1], window,
                    carried});
        }
        return uncounted;
    }

    /**
     * The charge (Ah, signed) the resumed step's command put in before its counters went on: they
     * begin once the instrument has taken the command and the read after it is under way (as at a
     * step's start, {@link NightSteps#uncountedStart}), in a process just started, whose first commands are
     * slow. From {@code r[4]}, the cells' time of the next process's first current command, and
     * {@code r[5]}, its current; the counters' start is the first sample's time less its counted
     * charge since the resume at that current. 0 when not known.
     */
    private static double resumedLeadAh(NightRecords.Cell soak, double[] r, Sample first, ToDoubleFunction<Sample> time) {
        if (r.length < 6 || r[5] == 0 || Double.isNaN(r[4])) {
            return 0;
        }
        Sample before = soak.samples().stream().filter(s -> s.unixTimeSecond() < r[0]).reduce((a, b) -> b).orElse(null);
        double restored = before != null && before.stepCount() == first.stepCount() ? Math.abs(before.stepCapacityAh()) : 0;
        double counted = Math.max(0, Math.abs(first.stepCapacityAh()) - restored);
        double firstAt = time.applyAsDouble(first);
        double countersFrom = firstAt - counted / (Math.abs(r[5]) / 3600);
        double lead = Math.min(Math.max(0, countersFrom - r[4]), Math.max(0, firstAt - r[4]));
        return r[5] * lead / 3600;
    }

    /**
     * What a kill left in the cell that the counters never saw, Ah along the step's current:
     * what the channel really put in from the journal's position to the next process's first
     * command (the old command goes on after the kill until the next process resets it, and
     * stays in the cell for every step after), or when that is not known, the step's current
     * from the journal's position to the kill.
     */
    static double inCell(double[] kill, double ampere, double perSecond) {
        return Double.isNaN(kill[3]) ? kill[1] * perSecond : Math.signum(ampere) * kill[3];
    }

    /**
     * What the open circuit of a kill's window may have done, bounded by the step's current over
     * it: the window from the journal's position to the first sample less what the channel put
     * in ({@link #inCell}) over it.
     */
    static double atRest(double[] kill, double perSecond) {
        return Double.isNaN(kill[3]) ? kill[2] * perSecond
                : Math.max(0, (kill[1] + kill[2]) * perSecond - Math.abs(kill[3]));
    }
}

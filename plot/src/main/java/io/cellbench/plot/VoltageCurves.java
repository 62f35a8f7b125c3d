package io.cellbench.plot;

import io.cellbench.core.data.Sample;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Turns a cell's sample stream into voltage-against-capacity curves, one charge and one
 * discharge per chosen cycle. Only points with current flowing count (the rests would draw
 * vertical relaxation lines at the end of each branch); the x value is the capacity
 * charged or discharged so far in the cycle, in mAh. Each branch is held in a
 * {@link CurveBuffer}, so memory is bounded by the number of cycles drawn, not the run's
 * length.
 */
final class VoltageCurves implements Consumer<Sample> {

    /** Charge and discharge branches of one cycle, capacity in mAh against voltage in V. */
    record CycleCurve(int cycle, Curve charge, Curve discharge) implements CycleBranches {
    }

    private final Set<Integer> cycles;
    private final int pointsPerBranch;
    private final double restCurrentAmpere;
    private final SortedMap<Integer, CurveBuffer[]> branches = new TreeMap<>();

    /**
     * @param restCurrentAmpere currents of at most this magnitude count as rest (an
     *                          instrument's offset is not a charge)
     */
    VoltageCurves(Set<Integer> cycles, int pointsPerBranch, double restCurrentAmpere) {
        this.cycles = cycles;
        this.pointsPerBranch = pointsPerBranch;
        this.restCurrentAmpere = restCurrentAmpere;
    }

    @Override
    public void accept(Sample s) {
        double i = s.currentAmpere();
        if (Math.abs(i) <= restCurrentAmpere || !cycles.contains(s.cycleCount()) || !Double.isFinite(s.voltageVolt())) {
            return;
        }
        CurveBuffer[] pair = branches.computeIfAbsent(s.cycleCount(),
                c -> new CurveBuffer[] {new CurveBuffer(pointsPerBranch), new CurveBuffer(pointsPerBranch)});
        if (i > 0) {
            pair[0].add(s.chargingCapacityAh() * 1000, s.voltageVolt());
        } else {
            pair[1].add(s.dischargingCapacityAh() * 1000, s.voltageVolt());
        }
    }

    /** The curves, by cycle. */
    SortedMap<Integer, CycleCurve> curves() {
        SortedMap<Integer, CycleCurve> out = new TreeMap<>();
        branches.forEach((c, pair) -> out.put(c, new CycleCurve(c, pair[0].curve(), pair[1].curve())));
        return out;
    }
}

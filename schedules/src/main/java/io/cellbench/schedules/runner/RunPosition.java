package io.cellbench.schedules.runner;

import io.cellbench.core.data.Sample;
import java.util.List;
import java.util.Objects;

/**
 * Where one cell's run stands, exactly enough to continue it after the process died (see
 * docs/operations.md, "Resume"). Emitted by the runner to its {@link PositionListener} and
 * given back through {@link CellSetup#resumeFrom()}.
 *
 * @param path                    the open step's index in each nested step list, outermost
 *                                first (0-based, repeats included as the block they are)
 * @param iterations              the 0-based iteration of each enclosing repeat: one entry per
 *                                level above the step ({@code path.size() - 1} entries)
 * @param stepIndex               the open step's 1-based index in the protocol (as in samples)
 * @param phase                   how far the open step got
 * @param runStartUnixSecond      the run's test time 0, kept across resumes so that test
 *                                time includes the downtime
 * @param stepStartTestTimeSecond when the open step began, in test time
 * @param testTimeSecond          the moment of this position: the last recorded sample (or
 *                                the step start / phase change that caused it)
 * @param cvLimitAmpere           in the CV phase of a CC-CV step, the current limit the CV
 *                                command was given; 0 otherwise
 * @param counters                the capacity, energy, cycle and step counters at {@code testTimeSecond}
 * @param stepRecords             samples of the open step recorded so far (BDF's Step Record
 *                                Index of the last one): a resumed step goes on counting from
 *                                it. 0 in journals written before it was kept.
 */
public record RunPosition(
        List<Integer> path,
        List<Integer> iterations,
        int stepIndex,
        Phase phase,
        double runStartUnixSecond,
        double stepStartTestTimeSecond,
        double testTimeSecond,
        double cvLimitAmpere,
        Counts counters,
        int stepRecords) {

    /** How far the open step got. */
    public enum Phase {
        /** The step's main part: a rest, a drive (the CC part of a CC-CV), a sweep, a settling wait. */
        MAIN,
        /** The CV hold of a CC-CV step. */
        CV,
        /** An impedance step whose spectrum is recorded: only ending the step is left. */
        MEASURED
    }

    /** The counters of {@link io.cellbench.core.data.Sample}, plus the cycle-advance flag. */
    public record Counts(
            int cycleCount,
            int stepCount,
            boolean dischargedThisCycle,
            double chargingAh,
            double dischargingAh,
            double stepAh,
            double netAh,
            double cumulativeAh,
            double chargingWh,
            double dischargingWh,
            double stepWh,
            double netWh,
            double cumulativeWh) {
    }

    /** A position with no sample of the open step recorded yet. */
    public RunPosition(List<Integer> path, List<Integer> iterations, int stepIndex, Phase phase,
                       double runStartUnixSecond, double stepStartTestTimeSecond, double testTimeSecond,
                       double cvLimitAmpere, Counts counters) {
        this(path, iterations, stepIndex, phase, runStartUnixSecond, stepStartTestTimeSecond, testTimeSecond,
                cvLimitAmpere, counters, 0);
    }

    public RunPosition {
        path = List.copyOf(path);
        iterations = List.copyOf(iterations);
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(counters, "counters");
        if (path.isEmpty() || iterations.size() != path.size() - 1) {
            throw new IllegalArgumentException("a position needs a step path and one iteration per enclosing repeat, got "
                    + path + " / " + iterations);
        }
    }

    /** Time spent in the open step so far. */
    public double stepElapsedSecond() {
        return testTimeSecond - stepStartTestTimeSecond;
    }

    /**
     * This position moved on to a sample recorded after it in the same step (one that reached
     * the disk after the position was written): the counters and the time are the sample's.
     * A sample of another step or from before the position changes nothing.
     */
    public RunPosition advancedTo(Sample s) {
        if (s.stepCount() != counters.stepCount() || !(s.testTimeSecond() > testTimeSecond)) {
            return this;
        }
        Counts c = new Counts(s.cycleCount(), s.stepCount(), counters.dischargedThisCycle(),
                s.chargingCapacityAh(), s.dischargingCapacityAh(), s.stepCapacityAh(), s.netCapacityAh(),
                s.cumulativeCapacityAh(), s.chargingEnergyWh(), s.dischargingEnergyWh(), s.stepEnergyWh(),
                s.netEnergyWh(), s.cumulativeEnergyWh());
        return new RunPosition(path, iterations, stepIndex, phase, runStartUnixSecond, stepStartTestTimeSecond,
                s.testTimeSecond(), cvLimitAmpere, c, s.stepRecordIndex());
    }

    /**
     * This position with the open step's record count the cell's data end with: the Step
     * Record Index of {@code lastOnDisk} when it belongs to the open step, else 0 (none of the
     * step's samples reached the disk). A resumed step counts on from what its file holds, so
     * the index goes 1, 2, 3 … in the file across the interruption, whatever was lost with it.
     */
    public RunPosition recordedOnDisk(Sample lastOnDisk) {
        int records = lastOnDisk != null && lastOnDisk.stepCount() == counters.stepCount()
                ? lastOnDisk.stepRecordIndex() : 0;
        return new RunPosition(path, iterations, stepIndex, phase, runStartUnixSecond, stepStartTestTimeSecond,
                testTimeSecond, cvLimitAmpere, counters, records);
    }
}

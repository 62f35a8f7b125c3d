package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.ProgramRecord;
import io.cellbench.protocols.model.Step;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns the records a cycler kept while running a compiled segment into cellbench's samples and
 * step events, with the counters of {@link Sample} (cycle by cellbench's rule, not the cycler's;
 * capacities per cycle, per step and in total). Capacity and energy come from the cycler's own
 * per-step counters, which integrate at its control rate: summing the record-to-record
 * increments keeps them exact whatever the record period. A protocol step that the cycler runs
 * as two steps (a CC-CV split) is one step here. Owned by the runner's thread; its whole state
 * goes into the journal ({@link #save}) so that a resumed run continues it exactly.
 */
final class RecordTally {
    /** A record at the very instant of the one before (a step's first and the last one's last) is put this much later: no two samples share a time. */
    static final double SAME_INSTANT_SECOND = 1e-3;
    /** How many values {@link #save} writes (the journal's program state may hold more after them). */
    static final int LENGTH = 27;

    private final String cellId;
    private final StepNumbering numbering;
    private double runStart;
    // where the run stands in the program (see save/restore for the journal's order)
    private int segment;
    private boolean segmentStarted;
    private double segmentStart;
    private long position;
    private int cyclerStep = -1;
    private double cyclerStepStart;
    private double lastStepTime;
    private double lastCapacity;
    private double lastEnergy;
    private Step open;
    private int openIndex;
    private double stepStart;
    /** Test time of the last record or step start; -1 before any (the journal keeps finite numbers only). */
    private double lastTime = -1;
    private int stepRecords;
    /** The counters of Sample, by the same rules as a directly driven cell's. */
    private final Counters counters = new Counters();
    /** Where a record's stack pressure and ambient temperature come from (the cycler's records have neither). */
    private AuxiliaryTimeline aux = new AuxiliaryTimeline(null, null, 0);

    RecordTally(String cellId, StepNumbering numbering, double runStart) {
        this.cellId = cellId;
        this.numbering = numbering;
        this.runStart = runStart;
    }

    /** A program segment is about to start: nothing of it is known yet. */
    void beginSegment(int index) {
        segment = index;
        segmentStarted = false;
        position = 0;
        cyclerStep = -1;
    }

    /** The segment's program started on the cycler {@code sinceStart} s ago (its own test time). */
    void started(double nowUnix, double sinceStart) {
        segmentStarted = true;
        // never before the run began (lastTime is -1 before any record): the cycler's clock is not ours
        segmentStart = Math.max(Math.max(lastTime, 0), nowUnix - runStart - Math.max(0, sinceStart));
    }

    /**
     * One record, in the cycler's order; a record at or before the last position is ignored.
     * Step ends and starts, and the sample, go to {@code out}.
     */
    void record(ProgramRecord r, List<Step> sources, Consumer<RunEvent> out) {
        if (r.position() <= position) {
            return;
        }
        position = r.position();
        if (r.step() != cyclerStep || r.stepTimeSecond() < lastStepTime) {
            Step source = r.step() >= 1 && r.step() <= sources.size() ? sources.get(r.step() - 1) : null;
            boolean split = source != null && source == open && r.step() == cyclerStep + 1;
            cyclerStepStart = cyclerStep < 0 ? segmentStart : lastTime;
            cyclerStep = r.step();
            lastCapacity = 0;
            lastEnergy = 0;
            if (!split && source != null) {
                endStep(cyclerStepStart, "complete", out);
                beginStep(source, cyclerStepStart, out);
            }
        }
        lastStepTime = r.stepTimeSecond();
        double t = cyclerStepStart + r.stepTimeSecond();
        t = t <= lastTime ? lastTime + SAME_INSTANT_SECOND : t;
        lastTime = t;
        // '--' (no value) from the cycler moves nothing
        double capacity = Double.isNaN(r.capacityAh()) ? lastCapacity : r.capacityAh();
        double energy = Double.isNaN(r.energyWh()) ? lastEnergy : r.energyWh();
        double ah = Math.max(0, capacity - lastCapacity);
        double wh = Math.max(0, energy - lastEnergy);
        lastCapacity = Math.max(lastCapacity, capacity);
        lastEnergy = Math.max(lastEnergy, energy);
        boolean charging = r.currentAmpere() > 0
                || r.currentAmpere() == 0 && StepDirection.of(open) == StepDirection.CHARGE;
        counters.add(charging ? ah : 0, charging ? 0 : ah, charging ? wh : 0, charging ? 0 : wh);
        stepRecords++;
        double watt = r.currentAmpere() == 0 ? 0 : r.voltageVolt() * r.currentAmpere();
        Counters c = counters;
        out.accept(new RunEvent.SampleRecorded(cellId, new Sample(t, runStart + t, r.voltageVolt(), r.currentAmpere(),
                c.cycleCount(), c.stepCount(), openIndex, c.chargingAh(), c.dischargingAh(), c.stepAh(), c.netAh(),
                c.cumulativeAh(), c.chargingWh(), c.dischargingWh(), c.stepWh(), c.netWh(), c.cumulativeWh(), watt,
                aux.pressurePa(runStart + t), aux.ambientCelsius(runStart + t), stepRecords, c.totalChargingAh(), c.totalDischargingAh(), c.totalChargingWh(),
                c.totalDischargingWh())));
    }

    /** A step of cellbench's own (an impedance sweep between segments) begins at test time {@code t}. */
    void beginStep(Step step, double t, Consumer<RunEvent> out) {
        counters.beginStep(StepDirection.of(step));
        stepRecords = 0;
        open = step;
        openIndex = numbering.indexOf(step);
        stepStart = t;
        lastTime = Math.max(lastTime, t);
        out.accept(new RunEvent.StepStarted(cellId, t, counters.stepCount(), openIndex, counters.cycleCount(),
                step.text()));
    }

    /** Ends the open step (if any) at test time {@code t}. */
    void endStep(double t, String reason, Consumer<RunEvent> out) {
        if (open != null) {
            out.accept(new RunEvent.StepEnded(cellId, Math.max(t, stepStart), counters.stepCount(), openIndex, reason));
            open = null;
        }
    }

    Step openStep() {
        return open;
    }

    int openIndex() {
        return openIndex;
    }

    /** The end of the last segment's records: where the time of a step of cellbench's own begins. */
    void at(double t) {
        lastTime = Math.max(lastTime, t);
    }

    int segment() {
        return segment;
    }

    boolean segmentStarted() {
        return segmentStarted;
    }

    long position() {
        return position;
    }

    int cycleCount() {
        return counters.cycleCount();
    }

    int stepCount() {
        return counters.stepCount();
    }

    /** Test time of the last record (or step start): where the run stands. */
    double testTime() {
        return Math.max(lastTime, 0);
    }

    /** Records take their pressure and ambient temperature from {@code timeline} from now on. */
    void auxiliaries(AuxiliaryTimeline timeline) {
        aux = timeline;
    }

    double runStart() {
        return runStart;
    }

    /** Where the run stands, for the journal (its counters are this tally's). */
    RunPosition position(Step fallback) {
        return new RunPosition(List.of(segment), List.of(), open != null ? openIndex : numbering.indexOf(fallback),
                RunPosition.Phase.MAIN, runStart, open != null ? stepStart : testTime(), testTime(), 0,
                counters.state());
    }

    /** Everything, for the journal: a resumed run restores it and downloads from {@link #position()} + 1. */
    double[] save() {
        RunPosition.Counts c = counters.state();
        return new double[] {segment, segmentStarted ? 1 : 0, segmentStart, position, cyclerStep, cyclerStepStart,
                lastStepTime, lastCapacity, lastEnergy, open == null ? -1 : openIndex, stepStart, lastTime, stepRecords,
                runStart, c.cycleCount(), c.stepCount(), c.dischargedThisCycle() ? 1 : 0, c.chargingAh(),
                c.dischargingAh(), c.stepAh(), c.netAh(), c.cumulativeAh(), c.chargingWh(), c.dischargingWh(),
                c.stepWh(), c.netWh(), c.cumulativeWh()};
    }

    /** The test time of the last record a {@link #save}d state had counted. */
    static double lastTime(double[] saved) {
        return saved.length >= LENGTH ? saved[11] : Double.NaN;
    }

    /** How many of the cycler's records a {@link #save}d state had counted (its download position). */
    static long records(double[] saved) {
        return saved.length >= LENGTH ? (long) saved[3] : 0;
    }

    /** Continues from {@link #save}'s array (its first {@link #LENGTH} values); {@code steps} finds the open step by its index. */
    void restore(double[] s, java.util.function.IntFunction<Step> steps) {
        if (s.length < LENGTH) {
            throw new IllegalArgumentException("the journal's program state has " + s.length + " values, not "
                    + LENGTH);
        }
        segment = (int) s[0];
        segmentStarted = s[1] != 0;
        segmentStart = s[2];
        position = (long) s[3];
        cyclerStep = (int) s[4];
        cyclerStepStart = s[5];
        lastStepTime = s[6];
        lastCapacity = s[7];
        lastEnergy = s[8];
        openIndex = (int) s[9];
        open = openIndex < 0 ? null : steps.apply(openIndex);
        stepStart = s[10];
        lastTime = s[11];
        stepRecords = (int) s[12];
        runStart = s[13];
        counters.restore(new RunPosition.Counts((int) s[14], (int) s[15], s[16] != 0, s[17], s[18], s[19], s[20],
                s[21], s[22], s[23], s[24], s[25], s[26]));
    }
}

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
    /** How many values {@link #save} writes. */
    private static final int LENGTH = 31;

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
    // the counters of Sample
    private int cycleCount = 1;
    private int stepCount;
    private boolean dischargedThisCycle;
    private double chargingAh, dischargingAh, stepAh, netAh, cumulativeAh;
    private double chargingWh, dischargingWh, stepWh, netWh, cumulativeWh;
    private double totalChargingAh, totalDischargingAh, totalChargingWh, totalDischargingWh;

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
        segmentStart = Math.max(lastTime, nowUnix - runStart - Math.max(0, sinceStart));
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
        add(charging ? ah : 0, charging ? 0 : ah, charging ? wh : 0, charging ? 0 : wh);
        stepRecords++;
        double watt = r.currentAmpere() == 0 ? 0 : r.voltageVolt() * r.currentAmpere();
        out.accept(new RunEvent.SampleRecorded(cellId, new Sample(t, runStart + t, r.voltageVolt(), r.currentAmpere(),
                cycleCount, stepCount, openIndex, chargingAh, dischargingAh, stepAh, netAh, cumulativeAh, chargingWh,
                dischargingWh, stepWh, netWh, cumulativeWh, watt, Double.NaN, Double.NaN, stepRecords, totalChargingAh,
                totalDischargingAh, totalChargingWh, totalDischargingWh)));
    }

    /** A step of cellbench's own (an impedance sweep between segments) begins at test time {@code t}. */
    void beginStep(Step step, double t, Consumer<RunEvent> out) {
        StepDirection direction = StepDirection.of(step);
        stepCount++;
        if (direction == StepDirection.CHARGE && dischargedThisCycle) {
            cycleCount++;
            dischargedThisCycle = false;
            chargingAh = dischargingAh = chargingWh = dischargingWh = 0;
        }
        if (direction == StepDirection.DISCHARGE) {
            dischargedThisCycle = true;
        }
        stepAh = stepWh = 0;
        stepRecords = 0;
        open = step;
        openIndex = numbering.indexOf(step);
        stepStart = t;
        lastTime = Math.max(lastTime, t);
        out.accept(new RunEvent.StepStarted(cellId, t, stepCount, openIndex, cycleCount, step.text()));
    }

    /** Ends the open step (if any) at test time {@code t}. */
    void endStep(double t, String reason, Consumer<RunEvent> out) {
        if (open != null) {
            out.accept(new RunEvent.StepEnded(cellId, Math.max(t, stepStart), stepCount, openIndex, reason));
            open = null;
        }
    }

    private void add(double inAh, double outAh, double inWh, double outWh) {
        chargingAh += inAh;
        dischargingAh += outAh;
        stepAh += inAh + outAh;
        netAh += inAh - outAh;
        cumulativeAh += inAh + outAh;
        chargingWh += inWh;
        dischargingWh += outWh;
        stepWh += inWh + outWh;
        netWh += inWh - outWh;
        cumulativeWh += inWh + outWh;
        totalChargingAh += inAh;
        totalDischargingAh += outAh;
        totalChargingWh += inWh;
        totalDischargingWh += outWh;
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
        return cycleCount;
    }

    int stepCount() {
        return stepCount;
    }

    /** Test time of the last record (or step start): where the run stands. */
    double testTime() {
        return Math.max(lastTime, 0);
    }

    double runStart() {
        return runStart;
    }

    /** Where the run stands, for the journal (its counters are this tally's). */
    RunPosition position(Step fallback) {
        return new RunPosition(List.of(segment), List.of(), open != null ? openIndex : numbering.indexOf(fallback),
                RunPosition.Phase.MAIN, runStart, open != null ? stepStart : testTime(), testTime(), 0,
                new RunPosition.Counts(cycleCount, stepCount, dischargedThisCycle, chargingAh, dischargingAh, stepAh,
                        netAh, cumulativeAh, chargingWh, dischargingWh, stepWh, netWh, cumulativeWh));
    }

    /** Everything, for the journal: a resumed run restores it and downloads from {@link #position()} + 1. */
    double[] save() {
        return new double[] {segment, segmentStarted ? 1 : 0, segmentStart, position, cyclerStep, cyclerStepStart,
                lastStepTime, lastCapacity, lastEnergy, open == null ? -1 : openIndex, stepStart, lastTime, stepRecords,
                cycleCount, stepCount, dischargedThisCycle ? 1 : 0, chargingAh, dischargingAh, stepAh, netAh,
                cumulativeAh, chargingWh, dischargingWh, stepWh, netWh, cumulativeWh, totalChargingAh,
                totalDischargingAh, totalChargingWh, totalDischargingWh, runStart};
    }

    /** The test time of the last record a {@link #save}d state had counted. */
    static double lastTime(double[] saved) {
        return saved.length == LENGTH ? saved[11] : Double.NaN;
    }

    /** Continues from {@link #save}'s array; {@code steps} finds the open step by its index. */
    void restore(double[] s, java.util.function.IntFunction<Step> steps) {
        if (s.length != LENGTH) {
            throw new IllegalArgumentException("the journal's program state has " + s.length + " values, not "
                    + LENGTH);
        }
        int i = 0;
        segment = (int) s[i++];
        segmentStarted = s[i++] != 0;
        segmentStart = s[i++];
        position = (long) s[i++];
        cyclerStep = (int) s[i++];
        cyclerStepStart = s[i++];
        lastStepTime = s[i++];
        lastCapacity = s[i++];
        lastEnergy = s[i++];
        openIndex = (int) s[i++];
        open = openIndex < 0 ? null : steps.apply(openIndex);
        stepStart = s[i++];
        lastTime = s[i++];
        stepRecords = (int) s[i++];
        cycleCount = (int) s[i++];
        stepCount = (int) s[i++];
        dischargedThisCycle = s[i++] != 0;
        chargingAh = s[i++];
        dischargingAh = s[i++];
        stepAh = s[i++];
        netAh = s[i++];
        cumulativeAh = s[i++];
        chargingWh = s[i++];
        dischargingWh = s[i++];
        stepWh = s[i++];
        netWh = s[i++];
        cumulativeWh = s[i++];
        totalChargingAh = s[i++];
        totalDischargingAh = s[i++];
        totalChargingWh = s[i++];
        totalDischargingWh = s[i++];
        runStart = s[i];
    }
}

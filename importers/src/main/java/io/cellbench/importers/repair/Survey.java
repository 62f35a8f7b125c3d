package io.cellbench.importers.repair;

import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.Field;
import io.cellbench.importers.ImportMetadata;
import io.cellbench.importers.RecordSink;
import io.cellbench.importers.StepType;

/**
 * A first pass over a file that only looks: what the repairs need to know before the first row
 * goes out (a stream cannot take back rows it already passed on). Constant memory.
 */
public final class Survey implements RecordSink {

    ImportMetadata metadata;
    long rows;
    int minCycle = Integer.MAX_VALUE;
    int maxCycle = Integer.MIN_VALUE;
    /** Step starts at which test time fell back to about the step time (the time bug). */
    long timeRestarts;
    long firstRestart = -1;
    /** Step starts whose first row alone had a fallen test time, the next row going on where time was. */
    long zeroedStepStarts;
    long firstZeroed = -1;
    /** Falls of test time not at a step start. */
    long otherTimeFalls;
    double testSpan;
    double unixSpan;
    double stepSpan;
    double testSpanAgainstStep;
    /** Step starts at which the capacity counters fell (reset) and, among them, cycle starts. */
    long counterResetsAtStep;
    long counterResetsAtCycle;
    long stepStarts;
    long cycleStarts;

    private CyclerRecord previous;
    /** Cycles cellbench's rule counts; a step without a type counts by the sign of its first current. */
    private final CycleRule rule = new CycleRule();
    private boolean stepDirectionPending;
    /** Test time before a fall at a step start, until the next row tells which kind of fall it was. */
    private double beforeFall = Double.NaN;
    private long fallRecord;

    @Override
    public void begin(ImportMetadata metadata) {
        this.metadata = metadata;
    }

    @Override
    public void sample(CyclerRecord r) {
        rows++;
        boolean beginsStep = previous == null || r.stepCount() != previous.stepCount() || r.stepId() != previous.stepId();
        if (beginsStep) {
            StepType.Direction direction = r.stepType().direction();
            stepDirectionPending = direction == StepType.Direction.UNKNOWN;
            if (!stepDirectionPending) {
                rule.beginStep(direction);
            }
        }
        if (stepDirectionPending && r.currentAmpere() != 0 && !Double.isNaN(r.currentAmpere())) {
            rule.beginStep(r.currentAmpere() > 0 ? StepType.Direction.CHARGE : StepType.Direction.DISCHARGE);
            stepDirectionPending = false;
        }
        if (r.cycleCount() != CyclerRecord.UNKNOWN) {
            minCycle = Math.min(minCycle, r.cycleCount());
            maxCycle = Math.max(maxCycle, r.cycleCount());
        }
        if (!Double.isNaN(beforeFall)) {
            if (r.testTimeSecond() >= beforeFall) {
                zeroedStepStarts++;
                if (firstZeroed < 0) {
                    firstZeroed = fallRecord;
                }
            } else {
                timeRestarts++;
                if (firstRestart < 0) {
                    firstRestart = fallRecord;
                }
            }
            beforeFall = Double.NaN;
        }
        if (previous != null) {
            boolean newStep = r.stepCount() != previous.stepCount() || r.stepId() != previous.stepId();
            boolean newCycle = r.cycleCount() != previous.cycleCount();
            double dTest = r.testTimeSecond() - previous.testTimeSecond();
            if (newStep) {
                stepStarts++;
            }
            if (newCycle) {
                cycleStarts++;
            }
            if (dTest < 0) {
                boolean restarted = newStep && Double.isFinite(r.stepTimeSecond())
                        ? Math.abs(r.testTimeSecond() - r.stepTimeSecond()) <= Math.max(1e-6, 0.01 * Math.abs(dTest))
                        : newStep && r.testTimeSecond() < previous.testTimeSecond() * 0.5 + 1;
                if (restarted) {
                    beforeFall = previous.testTimeSecond();
                    fallRecord = r.recordIndex();
                } else {
                    otherTimeFalls++;
                }
            } else if (!newStep) {
                double dUnix = r.unixTimeSecond() - previous.unixTimeSecond();
                double dStep = r.stepTimeSecond() - previous.stepTimeSecond();
                if (Double.isFinite(dTest) && Double.isFinite(dUnix) && dUnix > 0) {
                    testSpan += dTest;
                    unixSpan += dUnix;
                }
                if (Double.isFinite(dTest) && Double.isFinite(dStep) && dStep > 0) {
                    stepSpan += dStep;
                    testSpanAgainstStep += dTest;
                }
            }
            if (newStep && fell(previous.chargingCapacityAh(), r.chargingCapacityAh())
                    || newStep && fell(previous.dischargingCapacityAh(), r.dischargingCapacityAh())) {
                counterResetsAtStep++;
                if (newCycle) {
                    counterResetsAtCycle++;
                }
            }
        }
        previous = r;
    }

    private static boolean fell(double before, double after) {
        return before > 0 && after < before * 0.5;
    }

    public boolean cycleMissing() {
        return metadata != null && !metadata.has(Field.CYCLE_COUNT) || rows > 0 && minCycle == Integer.MAX_VALUE;
    }

    /** The file's cycle never changes although cellbench's rule counts more than one cycle. */
    public boolean cycleConstant() {
        return rows > 1 && minCycle == maxCycle && rule.cycle() > 1;
    }

    /** Cycles cellbench's rule counts in the file. */
    public int derivedCycles() {
        return rule.cycle();
    }

    public long rows() {
        return rows;
    }
}

package io.cellbench.importers.repair;

import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.Field;
import io.cellbench.importers.ImportMetadata;
import io.cellbench.importers.RecordSink;
import io.cellbench.importers.StepType;

/**
 * A first pass over a file that only looks, for the two questions no bounded look-ahead answers
 * and a file's metadata may not: does its cycle counter ever move (else cellbench derives cycles),
 * and do capacity counters of undeclared scope restart at steps or at cycles. {@link Repairs} runs
 * it only when the metadata leaves one of them open. Constant memory.
 */
public final class Survey implements RecordSink {

    ImportMetadata metadata;
    long rows;
    int minCycle = Integer.MAX_VALUE;
    int maxCycle = Integer.MIN_VALUE;
    /** Step starts at which the capacity counters fell (reset) and, among them, cycle starts. */
    long counterResetsAtStep;
    long counterResetsAtCycle;
    long cycleStarts;

    private CyclerRecord previous;
    /** Cycles cellbench's rule counts; a step without a type counts by the sign of its first current. */
    private final CycleRule rule = new CycleRule();
    private boolean stepDirectionPending;

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
        if (previous != null) {
            boolean newCycle = r.cycleCount() != previous.cycleCount();
            if (newCycle) {
                cycleStarts++;
            }
            if (beginsStep && (fell(previous.chargingCapacityAh(), r.chargingCapacityAh())
                    || fell(previous.dischargingCapacityAh(), r.dischargingCapacityAh()))) {
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

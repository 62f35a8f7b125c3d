package io.cellbench.importers.repair;

import io.cellbench.importers.CyclerRecord;
import io.cellbench.importers.ImportNote;
import io.cellbench.importers.RecordSink;
import io.cellbench.importers.StepType.Direction;
import java.util.ArrayDeque;

/**
 * A cycle count that is missing or never changes, derived with {@link CycleRule}. A step's
 * direction comes from its step type; where the file has none, from the sign of the first
 * current in the step that is not zero, for which the step's first rows wait in a bounded buffer
 * (at most {@value #LOOKAHEAD} rows; a longer step without current counts as neither).
 */
final class CycleRepair extends Stage {

    static final int LOOKAHEAD = 4096;
    static final String MISSING = "missing from the file";

    private final CycleRule rule = new CycleRule();
    private final String why;
    private final ArrayDeque<CyclerRecord> waiting = new ArrayDeque<>();
    private int lastStepCount = Integer.MIN_VALUE;
    private int lastStepId = Integer.MIN_VALUE;
    private int cycle = 1;
    private long rows;
    private boolean changed;
    private boolean inferred;

    /** {@code why} says what is wrong with the file's cycle; {@code %d} in it becomes the cycles the rule counted. */
    CycleRepair(RecordSink next, String why) {
        super(next);
        this.why = why;
    }

    /** The reason for a counter that stays at {@code value} (which the rows decide is worth a repair or not). */
    static String constant(int value) {
        return "constant (" + value + ") throughout the file, where %d cycles ran";
    }

    /** Whether any row's cycle differs from the file's. */
    boolean changed() {
        return changed;
    }

    @Override
    public void sample(CyclerRecord r) {
        rows++;
        boolean newStep = r.stepCount() != lastStepCount || r.stepId() != lastStepId;
        lastStepCount = r.stepCount();
        lastStepId = r.stepId();
        if (newStep) {
            flush(Direction.NEITHER);
            Direction direction = r.stepType().direction();
            if (direction == Direction.UNKNOWN) {
                inferred = true;
                waiting.add(r);
                decideFromCurrent();
                return;
            }
            cycle = rule.beginStep(direction);
        } else if (!waiting.isEmpty()) {
            waiting.add(r);
            decideFromCurrent();
            return;
        }
        pass(r);
    }

    private void pass(CyclerRecord r) {
        if (r.cycleCount() == cycle) {
            next.sample(r);
        } else {
            changed = true;
            next.sample(r.withCycleCount(cycle));
        }
    }

    private void decideFromCurrent() {
        CyclerRecord last = waiting.peekLast();
        double current = last.currentAmpere();
        if (current > 0) {
            flush(Direction.CHARGE);
        } else if (current < 0) {
            flush(Direction.DISCHARGE);
        } else if (waiting.size() >= LOOKAHEAD) {
            flush(Direction.NEITHER);
        }
    }

    /** Starts the waiting step with the direction now known and sends its rows on. */
    private void flush(Direction direction) {
        if (waiting.isEmpty()) {
            return;
        }
        cycle = rule.beginStep(direction);
        while (!waiting.isEmpty()) {
            pass(waiting.poll());
        }
    }

    @Override
    public void end() {
        flush(Direction.NEITHER);
        super.end();
    }

    @Override
    void report() {
        if (!changed) {
            return;
        }
        next.note(ImportNote.repair("cycle-derived", "cycle count " + why.replace("%d", String.valueOf(rule.cycle()))
                + ": derived by cellbench's rule (a charge step after a discharge starts the next cycle"
                + (inferred ? "; steps without a step type counted by the sign of their current)" : ")")
                + ", " + rule.cycle() + " cycle(s)", 0, rows));
    }
}

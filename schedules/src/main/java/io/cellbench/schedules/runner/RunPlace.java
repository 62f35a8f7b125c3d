package io.cellbench.schedules.runner;

import io.cellbench.protocols.model.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a cell's run stands in its protocol, as the journal records it ({@link RunPosition}):
 * the open step, its index in each nested list of steps, the iteration of each enclosing
 * repeat, the step's phase and a CV phase's current limit. The interpreter
 * ({@link ProtocolRunner}) moves it as it walks the steps, the steps mark their phases, and
 * every mark reaches the {@link PositionListener}, so that a resume starts where the run
 * stopped. Used on the runner's thread only.
 */
final class RunPlace {
    /** Where positions go; null when nothing journals the run. */
    private final PositionListener journal;
    /** What a position is stamped with: step numbers, the run's clock, the counters. */
    private final StepKind.Parts parts;
    // mutated in place as the run moves
    private final List<Integer> path = new ArrayList<>();
    private final List<Integer> iterations = new ArrayList<>();
    private Step openStep;
    private RunPosition.Phase phase = RunPosition.Phase.MAIN;
    private double cvLimitAmpere;
    /** The latest position taken; what the journal hears at the end (the path is unwound by then). */
    private RunPosition last;
    /**
     * A step or phase began whose start the journal has not heard yet: it hears it once the
     * channel has the step's command ({@link #commandActed}), so that a kill in between leaves
     * the journal naming the step before, not a cell still doing the step before under the name
     * of the next (docs/runner.md, "Journal and resume").
     */
    private boolean startUnheard;

    RunPlace(StepKind.Parts parts) {
        this.parts = parts;
        this.journal = parts.setup().positionListener();
    }

    /** A nested list of steps begins (the protocol's, a repeat's body). */
    void enterList() {
        path.add(0);
    }

    /** The interpreter reaches step {@code index} of the list at {@code depth}. */
    void at(int depth, int index) {
        path.set(depth, index);
    }

    void leaveList() {
        path.removeLast();
    }

    void enterRepeat() {
        iterations.add(0);
    }

    /** The repeat at {@code depth} begins its iteration {@code k} (0-based). */
    void iteration(int depth, int k) {
        iterations.set(depth, k);
    }

    void leaveRepeat() {
        iterations.removeLast();
    }

    /** The index of the open step in each nested list (live: read it, do not keep it). */
    List<Integer> path() {
        return path;
    }

    /** The iteration of each enclosing repeat (live: read it, do not keep it). */
    List<Integer> iterations() {
        return iterations;
    }

    Step openStep() {
        return openStep;
    }

    /** A step opens (a sample recorded from now on is journaled as within it). */
    void open(Step step) {
        openStep = step;
    }

    /**
     * The open step has started in {@code phase}, a CV phase limited to {@code cvLimitAmpere}:
     * journaled when its first command acted, or its first sample, or its end, whichever comes first.
     */
    void started(RunPosition.Phase phase, double cvLimitAmpere) {
        this.cvLimitAmpere = cvLimitAmpere;
        this.phase = phase;
        startUnheard = true;
    }

    /** A command acted on the cell at {@code unixTime}: a start the journal has not heard is journaled now. */
    void commandActed(double unixTime) {
        if (startUnheard) {
            journal(phase, unixTime);
        }
    }

    /** The open step is over; returns it (null when none was open). A step that gave no command is journaled first. */
    Step close() {
        commandActed(parts.sampler().grid().now());
        Step step = openStep;
        openStep = null;
        return step;
    }

    /**
     * The run ends with the open step cut short; returns it (null when none was open). Never
     * journaled now: the run's end already was, and a start whose command never acted is no place
     * to resume from (the journal keeps the step whose command the channel last had).
     */
    Step cutShort() {
        startUnheard = false;
        Step step = openStep;
        openStep = null;
        return step;
    }

    /**
     * The CV phase of a drive begins, limited to {@code limitAmpere}: what a resume needs to go
     * on with it. {@code journaled}: a new phase, journaled once its command acted (as a step start).
     */
    void cvPhase(double limitAmpere, boolean journaled) {
        cvLimitAmpere = limitAmpere;
        phase = RunPosition.Phase.CV;
        startUnheard |= journaled;
    }

    void journal(RunPosition.Phase newPhase, double unixTime) {
        phase = newPhase;
        startUnheard = false;
        if (journal != null) {
            journal.at(position(unixTime), true);
        }
    }

    /** A sample was recorded at {@code unixTime}: the journal hears where, within a step. */
    void recorded(double unixTime) {
        if (journal != null && openStep != null) {
            journal.at(position(unixTime), startUnheard); // a pause's sample, the output open before the command
        }
        startUnheard = false;
    }

    /** The last position the journal heard (null before the first). */
    RunPosition last() {
        return last;
    }

    /** Where the run stands at {@code unixTime} (the last sample, or a step start). */
    private RunPosition position(double unixTime) {
        SampleGrid grid = parts.sampler().grid();
        last = new RunPosition(path, iterations, parts.numbering().indexOf(openStep), phase, grid.runStart(),
                grid.testTime(grid.stepStart()), grid.testTime(Math.max(unixTime, grid.stepStart())),
                cvLimitAmpere, parts.counters().state(), parts.sampler().stepRecords());
        return last;
    }
}

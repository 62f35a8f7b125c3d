package io.cellbench.schedules.runner;

import io.cellbench.core.data.CellInfo;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * How long a delegated cell's protocol has left, by the same estimate as a directly driven
 * cell's ({@link RemainingTime}). The cycler's records say only which step runs, so each step
 * they begin is placed in the protocol here: its path through the nested step lists, and each
 * enclosing repeat's pass, counted as the steps go round (a step at or before the last one
 * begun in the same repeat starts its next pass). The last step's place and passes go into the
 * journal with the program's position ({@link #save}), so a resumed run counts on from the pass
 * it was in rather than taking the passes already run as still to come. Runner thread only.
 */
final class ProgramRemaining {
    private final Protocol protocol;
    private final StepNumbering numbering;
    private final RemainingTime remaining;
    private List<Integer> path = List.of();
    private List<Integer> iterations = List.of();
    private Step open;
    private double stepStart;
    private double stepAh;

    ProgramRemaining(Protocol protocol, StepNumbering numbering, CellInfo cell) {
        this.protocol = protocol;
        this.numbering = numbering;
        this.remaining = new RemainingTime(protocol, numbering, cell, new SafetyWindow(protocol.limits()));
    }

    /** The whole protocol, before its first step. */
    RunnerStatus.Remaining whole() {
        return remaining.whole();
    }

    /** {@code step} began at test time {@code t}: what is left from there. */
    RunnerStatus.Remaining started(Step step, double t) {
        List<Integer> now = pathOf(step);
        iterations = passes(now);
        path = now;
        open = step;
        stepStart = t;
        stepAh = 0;
        return remaining.at(path, iterations, step);
    }

    /** A record of the open step at test time {@code t}: its step time. */
    double recorded(double t, double stepCapacityAh) {
        stepAh = stepCapacityAh;
        return Math.max(0, t - stepStart);
    }

    /** The open step ended at {@code t} for {@code reason}: its time teaches the next estimates. */
    void ended(double t, String reason) {
        if (open != null && "complete".equals(reason)) {
            remaining.ended(open, t - stepStart, stepAh, StepEnds.onTime(reason));
        }
        open = null;
    }

    /** What is left from the start of {@code step}, the open step of a resumed run. */
    RunnerStatus.Remaining at(Step step) {
        return remaining.at(path, iterations, step);
    }

    /** The last step's place and its repeats' passes, for the journal: {n, path (n), passes (n - 1)}. */
    double[] save() {
        double[] out = new double[1 + path.size() + iterations.size()];
        out[0] = path.size();
        for (int i = 0; i < path.size(); i++) {
            out[1 + i] = path.get(i);
        }
        for (int i = 0; i < iterations.size(); i++) {
            out[1 + path.size() + i] = iterations.get(i);
        }
        return out;
    }

    /**
     * Continues from {@link #save}'s array; an empty or malformed one (a journal written before
     * it was kept) leaves the passes to be counted from here, as before.
     */
    void restore(double[] saved) {
        int n = saved.length == 0 ? -1 : (int) saved[0];
        if (n < 1 || saved.length != 2 * n) {
            return;
        }
        List<Integer> p = new ArrayList<>();
        List<Integer> it = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            p.add((int) saved[1 + i]);
        }
        for (int i = 0; i < n - 1; i++) {
            it.add((int) saved[1 + n + i]);
        }
        path = List.copyOf(p);
        iterations = List.copyOf(it);
    }

    /** Each enclosing repeat's pass for a step at {@code now}, from the last step's path and passes. */
    private List<Integer> passes(List<Integer> now) {
        int shared = 0;
        while (shared < Math.min(now.size(), path.size()) - 1 && now.get(shared).equals(path.get(shared))) {
            shared++;
        }
        List<Integer> out = new ArrayList<>();
        for (int d = 0; d < now.size() - 1; d++) {
            if (d < shared) {
                // the same repeat as before: its next pass when this step is not after the last one in it
                boolean again = d == shared - 1 && now.get(shared) <= path.get(shared);
                out.add(iterations.get(d) + (again ? 1 : 0));
            } else {
                out.add(0); // a repeat entered afresh
            }
        }
        return out;
    }

    /** The indexes of {@code step} through the nested step lists (as {@link RunPlace} keeps them). */
    private List<Integer> pathOf(Step step) {
        List<Integer> out = new ArrayList<>();
        if (!find(protocol.steps(), step, out)) {
            throw new IllegalArgumentException("step " + numbering.indexOf(step) + " is not in protocol '"
                    + protocol.name() + "'");
        }
        return out;
    }

    private static boolean find(List<Step> steps, Step step, List<Integer> out) {
        for (int i = 0; i < steps.size(); i++) {
            out.add(i);
            Step s = steps.get(i);
            if (s == step || s instanceof Step.Repeat r && find(r.steps(), step, out)) {
                return true;
            }
            out.removeLast();
        }
        return false;
    }
}

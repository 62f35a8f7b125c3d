package io.cellbench.schedules.runner;

import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Step;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step indices: the 1-based position of each leaf step in depth-first order of the
 * protocol as written. A Repeat is a block, not a step, and has no index; its body's steps
 * keep their indices on every iteration. Steps are keyed by identity, so two steps written
 * alike in different places keep different indices.
 */
final class StepNumbering {
    private final Map<Step, Integer> indices;
    private final int plannedStepCount;

    private StepNumbering(Map<Step, Integer> indices, int plannedStepCount) {
        this.indices = indices;
        this.plannedStepCount = plannedStepCount;
    }

    static StepNumbering of(Protocol protocol) {
        Map<Step, Integer> indices = new IdentityHashMap<>();
        number(protocol.steps(), indices);
        long planned = executions(protocol.steps());
        return new StepNumbering(indices, (int) Math.min(Integer.MAX_VALUE, planned));
    }

    private static void number(List<Step> steps, Map<Step, Integer> indices) {
        for (Step step : steps) {
            if (step instanceof Step.Repeat repeat) {
                number(repeat.steps(), indices);
            } else {
                indices.putIfAbsent(step, indices.size() + 1);
            }
        }
    }

    /** How many steps the protocol executes, repeats unrolled (saturating). */
    private static long executions(List<Step> steps) {
        long n = 0;
        for (Step step : steps) {
            long add = 1;
            if (step instanceof Step.Repeat repeat) {
                long body = executions(repeat.steps());
                long times = Math.max(0, repeat.times());
                add = times != 0 && body > Long.MAX_VALUE / times ? Long.MAX_VALUE : times * body;
            }
            n = add > Long.MAX_VALUE - n ? Long.MAX_VALUE : n + add;
        }
        return n;
    }

    int indexOf(Step step) {
        Integer i = indices.get(step);
        if (i == null) {
            throw new IllegalStateException("step not in the protocol: " + step.text());
        }
        return i;
    }

    /** How many leaf steps the protocol has as written (the largest step index). */
    int leafCount() {
        return indices.size();
    }

    int plannedStepCount() {
        return plannedStepCount;
    }
}

package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Step;
import java.util.List;

/** Where a resumed run goes on, read against the protocol as it is now, and how the run says so. */
final class ResumePoint {
    private ResumePoint() {
    }

    /** What the run says when it goes on: how long it was interrupted, and where it is. */
    static String announcement(RunPosition resume, double testTimeNow) {
        double gap = Math.max(0, testTimeNow - resume.testTimeSecond());
        return String.format(java.util.Locale.ROOT, "resumed after an interruption of %.0f s, in step %d (%s) of cycle %d",
                gap, resume.stepIndex(), resume.phase().name().toLowerCase(java.util.Locale.ROOT),
                resume.counters().cycleCount());
    }

    /** The journaled index at this level, checked against the protocol as it is now. */
    static int index(RunPosition resume, List<Step> steps, int depth, StepNumbering numbering, Protocol protocol)
            throws RunEnd {
        List<Integer> at = resume.path();
        int i = depth < at.size() ? at.get(depth) : -1;
        boolean leaf = depth == at.size() - 1;
        boolean fits = i >= 0 && i < steps.size() && (steps.get(i) instanceof Step.Repeat r
                ? !leaf && resume.iterations().get(depth) >= 0 && resume.iterations().get(depth) < r.times()
                : leaf && numbering.indexOf(steps.get(i)) == resume.stepIndex());
        if (!fits) {
            throw new RunEnd(Outcome.FAULT, "cannot resume: the journaled position (step " + resume.stepIndex()
                    + ", path " + at + ", iterations " + resume.iterations() + ") is not in protocol '"
                    + protocol.name() + "' as it is now");
        }
        return i;
    }
}

package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunEvent.Severity;
import io.cellbench.core.instrument.NativeProgramChannel;
import io.cellbench.core.instrument.ProgramStatus;
import java.util.function.Consumer;

/**
 * How a program followed on a delegated cell's channel ended, and how messages about it name
 * the step it stands in. Kept apart from {@link ProgramFollow} (which polls, downloads and passes
 * control on) because what a technician reads in the morning — which step, whether cellbench or
 * the cycler stopped it, what to do next — is one job with its own wording, and it is where the
 * step the cycler last reported has to be remembered: BTS reports no step for an ended test.
 */
final class ProgramEnds {
    private final DelegatedSetup setup;
    private final Consumer<RunEvent> out;
    private final Consumer<Boolean> journal;
    /**
     * The step-file step the cycler last reported running (inquire or record), -1 before any:
     * BTS reports no step for a test that has ended, so messages about its end name this one.
     */
    private int lastStep = -1;

    ProgramEnds(DelegatedSetup setup, Consumer<RunEvent> out, Consumer<Boolean> journal) {
        this.setup = setup;
        this.out = out;
        this.journal = journal;
    }

    /** A new program (or a re-attachment): no step of it seen yet. */
    void begin() {
        lastStep = -1;
    }

    /** The cycler reported {@code step} of the step file (0 or less: it reported none). */
    void saw(int step) {
        lastStep = step >= 1 ? step : lastStep;
    }

    /**
     * Where the program stands, for messages: the step file's step (the last one seen when the
     * cycler reports none, as BTS does for an ended test) and the protocol's step, when known.
     */
    String where(ProgramStatus st, RecordTally tally) {
        int step = st.step() >= 1 ? st.step() : lastStep;
        String file = step >= 1 ? "step " + step + " of the step file" : "a step the cycler did not report";
        return tally.openStep() == null ? file
                : file + ", step " + tally.openIndex() + " of protocol '" + setup.protocol().name() + "'";
    }

    /**
     * The program reported an end: a finish closes the open step as complete; the cycler's
     * protection is a safety trip; any other end is a stop, by the operator when cellbench sent
     * one ({@code stopSent}), otherwise at the cycler.
     */
    void ended(NativeProgramChannel ch, ProgramStatus st, RecordTally tally, boolean stopSent) throws RunEnd {
        switch (st.state()) {
            case FINISHED -> {
                tally.endStep(tally.testTime(), "complete", out);
                journal.accept(true);
            }
            case PROTECTED -> throw new RunEnd(Outcome.SAFETY_TRIP, "the cycler's protection stopped the program on "
                    + ch.name() + " (" + st.cyclerState() + " in " + where(st, tally) + "): see the test's log in BTS");
            default -> throw stopSent ? new RunEnd(Outcome.STOPPED, "stopped by the operator") : stoppedAtCycler(ch, tally);
        }
    }

    /**
     * Someone stopped the program at the cycler (at the BTS PC): the cell ends as a stop, not a
     * fault, so that its journal keeps the step it was in and a resume can follow the test once
     * it is continued in BTS (where BTS lets a stopped test continue, it does so in that step).
     * Nobody here asked for the stop, so it is an ALARM.
     */
    private RunEnd stoppedAtCycler(NativeProgramChannel ch, RecordTally tally) {
        String where = tally.openStep() == null ? "" : " in step " + tally.openIndex() + " of protocol '"
                + setup.protocol().name() + "'";
        notice(tally, Severity.ALARM, "the program on " + ch.name() + " was stopped at the cycler, not by cellbench"
                + where + ": to go on, continue the test in BTS and run cellbench resume (it re-attaches and follows"
                + " it), or start a new run for what is left of the protocol");
        return new RunEnd(Outcome.STOPPED, "stopped at the cycler (" + ch.name() + "), not by cellbench");
    }

    /**
     * A resumed run found its part's program stopped (by cellbench stop, by a fault of
     * cellbench's that stopped it, or at the cycler while cellbench was down). The driver's
     * continue is for a paused test (what BTS's does to a stopped one is unverified without a
     * device), and starting the part again, or the next part, would source current
     * in a step the protocol is not at: the cell stays stopped, with an alarm saying what to do.
     * The journal keeps the program's position, so a later resume re-attaches to the test once
     * someone has continued it in BTS.
     */
    RunEnd stoppedBeforeResume(NativeProgramChannel ch, int k, RecordTally tally) {
        RunPosition at = setup.resumeFrom();
        String step = at == null ? "part " + (k + 1) : "step " + at.stepIndex();
        String text = "the program on " + ch.name() + " was stopped in " + step + " of protocol '"
                + setup.protocol().name() + "' (by cellbench stop, by a fault, or at the cycler), and cellbench does not"
                + " continue a stopped test on its own: it starts nothing on this cell. To go on, continue"
                + " the test in BTS and run cellbench resume again (it re-attaches and follows it), or start a new run"
                + " for what is left of the protocol";
        notice(tally, Severity.ALARM, text);
        return new RunEnd(Outcome.STOPPED, "stopped: its program had been stopped on " + ch.name()
                + " and cannot be continued from cellbench");
    }

    /** A notice on the cell's event stream, stamped with the program's test time. */
    void notice(RecordTally tally, Severity severity, String text) {
        out.accept(new RunEvent.Notice(setup.cell().id(), tally.testTime(), severity, text));
    }
}

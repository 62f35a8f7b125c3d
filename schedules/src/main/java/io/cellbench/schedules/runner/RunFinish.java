package io.cellbench.schedules.runner;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunEvent.Severity;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Step;

/**
 * How a direct-control run ends ({@link ProtocolRunner}): the channel made safe, the journal
 * told, the open step closed and the end reported; or a protocol refused before anything was
 * commanded. On the runner's thread, once.
 */
final class RunFinish {
    private final ProtocolRunner runner;
    private final CellSetup setup;
    private final CellInfo cell;
    private final ChannelOutput output;
    private final SampleGrid grid;
    private final Counters counters;
    private final LiveStatus status;
    private final StepNumbering numbering;
    private final RunPlace place;
    private final PositionListener journal;
    /** The run directory could not take the cell's data: it stops (resumable), but as an alarm. */
    private boolean recordingFailed;
    /** See {@link ProtocolRunner#outputUnconfirmed()}; written before the run's end is reported. */
    private volatile String outputUnconfirmed;

    RunFinish(StepKind.Parts parts, RunPlace place, PositionListener journal) {
        this.runner = parts.runner();
        this.setup = parts.setup();
        this.cell = setup.cell();
        this.output = parts.sampler().output();
        this.grid = parts.sampler().grid();
        this.counters = parts.counters();
        this.status = parts.status();
        this.numbering = parts.numbering();
        this.place = place;
        this.journal = journal;
    }

    void recordingFailed(boolean failed) {
        recordingFailed = failed;
    }

    String outputUnconfirmed() {
        return outputUnconfirmed;
    }

    /**
     * Makes the channel safe and reports the end; nothing here may stop the next part from
     * running. After a fault or a trip the output is switched off and confirmed (see
     * {@link io.cellbench.core.instrument.CyclerChannel#switchOff}), not merely rested.
     */
    void finish(Outcome outcome, String message) {
        boolean confirmOff = outcome == Outcome.FAULT || outcome == Outcome.SAFETY_TRIP;
        String unsafe = output.makeSafe(confirmOff);
        // After a fault only the instrument's answer proves the output off: a rest is no proof
        // (a Keithley 2450's zero-current rest keeps its output on at 0 A).
        outputUnconfirmed = unsafe != null && (confirmOff || !output.outputOff()) ? unsafe : null;
        ChamberBarrier barrier = setup.coordination().chamberBarrier();
        if (barrier != null) {
            barrier.leave(cell.id()); // an ended cell holds no other cell of its chamber back
        }
        String text = unsafe == null ? message : message + "; " + unsafe;
        double testTime = grid.testTime(grid.now());
        if (journal != null && confirmOff) {
            quietly(() -> journal.switchedOff(outputUnconfirmed == null));
        }
        if (journal != null) {
            // The last recorded sample (a stop and a trip record one) or step start.
            quietly(() -> journal.ended(outcome, place.last()));
        }
        if (place.openStep() != null) {
            String reason = switch (outcome) {
                case COMPLETED -> "complete";
                case SAFETY_TRIP -> "safety trip: " + text;
                case FAULT -> "fault: " + text;
                case STOPPED -> "stopped";
            };
            Step open = place.cutShort(); // a step cut short says nothing about how long it takes
            quietly(() -> runner.emit(new RunEvent.StepEnded(cell.id(), grid.testTime(grid.now()), counters.stepCount(),
                    numbering.indexOf(open), reason)));
        }
        if (outcome != Outcome.COMPLETED || unsafe != null) {
            Severity severity = outcome == Outcome.STOPPED && unsafe == null && !recordingFailed
                    ? Severity.WARNING : Severity.ALARM;
            quietly(() -> runner.emit(new RunEvent.Notice(cell.id(), testTime, severity, text)));
        }
        quietly(() -> runner.emit(new RunEvent.RunEnded(cell.id(), testTime, outcome, text)));
        status.ended(outcome, testTime, unsafe == null);
    }

    Outcome reject(Protocol protocol, ProtocolCheck.Findings findings) {
        String text = "protocol '" + protocol.name() + "' cannot run on cell " + cell.id() + ":\n  "
                + String.join("\n  ", findings.problems());
        quietly(() -> runner.emit(new RunEvent.Notice(cell.id(), 0, Severity.ALARM, text)));
        quietly(() -> runner.emit(new RunEvent.RunEnded(cell.id(), 0, Outcome.FAULT, text)));
        status.ended(Outcome.FAULT, 0, true); // refused before anything was commanded
        return Outcome.FAULT;
    }

    /** A sink that throws while the run is ending must not keep the others from hearing of it. */
    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // Nothing left to tell it to; the run is ending either way.
        }
    }
}

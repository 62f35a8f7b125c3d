package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunEvent.Severity;
import io.cellbench.core.instrument.ChannelCommand;

/**
 * A cell that waits for others: its turn at a shared analyzer, the other cells of a shared
 * chamber. The cell rests at open circuit meanwhile, sampled and logged. Part of the runner's
 * interpreter ({@link ProtocolRunner}), on the cell's thread.
 */
final class SharedWaiting extends StepKind {
    /** How long a waiting cell blocks in real time between its samples (see {@link #waitFor}). */
    private static final long WAIT_SLICE_NANOS = 10_000_000;


    SharedWaiting(Parts parts) {
        super(parts);
    }

    /**
     * Rests the cell at open circuit, sampled and logged, until {@code wait} is ready: a
     * turn at a shared analyzer, the other cells of a shared chamber. A pause meanwhile
     * gives up the cell's place (it joins again at the back afterwards); a stop ends the
     * run as usual. Events record the wait and its length.
     */
    void waitFor(SharedWait wait) throws RunEnd, InterruptedException {
        wait.join();
        if (wait.ready()) {
            return;
        }
        if (!(output.command() instanceof ChannelCommand.OpenCircuit)) {
            runner.apply(ProtocolRunner.OPEN_CIRCUIT);
        }
        RunnerStatus.State was = status.state();
        double from = grid.now();
        String what = wait.describe();
        status.waiting(what, was);
        runner.emit(new RunEvent.Notice(cell.id(), grid.testTime(from), Severity.INFO,
                "waiting for " + what + "; the channel rests at open circuit"));
        sampler.pause().onPause(wait::leave);
        try {
            while (!wait.ready()) {
                String conflict = wait.conflict();
                if (conflict != null) {
                    throw new RunEnd(Outcome.FAULT, conflict);
                }
                int pauses = sampler.pause().count();
                sampler.next(Double.POSITIVE_INFINITY);
                if (sampler.pause().count() != pauses) {
                    wait.join();
                }
                sampler.log(false);
                if (!wait.ready()) {
                    status.waiting(wait.describe(), was);
                    // Real time: on a virtual clock the other cells need it to get on.
                    wait.await(WAIT_SLICE_NANOS);
                }
            }
        } finally {
            sampler.pause().onPause(null);
        }
        status.waiting(null, was);
        double now = grid.now();
        runner.emit(new RunEvent.Notice(cell.id(), grid.testTime(now), Severity.INFO, "waited "
                + Texts.number(Math.round((now - from) * 1000) / 1000.0) + " s for " + wait.subject()));
    }
}

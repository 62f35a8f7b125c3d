package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.instrument.ChannelCommand;
import java.util.List;

/**
 * A held run: records the sample that saw the hold, puts the channel at open circuit, and
 * rests there, sampling on the sample period with the safety window, the stop request and the
 * logging rule as usual (through {@link Sampler#take}, as every sample), until no hold is left.
 * The step's time stands still meanwhile (its start moves with the clock), so a timed step later
 * runs only its remaining time. On release the channel gets the step's command again and a new
 * phase begins (its current transient is not taken for an end condition). The step's level is
 * counted until the pause's open circuit acts and again from when the step's command acts on
 * release ({@link ChannelOutput#edge}). Owned by the runner thread.
 */
final class Pause {
    private final Sampler sampler;
    private final SampleGrid grid;
    private final Readings readings;
    private final ChannelOutput output;
    private final Counters counters;
    private final LiveStatus status;
    private final Holds holds;
    private final RunListener listener;
    private final String cellId;
    /** Runs when a pause begins: a cell waiting for a shared instrument gives up its place. */
    private Runnable onPause;
    private int count;

    Pause(Sampler sampler, SampleGrid grid, Readings readings, ChannelOutput output, Counters counters,
          LiveStatus status, Holds holds, RunListener listener, String cellId) {
        this.sampler = sampler;
        this.grid = grid;
        this.readings = readings;
        this.output = output;
        this.counters = counters;
        this.status = status;
        this.holds = holds;
        this.listener = listener;
        this.cellId = cellId;
    }

    void run() throws RunEnd, InterruptedException {
        if (onPause != null) {
            onPause.run();
        }
        sampler.log(true);
        // Before the step's first sample (held before its command) the step has had no time yet.
        double frozen = Math.max(0, grid.stepTime(readings.time()));
        ChannelCommand resumeWith = output.command();
        RunnerStatus.State was = status.state();
        // the step's level flowed on until the open circuit acted
        double rested = output.restForPause();
        counters.carry(rested);
        double pausedAt = grid.now();
        count++;
        List<String> told = holds.described();
        status.holds(told);
        status.state(RunnerStatus.State.PAUSED);
        listener.on(new RunEvent.Notice(cellId, grid.testTime(pausedAt), RunEvent.Severity.WARNING,
                "paused (" + holds.text() + "): the channel rests at open circuit; step time stays at "
                        + Texts.number(round(frozen)) + " s"));
        readings.channel(output.resting());
        readings.at(pausedAt);
        counters.restart(rested, readings.volt(), readings.ampere(), new ChannelCommand.OpenCircuit());
        sampler.checkSafety();
        double due = pausedAt;
        while (holds.held()) {
            due = Math.max(due + grid.samplePeriod(), grid.now());
            double now = grid.sleepUntil(due);
            sampler.take(now, frozen, "stopped by the operator while paused");
            sampler.log(false);
            List<String> holding = holds.described();
            if (!holding.equals(told) && !holding.isEmpty()) {
                told = holding;
                status.holds(told);
                listener.on(new RunEvent.Notice(cellId, grid.testTime(now), RunEvent.Severity.INFO,
                        "still paused (" + holds.text() + ")"));
            }
        }
        double resumedAt = grid.now();
        status.holds(List.of());
        status.state(was);
        listener.on(new RunEvent.Notice(cellId, grid.testTime(resumedAt), RunEvent.Severity.INFO,
                "resumed after a pause of " + Texts.number(round(resumedAt - pausedAt)) + " s; the step goes on from "
                        + Texts.number(round(frozen)) + " s"));
        // the step's time and charge go on from when its command acted again
        double edge = output.giveBack(resumeWith);
        grid.releaseStepAt(edge, frozen);
        sampler.commandChanged(edge);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** How many times the run has paused; a settling wait starts its count again after one. */
    int count() {
        return count;
    }

    /** See {@link #onPause}; {@code null} for nothing. */
    void onPause(Runnable action) {
        onPause = action;
    }
}

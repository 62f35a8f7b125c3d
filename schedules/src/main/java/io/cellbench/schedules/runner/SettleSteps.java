package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.protocols.model.Step;
import java.util.function.DoubleSupplier;

/**
 * The steps that set the pressure or the chamber temperature and, when asked, rest the cell
 * until the fixture or chamber has settled (with the interlock on that quantity off meanwhile,
 * and a shared chamber moved for all its cells at once). Part of the runner's interpreter
 * ({@link ProtocolRunner}), on the cell's thread.
 */
final class SettleSteps extends StepKind {
    private final SharedWaiting waiting;

    SettleSteps(Parts parts, SharedWaiting waiting) {
        super(parts);
        this.waiting = waiting;
    }

    void pressure(Step.SetPressure set, RunPosition resumeFrom) throws RunEnd, InterruptedException {
        runner.beginStep(set, null, set.waitUntilStable() ? RunnerStatus.State.SETTLING : RunnerStatus.State.RUNNING, false,
                resumeFrom);
        if (set.waitUntilStable()) {
            runner.apply(ProtocolRunner.OPEN_CIRCUIT);
        }
        Interlock interlock = readings.pressureInterlock();
        sampler.sendSetpoint(() -> setup.pressureFixture().setPressurePa(set.pascal()));
        if (interlock != null) {
            interlock.protocolSet(set.pascal());
        }
        if (!set.waitUntilStable()) {
            runner.endStep("complete");
            return;
        }
        runner.endStep(settleWatched(set, Settling.PRESSURE, set.pascal(), readings::pressurePa, interlock));
    }

    void temperature(Step.SetTemperature set, RunPosition resumeFrom) throws RunEnd, InterruptedException {
        runner.beginStep(set, null, set.waitUntilStable() ? RunnerStatus.State.SETTLING : RunnerStatus.State.RUNNING, false,
                resumeFrom);
        ChamberBarrier barrier = setup.coordination().chamberBarrier();
        if (barrier != null) {
            // A shared chamber moves for all its cells at once: see docs/runner.md#shared-chambers.
            // The step starts at the arrival, which may let the others go on.
            runner.startsNow();
            waiting.waitFor(barrier.arrival(cell.id(), set.celsius()));
        }
        if (set.waitUntilStable() && !(output.command() instanceof ChannelCommand.OpenCircuit)) {
            runner.apply(ProtocolRunner.OPEN_CIRCUIT);
        }
        Interlock interlock = readings.temperatureInterlock();
        sampler.sendSetpoint(() -> setup.chamber().setTemperatureCelsius(set.celsius()));
        if (interlock != null) {
            interlock.protocolSet(set.celsius());
        }
        if (!set.waitUntilStable()) {
            runner.endStep("complete");
            return;
        }
        runner.endStep(settleWatched(set, Settling.TEMPERATURE, set.celsius(), readings::chamberCelsius, interlock));
    }

    /** A settling wait, with the interlock on the same quantity (if any) off meanwhile: the step itself waits for it. */
    private String settleWatched(Step step, Settling.Rule rule, double target, DoubleSupplier lastRead,
                                 Interlock interlock) throws RunEnd, InterruptedException {
        if (interlock != null) {
            interlock.suspend(true, holds);
        }
        try {
            return settle(step, rule, target, lastRead);
        } finally {
            if (interlock != null) {
                interlock.suspend(false, holds);
            }
        }
    }

    /**
     * Rests and samples the cell until the fixture or chamber, read on its own schedule,
     * has settled; returns the step's end reason, or ends the run as a fault at the timeout.
     */
    private String settle(Step step, Settling.Rule rule, double target, DoubleSupplier lastRead)
            throws RunEnd, InterruptedException {
        Settling settling = new Settling(rule, target);
        int pauses = sampler.pause().count();
        double from = grid.now() - grid.stepStart(); // step time, so a pause does not count
        while (true) {
            sampler.next(Double.POSITIVE_INFINITY);
            if (sampler.pause().count() != pauses) {
                // Reads from before a pause say nothing about now: the count starts again.
                pauses = sampler.pause().count();
                settling = new Settling(rule, target);
            }
            boolean settled = readings.auxReadThisSample() && settling.offer(lastRead.getAsDouble(), readings.time());
            boolean timedOut = !settled
                    && sampler.stepTime() - from >= rule.timeoutSecond() - StepEnds.TIME_EPSILON_SECOND;
            sampler.log(settled || timedOut);
            if (settled) {
                return settling.reached();
            }
            if (timedOut) {
                throw new RunEnd(Outcome.FAULT, Texts.where(step) + ": " + settling.timedOut());
            }
        }
    }
}

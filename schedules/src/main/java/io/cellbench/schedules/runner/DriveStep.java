package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunEvent.Severity;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Termination;

/**
 * The steps that command the channel and sample until an end condition: a rest (with a relay
 * that may open), and a drive (CC, CV, CP, constant load, and the two phases of CC-CV). Part of
 * the runner's interpreter ({@link ProtocolRunner}), on the cell's thread.
 */
final class DriveStep extends StepKind {

    DriveStep(Parts parts) {
        super(parts);
    }

    void rest(Step.Rest rest, RunPosition resumeFrom) throws RunEnd, InterruptedException {
        StepEnds ends = StepEnds.builder().duration(rest.durationSecond()).until(rest.until(), null, true).build();
        runner.beginStep(rest, rest.periodSecond(), RunnerStatus.State.RUNNING, true, resumeFrom);
        runner.apply(ProtocolRunner.OPEN_CIRCUIT);
        if (sampler.unmeasured()) {
            relayOpen(rest, ends);
        }
        runner.endStep(samplePhase(ends));
    }

    /**
     * The channel rests with its relay open and reads no voltage: a rest that ends on time runs
     * its time (the events say why its voltage is missing); one that must end on the voltage
     * never could, so the run ends now rather than waiting for it.
     */
    private void relayOpen(Step.Rest rest, StepEnds ends) throws RunEnd {
        String channel = setup.channel().name();
        if (ends.needsVoltage()) {
            throw new RunEnd(Outcome.FAULT, Texts.where(rest) + ": channel " + channel + " rests with its relay open"
                    + " (rest: open-relay) and cannot measure the voltage; use rest: zero-current or end the rest on"
                    + " time");
        }
        runner.emit(new RunEvent.Notice(cell.id(), grid.testTime(grid.now()), Severity.INFO, "channel " + channel
                + " rests with its relay open: voltage not measured until the next step"));
    }

    void drive(Step.Drive d, RunPosition resumeFrom) throws RunEnd, InterruptedException {
        RunPosition from = runner.beginStep(d, d.periodSecond(), RunnerStatus.State.RUNNING, true, resumeFrom);
        double channelMax = setup.channel().maxCurrentAmpere();
        if (from != null && from.phase() == RunPosition.Phase.CV && d.thenHold() != null) {
            hold(d, from.cvLimitAmpere(), false);
            return;
        }
        runner.apply(DriveCommands.command(d, cell, window, channelMax));
        if (d.thenHold() == null) {
            runner.endStep(samplePhase(StepEnds.builder().duration(d.durationSecond()).until(d.until(), d.kind(), true).build()));
            return;
        }
        // CC-CV: one step, two phases. The CC phase ends on its own conditions, or at the
        // hold voltage when none of them is a voltage; the "for" duration covers both.
        Step.CvHold hold = d.thenHold();
        StepEnds.Builder cc = StepEnds.builder().duration(d.durationSecond()).until(d.until(), d.kind(), false);
        if (d.until().stream().noneMatch(t -> t.measure() == Termination.Measure.VOLTAGE)) {
            cc.add(Termination.Measure.VOLTAGE, d.kind() == Step.DriveKind.DISCHARGE
                    ? Termination.Op.AT_MOST : Termination.Op.AT_LEAST, hold.volt(), false);
        }
        StepEnds ccEnds = cc.build();
        String reason = samplePhase(ccEnds);
        if (ccEnds.firedEndsStep()) {
            runner.endStep(reason);
            return;
        }
        // The CV phase may not push more current than the CC phase did (for constant power:
        // the current at the switch, unless that read zero).
        double ccAmpere = d.control() == Step.Control.POWER
                ? Math.abs(readings.ampere()) : Math.abs(DriveCommands.sourceAmpere(d, cell));
        double allowed = DriveCommands.voltageLimitAmpere(d.kind(), window, channelMax);
        double limit = ccAmpere > 0 ? Math.min(ccAmpere, allowed) : allowed;
        hold(d, limit, true);
    }

    /**
     * The CV phase of a CC-CV step, at most {@code limit} A ({@code begins}: a new phase, not the
     * resumed step's, journaled once the CV command acted).
     */
    private void hold(Step.Drive d, double limit, boolean begins) throws RunEnd, InterruptedException {
        Step.CvHold hold = d.thenHold();
        runner.cvPhase(limit, begins);
        runner.apply(new ChannelCommand.Voltage(hold.volt(), limit));
        runner.endStep(samplePhase(StepEnds.builder().duration(d.durationSecond()).until(hold.until(), d.kind(), true).build()));
    }

    /** Samples until one of the conditions holds; returns its reason. */
    private String samplePhase(StepEnds ends) throws RunEnd, InterruptedException {
        // Journaled at its time limit, a resumed step ended with the sample the journal names,
        // which is on disk: another at the resume would record the end twice.
        String ended = ends.timeReached(sampler.takeResumedElapsed());
        if (ended != null) {
            return ended;
        }
        double timeLimit = ends.timeLimitSecond();
        double period = grid.samplePeriod();
        double nominalAh = cell.nominalCapacityAh();
        while (true) {
            sampler.next(timeLimit);
            String reason = ends.check(sampler.stepTime(), sampler.phaseTime(), period, readings.volt(),
                    readings.ampere(), counters.stepAh(), counters.stepWh(), nominalAh);
            sampler.log(reason != null);
            if (reason != null) {
                return reason;
            }
        }
    }
}

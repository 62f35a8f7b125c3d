package io.cellbench.schedules.runner;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunEvent.Severity;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.EisAnalyzer;
import io.cellbench.core.instrument.EisRequest;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.protocols.model.LoggingRule;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Termination;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;

/**
 * Executes one protocol on one cell's channel against a clock, and reports what happens as
 * {@link RunEvent}s. One runner runs once; {@link #run()} blocks until the protocol ends,
 * a safety limit trips, an instrument fails or the run is stopped, and always leaves the
 * channel at open circuit. See docs/runner.md for the exact behaviour of every step kind.
 *
 * <p>The runner does not close its listener: whoever made the listener closes it, since one
 * listener may serve every cell of a schedule.
 *
 * <p>Thread use: {@link #run()} on one thread; {@link #status()} and {@link #stop()} from
 * any thread.
 */
public final class ProtocolRunner {
    private static final ChannelCommand OPEN_CIRCUIT = new ChannelCommand.OpenCircuit();
    /** How long a waiting cell blocks in real time between its samples (see {@link #waitFor}). */
    private static final long WAIT_SLICE_NANOS = 10_000_000;

    private final CellSetup setup;
    private final Protocol protocol;
    private final CellInfo cell;
    private final RunListener listener;
    private final LoggingRule logging;
    private final SafetyWindow window;
    private final StepNumbering numbering;
    private final Counters counters = new Counters();
    private final LiveStatus status;
    private final Sampler sampler;
    private final RemainingTime remaining;
    private final AtomicBoolean started = new AtomicBoolean();
    private final Holds holds = new Holds();
    private volatile boolean measuringImpedance;
    /** A hold aborted the sweep in progress: its result, if any, is incomplete. */
    private volatile boolean sweepAbortedByHold;
    /** The run directory could not take the cell's data: it stops (resumable), but as an alarm. */
    private boolean recordingFailed;
    /** When the last sweep began (unix s): a spectrum is stamped with the start of the sweep that made it. */
    private double sweepStart;
    /** See {@link #outputUnconfirmed()}; written before the run's end is reported. */
    private volatile String outputUnconfirmed;

    private Step openStep;

    // Where the run stands, for the journal: the open step's index in each nested list and
    // the iteration of each enclosing repeat (mutated in place as the run moves).
    private final PositionListener journal;
    private final List<Integer> path = new ArrayList<>();
    private final List<Integer> iterations = new ArrayList<>();
    private RunPosition.Phase phase = RunPosition.Phase.MAIN;
    private double cvLimitAmpere;
    /** The position to continue from, until the step it names is reached; then {@code null}. */
    private RunPosition resume;
    /** The latest position taken; what the journal hears at the end (the path is unwound by then). */
    private RunPosition lastPosition;

    public ProtocolRunner(CellSetup setup) {
        this.setup = setup;
        this.protocol = setup.protocol();
        this.cell = setup.cell();
        this.listener = setup.listener();
        this.logging = protocol.logging() == null ? LoggingRule.DEFAULT : protocol.logging();
        this.window = new SafetyWindow(protocol.limits());
        this.numbering = StepNumbering.of(protocol);
        this.status = new LiveStatus(numbering.plannedStepCount(), logging.samplePeriodSecond());
        this.sampler = new Sampler(setup, logging.samplePeriodSecond(), window,
                new LoggingGate(logging.deltaVolt(), logging.deltaAmpere()), counters, status, holds);
        this.remaining = new RemainingTime(protocol, numbering, cell, window);
        status.remaining(remaining.whole());
        this.journal = setup.positionListener();
        this.resume = setup.resumeFrom();
        if (journal != null) {
            sampler.onRecorded(() -> {
                if (openStep != null) {
                    journal.at(position(sampler.time()), false);
                }
            });
        }
    }

    /** Checks the protocol against the cell's instruments without running anything. */
    public static ProtocolCheck.Findings check(CellSetup setup) {
        return ProtocolCheck.check(setup);
    }

    /** The steps {@code protocol} executes, repeats unrolled (a status's planned step count). */
    public static int plannedStepCount(Protocol protocol) {
        return StepNumbering.of(protocol).plannedStepCount();
    }

    /** How long {@code protocol} is expected to take on {@code cell}, in lab time (see {@link RunnerStatus.Remaining}). */
    public static RunnerStatus.Remaining expectedDuration(Protocol protocol, CellInfo cell) {
        return new RemainingTime(protocol, StepNumbering.of(protocol), cell, new SafetyWindow(protocol.limits())).whole();
    }

    /** Where the run is now; cheap, safe from any thread. */
    public RunnerStatus status() {
        return status.snapshot();
    }

    /**
     * Asks the run to stop: it ends with {@link Outcome#STOPPED} within one sample period
     * (an impedance sweep in progress is aborted). Interrupting the running thread does the same.
     */
    public void stop() {
        sampler.requestStop();
        EisAnalyzer analyzer = setup.eisAnalyzer();
        if (measuringImpedance && analyzer != null) {
            analyzer.abort();
        }
    }

    /**
     * Holds the run on behalf of {@code source} (the operator, an interlock): at its next
     * sample the channel goes to open circuit and the cell rests there, sampled and logged,
     * until every source that holds it has released it. A hold by a source already holding
     * updates its reason. An impedance sweep in progress is aborted and restarts after the
     * pause. Safe from any thread, before or during the run; after the run it does nothing.
     * See docs/runner.md#holds.
     */
    public void hold(String source, String reason) {
        if (holds.hold(java.util.Objects.requireNonNull(source, "source"), reason)) {
            EisAnalyzer analyzer = setup.eisAnalyzer();
            if (measuringImpedance && analyzer != null) {
                sweepAbortedByHold = true;
                analyzer.abort();
            }
        }
    }

    /**
     * Ends the hold of {@code source}; the run resumes at its next sample when no other
     * source holds it. Releasing a source that does not hold is harmless.
     */
    public void release(String source) {
        holds.release(source);
    }

    /**
     * Runs the protocol to its end. A protocol that cannot run on this cell (a missing
     * instrument, an impossible value) is rejected before any instrument is touched: the
     * result is then {@link Outcome#FAULT} and the events say why, naming file:line:column.
     */
    public Outcome run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a runner runs once; make a new one for cell " + cell.id());
        }
        ProtocolCheck.Findings findings = ProtocolCheck.check(setup);
        if (!findings.ok()) {
            return reject(findings);
        }
        status.state(RunnerStatus.State.RUNNING);
        Outcome outcome = Outcome.COMPLETED;
        String message = "all steps completed";
        boolean interrupted = false;
        try {
            if (resume == null) {
                double start = sampler.startRun();
                emit(new RunEvent.RunStarted(cell.id(), start, cell, protocol.name(), protocol.source(), false));
                for (String warning : findings.warnings()) {
                    emit(new RunEvent.Notice(cell.id(), 0, Severity.WARNING, warning));
                }
            } else {
                announceResume();
            }
            setup.channel().apply(OPEN_CIRCUIT);
            sampler.acknowledged();
            sampler.checkBeforeStart();
            execute(protocol.steps(), 0);
        } catch (RunEnd e) {
            outcome = e.outcome();
            message = e.getMessage();
        } catch (InterruptedException e) {
            interrupted = true;
            outcome = Outcome.STOPPED;
            message = "stopped: the runner's thread was interrupted";
        } catch (InstrumentException e) {
            outcome = Outcome.FAULT;
            message = e.getMessage();
        } catch (io.cellbench.daq.run.RecordingFailure e) {
            // Nothing is wrong with the cell: stop it safely and resumably (docs/operations.md, "A full disk").
            recordingFailed = true;
            outcome = Outcome.STOPPED;
            message = e.getMessage() + "; the cell was stopped at open circuit: fix that (free some space) and"
                    + " continue the run with cellbench resume";
        } catch (RuntimeException e) {
            outcome = Outcome.FAULT;
            message = "internal error: " + e;
        }
        finish(outcome, message);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return outcome;
    }

    /** A resumed run: test time goes on from the interrupted run's start, across the downtime. */
    private void announceResume() {
        sampler.resumeRun(resume.runStartUnixSecond(), resume.runStartUnixSecond() + resume.testTimeSecond());
        double now = sampler.now();
        emit(new RunEvent.RunStarted(cell.id(), now, cell, protocol.name(), protocol.source(), true));
        double gap = Math.max(0, sampler.testTime(now) - resume.testTimeSecond());
        emit(new RunEvent.Notice(cell.id(), sampler.testTime(now), Severity.INFO, String.format(java.util.Locale.ROOT,
                "resumed after an interruption of %.0f s, in step %d (%s) of cycle %d",
                gap, resume.stepIndex(), resume.phase().name().toLowerCase(java.util.Locale.ROOT),
                resume.counters().cycleCount())));
    }

    // The one place that interprets steps: exhaustive over the sealed Step, no default, so a
    // new step kind does not compile until it is handled here. While resuming, each level
    // starts at the journaled index (and a repeat at its journaled iteration).
    private void execute(List<Step> steps, int depth) throws RunEnd, InterruptedException {
        int from = resume == null ? 0 : resumeIndex(steps, depth);
        path.add(0);
        try {
            for (int i = from; i < steps.size(); i++) {
                path.set(depth, i);
                switch (steps.get(i)) {
                    case Step.Rest rest -> rest(rest);
                    case Step.Drive drive -> drive(drive);
                    case Step.Eis eis -> eis(eis);
                    case Step.SetPressure set -> setPressure(set);
                    case Step.SetTemperature set -> setTemperature(set);
                    case Step.Repeat repeat -> {
                        int first = resume == null ? 0 : resume.iterations().get(depth);
                        iterations.add(0);
                        try {
                            for (int k = first; k < repeat.times(); k++) {
                                iterations.set(depth, k);
                                execute(repeat.steps(), depth + 1);
                            }
                        } finally {
                            iterations.removeLast();
                        }
                    }
                }
            }
        } finally {
            path.removeLast();
        }
    }

    /** The journaled index at this level, checked against the protocol as it is now. */
    private int resumeIndex(List<Step> steps, int depth) throws RunEnd {
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

    /** Where the run stands at {@code unixTime} (the last sample, or a step start). */
    private RunPosition position(double unixTime) {
        lastPosition = new RunPosition(path, iterations, numbering.indexOf(openStep), phase, sampler.runStart(),
                sampler.testTime(sampler.stepStart()), sampler.testTime(Math.max(unixTime, sampler.stepStart())),
                cvLimitAmpere, counters.state());
        return lastPosition;
    }

    private void journal(RunPosition.Phase newPhase, double unixTime) {
        phase = newPhase;
        if (journal != null) {
            journal.at(position(unixTime), true);
        }
    }

    private void rest(Step.Rest rest) throws RunEnd, InterruptedException {
        StepEnds ends = StepEnds.builder().duration(rest.durationSecond()).until(rest.until(), null, true).build();
        beginStep(rest, rest.periodSecond(), RunnerStatus.State.RUNNING, true);
        apply(OPEN_CIRCUIT);
        if (sampler.unmeasured()) {
            relayOpen(rest, ends);
        }
        endStep(samplePhase(ends));
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
        emit(new RunEvent.Notice(cell.id(), sampler.testTime(sampler.now()), Severity.INFO, "channel " + channel
                + " rests with its relay open: voltage not measured until the next step"));
    }

    private void drive(Step.Drive d) throws RunEnd, InterruptedException {
        RunPosition from = beginStep(d, d.periodSecond(), RunnerStatus.State.RUNNING, true);
        double channelMax = setup.channel().maxCurrentAmpere();
        if (from != null && from.phase() == RunPosition.Phase.CV && d.thenHold() != null) {
            hold(d, from.cvLimitAmpere());
            return;
        }
        apply(DriveCommands.command(d, cell, window, channelMax));
        if (d.thenHold() == null) {
            endStep(samplePhase(StepEnds.builder().duration(d.durationSecond()).until(d.until(), d.kind(), true).build()));
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
            endStep(reason);
            return;
        }
        // The CV phase may not push more current than the CC phase did (for constant power:
        // the current at the switch, unless that read zero).
        double ccAmpere = d.control() == Step.Control.POWER
                ? Math.abs(sampler.ampere()) : Math.abs(DriveCommands.sourceAmpere(d, cell));
        double allowed = DriveCommands.voltageLimitAmpere(d.kind(), window, channelMax);
        double limit = ccAmpere > 0 ? Math.min(ccAmpere, allowed) : allowed;
        cvLimitAmpere = limit;
        journal(RunPosition.Phase.CV, sampler.time());
        hold(d, limit);
    }

    /** The CV phase of a CC-CV step, at most {@code limit} A. */
    private void hold(Step.Drive d, double limit) throws RunEnd, InterruptedException {
        Step.CvHold hold = d.thenHold();
        cvLimitAmpere = limit;
        phase = RunPosition.Phase.CV;
        apply(new ChannelCommand.Voltage(hold.volt(), limit));
        endStep(samplePhase(StepEnds.builder().duration(d.durationSecond()).until(hold.until(), d.kind(), true).build()));
    }

    private void eis(Step.Eis eis) throws RunEnd, InterruptedException {
        RunPosition from = beginStep(eis, null, RunnerStatus.State.RUNNING, false);
        apply(OPEN_CIRCUIT);
        if (from != null && from.phase() == RunPosition.Phase.MEASURED) {
            // The spectrum reached the data before the process died: only the step's end is left.
            endStep("complete");
            return;
        }
        sampler.next(Double.POSITIVE_INFINITY);
        sampler.log(true);
        sampler.readAuxiliaries(sampler.time());
        EisRequest request = new EisRequest(eis.mode() == Step.EisMode.POTENTIOSTATIC
                ? EisRequest.Mode.POTENTIOSTATIC : EisRequest.Mode.GALVANOSTATIC,
                eis.startHz(), eis.endHz(), eis.pointsPerDecade(), eis.amplitude());
        List<ImpedancePoint> points = sweep(request);
        double sweepStart = this.sweepStart;
        emit(new RunEvent.SpectrumMeasured(cell.id(), new Spectrum(sampler.testTime(sweepStart), sweepStart,
                counters.cycleCount(), counters.stepCount(), numbering.indexOf(eis), sampler.pressurePa(),
                sampler.ambientCelsius(), points)));
        journal(RunPosition.Phase.MEASURED, sampler.now());
        status.state(RunnerStatus.State.RUNNING);
        sampler.next(Double.POSITIVE_INFINITY);
        sampler.log(true);
        endStep("complete");
    }

    /**
     * Runs the sweep; a hold during it aborts it, and once the pause is over the sweep
     * starts again from its first frequency (a spectrum with a gap is no spectrum).
     */
    private List<ImpedancePoint> sweep(EisRequest request) throws RunEnd, InterruptedException {
        AnalyzerQueue queue = setup.coordination().analyzerQueue();
        while (true) {
            SharedWait turn = queue == null ? null : queue.place(cell.id());
            List<ImpedancePoint> points;
            try {
                if (turn != null) {
                    waitFor(turn);
                }
                points = sweepOnce(request);
            } finally {
                if (turn != null) {
                    turn.leave();
                }
            }
            if (points != null) {
                return points;
            }
            emit(new RunEvent.Notice(cell.id(), sampler.testTime(sampler.now()), Severity.INFO,
                    "the impedance sweep was interrupted by a hold; it starts again after the pause"));
            status.state(RunnerStatus.State.RUNNING);
            sampler.pauseIfHeld();
        }
    }

    /** One sweep; {@code null} when a hold kept it from starting or aborted it. */
    private List<ImpedancePoint> sweepOnce(EisRequest request) throws RunEnd {
        status.state(RunnerStatus.State.MEASURING_IMPEDANCE);
        sweepAbortedByHold = false;
        sweepStart = sampler.now();
        measuringImpedance = true;
        try {
            if (sampler.stopRequested()) {
                throw new RunEnd(Outcome.STOPPED, "stopped by the operator");
            }
            // Checked after measuringImpedance is set: a hold either sees the sweep and
            // aborts it, or is seen here.
            if (holds.held()) {
                return null;
            }
            List<ImpedancePoint> points = setup.eisAnalyzer().measure(setup.muxChannel(), request);
            return sweepAbortedByHold ? null : points;
        } catch (RuntimeException e) {
            if (sampler.stopRequested()) {
                throw new RunEnd(Outcome.STOPPED, "stopped by the operator during an impedance sweep");
            }
            if (sweepAbortedByHold) {
                return null;
            }
            throw e;
        } finally {
            measuringImpedance = false;
        }
    }

    private void setPressure(Step.SetPressure set) throws RunEnd, InterruptedException {
        beginStep(set, null, set.waitUntilStable() ? RunnerStatus.State.SETTLING : RunnerStatus.State.RUNNING, false);
        if (set.waitUntilStable()) {
            apply(OPEN_CIRCUIT);
        }
        Interlock interlock = sampler.pressureInterlock();
        sampler.sendSetpoint(() -> setup.pressureFixture().setPressurePa(set.pascal()));
        if (interlock != null) {
            interlock.protocolSet(set.pascal());
        }
        if (!set.waitUntilStable()) {
            endStep("complete");
            return;
        }
        endStep(settleWatched(set, Settling.PRESSURE, set.pascal(), sampler::pressurePa, interlock));
    }

    private void setTemperature(Step.SetTemperature set) throws RunEnd, InterruptedException {
        beginStep(set, null, set.waitUntilStable() ? RunnerStatus.State.SETTLING : RunnerStatus.State.RUNNING, false);
        ChamberBarrier barrier = setup.coordination().chamberBarrier();
        if (barrier != null) {
            // A shared chamber moves for all its cells at once: see docs/runner.md#shared-chambers.
            waitFor(barrier.arrival(cell.id(), set.celsius()));
        }
        if (set.waitUntilStable() && !(sampler.command() instanceof ChannelCommand.OpenCircuit)) {
            apply(OPEN_CIRCUIT);
        }
        Interlock interlock = sampler.temperatureInterlock();
        sampler.sendSetpoint(() -> setup.chamber().setTemperatureCelsius(set.celsius()));
        if (interlock != null) {
            interlock.protocolSet(set.celsius());
        }
        if (!set.waitUntilStable()) {
            endStep("complete");
            return;
        }
        endStep(settleWatched(set, Settling.TEMPERATURE, set.celsius(), sampler::chamberCelsius, interlock));
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
     * Rests the cell at open circuit, sampled and logged, until {@code wait} is ready: a
     * turn at a shared analyzer, the other cells of a shared chamber. A pause meanwhile
     * gives up the cell's place (it joins again at the back afterwards); a stop ends the
     * run as usual. Events record the wait and its length.
     */
    private void waitFor(SharedWait wait) throws RunEnd, InterruptedException {
        wait.join();
        if (wait.ready()) {
            return;
        }
        if (!(sampler.command() instanceof ChannelCommand.OpenCircuit)) {
            apply(OPEN_CIRCUIT);
        }
        RunnerStatus.State was = status.state();
        double from = sampler.now();
        String what = wait.describe();
        status.waiting(what, was);
        emit(new RunEvent.Notice(cell.id(), sampler.testTime(from), Severity.INFO,
                "waiting for " + what + "; the channel rests at open circuit"));
        sampler.onPause(wait::leave);
        try {
            while (!wait.ready()) {
                String conflict = wait.conflict();
                if (conflict != null) {
                    throw new RunEnd(Outcome.FAULT, conflict);
                }
                int pauses = sampler.pauses();
                sampler.next(Double.POSITIVE_INFINITY);
                if (sampler.pauses() != pauses) {
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
            sampler.onPause(null);
        }
        status.waiting(null, was);
        double now = sampler.now();
        emit(new RunEvent.Notice(cell.id(), sampler.testTime(now), Severity.INFO, "waited "
                + Texts.number(Math.round((now - from) * 1000) / 1000.0) + " s for " + wait.subject()));
    }

    /**
     * Rests and samples the cell until the fixture or chamber, read on its own schedule,
     * has settled; returns the step's end reason, or ends the run as a fault at the timeout.
     */
    private String settle(Step step, Settling.Rule rule, double target, DoubleSupplier lastRead)
            throws RunEnd, InterruptedException {
        Settling settling = new Settling(rule, target);
        int pauses = sampler.pauses();
        double from = sampler.now() - sampler.stepStart(); // step time, so a pause does not count
        while (true) {
            sampler.next(Double.POSITIVE_INFINITY);
            if (sampler.pauses() != pauses) {
                // Reads from before a pause say nothing about now: the count starts again.
                pauses = sampler.pauses();
                settling = new Settling(rule, target);
            }
            boolean settled = sampler.auxReadThisSample() && settling.offer(lastRead.getAsDouble(), sampler.time());
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

    /** Samples until one of the conditions holds; returns its reason. */
    private String samplePhase(StepEnds ends) throws RunEnd, InterruptedException {
        double timeLimit = ends.timeLimitSecond();
        double period = sampler.samplePeriod();
        double nominalAh = cell.nominalCapacityAh();
        while (true) {
            sampler.next(timeLimit);
            String reason = ends.check(sampler.stepTime(), sampler.phaseTime(), period, sampler.volt(),
                    sampler.ampere(), counters.stepAh(), counters.stepWh(), nominalAh);
            sampler.log(reason != null);
            if (reason != null) {
                return reason;
            }
        }
    }

    /**
     * Starts a step, or continues the interrupted one when resuming. {@code keepsTime}: a
     * continued step goes on with the time it already had (rests and drives run only their
     * remaining time); otherwise it starts over (an impedance sweep, a settling wait).
     *
     * @return the position continued from, or {@code null} for a fresh start
     */
    private RunPosition beginStep(Step step, Double stepLoggingPeriod, RunnerStatus.State state, boolean keepsTime) {
        int index = numbering.indexOf(step);
        double loggingPeriod = stepLoggingPeriod != null ? stepLoggingPeriod : logging.periodSecond();
        RunPosition from = resume;
        resume = null;
        openStep = step;
        if (from == null) {
            sampler.beginStep(StepDirection.of(step), index, loggingPeriod);
            emit(new RunEvent.StepStarted(cell.id(), sampler.testTime(sampler.stepStart()), counters.stepCount(),
                    index, counters.cycleCount(), step.text()));
        } else {
            counters.restore(from.counters());
            sampler.resumeStep(index, loggingPeriod, keepsTime ? from.stepElapsedSecond() : 0);
        }
        double now = sampler.now();
        status.step(step.text(), index, counters.stepCount(), counters.cycleCount(), state,
                Math.max(0, now - sampler.stepStart()), sampler.testTime(now));
        status.remaining(remaining.at(path, iterations, step));
        // A step that starts over starts in its main phase; a recorded spectrum stays recorded.
        RunPosition.Phase kept = from == null ? RunPosition.Phase.MAIN
                : from.phase() == RunPosition.Phase.MEASURED || keepsTime ? from.phase() : RunPosition.Phase.MAIN;
        cvLimitAmpere = kept == RunPosition.Phase.CV ? from.cvLimitAmpere() : 0;
        journal(kept, sampler.now());
        return from;
    }

    private void endStep(String reason) {
        Step step = openStep;
        openStep = null;
        remaining.ended(step, sampler.now() - sampler.stepStart(), counters.stepAh(), StepEnds.onTime(reason));
        emit(new RunEvent.StepEnded(cell.id(), sampler.testTime(sampler.now()), counters.stepCount(),
                numbering.indexOf(step), reason));
    }

    private void apply(ChannelCommand command) throws RunEnd, InterruptedException {
        sampler.commanded(command);
        if (!(command instanceof ChannelCommand.OpenCircuit) && sampler.pauseIfHeld()) {
            return; // held before the command: the cell got it only on release
        }
        setup.channel().apply(command);
        sampler.acknowledged();
        sampler.commandChanged();
    }

    private void emit(RunEvent event) {
        listener.on(event);
    }

    /**
     * Why the channel's output is not known to be off now that the run has ended (after a
     * fault or a trip: the instrument did not confirm the switch-off, whatever the last command
     * was; otherwise: opening the circuit failed after a command that sourced), or {@code null}
     * when the instrument has acknowledged it sources nothing. Whoever owns the channel then keeps switching it off.
     */
    public String outputUnconfirmed() {
        return outputUnconfirmed;
    }

    /**
     * Makes the channel safe and reports the end; nothing here may stop the next part from
     * running. After a fault or a trip the output is switched off and confirmed (see
     * {@link io.cellbench.core.instrument.CyclerChannel#switchOff}), not merely rested.
     */
    private void finish(Outcome outcome, String message) {
        boolean confirmOff = outcome == Outcome.FAULT || outcome == Outcome.SAFETY_TRIP;
        String unsafe = sampler.makeSafe(confirmOff);
        // After a fault only the instrument's answer proves the output off: a rest is no proof
        // (a Keithley 2450's zero-current rest keeps its output on at 0 A).
        outputUnconfirmed = unsafe != null && (confirmOff || !sampler.outputOff()) ? unsafe : null;
        ChamberBarrier barrier = setup.coordination().chamberBarrier();
        if (barrier != null) {
            barrier.leave(cell.id()); // an ended cell holds no other cell of its chamber back
        }
        String text = unsafe == null ? message : message + "; " + unsafe;
        double testTime = sampler.testTime(sampler.now());
        if (journal != null && confirmOff) {
            quietly(() -> journal.switchedOff(outputUnconfirmed == null));
        }
        if (journal != null) {
            // The last recorded sample (a stop and a trip record one) or step start.
            quietly(() -> journal.ended(outcome, lastPosition));
        }
        if (openStep != null) {
            String reason = switch (outcome) {
                case COMPLETED -> "complete";
                case SAFETY_TRIP -> "safety trip: " + text;
                case FAULT -> "fault: " + text;
                case STOPPED -> "stopped";
            };
            Step open = openStep;
            openStep = null; // a step cut short says nothing about how long it takes
            quietly(() -> emit(new RunEvent.StepEnded(cell.id(), sampler.testTime(sampler.now()), counters.stepCount(),
                    numbering.indexOf(open), reason)));
        }
        if (outcome != Outcome.COMPLETED || unsafe != null) {
            Severity severity = outcome == Outcome.STOPPED && unsafe == null && !recordingFailed
                    ? Severity.WARNING : Severity.ALARM;
            quietly(() -> emit(new RunEvent.Notice(cell.id(), testTime, severity, text)));
        }
        quietly(() -> emit(new RunEvent.RunEnded(cell.id(), testTime, outcome, text)));
        status.ended(outcome, testTime, unsafe == null);
    }

    private Outcome reject(ProtocolCheck.Findings findings) {
        String text = "protocol '" + protocol.name() + "' cannot run on cell " + cell.id() + ":\n  "
                + String.join("\n  ", findings.problems());
        quietly(() -> emit(new RunEvent.Notice(cell.id(), 0, Severity.ALARM, text)));
        quietly(() -> emit(new RunEvent.RunEnded(cell.id(), 0, Outcome.FAULT, text)));
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

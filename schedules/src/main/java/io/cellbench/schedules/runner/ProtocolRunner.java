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
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean measuringImpedance;

    private Step openStep;

    public ProtocolRunner(CellSetup setup) {
        this.setup = setup;
        this.protocol = setup.protocol();
        this.cell = setup.cell();
        this.listener = setup.listener();
        this.logging = protocol.logging() == null ? LoggingRule.DEFAULT : protocol.logging();
        this.window = new SafetyWindow(protocol.limits());
        this.numbering = StepNumbering.of(protocol);
        this.status = new LiveStatus(numbering.plannedStepCount());
        this.sampler = new Sampler(setup, logging.samplePeriodSecond(), window,
                new LoggingGate(logging.deltaVolt(), logging.deltaAmpere()), counters, status);
    }

    /** Checks the protocol against the cell's instruments without running anything. */
    public static ProtocolCheck.Findings check(CellSetup setup) {
        return ProtocolCheck.check(setup);
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
            double start = sampler.startRun();
            emit(new RunEvent.RunStarted(cell.id(), start, cell, protocol.name(), protocol.source(), false));
            for (String warning : findings.warnings()) {
                emit(new RunEvent.Notice(cell.id(), 0, Severity.WARNING, warning));
            }
            setup.channel().apply(OPEN_CIRCUIT);
            sampler.checkBeforeStart();
            execute(protocol.steps());
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

    // The one place that interprets steps: exhaustive over the sealed Step, no default, so a
    // new step kind does not compile until it is handled here.
    private void execute(List<Step> steps) throws RunEnd, InterruptedException {
        for (Step step : steps) {
            switch (step) {
                case Step.Rest rest -> rest(rest);
                case Step.Drive drive -> drive(drive);
                case Step.Eis eis -> eis(eis);
                case Step.SetPressure set -> setPressure(set);
                case Step.SetTemperature set -> setTemperature(set);
                case Step.Repeat repeat -> {
                    for (int i = 0; i < repeat.times(); i++) {
                        execute(repeat.steps());
                    }
                }
            }
        }
    }

    private void rest(Step.Rest rest) throws RunEnd, InterruptedException {
        StepEnds ends = StepEnds.builder().duration(rest.durationSecond()).until(rest.until(), null, true).build();
        beginStep(rest, rest.periodSecond(), RunnerStatus.State.RUNNING);
        apply(OPEN_CIRCUIT);
        endStep(samplePhase(ends));
    }

    private void drive(Step.Drive d) throws RunEnd, InterruptedException {
        beginStep(d, d.periodSecond(), RunnerStatus.State.RUNNING);
        double channelMax = setup.channel().maxCurrentAmpere();
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
        apply(new ChannelCommand.Voltage(hold.volt(), limit));
        endStep(samplePhase(StepEnds.builder().duration(d.durationSecond()).until(hold.until(), d.kind(), true).build()));
    }

    private void eis(Step.Eis eis) throws RunEnd, InterruptedException {
        beginStep(eis, null, RunnerStatus.State.RUNNING);
        apply(OPEN_CIRCUIT);
        sampler.next(Double.POSITIVE_INFINITY);
        sampler.log(true);
        sampler.readAuxiliaries(sampler.time());
        double sweepStart = sampler.now();
        EisRequest request = new EisRequest(eis.mode() == Step.EisMode.POTENTIOSTATIC
                ? EisRequest.Mode.POTENTIOSTATIC : EisRequest.Mode.GALVANOSTATIC,
                eis.startHz(), eis.endHz(), eis.pointsPerDecade(), eis.amplitude());
        List<ImpedancePoint> points = sweep(request);
        emit(new RunEvent.SpectrumMeasured(cell.id(), new Spectrum(sampler.testTime(sweepStart), sweepStart,
                counters.cycleCount(), counters.stepCount(), numbering.indexOf(eis), sampler.pressurePa(),
                sampler.ambientCelsius(), points)));
        status.state(RunnerStatus.State.RUNNING);
        sampler.next(Double.POSITIVE_INFINITY);
        sampler.log(true);
        endStep("complete");
    }

    private List<ImpedancePoint> sweep(EisRequest request) throws RunEnd {
        status.state(RunnerStatus.State.MEASURING_IMPEDANCE);
        measuringImpedance = true;
        try {
            if (sampler.stopRequested()) {
                throw new RunEnd(Outcome.STOPPED, "stopped by the operator");
            }
            return setup.eisAnalyzer().measure(setup.muxChannel(), request);
        } catch (RuntimeException e) {
            if (sampler.stopRequested()) {
                throw new RunEnd(Outcome.STOPPED, "stopped by the operator during an impedance sweep");
            }
            throw e;
        } finally {
            measuringImpedance = false;
        }
    }

    private void setPressure(Step.SetPressure set) throws RunEnd, InterruptedException {
        beginStep(set, null, set.waitUntilStable() ? RunnerStatus.State.SETTLING : RunnerStatus.State.RUNNING);
        if (set.waitUntilStable()) {
            apply(OPEN_CIRCUIT);
        }
        setup.pressureFixture().setPressurePa(set.pascal());
        if (!set.waitUntilStable()) {
            endStep("complete");
            return;
        }
        endStep(settle(set, new Settling(Settling.PRESSURE, set.pascal()), sampler::pressurePa));
    }

    private void setTemperature(Step.SetTemperature set) throws RunEnd, InterruptedException {
        beginStep(set, null, set.waitUntilStable() ? RunnerStatus.State.SETTLING : RunnerStatus.State.RUNNING);
        if (set.waitUntilStable()) {
            apply(OPEN_CIRCUIT);
        }
        setup.chamber().setTemperatureCelsius(set.celsius());
        if (!set.waitUntilStable()) {
            endStep("complete");
            return;
        }
        endStep(settle(set, new Settling(Settling.TEMPERATURE, set.celsius()), sampler::chamberCelsius));
    }

    /**
     * Rests and samples the cell until the fixture or chamber, read on its own schedule,
     * has settled; returns the step's end reason, or ends the run as a fault at the timeout.
     */
    private String settle(Step step, Settling settling, DoubleSupplier lastRead) throws RunEnd, InterruptedException {
        double timeout = sampler.stepStart() + settling.rule().timeoutSecond();
        while (true) {
            sampler.next(Double.POSITIVE_INFINITY);
            boolean settled = sampler.auxReadThisSample() && settling.offer(lastRead.getAsDouble(), sampler.time());
            boolean timedOut = !settled && sampler.time() >= timeout - StepEnds.TIME_EPSILON_SECOND;
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
        double deadline = sampler.stepStart() + ends.timeLimitSecond();
        double period = sampler.samplePeriod();
        double nominalAh = cell.nominalCapacityAh();
        while (true) {
            sampler.next(deadline);
            String reason = ends.check(sampler.stepTime(), sampler.phaseTime(), period, sampler.volt(),
                    sampler.ampere(), counters.stepAh(), counters.stepWh(), nominalAh);
            sampler.log(reason != null);
            if (reason != null) {
                return reason;
            }
        }
    }

    private void beginStep(Step step, Double stepLoggingPeriod, RunnerStatus.State state) {
        int index = numbering.indexOf(step);
        sampler.beginStep(StepDirection.of(step), index,
                stepLoggingPeriod != null ? stepLoggingPeriod : logging.periodSecond());
        openStep = step;
        status.step(step.text(), index, counters.stepCount(), counters.cycleCount(), state);
        emit(new RunEvent.StepStarted(cell.id(), sampler.testTime(sampler.stepStart()), counters.stepCount(), index,
                counters.cycleCount(), step.text()));
    }

    private void endStep(String reason) {
        Step step = openStep;
        openStep = null;
        emit(new RunEvent.StepEnded(cell.id(), sampler.testTime(sampler.now()), counters.stepCount(),
                numbering.indexOf(step), reason));
    }

    private void apply(ChannelCommand command) throws RunEnd, InterruptedException {
        setup.channel().apply(command);
        sampler.commandChanged();
    }

    private void emit(RunEvent event) {
        listener.on(event);
    }

    /** Makes the channel safe and reports the end; nothing here may stop the next part from running. */
    private void finish(Outcome outcome, String message) {
        String unsafe = sampler.openCircuit();
        String text = unsafe == null ? message : message + "; " + unsafe;
        double testTime = sampler.testTime(sampler.now());
        if (openStep != null) {
            String reason = switch (outcome) {
                case COMPLETED -> "complete";
                case SAFETY_TRIP -> "safety trip: " + text;
                case FAULT -> "fault: " + text;
                case STOPPED -> "stopped";
            };
            quietly(() -> endStep(reason));
        }
        if (outcome != Outcome.COMPLETED || unsafe != null) {
            Severity severity = outcome == Outcome.STOPPED && unsafe == null ? Severity.WARNING : Severity.ALARM;
            quietly(() -> emit(new RunEvent.Notice(cell.id(), testTime, severity, text)));
        }
        quietly(() -> emit(new RunEvent.RunEnded(cell.id(), testTime, outcome, text)));
        status.ended(outcome, testTime);
    }

    private Outcome reject(ProtocolCheck.Findings findings) {
        String text = "protocol '" + protocol.name() + "' cannot run on cell " + cell.id() + ":\n  "
                + String.join("\n  ", findings.problems());
        quietly(() -> emit(new RunEvent.Notice(cell.id(), 0, Severity.ALARM, text)));
        quietly(() -> emit(new RunEvent.RunEnded(cell.id(), 0, Outcome.FAULT, text)));
        status.ended(Outcome.FAULT, 0);
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

package io.cellbench.schedules.runner;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunEvent.Severity;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.protocols.model.LoggingRule;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Step;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

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
public final class ProtocolRunner implements CellRunner {
    static final ChannelCommand OPEN_CIRCUIT = new ChannelCommand.OpenCircuit();

    private final CellSetup setup;
    private final Protocol protocol;
    private final CellInfo cell;
    private final StepAnnouncer listener;
    private final LoggingRule logging;
    private final SafetyWindow window;
    private final StepNumbering numbering;
    private final Counters counters = new Counters();
    private final LiveStatus status;
    private final Sampler sampler;
    private final SampleGrid grid;
    private final ChannelOutput output;
    private final DriveStep drives;
    private final ImpedanceStep impedance;
    private final SettleSteps settling;
    private final RemainingTime remaining;
    private final AtomicBoolean started = new AtomicBoolean();
    private final Holds holds = new Holds();
    private final RunFinish finish;

    /** Where the run stands, for the journal. */
    private final RunPlace place;
    private final PositionListener journal;
    /** A resumed run's starting position (journaled), handed down to the step it names; null for a fresh run. */
    private final RunPosition resumeFrom;

    public ProtocolRunner(CellSetup setup) {
        this.setup = setup;
        this.protocol = setup.protocol();
        this.cell = setup.cell();
        this.logging = protocol.logging() == null ? LoggingRule.DEFAULT : protocol.logging();
        this.window = new SafetyWindow(protocol.limits());
        this.numbering = StepNumbering.of(protocol);
        this.status = new LiveStatus(numbering.plannedStepCount(), logging.samplePeriodSecond());
        this.grid = new SampleGrid(setup.clock(), logging.samplePeriodSecond());
        this.listener = new StepAnnouncer(setup.listener(), cell.id(), () -> grid.testTime(grid.stepStart()));
        this.sampler = new Sampler(setup, listener, grid, window,
                new LoggingGate(logging.deltaVolt(), logging.deltaAmpere()), counters, status, holds);
        this.output = sampler.output();
        this.remaining = new RemainingTime(protocol, numbering, cell, window);
        status.remaining(remaining.whole());
        this.journal = setup.positionListener();
        StepKind.Parts parts = new StepKind.Parts(this, sampler, counters, status, holds, numbering, window, setup);
        this.place = new RunPlace(parts);
        this.finish = new RunFinish(parts, place, journal);
        SharedWaiting waiting = new SharedWaiting(parts);
        this.drives = new DriveStep(parts);
        this.impedance = new ImpedanceStep(parts, waiting);
        this.settling = new SettleSteps(parts, waiting);
        this.resumeFrom = setup.resumeFrom();
        if (journal != null) {
            sampler.onRecorded(() -> {
                if (place.openStep() != null) {
                    place.recorded(sampler.readings().time());
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
        impedance.abortForStop();
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
            impedance.abortForHold();
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
            return finish.reject(protocol, findings);
        }
        status.state(RunnerStatus.State.RUNNING);
        RunEnding end = RunEnding.COMPLETED;
        try {
            if (resumeFrom == null) {
                double start = grid.startRun();
                emit(new RunEvent.RunStarted(cell.id(), start, cell, protocol.name(), protocol.source(), false));
                for (String warning : findings.warnings()) {
                    emit(new RunEvent.Notice(cell.id(), 0, Severity.WARNING, warning));
                }
            } else {
                announceResume();
            }
            setup.channel().apply(OPEN_CIRCUIT);
            output.acknowledged();
            sampler.checkBeforeStart();
            execute(protocol.steps(), 0, resumeFrom);
        } catch (RunEnd | InterruptedException | RuntimeException e) {
            // A full disk: nothing is wrong with the cell; it is stopped safely and resumably
            // (docs/operations.md, "A full disk").
            end = RunEnding.of(e, "; the cell was stopped at open circuit: fix that (free some space) and"
                    + " continue the run with cellbench resume");
            finish.recordingFailed(e instanceof io.cellbench.daq.run.RecordingFailure);
        }
        finish.finish(end.outcome(), end.message());
        if (end.interrupted()) {
            Thread.currentThread().interrupt();
        }
        return end.outcome();
    }

    /** A resumed run: test time goes on from the interrupted run's start, across the downtime. */
    private void announceResume() {
        sampler.resumeRun(resumeFrom.runStartUnixSecond(), resumeFrom.runStartUnixSecond() + resumeFrom.testTimeSecond());
        double now = grid.now();
        emit(new RunEvent.RunStarted(cell.id(), now, cell, protocol.name(), protocol.source(), true));
        emit(new RunEvent.Notice(cell.id(), grid.testTime(now), Severity.INFO,
                ResumePoint.announcement(resumeFrom, grid.testTime(now))));
    }

    // The one place that interprets steps: exhaustive over the sealed Step, no default, so a
    // new step kind does not compile until it is handled here. While resuming, each level
    // starts at the journaled index (and a repeat at its journaled iteration).
    private void execute(List<Step> steps, int depth, RunPosition from) throws RunEnd, InterruptedException {
        int start = from == null ? 0 : ResumePoint.index(from, steps, depth, numbering, protocol);
        place.enterList();
        try {
            for (int i = start; i < steps.size(); i++) {
                place.at(depth, i);
                RunPosition here = i == start ? from : null; // only the first step reached continues
                switch (steps.get(i)) {
                    case Step.Rest rest -> drives.rest(rest, here);
                    case Step.Drive drive -> drives.drive(drive, here);
                    case Step.Eis eis -> impedance.run(eis, here);
                    case Step.SetPressure set -> settling.pressure(set, here);
                    case Step.SetTemperature set -> settling.temperature(set, here);
                    case Step.Repeat repeat -> {
                        int first = here == null ? 0 : here.iterations().get(depth);
                        place.enterRepeat();
                        try {
                            for (int k = first; k < repeat.times(); k++) {
                                place.iteration(depth, k);
                                execute(repeat.steps(), depth + 1, k == first ? here : null);
                            }
                        } finally {
                            place.leaveRepeat();
                        }
                    }
                }
            }
        } finally {
            place.leaveList();
        }
    }

    /**
     * The CV phase of a drive begins, limited to {@code limitAmpere}: what a resume needs to go
     * on with it ({@code journaled}: a new phase, journaled once its command acted).
     */
    void cvPhase(double limitAmpere, boolean journaled) {
        place.cvPhase(limitAmpere, journaled);
    }

    void journal(RunPosition.Phase newPhase, double unixTime) {
        place.journal(newPhase, unixTime);
    }

    /**
     * Starts a step, or continues the interrupted one when resuming. {@code keepsTime}: a
     * continued step goes on with the time it already had (rests and drives run only their
     * remaining time); otherwise it starts over (an impedance sweep, a settling wait).
     *
     * @param from the journaled position when this is the step a resumed run goes on in, else null
     * @return {@code from}
     */
    RunPosition beginStep(Step step, Double stepLoggingPeriod, RunnerStatus.State state, boolean keepsTime,
                          RunPosition from) {
        int index = numbering.indexOf(step);
        double loggingPeriod = stepLoggingPeriod != null ? stepLoggingPeriod : logging.periodSecond();
        place.open(step);
        if (from == null) {
            sampler.beginStep(StepDirection.of(step), index, loggingPeriod);
            // dated when its first command acts: see StepAnnouncer
            listener.began(counters.stepCount(), index, counters.cycleCount(), step.text());
        } else {
            counters.restore(from.counters());
            sampler.resumeStep(index, loggingPeriod, keepsTime ? from.stepElapsedSecond() : 0, from.stepRecords());
        }
        double now = grid.now();
        status.step(step.text(), index, counters.stepCount(), counters.cycleCount(), state,
                Math.max(0, now - grid.stepStart()), grid.testTime(now));
        status.remaining(remaining.at(place.path(), place.iterations(), step));
        // A step that starts over starts in its main phase; a recorded spectrum stays recorded.
        RunPosition.Phase kept = from == null ? RunPosition.Phase.MAIN
                : from.phase() == RunPosition.Phase.MEASURED || keepsTime ? from.phase() : RunPosition.Phase.MAIN;
        place.started(kept, kept == RunPosition.Phase.CV ? from.cvLimitAmpere() : 0);
        return from;
    }

    void endStep(String reason) {
        Step step = place.close();
        remaining.ended(step, grid.now() - grid.stepStart(), counters.stepAh(), StepEnds.onTime(reason));
        emit(new RunEvent.StepEnded(cell.id(), grid.testTime(grid.now()), counters.stepCount(),
                numbering.indexOf(step), reason));
    }

    /**
     * Gives the channel {@code command}; the step's time (for its first command), the phase and
     * the counters start when it acted on the cell ({@link ChannelOutput#edge}), and so do the
     * step's StepStarted and, after it, the journal's step or phase start: never before the
     * command, or a kill in between would leave the step before running under the next one's name.
     */
    void apply(ChannelCommand command) throws RunEnd, InterruptedException {
        output.commanded(command);
        if (!(command instanceof ChannelCommand.OpenCircuit) && sampler.pauseIfHeld()) {
            return; // held before the command: the cell got it only on release
        }
        double edge = output.send(command);
        output.acknowledged();
        grid.commandActed(edge);
        listener.announce();
        sampler.commandChanged(edge);
        place.commandActed(edge);
    }

    /**
     * The step starts now, before any command: a cell arriving at its shared chamber's barrier is
     * what the other cells wait for, so its StepStarted must be out before they go on
     * (SettleSteps). A command later only starts a new phase.
     */
    void startsNow() {
        grid.commandActed(grid.now());
        listener.announce();
    }

    void emit(RunEvent event) {
        listener.on(event);
    }

    /**
     * Why the channel's output is not known to be off now that the run has ended (after a
     * fault or a trip: the instrument did not confirm the switch-off, whatever the last command
     * was; otherwise: opening the circuit failed after a command that sourced), or {@code null}
     * when the instrument has acknowledged it sources nothing. Whoever owns the channel then keeps switching it off.
     */
    public String outputUnconfirmed() {
        return finish.outputUnconfirmed();
    }
}

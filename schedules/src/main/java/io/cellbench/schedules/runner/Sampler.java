package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;

/**
 * The sampling loop's one iteration: waits for the next sample time ({@link SampleGrid}), reads
 * ({@link Readings}), integrates the counters, checks the safety window, publishes the status,
 * ends the run on an operator's stop, and records the points the logging rule keeps. A held
 * run pauses ({@link Pause}), and its samples are taken the same way ({@link #take}). What the
 * channel was told is {@link ChannelOutput}'s. Owned by the runner thread. Nothing here
 * allocates per sample except a recorded point.
 */
final class Sampler {
    private final RunListener listener;
    private final String cellId;
    private final SafetyWindow window;
    private final LoggingGate gate;
    private final Counters counters;
    private final LiveStatus status;
    private final Holds holds;
    private final InstrumentReads reads;
    private final SampleGrid grid;
    private final Readings readings;
    private final ChannelOutput output;
    private final Pause pause;

    private volatile boolean stopRequested;
    private Runnable onRecorded;
    private boolean firstOfStep;
    /** The step time a resumed step had when it was journaled, until its first phase takes it; NaN otherwise. */
    private double resumedElapsed = Double.NaN;
    private int stepIndex;
    /** Samples recorded in this step so far (BDF's Step Record Index of the last one). */
    private int stepRecords;

    Sampler(CellSetup setup, RunListener listener, SampleGrid grid, SafetyWindow window, LoggingGate gate,
            Counters counters, LiveStatus status, Holds holds) {
        this.listener = listener;
        this.cellId = setup.cell().id();
        this.window = window;
        this.gate = gate;
        this.counters = counters;
        this.status = status;
        this.holds = holds;
        this.grid = grid;
        this.reads = new InstrumentReads(setup, status, grid::testTime, () -> stopRequested);
        this.readings = new Readings(setup, reads, holds);
        this.output = new ChannelOutput(setup.channel(), setup.clock());
        this.pause = new Pause(this, grid, readings, output, counters, status, holds, listener, cellId);
    }

    /** Test time 0 stays where the interrupted run had it; nothing at or before its last sample on disk is recorded again. */
    void resumeRun(double runStartUnixSecond, double positionUnixSecond) {
        grid.resumeRun(runStartUnixSecond);
        gate.continueAfter(positionUnixSecond);
    }

    /**
     * Reads everything once before the first step (the channel is at open circuit) and
     * refuses to start, like Arbin, when the cell is already outside the safety window.
     */
    void checkBeforeStart() throws RunEnd, InterruptedException {
        double now = grid.now();
        readings.at(now);
        readings.channel(output.resting());
        readings.auxiliaries(now);
        status.sample(readings.volt(), readings.ampere(), 0, grid.testTime(now));
        String violation = readings.violation(window);
        if (violation != null) {
            throw new RunEnd(RunEvent.Outcome.SAFETY_TRIP, "refused to start: " + violation);
        }
    }

    /**
     * A step begins: counts it, resets step throughput and the sample grid. Its time and charge
     * count from when its first command acts ({@link #commandChanged}).
     */
    void beginStep(StepDirection direction, int index, double loggingPeriod) {
        counters.beginStep(direction);
        gate.period(loggingPeriod);
        stepIndex = index;
        double stepStart = grid.beginStep();
        resumedElapsed = Double.NaN;
        firstOfStep = true;
        stepRecords = 0;
        counters.commandChanged(stepStart);
    }

    /**
     * An interrupted step continues now, {@code elapsed} seconds into it: its time limits
     * and sample grid carry on as if the downtime had not been part of the step. The
     * counters were restored by the caller, {@code recorded} is how many of the step's samples the
     * cell's data hold; the phase (for the current-settling rule)
     * starts again with the command given next.
     */
    void resumeStep(int index, double loggingPeriod, double elapsed, int recorded) {
        gate.period(loggingPeriod);
        stepIndex = index;
        grid.resumeStep(elapsed);
        resumedElapsed = elapsed;
        // BDF's Step Record Index counts the step's data points: the step's file goes on from its last one
        stepRecords = recorded;
        firstOfStep = true;
        counters.commandChanged(grid.now());
    }

    /**
     * The channel's new command acted on the cell at {@code edge} ({@link ChannelOutput#edge}):
     * a new phase (for the current-settling rule) starts then, and so does the step's time if
     * this is its first command ({@link SampleGrid#commandActed}); the step's level before it is
     * counted up to then ({@link Counters#carry}). The channel is read at once
     * so that the counters integrate the first interval from the new state, from {@code edge} on
     * (a current step's from its set-point: {@link Counters#restart}). This base reading is
     * checked against the safety window but neither recorded nor shown in the status: a channel
     * may read it before the command has acted, so it is no sample of the new command.
     */
    void commandChanged(double edge) throws RunEnd, InterruptedException {
        grid.commandActed(edge);
        // within a step (a CC-CV's switch to CV, a release) the old level flowed until then
        counters.carry(edge);
        double asked = grid.now();
        readings.at(stamp(asked, readings.channel(output.resting())));
        counters.restart(edge, readings.volt(), readings.ampere(), output.command());
        checkSafety();
    }

    /**
     * When a reading asked for at {@code asked} was taken: the middle of its exchange, as a
     * command's ({@link ChannelOutput#edge}): a source-meter measures once the query arrives and
     * answers after its aperture, a cycler's status answers its latest measurement; the middle
     * is within half the exchange of either. A read that had to be {@code retried} is dated when
     * it finally answered (its last try's start is not known here).
     */
    private double stamp(double asked, boolean retried) {
        double answered = grid.now();
        return retried ? answered : ChannelOutput.edge(asked, answered);
    }

    /**
     * Takes the next sample, at the next grid time or the step's time limit {@code stepTimeLimit}
     * if sooner ({@link #take}). While the run is held, this pauses (see {@link Pause}) and
     * returns the first sample after the release, taken under the step's command again.
     */
    void next(double stepTimeLimit) throws RunEnd, InterruptedException {
        sample(grid.stepStart() + stepTimeLimit);
        while (holds.held()) {
            pause.run();
            sample(grid.stepStart() + stepTimeLimit);
        }
    }

    /**
     * Pauses now if the run is held (before a step's command, before an impedance sweep);
     * true when it paused (and on release gave the channel the last commanded command).
     */
    boolean pauseIfHeld() throws RunEnd, InterruptedException {
        if (holds.held()) {
            pause.run();
            return true;
        }
        return false;
    }

    private void sample(double deadline) throws RunEnd, InterruptedException {
        double target = grid.target(deadline);
        double now = grid.sleepUntil(target);
        RunnerTiming.Probe probe = RunnerTiming.probe();
        if (probe != null) {
            probe.sampled(target, now);
        }
        take(now, Double.NaN, "stopped by the operator");
    }

    /**
     * One sample asked for at {@code now}, running or paused ({@code frozen}: the step time a
     * pause holds; NaN while running, when a retried read is dated when it finally succeeded),
     * dated in the middle of the read's exchange ({@link #stamp}): reads, moves
     * the grid on, integrates, shows the status, checks the safety window (a trip opens the
     * circuit and records the sample) and ends the run on a stop ({@code stopped} says how).
     */
    void take(double now, double frozen, String stopped) throws RunEnd, InterruptedException {
        boolean paused = !Double.isNaN(frozen);
        boolean retried = readings.channel(output.resting());
        now = paused && retried ? now : stamp(now, retried);
        readings.at(now);
        readings.auxiliariesIfDue(now);
        if (paused) {
            grid.holdStepAt(now, frozen);
        } else {
            grid.sampled(now);
        }
        counters.integrate(now, readings.volt(), readings.ampere());
        status.sample(readings.volt(), readings.ampere(), paused ? frozen : grid.stepTime(now), grid.testTime(now));
        checkSafety();
        if (stopRequested) {
            log(true);
            throw new RunEnd(RunEvent.Outcome.STOPPED, stopped);
        }
    }

    void checkSafety() throws RunEnd {
        String violation = readings.violation(window);
        if (violation != null) {
            String unsafe = output.openCircuit();
            log(true);
            throw new RunEnd(RunEvent.Outcome.SAFETY_TRIP, unsafe == null ? violation : violation + "; " + unsafe);
        }
    }

    /** Records the last sample if the logging rule (or {@code force}, or being the step's first) says so. */
    void log(boolean force) {
        boolean first = firstOfStep;
        firstOfStep = false;
        if (gate.offer(readings.time(), readings.volt(), readings.ampere(), force || first)) {
            stepRecords++;
            listener.on(new RunEvent.SampleRecorded(cellId,
                    readings.sample(grid.testTime(readings.time()), counters, stepIndex, stepRecords)));
            if (onRecorded != null) {
                onRecorded.run();
            }
        }
    }

    /** Sends a set-point to the fixture or the chamber, retried while it answers busy ({@link InstrumentReads#setpoint}). */
    void sendSetpoint(Runnable setpoint) throws RunEnd, InterruptedException {
        reads.setpoint(setpoint);
    }

    /** Reads the fixture and the chamber now, whatever their schedule, and lets the interlocks see the reads. */
    void readAuxiliaries(double now) throws RunEnd, InterruptedException {
        readings.auxiliaries(now);
    }

    /** Whether the last reading could not measure the cell: at rest with its relay open. */
    boolean unmeasured() {
        return output.resting() && Double.isNaN(readings.volt());
    }

    /** Runs after every recorded sample (the runner journals its position there). */
    void onRecorded(Runnable action) {
        onRecorded = action;
    }

    /** Samples recorded in the open step so far. */
    int stepRecords() {
        return stepRecords;
    }

    void requestStop() {
        stopRequested = true;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /** The step time a resumed step was journaled at, once (NaN for a step that began here, and after). */
    double takeResumedElapsed() {
        double elapsed = resumedElapsed;
        resumedElapsed = Double.NaN;
        return elapsed;
    }

    double stepTime() {
        return grid.stepTime(readings.time());
    }

    double phaseTime() {
        return grid.phaseTime(readings.time());
    }

    SampleGrid grid() {
        return grid;
    }

    Readings readings() {
        return readings;
    }

    ChannelOutput output() {
        return output;
    }

    Pause pause() {
        return pause;
    }
}

package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.instrument.PressureFixture;
import io.cellbench.core.instrument.TemperatureChamber;
import io.cellbench.core.time.LabClock;
import java.util.List;

/**
 * The sampling loop's one iteration, and the state it carries: when to sample, reading the
 * channel (and now and then the fixture and chamber), integrating the counters, checking
 * the safety window, publishing the status, and recording the points the logging rule
 * keeps. Owned by the runner thread. Nothing here allocates per sample except a recorded
 * point.
 *
 * <p>Timing: a step's samples fall at {@code stepStart + k·period} (k = 1, 2 …), so its
 * first sample is one period after its command, and its samples never share a time with
 * the previous step's. A sample is pulled earlier to land exactly on a time limit. When a
 * read or an instrument overruns, missed ticks are skipped rather than caught up in a burst.
 */
final class Sampler {
    private final LabClock clock;
    private final CyclerChannel channel;
    private final PressureFixture fixture;
    private final TemperatureChamber chamber;
    private final RunListener listener;
    private final InstrumentReads reads;
    private final String cellId;
    private final double samplePeriod;
    private final double auxPeriod;
    private final SafetyWindow window;
    private final LoggingGate gate;
    private final Counters counters;
    private final LiveStatus status;
    private final Holds holds;
    private final Interlock pressureInterlock;
    private final Interlock temperatureInterlock;
    /** Runs when a pause begins: a cell waiting for a shared instrument gives up its place. */
    private Runnable onPause;

    private volatile boolean stopRequested;
    /** The command the channel was last given: what a pause gives back on release. */
    private ChannelCommand command = new ChannelCommand.OpenCircuit();
    /** Whether the channel is at open circuit now (the step's rest, or a pause's). */
    private boolean resting = true;
    /**
     * Whether the instrument has acknowledged that it sources nothing: an open circuit or a
     * switch-off it accepted, and no command since. A command that failed may have reached it,
     * so the flag drops before each command is sent.
     */
    private boolean outputOff = true;
    private int pauses;
    private Runnable onRecorded;

    private double runStart;
    private double stepStart;
    private double phaseStart;
    private long tick;
    private boolean firstOfStep;
    private int stepIndex;
    /** Samples recorded in this step so far (BDF's Step Record Index of the last one). */
    private int stepRecords;

    private double time;
    private double volt = Double.NaN;
    private double ampere = Double.NaN;
    private double cellCelsius = Double.NaN;

    private double nextAuxTime = Double.NEGATIVE_INFINITY;
    private boolean auxReadThisSample;
    private double pressurePa = Double.NaN;
    private double chamberCelsius = Double.NaN;

    Sampler(CellSetup setup, double samplePeriod, SafetyWindow window, LoggingGate gate, Counters counters,
            LiveStatus status, Holds holds) {
        this.clock = setup.clock();
        this.channel = setup.channel();
        this.fixture = setup.pressureFixture();
        this.chamber = setup.chamber();
        this.listener = setup.listener();
        this.reads = new InstrumentReads(setup, status, this::testTime, () -> stopRequested);
        this.cellId = setup.cell().id();
        this.samplePeriod = samplePeriod;
        this.auxPeriod = setup.auxiliaryPeriodSecond();
        this.window = window;
        this.gate = gate;
        this.counters = counters;
        this.status = status;
        this.holds = holds;
        Coordination c = setup.coordination();
        this.pressureInterlock = c.pressureInterlock() == null || fixture == null ? null
                : new Interlock(HoldSources.PRESSURE_INTERLOCK, "pressure", Texts::pressure, c.pressureInterlock());
        this.temperatureInterlock = c.temperatureInterlock() == null || chamber == null ? null
                : new Interlock(HoldSources.TEMPERATURE_INTERLOCK, "chamber temperature", v -> Texts.number(v) + " °C",
                        c.temperatureInterlock());
    }

    /** Test time 0 is now. */
    double startRun() {
        runStart = clock.nowUnixSeconds();
        return runStart;
    }

    /** Test time 0 stays where the interrupted run had it: test time includes the downtime. */
    void resumeRun(double runStartUnixSecond) {
        runStart = runStartUnixSecond;
    }

    /**
     * Reads everything once before the first step (the channel is at open circuit) and
     * refuses to start, like Arbin, when the cell is already outside the safety window.
     */
    void checkBeforeStart() throws RunEnd, InterruptedException {
        time = clock.nowUnixSeconds();
        readChannel();
        readAuxiliaries(time);
        status.sample(volt, ampere, 0, time - runStart);
        String violation = window.violation(volt, ampere, cellCelsius, chamberCelsius, pressurePa);
        if (violation != null) {
            throw new RunEnd(RunEvent.Outcome.SAFETY_TRIP, "refused to start: " + violation);
        }
    }

    /** A step begins now: counts it, resets step throughput and the sample grid. */
    void beginStep(StepDirection direction, int index, double loggingPeriod) {
        counters.beginStep(direction);
        gate.period(loggingPeriod);
        stepIndex = index;
        stepStart = clock.nowUnixSeconds();
        phaseStart = stepStart;
        tick = 0;
        firstOfStep = true;
        stepRecords = 0;
        counters.commandChanged(stepStart);
    }

    /**
     * An interrupted step continues now, {@code elapsed} seconds into it: its time limits
     * and sample grid carry on as if the downtime had not been part of the step. The
     * counters were restored by the caller; the phase (for the current-settling rule)
     * starts again with the command given next.
     */
    void resumeStep(int index, double loggingPeriod, double elapsed) {
        gate.period(loggingPeriod);
        stepIndex = index;
        // The journal does not keep the record count: a resumed step counts its records from 1 again.
        stepRecords = 0;
        stepStart = clock.nowUnixSeconds() - Math.max(0, elapsed);
        phaseStart = stepStart;
        tick = (long) Math.floor(Math.max(0, elapsed) / samplePeriod + 1e-9);
        firstOfStep = true;
        counters.commandChanged(clock.nowUnixSeconds());
    }

    /**
     * The channel was just given a new command: a new phase (for the current-settling rule)
     * starts, and the channel is read at once so that the counters integrate the first
     * interval from the new state. This base reading is checked against the safety window
     * but neither recorded (its time is the previous step's end) nor shown in the status: a
     * channel may read it before the command has acted, so it is no sample of the new command.
     */
    void commandChanged() throws RunEnd, InterruptedException {
        double now = clock.nowUnixSeconds();
        phaseStart = now;
        if (readChannel()) {
            now = clock.nowUnixSeconds();
        }
        time = now;
        counters.restart(now, volt, ampere);
        checkSafety();
    }

    /**
     * Waits for the next sample time (or the step's time limit {@code stepTimeLimit}, if
     * sooner), reads, integrates, checks the safety window and publishes the status. On a
     * safety trip the channel goes to open circuit at once and the sample is recorded before
     * the run unwinds. While the run is held, this pauses (see {@link #pause}) and returns
     * the first sample after the release, taken under the step's command again.
     */
    void next(double stepTimeLimit) throws RunEnd, InterruptedException {
        sample(stepStart + stepTimeLimit);
        while (holds.held()) {
            pause();
            sample(stepStart + stepTimeLimit);
        }
    }

    /**
     * Pauses now if the run is held (before a step's command, before an impedance sweep);
     * true when it paused (and on release gave the channel the last {@link #commanded} command).
     */
    boolean pauseIfHeld() throws RunEnd, InterruptedException {
        if (holds.held()) {
            pause();
            return true;
        }
        return false;
    }

    private void sample(double deadline) throws RunEnd, InterruptedException {
        double target = stepStart + (tick + 1) * samplePeriod;
        if (target > deadline) {
            target = deadline;
        }
        clock.sleepUntil(target);
        double now = clock.nowUnixSeconds();
        RunnerTiming.Probe probe = RunnerTiming.probe();
        if (probe != null) {
            probe.sampled(target, now);
        }
        if (readChannel()) {
            // the read was retried (back-off, reconnect): the values are from now, not from the planned time
            now = clock.nowUnixSeconds();
        }
        time = now;
        auxReadThisSample = now >= nextAuxTime;
        if (auxReadThisSample) {
            readAuxiliaries(now);
        }
        tick = Math.max(tick + 1, (long) Math.floor((now - stepStart) / samplePeriod + 1e-9));
        counters.integrate(now, volt, ampere);
        status.sample(volt, ampere, now - stepStart, now - runStart);
        checkSafety();
        if (stopRequested) {
            log(true);
            throw new RunEnd(RunEvent.Outcome.STOPPED, "stopped by the operator");
        }
    }

    /**
     * The run is held: records the sample that saw the hold, puts the channel at open
     * circuit, and rests there, sampling on the sample period with the safety window, the
     * stop request and the logging rule as usual, until no hold is left. The step's time
     * stands still meanwhile (its start moves with the clock), so a timed step later runs
     * only its remaining time. On release the channel gets the step's command again and a
     * new phase begins (its current transient is not taken for an end condition).
     */
    private void pause() throws RunEnd, InterruptedException {
        if (onPause != null) {
            onPause.run();
        }
        log(true);
        // Before the step's first sample (held before its command) the step has had no time yet.
        double frozen = Math.max(0, time - stepStart);
        ChannelCommand resumeWith = command;
        RunnerStatus.State was = status.state();
        resting = true;
        channel.apply(new ChannelCommand.OpenCircuit());
        outputOff = true;
        double pausedAt = clock.nowUnixSeconds();
        pauses++;
        List<String> told = holds.described();
        status.holds(told);
        status.state(RunnerStatus.State.PAUSED);
        listener.on(new RunEvent.Notice(cellId, pausedAt - runStart, RunEvent.Severity.WARNING,
                "paused (" + holds.text() + "): the channel rests at open circuit; step time stays at "
                        + Texts.number(round(frozen)) + " s"));
        readChannel();
        time = pausedAt;
        counters.restart(pausedAt, volt, ampere);
        checkSafety();
        double due = pausedAt;
        while (holds.held()) {
            due = Math.max(due + samplePeriod, clock.nowUnixSeconds());
            clock.sleepUntil(due);
            double now = clock.nowUnixSeconds();
            readChannel();
            time = now;
            auxReadThisSample = now >= nextAuxTime;
            if (auxReadThisSample) {
                readAuxiliaries(now);
            }
            stepStart = now - frozen;
            counters.integrate(now, volt, ampere);
            status.sample(volt, ampere, frozen, now - runStart);
            checkSafety();
            if (stopRequested) {
                log(true);
                throw new RunEnd(RunEvent.Outcome.STOPPED, "stopped by the operator while paused");
            }
            log(false);
            List<String> holding = holds.described();
            if (!holding.equals(told) && !holding.isEmpty()) {
                told = holding;
                status.holds(told);
                listener.on(new RunEvent.Notice(cellId, now - runStart, RunEvent.Severity.INFO,
                        "still paused (" + holds.text() + ")"));
            }
        }
        double resumedAt = clock.nowUnixSeconds();
        stepStart = resumedAt - frozen;
        tick = (long) Math.floor(frozen / samplePeriod + 1e-9);
        status.holds(List.of());
        status.state(was);
        listener.on(new RunEvent.Notice(cellId, resumedAt - runStart, RunEvent.Severity.INFO,
                "resumed after a pause of " + Texts.number(round(resumedAt - pausedAt)) + " s; the step goes on from "
                        + Texts.number(round(frozen)) + " s"));
        resting = resumeWith instanceof ChannelCommand.OpenCircuit;
        outputOff = false;
        channel.apply(resumeWith);
        outputOff = resting;
        commandChanged();
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** How many times the run has paused; a settling wait starts its count again after one. */
    int pauses() {
        return pauses;
    }

    private void checkSafety() throws RunEnd {
        String violation = window.violation(volt, ampere, cellCelsius, chamberCelsius, pressurePa);
        if (violation != null) {
            String unsafe = openCircuit();
            log(true);
            throw new RunEnd(RunEvent.Outcome.SAFETY_TRIP, unsafe == null ? violation : violation + "; " + unsafe);
        }
    }

    /** Records the last sample if the logging rule (or {@code force}, or being the step's first) says so. */
    void log(boolean force) {
        boolean first = firstOfStep;
        firstOfStep = false;
        if (gate.offer(time, volt, ampere, force || first)) {
            stepRecords++;
            listener.on(new RunEvent.SampleRecorded(cellId, sample()));
            if (onRecorded != null) {
                onRecorded.run();
            }
        }
    }

    private Sample sample() {
        return new Sample(time - runStart, time, volt, ampere,
                counters.cycleCount(), counters.stepCount(), stepIndex,
                counters.chargingAh(), counters.dischargingAh(), counters.stepAh(), counters.netAh(),
                counters.cumulativeAh(),
                counters.chargingWh(), counters.dischargingWh(), counters.stepWh(), counters.netWh(),
                counters.cumulativeWh(),
                Counters.watt(volt, ampere), pressurePa, ambientCelsius(), stepRecords,
                counters.totalChargingAh(), counters.totalDischargingAh(), counters.totalChargingWh(),
                counters.totalDischargingWh());
    }

    /** Opens the circuit as part of a trip; returns why it failed, or {@code null}. */
    String openCircuit() {
        return makeSafe(false);
    }

    /**
     * Opens the circuit ({@code confirmOff}: switches the output off and has the instrument
     * confirm it, as after a fault); returns why it failed, or {@code null}.
     */
    String makeSafe(boolean confirmOff) {
        try {
            resting = true;
            if (confirmOff) {
                channel.switchOff();
            } else {
                channel.apply(new ChannelCommand.OpenCircuit());
            }
            outputOff = true;
            return null;
        } catch (RuntimeException e) {
            return "the channel could not be opened: " + e.getMessage();
        }
    }

    /** Whether the instrument has acknowledged that it sources nothing (see {@link #outputOff}). */
    boolean outputOff() {
        return outputOff;
    }

    /**
     * Sends a set-point to the fixture or the chamber, retried while the instrument answers that
     * it is busy ({@link InstrumentReads#setpoint}).
     */
    void sendSetpoint(Runnable setpoint) throws RunEnd, InterruptedException {
        reads.setpoint(setpoint);
    }

    /** The channel accepted the command last given to {@link #commanded}. */
    void acknowledged() {
        outputOff = resting;
    }

    /** Reads V and I, retrying as the fault policy says; true when it took more than one attempt. */
    private boolean readChannel() throws RunEnd, InterruptedException {
        ChannelReading r = reads.channel(resting);
        // at rest with the cell disconnected (relay open) nothing is measured and no current flows
        boolean unmeasured = resting && r.disconnected();
        volt = r.voltageVolt();
        ampere = unmeasured ? 0 : r.currentAmpere();
        cellCelsius = r.temperatureCelsius();
        return reads.retried();
    }

    /** Reads the fixture and the chamber now, whatever their schedule, and lets the interlocks see the reads. */
    void readAuxiliaries(double now) throws RunEnd, InterruptedException {
        readFixtureAndChamber(now);
        if (pressureInterlock != null) {
            pressureInterlock.offer(pressurePa, now, holds);
        }
        if (temperatureInterlock != null) {
            temperatureInterlock.offer(chamberCelsius, now, holds);
        }
    }

    private void readFixtureAndChamber(double now) throws RunEnd, InterruptedException {
        nextAuxTime = now + auxPeriod;
        if (fixture != null) {
            pressurePa = reads.pressurePa();
        }
        if (chamber != null) {
            chamberCelsius = reads.chamberCelsius();
        }
    }

    /** The command the channel was last given. */
    ChannelCommand command() {
        return command;
    }

    /** See {@link #onPause}; {@code null} for nothing. */
    void onPause(Runnable action) {
        onPause = action;
    }

    /** The pressure interlock, or {@code null} when none is set or the cell has no fixture. */
    Interlock pressureInterlock() {
        return pressureInterlock;
    }

    /** The temperature interlock, or {@code null} when none is set or the cell has no chamber. */
    Interlock temperatureInterlock() {
        return temperatureInterlock;
    }

    /** The channel was given {@code given}: what a pause gives back on release. */
    void commanded(ChannelCommand given) {
        command = given;
        resting = given instanceof ChannelCommand.OpenCircuit;
        if (!resting) {
            outputOff = false;
        }
    }

    /** Whether the last reading could not measure the cell: at rest with its relay open. */
    boolean unmeasured() {
        return resting && Double.isNaN(volt);
    }

    /** Runs after every recorded sample (the runner journals its position there). */
    void onRecorded(Runnable action) {
        onRecorded = action;
    }

    void requestStop() {
        stopRequested = true;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /** The chamber's temperature when there is a chamber, else the channel's thermocouple. */
    double ambientCelsius() {
        return chamber != null ? chamberCelsius : cellCelsius;
    }

    boolean auxReadThisSample() {
        return auxReadThisSample;
    }

    double now() {
        return clock.nowUnixSeconds();
    }

    double testTime(double unix) {
        return unix - runStart;
    }

    double runStart() {
        return runStart;
    }

    double stepStart() {
        return stepStart;
    }

    double time() {
        return time;
    }

    double stepTime() {
        return time - stepStart;
    }

    double phaseTime() {
        return time - phaseStart;
    }

    double volt() {
        return volt;
    }

    double ampere() {
        return ampere;
    }

    double pressurePa() {
        return pressurePa;
    }

    double chamberCelsius() {
        return chamberCelsius;
    }

    double samplePeriod() {
        return samplePeriod;
    }
}

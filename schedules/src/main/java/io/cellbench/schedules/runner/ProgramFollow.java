package io.cellbench.schedules.runner;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunEvent.Severity;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.instrument.NativeProgramChannel;
import io.cellbench.core.instrument.ProgramRecord;
import io.cellbench.core.instrument.ProgramState;
import io.cellbench.core.instrument.ProgramStatus;
import io.cellbench.protocols.model.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One compiled program on a delegated cell's channel, from its start (or a resumed run's
 * re-attachment) to its end: every poll period it asks the cycler where the program stands
 * ({@code inquire}), downloads the records written since the last one held, and passes a hold,
 * a release or a stop on to the cycler. Control therefore acts within one poll period. A cycler
 * that does not answer is not a fault of the cell: its program runs on under the cycler's own
 * protection, and cellbench says so and keeps asking.
 */
final class ProgramFollow {
    /** Records asked for in one go: BTS hands them out 1,000 at a time. */
    static final int CHUNK = 1000;
    /** A cycler unreachable this long (lab time) is an alarm, not only a warning. */
    static final double ALARM_AFTER_SECOND = FaultRetry.DEFAULT.boundSecond();
    /** Polls a safety stop waits for the cycler to report its program ended. */
    static final int STOP_POLLS = 10;

    private final DelegatedSetup setup;
    private final LiveStatus status;
    private final Holds holds;
    private final BooleanSupplier stopped;
    private final Consumer<RunEvent> out;
    private final Consumer<Boolean> journal;
    private final double pollSecond;
    private final AuxiliaryTimeline aux;
    private final SafetyWindow window;
    private final Interlock pressureInterlock;
    private final Interlock temperatureInterlock;
    /** How the program ended, and the step messages name (with the one last reported). */
    private final ProgramEnds ends;
    private final Object wake = new Object();
    private boolean woken; // guarded by wake
    private volatile boolean running;
    private boolean pauseSent;
    private boolean stopSent;
    private boolean pausedAtCycler;
    private double failingSince = Double.NaN;
    private boolean alarmed;

    ProgramFollow(DelegatedSetup setup, LiveStatus status, Holds holds, BooleanSupplier stopped,
                  Consumer<RunEvent> out, Consumer<Boolean> journal, double pollSecond) {
        this.setup = setup;
        this.status = status;
        this.holds = holds;
        this.stopped = stopped;
        this.out = out;
        this.journal = journal;
        this.pollSecond = pollSecond;
        this.aux = new AuxiliaryTimeline(setup.pressureFixture(), setup.chamber(),
                CellSetup.DEFAULT_AUXILIARY_PERIOD_SECOND);
        this.window = new SafetyWindow(setup.protocol().limits());
        Coordination c = setup.coordination();
        this.pressureInterlock = setup.pressureFixture() == null ? null : Interlock.pressure(c.pressureInterlock());
        this.temperatureInterlock = setup.chamber() == null ? null
                : Interlock.chamberTemperature(c.temperatureInterlock());
        this.ends = new ProgramEnds(setup, out, journal);
    }

    double pollSecond() {
        return pollSecond;
    }

    /** True while a program cellbench started (or re-attached to) runs on the cycler. */
    boolean programRunning() {
        return running;
    }

    /** A stop, hold or release: the next poll comes now. */
    void wake() {
        synchronized (wake) {
            woken = true;
            wake.notifyAll();
        }
    }

    /**
     * Runs segment {@code k} (step file {@code file}, whose steps come from {@code sources}) to
     * its end; {@code resumed}: the tally was restored from the journal, and the program may
     * still run on the cycler.
     */
    void run(int k, Path file, List<Step> sources, RecordTally tally, boolean resumed)
            throws RunEnd, InterruptedException {
        NativeProgramChannel ch = setup.program().channel();
        tally.auxiliaries(aux);
        readAuxiliaries(tally); // before the start: the program's first record takes this reading
        pauseSent = false;
        stopSent = false;
        ends.begin();
        boolean reattached = false;
        if (resumed && tally.segment() == k && tally.segmentStarted()) {
            ProgramStatus st = ch.status();
            running = !st.state().ended();
            reattached = true;
            notice(tally, Severity.INFO, "re-attached to the program on " + ch.name() + " (" + st.cyclerState()
                    + ", " + ends.where(st, tally) + "): downloading its records from number " + (tally.position() + 1));
        } else if (!attachedAfterStart(ch, k, tally, resumed)) {
            tally.beginSegment(k);
            journal.accept(true);
            if (stopped.getAsBoolean()) {
                throw new RunEnd(Outcome.STOPPED, "stopped by the operator");
            }
            String unsafe = aux.violation(window);
            if (unsafe != null) { // as a directly driven cell, one already outside its window does not start
                throw new RunEnd(Outcome.SAFETY_TRIP, unsafe + "; no program was started on " + ch.name());
            }
            ch.start(file, setup.cell().id());
            running = true;
            ProgramStatus st = ch.status();
            tally.started(setup.clock().nowUnixSeconds(), st.testTimeSecond());
            journal.accept(true);
        }
        while (true) {
            ProgramStatus st;
            readAuxiliaries(tally);
            String unsafe = running ? aux.violation(window) : null;
            if (unsafe != null) {
                throw trip(ch, sources, tally, unsafe);
            }
            try {
                control(ch, tally);
                st = ch.status();
                ends.saw(st.step());
                download(ch, sources, tally);
                answering(tally);
            } catch (InstrumentException e) {
                failing(ch, e, tally);
                await();
                continue;
            }
            if (st.state().ended()) {
                download(ch, sources, tally); // what it wrote between the records and its end
                running = false;
                if (reattached && st.state() == ProgramState.STOPPED) {
                    throw ends.stoppedBeforeResume(ch, k, tally);
                }
                ends.ended(ch, st, tally, stopSent);
                return;
            }
            follow(st, tally);
            await();
        }
    }

    /**
     * The fixture or the chamber read outside the protocol's window: the program is stopped on
     * the cycler (BTS reads no press, and the chamber only through a thermocouple mapped in BTS),
     * and what it recorded up to the stop is downloaded. The runner ends the cell in a safety
     * trip, with an alarm, as for a directly driven cell. A stop the cycler does not take leaves
     * the program running: the runner's end tries once more and says so.
     */
    private RunEnd trip(NativeProgramChannel ch, List<Step> sources, RecordTally tally, String violation)
            throws InterruptedException {
        String stopped = "";
        try {
            ch.stop();
            stopSent = true;
            stopped = stoppedAtCycler(ch);
        } catch (InstrumentException e) {
            // running stays true: the runner's end tries the stop again and says if it fails
        }
        try {
            download(ch, sources, tally);
        } catch (InstrumentException e) {
            notice(tally, Severity.WARNING, "the records " + ch.name() + " wrote before the stop could not be"
                    + " downloaded (" + e.getMessage() + "): they are in the test's data in BTS");
        }
        return new RunEnd(Outcome.SAFETY_TRIP, violation + stopped);
    }

    /**
     * Waits (a few poll periods) for the cycler to report the program ended after a stop: it
     * takes a stop at its next control tick, and its last records are written by then.
     */
    private String stoppedAtCycler(NativeProgramChannel ch) throws InterruptedException {
        ProgramStatus st = null;
        for (int poll = 0; poll < STOP_POLLS; poll++) {
            st = ch.status();
            if (st.state().ended()) {
                running = false;
                return "; the program on " + ch.name() + " was stopped";
            }
            await();
        }
        return "; the program on " + ch.name() + " was told to stop but still reports " + st.cyclerState()
                + ": stop it in BTS";
    }

    /** A resumed run whose journal was written just before the start went through: the program is ours. */
    private boolean attachedAfterStart(NativeProgramChannel ch, int k, RecordTally tally, boolean resumed) {
        if (!resumed || tally.segment() != k) {
            return false;
        }
        ProgramStatus st = ch.status();
        if (st.state().ended()) {
            return false;
        }
        tally.started(setup.clock().nowUnixSeconds(), st.testTimeSecond());
        running = true;
        notice(tally, Severity.INFO, "re-attached to the program on " + ch.name() + ", started just before the"
                + " interruption (" + st.cyclerState() + ", " + ends.where(st, tally) + ")");
        journal.accept(true);
        return true;
    }

    /** Passes a stop, a hold or a release on to the cycler. */
    private void control(NativeProgramChannel ch, RecordTally tally) {
        if (stopped.getAsBoolean()) {
            if (!stopSent && running) {
                ch.stop();
                stopSent = true;
            }
            return;
        }
        boolean held = holds.held();
        if (held && !pauseSent && running) {
            ch.pause();
            pauseSent = true;
            status.state(RunnerStatus.State.PAUSED);
            notice(tally, Severity.INFO, "paused on the cycler: " + holds.text());
        } else if (!held && pauseSent) {
            ch.resume();
            pauseSent = false;
            status.state(RunnerStatus.State.RUNNING);
            notice(tally, Severity.INFO, "continued on the cycler");
        }
    }

    private void download(NativeProgramChannel ch, List<Step> sources, RecordTally tally) {
        while (true) {
            List<ProgramRecord> records = ch.records(tally.position() + 1, CHUNK);
            for (ProgramRecord r : records) {
                ends.saw(r.step());
                tally.record(r, sources, out);
                journal.accept(false);
            }
            if (records.size() < CHUNK) {
                aux.recordedThrough(tally.runStart() + tally.testTime());
                return;
            }
        }
    }

    /**
     * Reads the fixture and the chamber when due; the schedule's interlocks see each read and
     * hold the cell as they hold a directly driven one (the hold pauses the program at the cycler).
     */
    private void readAuxiliaries(RecordTally tally) {
        double now = setup.clock().nowUnixSeconds();
        if (!aux.readIfDue(now, (severity, text) -> notice(tally, severity, text))) {
            return;
        }
        if (pressureInterlock != null) {
            pressureInterlock.offer(aux.pressurePa(now), now, holds);
        }
        if (temperatureInterlock != null) {
            temperatureInterlock.offer(aux.ambientCelsius(now), now, holds);
        }
        status.holds(holds.described());
    }

    /** The live status from the cycler's answer; a pause nobody here asked for is said once. */
    private void follow(ProgramStatus st, RecordTally tally) {
        double now = Math.max(tally.testTime(), setup.clock().nowUnixSeconds() - tally.runStart());
        status.sample(st.voltageVolt(), st.currentAmpere(), st.stepTimeSecond(), now);
        boolean paused = st.state() == ProgramState.PAUSED;
        if (paused && !pauseSent && !pausedAtCycler) {
            notice(tally, Severity.WARNING, "the program on " + setup.program().channel().name()
                    + " was paused at the cycler: continue it there");
        }
        if (paused != pausedAtCycler && !pauseSent) {
            status.state(paused ? RunnerStatus.State.PAUSED : RunnerStatus.State.RUNNING);
        }
        pausedAtCycler = paused && !pauseSent;
    }

    private void failing(NativeProgramChannel ch, InstrumentException e, RecordTally tally) {
        double now = setup.clock().nowUnixSeconds();
        if (Double.isNaN(failingSince)) {
            failingSince = now;
            alarmed = false;
            status.failing(tally.testTime(), e.getMessage());
            notice(tally, Severity.WARNING, "cannot reach " + ch.name() + " (" + e.getMessage() + "): its program runs"
                    + " on under the cycler's own protection; cellbench keeps asking");
        } else if (!alarmed && now - failingSince >= ALARM_AFTER_SECOND) {
            alarmed = true;
            notice(tally, Severity.ALARM, ch.name() + " has not answered for " + Math.round(now - failingSince)
                    + " s (" + e.getMessage() + "): cellbench cannot see its cell; check the BTS PC and its network");
        }
    }

    private void answering(RecordTally tally) {
        if (!Double.isNaN(failingSince)) {
            failingSince = Double.NaN;
            status.answering();
            notice(tally, Severity.INFO, setup.program().channel().name() + " answers again");
        }
    }

    private void notice(RecordTally tally, Severity severity, String text) {
        ends.notice(tally, severity, text);
    }

    /** One poll period of lab time, cut short by a stop, a hold or a release. */
    private void await() throws InterruptedException {
        double until = setup.clock().nowUnixSeconds() + pollSecond;
        if (setup.clock().isVirtual()) {
            setup.clock().sleepUntil(until);
            return;
        }
        synchronized (wake) {
            while (!woken && setup.clock().nowUnixSeconds() < until) {
                wake.wait(20); // a scaled clock has no signal to wait on: look again every 20 ms
            }
            woken = false;
        }
    }
}

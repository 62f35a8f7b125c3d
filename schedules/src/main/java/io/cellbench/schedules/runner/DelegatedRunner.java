package io.cellbench.schedules.runner;

import io.cellbench.compile.CompileException;
import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.RunEvent.Severity;
import io.cellbench.core.instrument.NativeProgramChannel;
import io.cellbench.protocols.model.LoggingRule;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a cell whose channel runs programs of its own (a Neware BTS channel): the protocol is
 * compiled into one program per run of steps between impedance steps ({@link ProgramSegments});
 * each program is started and followed ({@link ProgramFollow}), its records becoming the
 * cell's samples and steps ({@link RecordTally}); each impedance step runs on the cell's
 * analyzer between two programs ({@link DelegatedSweep}). Pause, continue and stop go to the
 * cycler; a protection stop at the cycler is a safety trip, and so is a fixture or chamber read
 * outside the protocol's window (the program is then stopped there). A resumed run re-attaches to the
 * program the cycler kept running and downloads what it missed. See docs/runner.md,
 * "Delegated cells".
 */
public final class DelegatedRunner implements CellRunner {
    private final DelegatedSetup setup;
    private final CellInfo cell;
    private final Protocol protocol;
    private final StepNumbering numbering;
    private final LiveStatus status;
    private final Holds holds = new Holds();
    private final List<ProgramSegments.Segment> segments;
    private final DelegatedSweep sweep;
    private final AtomicBoolean started = new AtomicBoolean();
    private final ProgramFollow follow;
    private final ProgramRemaining remaining;
    private volatile boolean stopRequested;
    private RecordTally tally;
    /** A resumed run emits nothing at or before this test time: it reached the data before the interruption. */
    private double emittedThrough = Double.NEGATIVE_INFINITY;
    private RunPosition lastPosition;

    public DelegatedRunner(DelegatedSetup setup) {
        this.setup = setup;
        this.cell = setup.cell();
        this.protocol = setup.protocol();
        this.numbering = StepNumbering.of(protocol);
        LoggingRule logging = protocol.logging() == null ? LoggingRule.DEFAULT : protocol.logging();
        this.status = new LiveStatus(numbering.plannedStepCount(), logging.samplePeriodSecond());
        this.remaining = new ProgramRemaining(protocol, numbering, cell);
        status.remaining(remaining.whole());
        this.segments = ProgramSegments.of(protocol);
        this.sweep = new DelegatedSweep(setup, status);
        this.follow = new ProgramFollow(setup, status, holds, this::stopRequested, this::emit, this::journal,
                Math.min(10, Math.max(1, logging.samplePeriodSecond())));
    }

    /**
     * The compiler's refusals for every program part of {@code protocol}, each at its step's
     * file:line:column (empty when it compiles): for {@code validate} and the lab check before a
     * run, so nothing starts that would be refused later.
     */
    public static List<io.cellbench.protocols.ProtocolException> problems(Protocol protocol, CellInfo cell) {
        try {
            CompiledSegments.check(protocol, ProgramSegments.of(protocol), cell);
            return List.of();
        } catch (CompileException e) {
            return e.problems();
        }
    }

    /** How often a delegated cell asks its cycler where the program stands, s of lab time. */
    public double pollSecond() {
        return follow.pollSecond();
    }

    @Override
    public RunnerStatus status() {
        return status.snapshot();
    }

    @Override
    public void stop() {
        stopRequested = true;
        sweep.abort();
        follow.wake();
    }

    @Override
    public void hold(String source, String reason) {
        holds.hold(java.util.Objects.requireNonNull(source, "source"), reason);
        status.holds(holds.described());
        follow.wake();
    }

    @Override
    public void release(String source) {
        holds.release(source);
        status.holds(holds.described());
        follow.wake();
    }

    /** A program cycler keeps its own output: once its program ended, cellbench has nothing to switch off. */
    @Override
    public String outputUnconfirmed() {
        return null;
    }

    private boolean stopRequested() {
        return stopRequested;
    }

    @Override
    public Outcome run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a runner runs once; make a new one for cell " + cell.id());
        }
        CompiledSegments compiled;
        try {
            compiled = CompiledSegments.compile(protocol, segments, cell);
            if (setup.eisAnalyzer() == null && segments.stream().anyMatch(s -> !s.program())) {
                return reject("it has impedance steps, and the cell has no EIS analyzer wired (add 'eis:' to the"
                        + " cell in the schedule)");
            }
        } catch (CompileException e) {
            return reject(e.getMessage());
        } catch (RuntimeException e) {
            return reject(String.valueOf(e.getMessage()));
        }
        if (setup.resumeFrom() != null && setup.program().state() == null) {
            // Starting again could run the protocol twice on the cell, beside a program still running.
            return reject("the journal holds no (or a damaged) program position for this cell, so cellbench cannot"
                    + " know which of the cycler's records it has: look at " + setup.program().channel().name()
                    + " in BTS, and start a new run for what is left");
        }
        RunEnding end = RunEnding.COMPLETED;
        int first = begin(compiled);
        try {
            for (int k = first; k < segments.size(); k++) {
                ProgramSegments.Segment s = segments.get(k);
                if (s.program()) {
                    follow.run(k, compiled.files().get(k), compiled.sources().get(k), tally,
                            k == first && setup.resumeFrom() != null);
                } else {
                    // A resumed run whose sweep had begun goes on in that step (measured again, not counted again).
                    boolean continuing = k == first && setup.resumeFrom() != null && tally.openStep() == s.eis();
                    tally.beginSegment(k);
                    journal(true);
                    sweep.run(s.eis(), continuing, tally, this::emit, this::stopRequested, holds::held);
                    tally.beginSegment(k + 1); // the sweep is behind: a resume goes on with what follows
                    journal(true);
                }
            }
        } catch (RunEnd | InterruptedException | RuntimeException e) {
            end = RunEnding.of(e, "; the cell's program was stopped on the cycler: free some space, continue the"
                    + " test in BTS, then cellbench resume follows it");
        }
        finish(end.outcome(), end.message());
        if (end.interrupted()) {
            Thread.currentThread().interrupt();
        }
        return end.outcome();
    }

    /** Starts the run, or continues an interrupted one; returns the segment it goes on with. */
    private int begin(CompiledSegments compiled) {
        RunPosition from = setup.resumeFrom();
        double[] saved = setup.program().state();
        status.state(RunnerStatus.State.RUNNING);
        if (from != null && saved != null) {
            Double disk = setup.program().dataThrough();
            double[] before = setup.program().restoredBefore();
            // Killed between a journal write and the flush of its samples: go on from the write before.
            // No sample on disk at all (killed at the run's first write after records) is that case too.
            double onDisk = disk != null ? disk : Double.NEGATIVE_INFINITY;
            if (RecordTally.records(saved) > 0 && RecordTally.lastTime(saved) > onDisk && before != null
                    && (RecordTally.records(before) == 0 || RecordTally.lastTime(before) <= onDisk)) {
                saved = before;
            }
            tally = new RecordTally(cell.id(), numbering, from.runStartUnixSecond());
            tally.restore(saved, this::stepAt);
            remaining.restore(java.util.Arrays.copyOfRange(saved, RecordTally.LENGTH, saved.length));
            if (tally.openStep() != null) {
                status.remaining(remaining.at(tally.openStep()));
            }
            emittedThrough = disk != null ? disk : Double.NEGATIVE_INFINITY;
            double now = setup.clock().nowUnixSeconds() - tally.runStart();
            emit(new RunEvent.RunStarted(cell.id(), setup.clock().nowUnixSeconds(), cell, protocol.name(),
                    protocol.source(), true));
            emit(new RunEvent.Notice(cell.id(), now, Severity.INFO, ResumePoint.announcement(from, now)));
            return tally.segment();
        }
        double start = setup.clock().nowUnixSeconds();
        tally = new RecordTally(cell.id(), numbering, start);
        emit(new RunEvent.RunStarted(cell.id(), start, cell, protocol.name(), protocol.source(), false));
        for (String w : compiled.warnings()) {
            emit(new RunEvent.Notice(cell.id(), 0, Severity.WARNING, w));
        }
        return 0;
    }

    /** The protocol's step with index {@code index} (1-based, as in samples). */
    private Step stepAt(int index) {
        List<Step> leaves = new ArrayList<>();
        leaves(protocol.steps(), leaves);
        return leaves.stream().filter(s -> numbering.indexOf(s) == index).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the journal names step " + index
                        + ", which protocol '" + protocol.name() + "' does not have: was it changed?"));
    }

    private static void leaves(List<Step> steps, List<Step> out) {
        for (Step s : steps) {
            if (s instanceof Step.Repeat r) {
                leaves(r.steps(), out);
            } else {
                out.add(s);
            }
        }
    }

    /** Gives an event to the run's listener, unless a resumed run had given it before the interruption. */
    private void emit(RunEvent e) {
        double t = switch (e) {
            case RunEvent.SampleRecorded r -> r.sample().testTimeSecond();
            case RunEvent.StepStarted s -> s.testTimeSecond();
            case RunEvent.StepEnded s -> s.testTimeSecond();
            case RunEvent.SpectrumMeasured m -> m.spectrum().testTimeSecond();
            default -> Double.POSITIVE_INFINITY;
        };
        // what is left follows every step, also those a resumed run had given before
        double stepTime = 0;
        switch (e) {
            case RunEvent.SampleRecorded r -> stepTime = remaining.recorded(r.sample().testTimeSecond(),
                    r.sample().stepCapacityAh());
            case RunEvent.StepStarted s -> status.remaining(remaining.started(stepAt(s.stepIndex()), s.testTimeSecond()));
            case RunEvent.StepEnded s -> remaining.ended(s.testTimeSecond(), s.reason());
            default -> { }
        }
        if (t <= emittedThrough && !(e instanceof RunEvent.SpectrumMeasured)) {
            return;
        }
        if (e instanceof RunEvent.SampleRecorded r) {
            status.sample(r.sample().voltageVolt(), r.sample().currentAmpere(), stepTime, r.sample().testTimeSecond());
        } else if (e instanceof RunEvent.StepStarted s) {
            status.step(s.description(), s.stepIndex(), s.stepCount(), s.cycleCount(), status.state(), 0,
                    s.testTimeSecond());
        }
        setup.listener().on(e);
    }

    /** Where the run stands goes to the journal, with the program's position (see {@link ProgramLink}). */
    private void journal(boolean boundary) {
        ProgramSegments.Segment s = segments.get(Math.min(tally.segment(), segments.size() - 1));
        lastPosition = tally.position(s.first());
        setup.program().state(state());
        if (setup.journal() != null) {
            setup.journal().at(lastPosition, boundary);
        }
    }

    /** The program state the journal keeps: the tally's, then where the remaining time counts passes from. */
    private double[] state() {
        double[] t = tally.save();
        double[] r = remaining.save();
        double[] out = java.util.Arrays.copyOf(t, t.length + r.length);
        System.arraycopy(r, 0, out, t.length, r.length);
        return out;
    }

    private void finish(Outcome outcome, String message) {
        NativeProgramChannel program = setup.program().channel();
        String unsafe = null;
        if (outcome != Outcome.COMPLETED && follow.programRunning()) {
            try {
                program.stop(); // a fault in cellbench leaves nothing running that nobody follows
            } catch (RuntimeException e) {
                unsafe = "the program could not be stopped (" + e.getMessage() + "): it may still run on "
                        + program.name() + "; stop it in BTS";
            }
        }
        ChamberBarrier barrier = setup.coordination().chamberBarrier();
        if (barrier != null) {
            barrier.leave(cell.id());
        }
        String text = unsafe == null ? message : message + "; " + unsafe;
        double testTime = tally.testTime();
        String reason = switch (outcome) {
            case COMPLETED -> "complete";
            case SAFETY_TRIP -> "safety trip: " + text;
            case FAULT -> "fault: " + text;
            case STOPPED -> "stopped";
        };
        if (setup.journal() != null) {
            // Before the open step is closed: a stopped cell's journal keeps the step it was in,
            // so a resume (once the test is continued in BTS) goes on in it.
            quietly(() -> {
                setup.program().state(state());
                setup.journal().ended(outcome, lastPosition);
            });
        }
        quietly(() -> tally.endStep(testTime, reason, this::emit));
        if (outcome != Outcome.COMPLETED || unsafe != null) {
            Severity severity = outcome == Outcome.STOPPED && unsafe == null ? Severity.WARNING : Severity.ALARM;
            quietly(() -> emit(new RunEvent.Notice(cell.id(), testTime, severity, text)));
        }
        quietly(() -> emit(new RunEvent.RunEnded(cell.id(), testTime, outcome, text)));
        status.ended(outcome, testTime, unsafe == null);
    }

    private Outcome reject(String why) {
        String text = "protocol '" + protocol.name() + "' cannot run on cell " + cell.id() + " ("
                + setup.program().channel().name() + " runs compiled programs):\n  " + why;
        quietly(() -> emit(new RunEvent.Notice(cell.id(), 0, Severity.ALARM, text)));
        quietly(() -> emit(new RunEvent.RunEnded(cell.id(), 0, Outcome.FAULT, text)));
        status.ended(Outcome.FAULT, 0, true);
        return Outcome.FAULT;
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // the run is ending either way; one sink's trouble must not keep the others from hearing
        }
    }
}

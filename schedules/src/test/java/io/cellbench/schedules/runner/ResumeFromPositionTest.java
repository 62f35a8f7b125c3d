package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.sim.SimulatedBench;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.schedules.journal.JournalEntry;
import io.cellbench.schedules.journal.JournalFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming from a journaled position, for every step kind: a reference run records every
 * position it emits (with the simulated cell's state at that moment); a second run on a new
 * bench, its cell restored, resumes from one of them after a gap. Each position also makes the
 * round trip through a journal file first, so what is resumed is what was read back.
 */
class ResumeFromPositionTest {
    private static final double T0 = 1_700_000_000;
    private static final double GAP = 600;

    private static final String PROTOCOL = """
            name: every step kind
            limits:
              voltage: [1.5 V, 4.0 V]
            logging:
              period: 10 s
              sample_period: 1 s
            steps:
              - Set pressure to 20 MPa and wait until stable
              - Set temperature to 30 °C and wait until stable
              - Rest for 10 minutes
              - Repeat 2 times:
                  - Charge at 1C until 3.7 V then hold until C/5
                  - Discharge at 1C for 20 minutes
                  - Discharge at 1C until 1.9 V
                  - EIS from 10 kHz to 1 Hz at 10 mV, 5 points per decade
            """;

    /** A position with the simulated instruments' state when it was emitted. */
    record Saved(RunPosition position, boolean boundary, SimulatedCell.State cell, double fixturePa, double chamberC) {
    }

    private static Protocol protocol;
    private static List<Saved> saved;
    private static RecordingListener reference;

    @TempDir
    Path journalDir;

    @BeforeAll
    static void referenceRun() {
        protocol = ProtocolLoader.parse(PROTOCOL, "kinds.yaml");
        VirtualClock clock = new VirtualClock(T0);
        SimulatedBench bench = SimulatedBench.create(CellParameters.coin(), 7, 1e6, clock);
        reference = new RecordingListener();
        saved = new ArrayList<>();
        PositionListener capture = new PositionListener() {
            @Override
            public void at(RunPosition position, boolean boundary) {
                saved.add(new Saved(position, boundary, bench.cell().snapshot(), bench.fixture().setpointPa(),
                        bench.chamber().setpointCelsius()));
            }

            @Override
            public void ended(Outcome outcome, RunPosition last) {
            }
        };
        ProtocolRunner runner = new ProtocolRunner(wire(CellSetup.builder(bench.cellInfo(), protocol, bench.channel(),
                clock, reference), bench).positionListener(capture).build());
        assertEquals(Outcome.COMPLETED, runner.run(), () -> reference.ended().message());
    }

    private static CellSetup.Builder wire(CellSetup.Builder b, SimulatedBench bench) {
        return b.eis(bench.eis(), 0).pressureFixture(bench.fixture()).chamber(bench.chamber());
    }

    /** The resumed run and what it did. */
    record Resumed(RunPosition from, RecordingListener events, List<ChannelCommand> commands, SimulatedBench bench,
                   Outcome outcome) {
        List<Sample> samples() {
            return events.samples();
        }
    }

    private Resumed resumeFrom(Predicate<Saved> which) throws Exception {
        return resumeFrom(which, false);
    }

    /** {@code stepEnded}: the position is the open step's end sample (on disk already), so it ends without one. */
    private Resumed resumeFrom(Predicate<Saved> which, boolean stepEnded) throws Exception {
        Saved s = saved.stream().filter(which).findFirst().orElseThrow(() -> new AssertionError("no such position"));
        // Through a journal file, as a real resume reads it.
        JournalFiles.writeEntry(journalDir, new JournalEntry("A1", 0, s.position(), null, Map.of()));
        RunPosition from = JournalFiles.readEntry(journalDir, "A1").orElseThrow().position();
        assertEquals(s.position(), from, "the position survives the journal file");

        double resumeAt = from.runStartUnixSecond() + from.testTimeSecond() + GAP;
        VirtualClock clock = new VirtualClock(resumeAt);
        SimulatedBench bench = SimulatedBench.create(CellParameters.coin(), 7, 1e6, clock);
        bench.cell().restore(s.cell());
        bench.fixture().preloadPa(s.fixturePa());
        bench.chamber().setTemperatureCelsius(s.chamberC());
        List<ChannelCommand> commands = new ArrayList<>();
        CyclerChannel recording = new CyclerChannel() {
            @Override
            public void apply(ChannelCommand command) {
                commands.add(command);
                bench.channel().apply(command);
            }

            @Override
            public ChannelReading read() {
                return bench.channel().read();
            }

            @Override
            public double maxCurrentAmpere() {
                return bench.channel().maxCurrentAmpere();
            }

            @Override
            public String name() {
                return bench.channel().name();
            }

            @Override
            public String identify() {
                return bench.channel().identify();
            }

            @Override
            public void close() {
                bench.channel().close();
            }
        };
        RecordingListener events = new RecordingListener();
        ProtocolRunner runner = new ProtocolRunner(wire(CellSetup.builder(bench.cellInfo(), protocol, recording, clock,
                events), bench).resumeFrom(from).build());
        Outcome outcome = runner.run();
        Resumed r = new Resumed(from, events, commands, bench, outcome);
        checkCommon(r, stepEnded);
        return r;
    }

    /** What holds for every resume: the run goes on where it was, without repeating or skipping steps. */
    private static void checkCommon(Resumed r, boolean stepEnded) {
        RunPosition from = r.from();
        assertEquals(Outcome.COMPLETED, r.outcome(), () -> r.events().ended().message());
        RunEvent.RunStarted started = assertInstanceOf(RunEvent.RunStarted.class, r.events().events.getFirst());
        assertTrue(started.resumed());
        RunEvent.Notice notice = assertInstanceOf(RunEvent.Notice.class, r.events().events.get(1));
        assertTrue(notice.message().startsWith("resumed after an interruption of " + (int) GAP + " s"), notice.message());
        assertEquals(from.testTimeSecond() + GAP, notice.testTimeSecond(), 1e-6, "test time includes the downtime");

        // The open step ends (once) without starting again; then the same steps as in the reference follow.
        RunEvent.StepEnded firstEnd = r.events().of(RunEvent.StepEnded.class).getFirst();
        assertEquals(from.counters().stepCount(), firstEnd.stepCount());
        assertEquals(from.stepIndex(), firstEnd.stepIndex());
        List<int[]> expected = reference.of(RunEvent.StepStarted.class).stream()
                .filter(e -> e.stepCount() > from.counters().stepCount())
                .map(e -> new int[] {e.stepCount(), e.stepIndex(), e.cycleCount()}).toList();
        List<int[]> actual = r.events().of(RunEvent.StepStarted.class).stream()
                .map(e -> new int[] {e.stepCount(), e.stepIndex(), e.cycleCount()}).toList();
        assertEquals(expected.size(), actual.size(), "steps after the resumed one");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(List.of(expected.get(i)[0], expected.get(i)[1], expected.get(i)[2]),
                    List.of(actual.get(i)[0], actual.get(i)[1], actual.get(i)[2]));
        }

        // Samples: after the gap, counters continued (never below the journaled ones).
        Sample first = r.samples().getFirst();
        assertTrue(first.testTimeSecond() > from.testTimeSecond() + GAP, "a sample at the resume moment: " + first);
        // a measured sweep's step, or one at its time limit, just ends, without a sample
        if (from.phase() != RunPosition.Phase.MEASURED && !stepEnded) {
            assertEquals(from.counters().stepCount(), first.stepCount());
            assertEquals(from.counters().cycleCount(), first.cycleCount());
        }
        assertTrue(first.cumulativeCapacityAh() >= from.counters().cumulativeAh());
        assertTrue(first.cumulativeCapacityAh() - from.counters().cumulativeAh() < 0.002 * 1.1 / 3600 * 1.5,
                "at most one sample period of current added: " + first);
    }

    private static boolean inStep(Saved s, int index, int iteration, RunPosition.Phase phase) {
        RunPosition p = s.position();
        return p.stepIndex() == index && p.phase() == phase
                && (p.iterations().isEmpty() || p.iterations().getFirst() == iteration);
    }

    private static Predicate<Saved> midStep(int index, int iteration, RunPosition.Phase phase, double elapsed) {
        return s -> inStep(s, index, iteration, phase) && !s.boundary() && s.position().stepElapsedSecond() >= elapsed;
    }

    private static RunEvent.StepEnded endOf(Resumed r) {
        return r.events().of(RunEvent.StepEnded.class).getFirst();
    }

    @Test
    void aConstantCurrentStepGoesOnToItsCutOffWithItsCapacity() throws Exception {
        Resumed r = resumeFrom(midStep(6, 1, RunPosition.Phase.MAIN, 300));
        assertEquals("voltage <= 1.9 V", endOf(r).reason());
        assertInstanceOf(ChannelCommand.Current.class, r.commands().get(1), "the CC command again");
        // The step's capacity at its end is the reference's: the counters went on.
        double ref = lastOfStep(reference.samples(), r.from().counters().stepCount()).stepCapacityAh();
        double got = lastOfStep(r.samples(), r.from().counters().stepCount()).stepCapacityAh();
        assertEquals(ref, got, 0.01 * ref);
        assertEquals(last(reference.samples()).cycleCount(), last(r.samples()).cycleCount());
    }

    @Test
    void aTimedStepRunsItsRemainingTime() throws Exception {
        Resumed r = resumeFrom(midStep(5, 0, RunPosition.Phase.MAIN, 400));
        RunPosition from = r.from();
        RunEvent.StepEnded end = endOf(r);
        assertTrue(end.reason().startsWith("time"), end.reason());
        double active = from.stepElapsedSecond() + end.testTimeSecond() - (from.testTimeSecond() + GAP);
        assertEquals(1200, active, 1.0, "elapsed before the crash plus after the resume");
    }

    /**
     * Killed right after the end sample of a timed step (its journaled position is at the time
     * limit), resumed after a gap: the step has ended. Its end sample is on disk already, so the
     * resume records no second one (dated after the gap, it would pass the rule that drops
     * samples at or before the journaled one) and goes on with the next step.
     */
    @Test
    void aTimedStepResumedAtItsTimeLimitEndsWithoutASecondEndSample() throws Exception {
        Resumed r = resumeFrom(s -> inStep(s, 5, 0, RunPosition.Phase.MAIN) && !s.boundary()
                && s.position().stepElapsedSecond() >= 1200 - 1e-6, true);
        int step = r.from().counters().stepCount();
        assertEquals(1200, r.from().stepElapsedSecond(), 1e-6, "the position is the step's end sample");
        List<Sample> again = r.samples().stream().filter(x -> x.stepCount() == step).toList();
        assertEquals(List.of(), again, "the step's end sample is recorded once, before the interruption");
        RunEvent.StepEnded end = endOf(r);
        assertTrue(end.reason().startsWith("time"), end.reason());
        assertEquals(step + 1, r.samples().getFirst().stepCount(), "the next step's samples follow");
    }

    @Test
    void aRestRunsItsRemainingTime() throws Exception {
        Resumed r = resumeFrom(midStep(3, 0, RunPosition.Phase.MAIN, 200));
        RunPosition from = r.from();
        RunEvent.StepEnded end = endOf(r);
        double active = from.stepElapsedSecond() + end.testTimeSecond() - (from.testTimeSecond() + GAP);
        assertEquals(600, active, 1.0);
        assertInstanceOf(ChannelCommand.OpenCircuit.class, r.commands().get(1));
    }

    @Test
    void aCcCvStepInItsCvPhaseContinuesCv() throws Exception {
        Resumed r = resumeFrom(midStep(4, 1, RunPosition.Phase.CV, 60));
        assertTrue(r.from().cvLimitAmpere() > 0);
        ChannelCommand.Voltage cv = assertInstanceOf(ChannelCommand.Voltage.class, r.commands().get(1),
                "straight to CV, no CC phase: " + r.commands());
        assertEquals(3.7, cv.volt(), 1e-9);
        assertEquals(r.from().cvLimitAmpere(), cv.maxAmpere(), 1e-12);
        assertEquals("C-rate <= 0.2 C", endOf(r).reason());
    }

    @Test
    void aCcCvStepInItsCcPhaseContinuesCcThenCv() throws Exception {
        Resumed r = resumeFrom(midStep(4, 0, RunPosition.Phase.MAIN, 300));
        assertInstanceOf(ChannelCommand.Current.class, r.commands().get(1));
        assertInstanceOf(ChannelCommand.Voltage.class, r.commands().get(2));
    }

    @Test
    void anInterruptedImpedanceSweepStartsAgain() throws Exception {
        Resumed r = resumeFrom(s -> inStep(s, 7, 0, RunPosition.Phase.MAIN) && s.boundary());
        long spectraInStep = r.events().of(RunEvent.SpectrumMeasured.class).stream()
                .filter(e -> e.spectrum().stepCount() == r.from().counters().stepCount()).count();
        assertEquals(1, spectraInStep);
    }

    @Test
    void aRecordedSpectrumIsNotMeasuredAgain() throws Exception {
        Resumed r = resumeFrom(s -> inStep(s, 7, 0, RunPosition.Phase.MEASURED));
        long spectraInStep = r.events().of(RunEvent.SpectrumMeasured.class).stream()
                .filter(e -> e.spectrum().stepCount() == r.from().counters().stepCount()).count();
        assertEquals(0, spectraInStep);
        assertEquals("complete", endOf(r).reason());
        assertEquals(1, r.events().of(RunEvent.SpectrumMeasured.class).size(), "only the second iteration's");
    }

    @Test
    void setPressureCommandsAgainAndWaits() throws Exception {
        Resumed r = resumeFrom(midStep(1, 0, RunPosition.Phase.MAIN, 5));
        assertEquals(20e6, r.bench().fixture().setpointPa(), 1);
        assertEquals("pressure 20 MPa reached", endOf(r).reason());
    }

    @Test
    void setTemperatureCommandsAgainAndWaits() throws Exception {
        Resumed r = resumeFrom(midStep(2, 0, RunPosition.Phase.MAIN, 5));
        assertEquals(30, r.bench().chamber().setpointCelsius(), 1e-9);
        assertTrue(endOf(r).reason().startsWith("temperature"), endOf(r).reason());
    }

    @Test
    void repeatIterationsContinueWhereTheyWere() throws Exception {
        Resumed r = resumeFrom(midStep(6, 0, RunPosition.Phase.MAIN, 60));
        assertEquals(List.of(3, 2), r.from().path());
        assertEquals(List.of(0), r.from().iterations());
        // checkCommon compared every later step with the reference; the second iteration ran once.
        assertEquals(5, r.events().of(RunEvent.StepStarted.class).size(), "the EIS, then the 4 steps of iteration 2");
    }

    @Test
    void aStoppedRunHandsItsPositionToTheJournalAndGoesOnFromIt() throws Exception {
        VirtualClock clock = new VirtualClock(T0);
        SimulatedBench bench = SimulatedBench.create(CellParameters.coin(), 7, 1e6, clock);
        RecordingListener events = new RecordingListener();
        RunPosition[] ended = new RunPosition[1];
        Outcome[] how = new Outcome[1];
        PositionListener journal = new PositionListener() {
            @Override
            public void at(RunPosition position, boolean boundary) {
            }

            @Override
            public void ended(Outcome outcome, RunPosition last) {
                how[0] = outcome;
                ended[0] = last;
            }
        };
        ProtocolRunner runner = new ProtocolRunner(wire(CellSetup.builder(bench.cellInfo(), protocol, bench.channel(),
                clock, events), bench).positionListener(journal).build());
        events.onSample = n -> {
            if (n == 600) {
                runner.stop();
            }
        };
        assertEquals(Outcome.STOPPED, runner.run());
        assertEquals(Outcome.STOPPED, how[0]);
        RunPosition last = ended[0];
        Sample lastSample = events.samples().getLast();
        assertEquals(lastSample.testTimeSecond(), last.testTimeSecond(), 1e-9, "the stop's last sample");
        assertEquals(lastSample.stepIndex(), last.stepIndex());
        assertEquals(lastSample.cumulativeCapacityAh(), last.counters().cumulativeAh(), 0);
        assertFalse(last.path().isEmpty());

        SimulatedCell.State cell = bench.cell().snapshot();
        VirtualClock later = new VirtualClock(clock.nowUnixSeconds() + GAP);
        SimulatedBench again = SimulatedBench.create(CellParameters.coin(), 7, 1e6, later);
        again.cell().restore(cell);
        again.fixture().preloadPa(bench.fixture().setpointPa());
        again.chamber().setTemperatureCelsius(bench.chamber().setpointCelsius());
        RecordingListener resumed = new RecordingListener();
        Outcome outcome = new ProtocolRunner(wire(CellSetup.builder(again.cellInfo(), protocol, again.channel(), later,
                resumed), again).resumeFrom(last).build()).run();
        assertEquals(Outcome.COMPLETED, outcome, () -> resumed.ended().message());
        assertEquals(last(reference.samples()).cycleCount(), last(resumed.samples()).cycleCount());
        assertEquals(reference.of(RunEvent.StepStarted.class).size(),
                events.of(RunEvent.StepStarted.class).size() + resumed.of(RunEvent.StepStarted.class).size(),
                "every step started once over both runs");
    }

    @Test
    void aPositionThatIsNotInTheProtocolIsRefused() {
        RunPosition good = saved.get(saved.size() / 2).position();
        RunPosition bad = new RunPosition(List.of(9), List.of(), good.stepIndex(), good.phase(),
                good.runStartUnixSecond(), good.stepStartTestTimeSecond(), good.testTimeSecond(), 0, good.counters());
        VirtualClock clock = new VirtualClock(T0 + 1e5);
        SimulatedBench bench = SimulatedBench.create(CellParameters.coin(), 7, 1e6, clock);
        RecordingListener events = new RecordingListener();
        Outcome outcome = new ProtocolRunner(wire(CellSetup.builder(bench.cellInfo(), protocol, bench.channel(), clock,
                events), bench).resumeFrom(bad).build()).run();
        assertEquals(Outcome.FAULT, outcome);
        assertTrue(events.ended().message().contains("cannot resume"), events.ended().message());
        assertFalse(events.events.stream().anyMatch(e -> e instanceof RunEvent.StepStarted));
    }

    private static Sample lastOfStep(List<Sample> samples, int stepCount) {
        return samples.stream().filter(s -> s.stepCount() == stepCount).reduce((a, b) -> b).orElseThrow();
    }

    private static Sample last(List<Sample> samples) {
        return samples.getLast();
    }
}

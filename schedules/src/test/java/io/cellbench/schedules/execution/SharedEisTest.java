package io.cellbench.schedules.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.instrument.EisAnalyzer;
import io.cellbench.core.instrument.EisRequest;
import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.doubles.ForwardingEisAnalyzer;
import io.cellbench.fixtures.sim.SimulatedBench;
import io.cellbench.fixtures.sim.SimulatedEisAnalyzer;
import io.cellbench.schedules.runner.RunnerStatus;
import io.cellbench.schedules.schedule.Schedule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Eight cells on one analyzer through its multiplexer: one sweep at a time, in the order asked, waits recorded. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SharedEisTest {
    static final Map<String, String> EIS = Map.of("eis.yaml", """
            name: eis
            steps:
              - Rest for 5 s
              - EIS from 100 kHz to 1 Hz at 10 mV, 5 points per decade
              - Rest for 5 s
            """);

    @TempDir
    Path dir;

    private Schedule eightCells() throws Exception {
        StringBuilder yaml = new StringBuilder("cells:\n");
        for (int i = 1; i <= 8; i++) {
            yaml.append("  - id: c").append(i).append("\n    nominal_capacity: 2 mAh\n    protocol: eis.yaml\n")
                    .append("    eis: eis-1\n");
        }
        return TestLab.schedule(dir, yaml.toString(), EIS);
    }

    /** The eight cells' run: its runner, its thread and the outcomes it returns. */
    private record Started(ScheduleRunner runner, Thread thread, AtomicReference<Map<String, Outcome>> outcomes) {
    }

    /**
     * Starts the eight cells with c1 sweeping until {@code hold} is counted down and the others
     * gated until {@code lab.letGo} lets each go; returns once c1 sweeps.
     */
    private Started c1Sweeping(TestLab lab, TestLab.Events events, CountDownLatch hold) throws Exception {
        lab.analyzer.blocked.put(1, hold);
        for (int i = 2; i <= 8; i++) {
            lab.gate("c" + i);
        }
        ScheduleRunner runner = new ScheduleRunner(eightCells(), lab, events);
        AtomicReference<Map<String, Outcome>> outcomes = new AtomicReference<>();
        Thread t = TestLab.start(runner, outcomes);
        TestLab.until(() -> lab.analyzer.sweeping.get() == 1, "c1 sweeping");
        return new Started(runner, t, outcomes);
    }

    /** Lets c2 to c8 go and waits until all seven are queued behind c1's sweep. */
    private static void queueTheOthers(TestLab lab, ScheduleRunner runner) throws InterruptedException {
        for (int i = 2; i <= 8; i++) {
            lab.letGo("c" + i);
        }
        TestLab.until(() -> runner.statuses().values().stream()
                .filter(s -> s.state() == RunnerStatus.State.WAITING).count() == 7, "seven cells queued");
    }

    @Test
    void eightCellsTakeTurnsAtOneAnalyzer() throws Exception {
        TestLab lab = new TestLab();
        lab.analyzer.sweepNanos = 20_000_000;
        // c1's sweep waits until every other cell has queued behind it, so all of them wait.
        CountDownLatch hold = new CountDownLatch(1);
        TestLab.Events events = new TestLab.Events();
        Started run = c1Sweeping(lab, events, hold);
        ScheduleRunner runner = run.runner();
        queueTheOthers(lab, runner);
        hold.countDown();
        run.thread().join(25_000);

        run.outcomes().get().values().forEach(o -> assertEquals(Outcome.COMPLETED, o));
        assertEquals(1, lab.analyzer.maxSweeping.get(), "two sweeps overlapped");
        // Multiplexer channels assigned in schedule order; every cell measured once, on its own.
        List<Integer> mux = new ArrayList<>(lab.analyzer.muxOrder);
        assertEquals(8, mux.size());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), mux.stream().sorted().toList());
        for (int i = 1; i <= 8; i++) {
            var spectra = events.of(RunEvent.SpectrumMeasured.class, "c" + i);
            assertEquals(1, spectra.size());
            assertEquals(10.0 + i, spectra.get(0).spectrum().points().get(0).zRealOhm(), 1e-12);
        }
        // First come, first served: the turns follow the order the cells joined the queue. Each
        // cell's notice says how many cells were ahead of it when it joined (nobody leaves while
        // c1 sweeps), which is its place; the notices themselves may be written in another
        // order, as two cells joining at once race to the event log.
        List<String> turns = runner.analyzerQueues().get("eis-1").turns();
        assertEquals("c1", turns.get(0));
        Pattern ahead = Pattern.compile("waiting for the EIS analyzer eis-1 \\((\\d) cells? ahead\\)");
        Map<Integer, String> byPlace = new TreeMap<>();
        synchronized (events.all) {
            for (RunEvent e : events.all) {
                if (e instanceof RunEvent.Notice n) {
                    Matcher m = ahead.matcher(n.message());
                    if (m.lookingAt()) {
                        assertEquals(null, byPlace.put(Integer.parseInt(m.group(1)), n.cellId()), "two cells at one place");
                    }
                }
            }
        }
        List<String> queued = new ArrayList<>(byPlace.values());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), List.copyOf(byPlace.keySet()), byPlace.toString());
        assertEquals(queued, turns.subList(1, 8));
        // Each wait is recorded with its length, and the cell rested at open circuit meanwhile.
        for (String c : queued) {
            List<String> notes = events.notices(c);
            assertTrue(notes.get(0).matches("waiting for the EIS analyzer eis-1 \\(\\d cells? ahead\\);"
                    + " the channel rests at open circuit"), notes.toString());
            assertTrue(notes.get(1).matches("waited \\d+(\\.\\d+)? s for the EIS analyzer eis-1"), notes.toString());
            assertTrue(events.of(RunEvent.SampleRecorded.class, c).stream()
                    .allMatch(s -> s.sample().currentAmpere() == 0));
        }
    }

    @Test
    void aCellHeldWhileWaitingLeavesTheQueueAndJoinsAgainAtTheBack() throws Exception {
        TestLab lab = new TestLab();
        CountDownLatch hold = new CountDownLatch(1);
        TestLab.Events events = new TestLab.Events();
        Started run = c1Sweeping(lab, events, hold); // c1 first, then c2, then c3
        ScheduleRunner runner = run.runner();
        lab.letGo("c2");
        TestLab.until(() -> runner.statuses().get("c2") != null
                && runner.statuses().get("c2").state() == RunnerStatus.State.WAITING, "c2 queued behind c1");
        lab.letGo("c3");
        // c3's status may not exist yet: its thread opens its instruments in its own time
        TestLab.until(() -> runner.statuses().get("c3") != null
                && runner.statuses().get("c3").state() == RunnerStatus.State.WAITING, "c3 queued behind c2");
        assertEquals("the EIS analyzer eis-1 (2 cells ahead)", runner.statuses().get("c3").waitingFor());
        runner.hold("c2", "operator", "reseat the cable");
        TestLab.until(() -> runner.statuses().get("c2").state() == RunnerStatus.State.PAUSED, "c2 paused");
        TestLab.until(() -> runner.statuses().get("c3").waitingFor().startsWith("the EIS analyzer eis-1 (1 cell ahead)"),
                "c3 moved up");
        hold.countDown();
        TestLab.until(() -> events.of(RunEvent.SpectrumMeasured.class, "c3").size() == 1, "c3 measured");
        runner.release("c2", "operator");
        for (int i = 4; i <= 8; i++) {
            lab.letGo("c" + i);
        }
        run.thread().join(25_000);
        run.outcomes().get().values().forEach(o -> assertEquals(Outcome.COMPLETED, o));
        List<String> turns = runner.analyzerQueues().get("eis-1").turns();
        assertEquals(List.of("c1", "c3"), turns.subList(0, 2));
        assertTrue(turns.indexOf("c2") > 1, turns.toString());
        assertEquals(1, lab.analyzer.maxSweeping.get());
        assertEquals(1, events.of(RunEvent.SpectrumMeasured.class, "c2").size());
    }

    @Test
    void aStopWhileWaitingLeavesTheQueueWithoutWaitingForTheSweep() throws Exception {
        TestLab lab = new TestLab();
        CountDownLatch hold = new CountDownLatch(1);
        TestLab.Events events = new TestLab.Events();
        Started run = c1Sweeping(lab, events, hold);
        ScheduleRunner runner = run.runner();
        queueTheOthers(lab, runner);
        runner.stop();
        // The waiting cells end while c1's sweep still hangs: they did not wait for their turn to stop.
        TestLab.until(() -> runner.statuses().values().stream()
                .filter(s -> s.state() == RunnerStatus.State.ENDED).count() == 7, "seven cells stopped");
        assertEquals(1, lab.analyzer.sweeping.get());
        hold.countDown();
        run.thread().join(25_000);
        run.outcomes().get().values().forEach(o -> assertEquals(Outcome.STOPPED, o));
        assertEquals(List.of("c1"), runner.analyzerQueues().get("eis-1").turns());
        assertEquals(1, lab.analyzer.muxOrder.size());
    }

    @Test
    void eightSimulatedCellsShareOneSimulatedAnalyzerThroughItsMultiplexer() throws Exception {
        Schedule schedule = eightCells();
        // Eight simulated cells, each in its own virtual clock, all on one simulated analyzer:
        // multiplexer channel i is cell ci, and a sweep takes that cell's (simulated) time.
        Map<String, SimulatedBench> benches = new HashMap<>();
        Map<String, VirtualClock> clocks = new HashMap<>();
        Map<Integer, SimulatedEisAnalyzer.MuxChannel> mux = new HashMap<>();
        for (var cell : schedule.cells()) {
            VirtualClock clock = new VirtualClock(TestLab.T0);
            SimulatedBench bench = SimulatedBench.create(CellParameters.coin(), cell.wiring().muxChannel(), 1e6, clock);
            bench.cell().completeFormation();
            bench.cell().restAt(0.5);
            benches.put(cell.info().id(), bench);
            clocks.put(cell.info().id(), clock);
            mux.put(cell.wiring().muxChannel(), new SimulatedEisAnalyzer.MuxChannel(bench.cell(), clock));
        }
        SimulatedEisAnalyzer simulated = new SimulatedEisAnalyzer("eis-1", mux, 1);
        CountDownLatch first = new CountDownLatch(1);
        EisAnalyzer shared = new ForwardingEisAnalyzer(simulated) { // lets the test hold the first sweep until every cell queued
            @Override
            public List<ImpedancePoint> measure(int channel, EisRequest request) {
                try {
                    if (!first.await(60, TimeUnit.SECONDS)) {
                        throw new AssertionError("the test never let the first sweep go on");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.measure(channel, request);
            }

            @Override
            public void close() { // every cell's view of the one analyzer: none closes it for the others
            }
        };
        InstrumentProvider lab = cell -> {
            SimulatedBench b = benches.get(cell.info().id());
            return new CellInstruments(clocks.get(cell.info().id()), b.channel(), shared, cell.wiring().muxChannel(), null, null,
                    b.channel()::close);
        };
        TestLab.Events events = new TestLab.Events();
        ScheduleRunner runner = new ScheduleRunner(schedule, lab, events);
        AtomicReference<Map<String, Outcome>> outcomes = new AtomicReference<>();
        Thread t = TestLab.start(runner, outcomes);
        TestLab.until(() -> runner.statuses().values().stream()
                .filter(s -> s.state() == RunnerStatus.State.WAITING).count() == 7, "seven cells queued");
        first.countDown();
        t.join(25_000);

        outcomes.get().values().forEach(o -> assertEquals(Outcome.COMPLETED, o));
        assertEquals(8, runner.analyzerQueues().get("eis-1").turns().size());
        for (var cell : schedule.cells()) {
            String id = cell.info().id();
            var spectra = events.of(RunEvent.SpectrumMeasured.class, id);
            assertEquals(1, spectra.size(), id);
            // Each spectrum is its own cell's, measured through its own multiplexer channel.
            ImpedancePoint p = spectra.get(0).spectrum().points().get(0);
            double[] z = benches.get(id).cell().impedance(p.frequencyHz());
            assertEquals(z[0], p.zRealOhm(), 0.01 * Math.hypot(z[0], z[1]), id);
            assertEquals(1, events.notices(id).stream().filter(n -> n.startsWith("waited")).count()
                    + (id.equals(runner.analyzerQueues().get("eis-1").turns().get(0)) ? 1 : 0), events.notices(id).toString());
        }
    }
}

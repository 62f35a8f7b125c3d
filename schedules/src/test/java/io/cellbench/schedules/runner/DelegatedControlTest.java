package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.CellInfo;
import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunListener;
import io.cellbench.core.time.ScaledClock;
import io.cellbench.drivers.neware.NewareBts;
import io.cellbench.drivers.neware.NewareBtsSettings;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.fixtures.wire.neware.BtsSimulator;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delegated cell's hold, release and stop go to the cycler (setpause, continue, stop on the
 * BTS simulator, through the neware-bts driver over TCP), and a protection stop at the cycler
 * ends the cell as a safety trip with an alarm.
 */
@Timeout(300) // a hang guard
class DelegatedControlTest {
    static final double SPEED = 100;

    @TempDir
    Path share;

    private final List<RunEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void holdReleaseAndStopActOnTheCyclersProgram() throws Exception {
        Protocol protocol = BtsBench.protocol("long rest", """
                  - Rest for 10 hours
                """);
        try (BtsBench b = new BtsBench(share, SPEED)) {
            DelegatedRunner runner = b.runner(protocol, events::add);
            AtomicReference<RunEvent.Outcome> outcome = new AtomicReference<>();
            Thread t = Thread.ofPlatform().start(() -> outcome.set(runner.run()));
            Await.until("the program runs", () -> "working".equals(b.sim.workstatus(1)));
            runner.hold("operator", "crimp check");
            Await.until(() -> "paused on the cycler: " + b.sim.workstatus(1), () -> "pause".equals(b.sim.workstatus(1)));
            Await.until("the status says paused", () -> runner.status().state() == RunnerStatus.State.PAUSED);
            runner.release("operator");
            Await.until("continued on the cycler", () -> "working".equals(b.sim.workstatus(1)));
            runner.stop();
            t.join(Duration.ofSeconds(120));
            assertEquals(RunEvent.Outcome.STOPPED, outcome.get());
            assertEquals("stop", b.sim.workstatus(1), "the program is stopped on the cycler");
            assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.Notice n
                    && n.message().contains("paused on the cycler: operator: crimp check")), events.toString());
        }
    }

    @Test
    void aProtectionStopAtTheCyclerIsASafetyTripWithAnAlarm() throws Exception {
        // A timed charge with no cut-off: BTS's protection (from the protocol's limits) ends it at 3.8 V.
        Protocol protocol = BtsBench.protocol("overcharge", """
                  - Charge at 2C for 3 hours
                """);
        try (BtsBench b = new BtsBench(share, SPEED)) {
            RunEvent.Outcome outcome = b.runner(protocol, events::add).run();
            assertEquals(RunEvent.Outcome.SAFETY_TRIP, outcome, events.toString());
            assertEquals("protect", b.sim.workstatus(1));
            String alarm = events.stream().filter(e -> e instanceof RunEvent.Notice n
                    && n.severity() == RunEvent.Severity.ALARM && n.message().contains("cycler's protection"))
                    .map(e -> ((RunEvent.Notice) e).message()).findFirst().orElseThrow(() -> new AssertionError(events.toString()));
            // BTS reports no step for an ended test: the alarm names the step the runner saw running
            assertTrue(alarm.contains("(protect in step 1 of the step file, step 1 of protocol 'overcharge')"), alarm);
            assertTrue(!alarm.contains("step -1"), alarm);
        }
    }

    @Test
    void aRunResumedInItsSweepMeasuresItAgainInTheSameStepAndGoesOn() throws Exception {
        Protocol protocol = BtsBench.protocol("sweep, then rest", """
                  - EIS from 10 kHz to 1 Hz at 10 mV, 5 points per decade
                  - Rest for 20 s
                """);
        try (BtsBench b = new BtsBench(share, SPEED)) {
            // Journaled before the kill: the sweep (step 1 of part 1) had begun.
            StepNumbering numbering = StepNumbering.of(protocol);
            double runStart = b.clock.nowUnixSeconds() - 100;
            RecordTally before = new RecordTally("nw-cell", numbering, runStart);
            before.beginSegment(0);
            before.beginStep(protocol.steps().getFirst(), 90, e -> { });
            ProgramLink link = new ProgramLink(b.bts.channel("27-21-1-1"));
            double[] state = before.save();
            double[] saved = new double[state.length + 1];
            saved[0] = state.length;
            System.arraycopy(state, 0, saved, 1, state.length);
            link.restore(saved, null);
            RunPosition at = before.position(protocol.steps().getFirst());
            FakeAnalyzer analyzer = new FakeAnalyzer(new io.cellbench.core.time.VirtualClock(0), 30);
            DelegatedRunner runner = new DelegatedRunner(new DelegatedSetup(b.cell.parameters().toCellInfo("nw-cell"),
                    protocol, link, analyzer, 1, b.clock, events::add, null, null, at));
            assertEquals(RunEvent.Outcome.COMPLETED, runner.run(), events.toString());
            assertEquals(1, analyzer.requests.size(), "measured again");
            List<String> steps = events.stream().filter(e -> e instanceof RunEvent.StepStarted)
                    .map(e -> ((RunEvent.StepStarted) e).stepCount() + "/" + ((RunEvent.StepStarted) e).stepIndex())
                    .toList();
            assertEquals(List.of("2/2"), steps, "the sweep goes on as step 1 (no new start); the rest is step 2");
            RunEvent.SpectrumMeasured spectrum = (RunEvent.SpectrumMeasured) events.stream()
                    .filter(e -> e instanceof RunEvent.SpectrumMeasured).findFirst().orElseThrow();
            assertEquals(1, spectrum.spectrum().stepCount());
            assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.StepEnded s && s.stepCount() == 1),
                    "the sweep's step ends");
        }
    }

    @Test
    void aResumedCellWhoseProgramWasStoppedStartsNothingAndSaysWhatToDo() throws Exception {
        Protocol protocol = BtsBench.protocol("rest, then charge", """
                  - Rest for 10 hours
                  - Charge at C/10 for 1 hour
                """);
        try (BtsBench b = new BtsBench(share, SPEED)) {
            ProgramLink link = new ProgramLink(b.bts.channel("27-21-1-1"));
            AtomicReference<RunPosition> last = new AtomicReference<>();
            PositionListener journal = new PositionListener() {
                @Override
                public void at(RunPosition position, boolean boundary) {
                    last.set(position);
                }

                @Override
                public void ended(RunEvent.Outcome outcome, RunPosition at) {
                    last.set(at);
                }
            };
            List<double[]> written = new CopyOnWriteArrayList<>();
            DelegatedRunner first = new DelegatedRunner(new DelegatedSetup(b.cell.parameters().toCellInfo("nw-cell"),
                    protocol, link, null, 0, b.clock, events::add, null, new PositionListener() {
                        @Override
                        public void at(RunPosition position, boolean boundary) {
                            journal.at(position, boundary);
                            written.add(link.saved());
                        }

                        @Override
                        public void ended(RunEvent.Outcome outcome, RunPosition at) {
                            journal.ended(outcome, at);
                            written.add(link.saved());
                        }
                    }, null));
            AtomicReference<RunEvent.Outcome> outcome = new AtomicReference<>();
            Thread t = Thread.ofPlatform().start(() -> outcome.set(first.run()));
            Await.until("the program runs", () -> "working".equals(b.sim.workstatus(1)));
            first.stop(); // the operator's stop (cellbench stop): the program is stopped on the cycler
            t.join(Duration.ofSeconds(120));
            assertEquals(RunEvent.Outcome.STOPPED, outcome.get());
            assertEquals("stop", b.sim.workstatus(1));
            long starts = starts(b.sim);
            assertEquals(1, starts, "the first run started its program once");

            // cellbench resume: the journal says the program was started and where the records stand.
            events.clear();
            ProgramLink resumed = new ProgramLink(b.bts.channel("27-21-1-1"));
            resumed.restore(written.getLast(), null);
            DelegatedRunner again = new DelegatedRunner(new DelegatedSetup(b.cell.parameters().toCellInfo("nw-cell"),
                    protocol, resumed, null, 0, b.clock, events::add, null, journal, last.get()));
            RunEvent.Outcome second = again.run();
            assertEquals(RunEvent.Outcome.STOPPED, second, "not COMPLETED: the charge never ran " + events);
            assertEquals(starts, starts(b.sim), "nothing started on the cycler");
            assertEquals("stop", b.sim.workstatus(1));
            assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.Notice n
                    && n.severity() == RunEvent.Severity.ALARM && n.message().contains("was stopped in step")
                    && n.message().contains("continue the test in BTS")), events.toString());
        }
    }

    /** The start requests the simulator received. */
    private static long starts(BtsSimulator sim) {
        return sim.received().stream().filter(r -> r.contains("<cmd>start</cmd>")).count();
    }
}

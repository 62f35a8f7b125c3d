package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.protocols.model.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The status snapshot: what it says, and that a reader on another thread sees consistent values. */
class StatusTest {
    private final Harness h = new Harness();

    @Test
    void beforeDuringAndAfter() {
        Step.Drive charge = P.chargeFor(0.001, 20);
        var setup = CellSetup.builder(Harness.CELL, P.protocol(P.rest(5), charge), h.cell, h.clock, h.events).build();
        ProtocolRunner runner = new ProtocolRunner(setup);
        RunnerStatus before = runner.status();
        assertEquals(RunnerStatus.State.NOT_STARTED, before.state());
        assertEquals(2, before.plannedStepCount());
        assertNull(before.outcome());

        List<RunnerStatus> seen = new ArrayList<>();
        h.events.onSample = n -> seen.add(runner.status());
        runner.run();
        RunnerStatus during = seen.get(2); // first sample of the charge, 6 s
        assertEquals(RunnerStatus.State.RUNNING, during.state());
        assertEquals(charge.text(), during.stepText());
        assertEquals(2, during.stepIndex());
        assertEquals(2, during.stepCount());
        assertEquals(1, during.cycleCount());
        assertEquals(3.011, during.voltageVolt(), 1e-12);
        assertEquals(0.001, during.currentAmpere(), 1e-15);
        assertEquals(1.0, during.stepTimeSecond(), 1e-9);
        assertEquals(6.0, during.testTimeSecond(), 1e-9);

        RunnerStatus after = runner.status();
        assertEquals(RunnerStatus.State.ENDED, after.state());
        assertEquals(Outcome.COMPLETED, after.outcome());
        assertEquals(25.0, after.testTimeSecond(), 1e-9);
    }

    @Test
    void settlingAndImpedanceStatesAreShown() {
        FakeAnalyzer analyzer = new FakeAnalyzer(h.clock, 10);
        List<RunnerStatus.State> states = new ArrayList<>();
        analyzer.duringSweep = () -> states.add(h.runner.status().state());
        FakeFixture fixture = new FakeFixture(h.clock, 1e6, true, 5);
        h.events.onSample = n -> states.add(h.runner.status().state());
        h.run(P.protocol(P.pressure(2e6, true), P.eis()), b -> b.eis(analyzer, 0).pressureFixture(fixture));
        assertEquals(RunnerStatus.State.SETTLING, states.get(0));
        assertTrue(states.contains(RunnerStatus.State.MEASURING_IMPEDANCE), states.toString());
        assertEquals(RunnerStatus.State.RUNNING, states.get(states.size() - 1));
    }

    @Test
    void aReaderOnAnotherThreadAlwaysSeesOneSampleNotAMixOfTwo() throws InterruptedException {
        // A slow slope (1 µV per second at 1 mA) so a long charge stays in the window:
        // every consistent snapshot of the charge has V = 3.01 + 1e-6·step time.
        FakeCellChannel slow = new FakeCellChannel(h.clock, 3.0, 3.6, 10);
        var setup = CellSetup.builder(Harness.CELL, P.protocol(P.chargeFor(0.001, 400_000)), slow, h.clock,
                h.events).build();
        ProtocolRunner runner = new ProtocolRunner(setup);
        AtomicBoolean done = new AtomicBoolean();
        List<String> inconsistent = new ArrayList<>();
        int[] checked = {0};
        Thread reader = Thread.ofPlatform().start(() -> {
            while (!done.get()) {
                RunnerStatus s = runner.status();
                if (s.state() == RunnerStatus.State.RUNNING && s.stepIndex() == 1) {
                    checked[0]++;
                    double expected = 3.01 + 1e-6 * s.stepTimeSecond();
                    if (Math.abs(s.voltageVolt() - expected) > 1e-9 || s.testTimeSecond() != s.stepTimeSecond()) {
                        inconsistent.add(s.toString());
                    }
                }
            }
        });
        runner.run();
        done.set(true);
        reader.join();
        assertEquals(List.of(), inconsistent);
        assertTrue(checked[0] > 0, "the reader never saw the run");
    }
}

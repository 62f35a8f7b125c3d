package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.instrument.ChannelReading;
import io.cellbench.core.instrument.CyclerChannel;
import io.cellbench.core.time.LabClock;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.fixtures.cell.CellParameters;
import io.cellbench.fixtures.cell.SimulatedCell;
import io.cellbench.doubles.ForwardingCyclerChannel;
import io.cellbench.fixtures.sim.SimulatedCyclerChannel;
import io.cellbench.protocols.model.Step;
import io.cellbench.testing.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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

    /**
     * Every moment the runner thread hands over (giving the channel a command, reading it,
     * waiting for the next sample) is a moment another thread may read the status for as long
     * as the wait lasts. The simulated channel, like real ones (docs/runner.md, "Base reading"),
     * still reads the open circuit right after the charge command: that reading is no sample of
     * the charge, and before the charge's first sample the status has no reading of it.
     */
    @Test
    void atAStepEdgeTheStatusNeverShowsTheNewStepWithAReadingFromBeforeItsCommand() {
        VirtualClock lab = new VirtualClock(Harness.T0);
        SimulatedCell simulated = new SimulatedCell(CellParameters.coin().withVariation(1));
        simulated.completeFormation();
        simulated.restAt(0.3);
        double ampere = CellParameters.coin().oneCAmpere() / 2;
        ProtocolRunner[] runner = new ProtocolRunner[1];
        List<RunnerStatus> handovers = new ArrayList<>();
        Runnable seen = () -> {
            if (runner[0] != null) {
                handovers.add(runner[0].status());
            }
        };
        CyclerChannel channel = new ForwardingCyclerChannel(new SimulatedCyclerChannel("sim", simulated, lab)) {
            @Override
            public void apply(ChannelCommand command) {
                seen.run();
                super.apply(command);
            }

            @Override
            public ChannelReading read() {
                seen.run();
                return super.read();
            }
        };
        LabClock clock = beforeEachWait(lab, until -> seen.run());
        Step.Drive charge = P.chargeFor(ampere, 30);
        runner[0] = new ProtocolRunner(CellSetup.builder(Harness.CELL,
                P.protocol(P.limits(2.0, 4.0, -0.01, 0.01), P.ENDS_ONLY, P.rest(20), charge), channel, clock,
                h.events).build());
        assertEquals(RunEvent.Outcome.COMPLETED, runner[0].run());

        List<RunnerStatus> ofCharge = handovers.stream()
                .filter(s -> s.stepText().equals(charge.text()) && s.state() == RunnerStatus.State.RUNNING).toList();
        assertTrue(ofCharge.size() >= 30, "the charge's 30 samples were seen: " + ofCharge.size());
        for (RunnerStatus s : ofCharge) {
            assertEquals(20.0, s.testTimeSecond() - s.stepTimeSecond(), 1e-9, () -> "one moment: " + s);
            if (s.stepTimeSecond() == 0) {
                assertTrue(Double.isNaN(s.voltageVolt()) && Double.isNaN(s.currentAmpere()),
                        () -> "the charge has begun and has no sample yet: " + s);
            } else {
                // the simulated channel's current noise is 2e-5 of its range (10 C): far below 1 % of C/2
                assertEquals(ampere, s.currentAmpere(), 0.01 * ampere, () -> "a sample of the charge: " + s);
            }
        }
        assertTrue(ofCharge.stream().anyMatch(s -> s.stepTimeSecond() == 0), "the charge's start was seen");
    }

    @Test
    void aReaderOnAnotherThreadAlwaysSeesOneSampleNotAMixOfTwo() throws InterruptedException {
        // A slow slope (1 µV per second at 1 mA) so a long charge stays in the window:
        // every consistent snapshot of the charge has V = 3.01 + 1e-6·step time.
        FakeCellChannel slow = new FakeCellChannel(h.clock, 3.0, 3.6, 10);
        AtomicInteger checked = new AtomicInteger();
        double halfway = Harness.T0 + 200_000;
        // The run takes a fraction of a second: on a loaded machine the reader may not get a
        // core before it is over. Halfway, the runner waits until the reader has checked a
        // thousand snapshots, so the reader surely reads while the runner writes (before) and
        // while it stands still (at the wait), whatever the load.
        LabClock clock = beforeEachWait(h.clock, until -> {
            if (h.clock.nowUnixSeconds() < halfway && until >= halfway) {
                Await.until(() -> "the reader checked 1000 snapshots, not " + checked.get(), () -> checked.get() >= 1000);
            }
        });
        var setup = CellSetup.builder(Harness.CELL, P.protocol(P.chargeFor(0.001, 400_000)), slow, clock,
                h.events).build();
        ProtocolRunner runner = new ProtocolRunner(setup);
        AtomicBoolean done = new AtomicBoolean();
        List<String> inconsistent = new ArrayList<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            while (!done.get()) {
                RunnerStatus s = runner.status();
                if (s.state() == RunnerStatus.State.RUNNING && s.stepIndex() == 1) {
                    checked.incrementAndGet();
                    boolean start = s.stepTimeSecond() == 0 && Double.isNaN(s.voltageVolt())
                            && Double.isNaN(s.currentAmpere());
                    boolean sample = Math.abs(s.voltageVolt() - (3.01 + 1e-6 * s.stepTimeSecond())) <= 1e-9
                            && s.currentAmpere() == 0.001;
                    if (!(start || sample) || s.testTimeSecond() != s.stepTimeSecond()) {
                        inconsistent.add(s.toString());
                    }
                }
            }
        });
        try {
            assertEquals(RunEvent.Outcome.COMPLETED, runner.run());
        } finally {
            done.set(true);
            reader.join();
        }
        assertEquals(List.of(), inconsistent);
        assertTrue(checked.get() >= 1000, "the reader checked " + checked.get() + " snapshots");
    }

    /** Something done on the runner thread before it waits on the clock until {@code unixSeconds}. */
    private interface BeforeWait {
        void run(double unixSeconds) throws InterruptedException;
    }

    /** {@code clock}, doing {@code action} before every wait. */
    private static LabClock beforeEachWait(VirtualClock clock, BeforeWait action) {
        return new LabClock() {
            @Override
            public double nowUnixSeconds() {
                return clock.nowUnixSeconds();
            }

            @Override
            public void sleepUntil(double unixSeconds) throws InterruptedException {
                action.run(unixSeconds);
                clock.sleepUntil(unixSeconds);
            }

            @Override
            public boolean isVirtual() {
                return true;
            }
        };
    }
}

package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.protocols.model.Termination.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Holds: the channel rests while held, the step's time stands still, and the step goes on after the release. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HoldTest {
    private final Harness h = new Harness();

    /** Holds at test time {@code holdAt} and releases at {@code releaseAt}, from the sample callback. */
    private void holdBetween(String source, double holdAt, double releaseAt) {
        List<Sample> seen = h.events.samples();
        h.events.onSample = n -> {
            double t = h.events.samples().get(n - 1).testTimeSecond();
            if (Math.abs(t - holdAt) < 1e-9) {
                h.runner.hold(source, "checking the crimp");
            }
            if (Math.abs(t - releaseAt) < 1e-9) {
                h.runner.release(source);
            }
        };
        assertTrue(seen.isEmpty());
    }

    private List<String> notices() {
        return h.events.of(RunEvent.Notice.class).stream().map(RunEvent.Notice::message).toList();
    }

    @Test
    void aTimedStepRunsOnlyItsRemainingTimeAfterThePause() {
        holdBetween("operator", 5, 36);
        List<RunnerStatus> during = new ArrayList<>();
        var previous = h.events.onSample;
        h.events.onSample = n -> {
            previous.accept(n);
            if (h.runner.status().state() == RunnerStatus.State.PAUSED) {
                during.add(h.runner.status());
            }
        };
        Outcome outcome = h.run(P.protocol(P.WIDE, P.EVERY_SAMPLE, P.chargeFor(0.001, 20)));

        assertEquals(Outcome.COMPLETED, outcome);
        RunEvent.StepEnded end = h.events.of(RunEvent.StepEnded.class).get(0);
        assertEquals("time 20 s", end.reason());
        // Held at the sample after 5 s (6 s), released at 36 s: 30 s of pause.
        assertEquals(50.0, end.testTimeSecond(), 1e-9);
        // Charged for 20 s only: the pause added no charge.
        Sample last = h.events.samples().getLast();
        assertEquals(0.001 * 20 / 3600, last.stepCapacityAh(), 1e-12);
        assertEquals(0.001 * 20 / 3600, h.cell.chargeAh(), 1e-12);

        // At rest and logged while paused, with the step's time standing still.
        List<Sample> paused = h.events.samples().stream()
                .filter(s -> s.testTimeSecond() > 6 + 1e-9 && s.testTimeSecond() <= 36 + 1e-9).toList();
        assertEquals(30, paused.size());
        assertTrue(paused.stream().allMatch(s -> s.currentAmpere() == 0), paused.toString());
        assertTrue(paused.stream().allMatch(s -> s.stepCount() == 1));
        assertTrue(!during.isEmpty());
        assertTrue(during.stream().allMatch(s -> Math.abs(s.stepTimeSecond() - 6) < 1e-9), during.toString());
        assertEquals(List.of("operator: checking the crimp"), during.get(0).holds());
        assertEquals(List.of(), h.runner.status().holds());

        List<ChannelCommand> applied = h.cell.applied();
        assertEquals(List.of("OpenCircuit", "Current", "OpenCircuit", "Current", "OpenCircuit"),
                applied.stream().map(c -> c.getClass().getSimpleName()).toList());
        List<String> notes = notices();
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("paused (operator: checking the crimp)"), notes.get(0));
        assertTrue(notes.get(0).contains("step time stays at 6 s"), notes.get(0));
        assertEquals("resumed after a pause of 30 s; the step goes on from 6 s", notes.get(1));
    }

    @Test
    void aCurrentStepContinuesToItsCutOff() {
        holdBetween("operator", 10, 40);
        Outcome outcome = h.run(P.protocol(P.WIDE, P.EVERY_SAMPLE, P.charge(0.001, P.volt(Op.AT_LEAST, 3.05))));
        assertEquals(Outcome.COMPLETED, outcome);
        RunEvent.StepEnded end = h.events.of(RunEvent.StepEnded.class).get(0);
        assertEquals("voltage >= 3.05 V", end.reason());
        // 3.01 V at the start, +1 mV per second of charge: 40 s of charge, plus the pause
        // from the sample after 10 s (11 s) to 40 s.
        assertEquals(69.0, end.testTimeSecond(), 1e-9);
        assertEquals(0.001 * 40 / 3600, h.events.samples().getLast().stepCapacityAh(), 1e-12);
    }

    @Test
    void theCellStaysHeldWhileAnySourceHolds() {
        h.events.onSample = n -> {
            double t = h.events.samples().get(n - 1).testTimeSecond();
            if (t == 2) {
                h.runner.hold("operator", "look at the cell");
            }
            if (t == 4) {
                h.runner.hold("pressure", "4.1 MPa is outside 5 MPa ± 1 MPa");
            }
            if (t == 10) {
                h.runner.release("operator");
            }
            if (t == 20) {
                h.runner.release("operator"); // a second release of the same source changes nothing
            }
            if (t == 25) {
                h.runner.release("pressure");
            }
        };
        Outcome outcome = h.run(P.protocol(P.WIDE, P.EVERY_SAMPLE, P.rest(10)));
        assertEquals(Outcome.COMPLETED, outcome);
        // Held from 3 s to 25 s: the 10 s rest ends at 32 s.
        assertEquals(32.0, h.events.of(RunEvent.StepEnded.class).get(0).testTimeSecond(), 1e-9);
        List<String> notes = notices();
        assertEquals(4, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("paused (operator: look at the cell)"), notes.get(0));
        assertEquals("still paused (operator: look at the cell; pressure: 4.1 MPa is outside 5 MPa ± 1 MPa)",
                notes.get(1));
        assertEquals("still paused (pressure: 4.1 MPa is outside 5 MPa ± 1 MPa)", notes.get(2));
        assertEquals("resumed after a pause of 22 s; the step goes on from 3 s", notes.get(3));
    }

    @Test
    void anImpedanceSweepInterruptedByAHoldStartsAgain() {
        FakeAnalyzer analyzer = new FakeAnalyzer(h.clock, 10);
        int[] sweeps = {0};
        analyzer.duringSweep = () -> {
            if (++sweeps[0] == 1) {
                h.runner.hold("operator", "open the chamber door");
            }
        };
        h.events.onSample = n -> {
            if (h.runner.status().state() == RunnerStatus.State.PAUSED
                    && h.events.samples().get(n - 1).testTimeSecond() >= 20) {
                h.runner.release("operator");
            }
        };
        Outcome outcome = h.run(P.protocol(P.WIDE, P.EVERY_SAMPLE, P.eis()), b -> b.eis(analyzer, 2));
        assertEquals(Outcome.COMPLETED, outcome);
        assertEquals(2, analyzer.requests.size());
        List<RunEvent.SpectrumMeasured> spectra = h.events.of(RunEvent.SpectrumMeasured.class);
        assertEquals(1, spectra.size());
        // Stamped with the start of the sweep that made it: the one after the release at 20 s.
        assertEquals(20.0, spectra.get(0).spectrum().testTimeSecond(), 1e-9);
        assertTrue(notices().contains("the impedance sweep was interrupted by a hold; it starts again after the pause"),
                notices().toString());
    }

    @Test
    void aStopWhilePausedEndsTheRun() {
        h.events.onSample = n -> {
            double t = h.events.samples().get(n - 1).testTimeSecond();
            if (t == 2) {
                h.runner.hold("operator", "");
            }
            if (t == 8) {
                h.runner.stop();
            }
        };
        Outcome outcome = h.run(P.protocol(P.WIDE, P.EVERY_SAMPLE, P.chargeFor(0.001, 100)));
        assertEquals(Outcome.STOPPED, outcome);
        assertEquals(9.0, h.events.ended().testTimeSecond(), 1e-9);
        assertTrue(h.cell.command() instanceof ChannelCommand.OpenCircuit);
        assertTrue(notices().get(0).startsWith("paused (operator)"), notices().toString());
    }

    @Test
    void aSafetyLimitStillTripsWhilePaused() {
        // A cell that relaxes below the window at rest: 3.2 V at rest, the window starts at 3.25 V.
        FakeCellChannel cell = new FakeCellChannel(h.clock, 3.2, 3600.0, 100.0);
        h.events.onSample = n -> {
            if (h.events.samples().get(n - 1).testTimeSecond() == 2) {
                h.runner.hold("operator", "");
            }
        };
        Outcome outcome = h.run(P.protocol(P.limits(3.25, 4.0, -0.05, 0.05), P.EVERY_SAMPLE, P.chargeFor(0.001, 100)),
                cell, h.clock, b -> b);
        assertEquals(Outcome.SAFETY_TRIP, outcome);
        assertTrue(h.events.ended().message().contains("below the safety limit 3.25 V"), h.events.ended().message());
    }

    @Test
    void aCellHeldBeforeItStartsGetsNoCurrentUntilReleased() {
        var setup = CellSetup.builder(Harness.CELL, P.protocol(P.WIDE, P.EVERY_SAMPLE, P.chargeFor(0.001, 20)), h.cell,
                h.clock, h.events).build();
        h.runner = new ProtocolRunner(setup);
        h.runner.hold("operator", "check the crimp first");
        h.events.onSample = n -> {
            if (h.events.samples().get(n - 1).testTimeSecond() >= 10 - 1e-9) {
                h.runner.release("operator");
            }
        };
        assertEquals(Outcome.COMPLETED, h.runner.run());
        // No current before the release at 10 s; then the whole 20 s of charge.
        assertTrue(h.events.samples().stream().filter(s -> s.testTimeSecond() <= 10 + 1e-9)
                .allMatch(s -> s.currentAmpere() == 0), h.events.samples().toString());
        assertEquals(30.0, h.events.of(RunEvent.StepEnded.class).get(0).testTimeSecond(), 1e-9);
        assertEquals(0.001 * 20 / 3600, h.cell.chargeAh(), 1e-12);
        assertEquals(List.of("OpenCircuit", "OpenCircuit", "Current", "OpenCircuit"),
                h.cell.applied().stream().map(c -> c.getClass().getSimpleName()).toList());
        assertEquals("resumed after a pause of 10 s; the step goes on from 0 s", notices().get(1));
    }
}

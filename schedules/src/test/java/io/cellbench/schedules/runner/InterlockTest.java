package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.Sample;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Interlocks pause a cell through a hold while a condition is out of band, and let it go on once it has cleared. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InterlockTest {
    private final Harness h = new Harness();

    /** A fixture at its set point, except that it leaks down to {@code leakPa} from test time {@code from} to {@code to}. */
    private FakeFixture leaking(double startPa, double leakPa, double from, double to) {
        return new FakeFixture(h.clock, startPa, true, 1) {
            @Override
            public double readPressurePa() {
                double t = h.testTime();
                double value = super.readPressurePa();
                return t >= from - 1e-9 && t < to - 1e-9 ? leakPa : value;
            }
        };
    }

    private List<String> notices() {
        return h.events.of(RunEvent.Notice.class).stream().map(RunEvent.Notice::message).toList();
    }

    @Test
    void aPressureDropPausesTheCellWhichResumesAndCompletesWithoutCountingThePause() {
        FakeFixture fixture = leaking(5e6, 3.5e6, 20, 60);
        Outcome outcome = h.run(P.protocol(P.WIDE, P.EVERY_SAMPLE, P.pressure(5e6, false), P.chargeFor(0.001, 100)),
                b -> b.pressureFixture(fixture).coordination(
                        new Coordination(null, null, new InterlockRule(Double.NaN, 1e6, 0.5e6, 10), null)));

        assertEquals(Outcome.COMPLETED, outcome);
        // Fixture read every 5 s: out of band at 20 s, back at 60 s, in the resume band for 10 s at 70 s.
        List<String> notes = notices();
        assertEquals(2, notes.size(), notes.toString());
        assertEquals("paused (pressure interlock: pressure 3.5 MPa is outside 5 MPa ± 1 MPa; resumes after 10 s"
                + " within ± 0.5 MPa): the channel rests at open circuit; step time stays at 20 s", notes.get(0));
        assertEquals("resumed after a pause of 50 s; the step goes on from 20 s", notes.get(1));
        RunEvent.StepEnded charge = h.events.of(RunEvent.StepEnded.class).get(1);
        assertEquals("time 100 s", charge.reason());
        assertEquals(150.0, charge.testTimeSecond(), 1e-9);
        // 100 s of charge: the paused time is not in the step.
        assertEquals(0.001 * 100 / 3600, h.cell.chargeAh(), 1e-12);
        List<Sample> paused = h.events.samples().stream()
                .filter(s -> s.testTimeSecond() > 20 + 1e-9 && s.testTimeSecond() <= 70 + 1e-9).toList();
        assertEquals(50, paused.size());
        assertTrue(paused.stream().allMatch(s -> s.currentAmpere() == 0));
        assertEquals(3.5e6, paused.get(10).appliedPressurePa(), 1e-6);
    }

    @Test
    void aBriefReturnIntoTheBandDoesNotResumeBeforeTheSettleTime() {
        // Back at 40 s, out again at 45 s (a press that hunts), back for good at 60 s.
        FakeFixture fixture = new FakeFixture(h.clock, 5e6, true, 1) {
            @Override
            public double readPressurePa() {
                double t = h.testTime();
                double value = super.readPressurePa();
                boolean leak = (t >= 20 - 1e-9 && t < 40 - 1e-9) || (t >= 45 - 1e-9 && t < 60 - 1e-9);
                return leak ? 3.5e6 : value;
            }
        };
        Outcome outcome = h.run(P.protocol(P.WIDE, P.ENDS_ONLY, P.pressure(5e6, false), P.rest(100)),
                b -> b.pressureFixture(fixture).coordination(
                        new Coordination(null, null, new InterlockRule(Double.NaN, 1e6, 0.5e6, 10), null)));
        assertEquals(Outcome.COMPLETED, outcome);
        assertEquals("resumed after a pause of 50 s; the step goes on from 20 s", notices().get(1));
        assertEquals(150.0, h.events.of(RunEvent.StepEnded.class).get(1).testTimeSecond(), 1e-9);
    }

    @Test
    void theHysteresisBandKeepsACellPausedJustInsideTheTolerance() {
        // Out at 20 s; from 30 s on at 5.8 MPa: inside ± 1 MPa but outside the ± 0.5 MPa resume band.
        FakeFixture fixture = new FakeFixture(h.clock, 5e6, true, 1) {
            @Override
            public double readPressurePa() {
                double t = h.testTime();
                double value = super.readPressurePa();
                if (t >= 20 - 1e-9 && t < 30 - 1e-9) {
                    return 3.5e6;
                }
                return t >= 30 - 1e-9 && t < 80 - 1e-9 ? 5.8e6 : value;
            }
        };
        Outcome outcome = h.run(P.protocol(P.WIDE, P.ENDS_ONLY, P.pressure(5e6, false), P.rest(100)),
                b -> b.pressureFixture(fixture).coordination(
                        new Coordination(null, null, new InterlockRule(Double.NaN, 1e6, 0.5e6, 10), null)));
        assertEquals(Outcome.COMPLETED, outcome);
        // In the resume band from 80 s, released at 90 s.
        assertEquals("resumed after a pause of 70 s; the step goes on from 20 s", notices().get(1));
    }

    @Test
    void theInterlockIsOffWhileTheProtocolWaitsForThePressureItSet() {
        // The press starts at 1 MPa and takes a while to reach 5 MPa: the step's own wait, not a pause.
        FakeFixture fixture = new FakeFixture(h.clock, 1e6, true, 20);
        Outcome outcome = h.run(P.protocol(P.WIDE, P.ENDS_ONLY, P.pressure(5e6, true), P.rest(30)),
                b -> b.pressureFixture(fixture).coordination(
                        new Coordination(null, null, new InterlockRule(Double.NaN, 1e6, 0.5e6, 10), null)));
        assertEquals(Outcome.COMPLETED, outcome);
        assertEquals(List.of(), notices());
    }

    @Test
    void aChamberOffItsTemperaturePausesTheCell() {
        FakeChamber chamber = new FakeChamber(h.clock, 25, 1) {
            @Override
            public double readTemperatureCelsius() {
                double t = h.testTime();
                double value = super.readTemperatureCelsius();
                return t >= 10 - 1e-9 && t < 30 - 1e-9 ? 31 : value; // the door was opened
            }
        };
        Outcome outcome = h.run(P.protocol(P.WIDE, P.ENDS_ONLY, P.rest(60)),
                b -> b.chamber(chamber).coordination(new Coordination(null, null, null, new InterlockRule(25, 2, 1, 20))));
        assertEquals(Outcome.COMPLETED, outcome);
        List<String> notes = notices();
        assertTrue(notes.get(0).startsWith("paused (temperature interlock: chamber temperature 31 °C is outside 25 °C ± 2 °C"),
                notes.get(0));
        // Back at 30 s, released after 20 s in band at 50 s: 40 s of pause.
        assertEquals("resumed after a pause of 40 s; the step goes on from 10 s", notes.get(1));
        assertEquals(100.0, h.events.ended().testTimeSecond(), 1e-9);
    }

    @Test
    void anInterlockWithoutItsInstrumentIsAWarning() {
        Outcome outcome = h.run(P.protocol(P.rest(5)), b -> b.coordination(
                new Coordination(null, null, new InterlockRule(Double.NaN, 1e6, 0.5e6, 10), null)));
        assertEquals(Outcome.COMPLETED, outcome);
        assertEquals(List.of("a pressure interlock is set but cell C1 has no pressure fixture, so nothing pauses it"
                + " for the pressure"), notices());
    }
}

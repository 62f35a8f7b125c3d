package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.protocols.model.LoggingRule;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.Step;
import io.cellbench.protocols.model.Step.Control;
import io.cellbench.protocols.model.Step.DriveKind;
import io.cellbench.protocols.model.Termination;
import io.cellbench.protocols.model.Termination.Measure;
import io.cellbench.protocols.model.Termination.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Protocols that cannot run on a cell are rejected before any instrument is touched. */
class ValidationTest {
    private final Harness h = new Harness();

    private String where(Step step) {
        return P.FILE + ":" + step.at().line() + ":1: '" + step.text() + "'";
    }

    /** Runs and asserts the rejection: FAULT, nothing commanded or read, the message lists the problems. */
    private String rejected(Protocol protocol) {
        return rejected(protocol, h.cell.maxCurrentAmpere());
    }

    private String rejected(Protocol protocol, double unused) {
        assertEquals(Outcome.FAULT, h.run(protocol));
        assertEquals(List.of(), h.cell.applied());
        assertEquals(0, h.cell.reads());
        assertEquals(List.of(), h.events.of(RunEvent.RunStarted.class));
        RunEvent.RunEnded end = h.events.ended();
        assertEquals(Outcome.FAULT, end.outcome());
        assertEquals(RunEvent.Severity.ALARM, h.events.of(RunEvent.Notice.class).get(0).severity());
        assertEquals(0, h.events.closed, "the listener belongs to whoever made it");
        assertEquals(RunnerStatus.State.ENDED, h.runner.status().state());
        return end.message();
    }

    @Test
    void eisWithoutAnAnalyzerIsRejectedNamingTheStep() {
        Step.Eis eis = P.eis();
        String message = rejected(P.protocol(P.rest(10), eis));
        assertEquals("protocol 'test' cannot run on cell C1:\n  " + where(eis)
                + ": needs an impedance analyzer, but cell C1 has none", message);
    }

    @Test
    void setPressureNeedsAMotorisedFixture() {
        Step.SetPressure set = P.pressure(10e6, true);
        assertTrue(rejected(P.protocol(set)).contains(where(set) + ": needs a pressure fixture, but cell C1 has none"));

        Harness passive = new Harness();
        Step.SetPressure again = P.pressure(10e6, false);
        passive.run(P.protocol(again), b -> b.pressureFixture(new FakeFixture(passive.clock, 1e6, false, 1)));
        assertEquals(Outcome.FAULT, passive.events.ended().outcome());
        assertTrue(passive.events.ended().message().contains(where(again)
                + ": fixture fake-fixture is passive and cannot set a pressure"), passive.events.ended().message());
        assertEquals(List.of(), passive.cell.applied());
    }

    @Test
    void setTemperatureNeedsAChamber() {
        Step.SetTemperature set = P.temperature(45, true);
        assertTrue(rejected(P.protocol(set)).contains(where(set) + ": needs a temperature chamber, but cell C1 has none"));
    }

    @Test
    void everyProblemIsListedNotJustTheFirst() {
        Step.Eis eis = P.eis();
        Step.SetTemperature set = P.temperature(45, false);
        Step.Drive tooMuch = P.chargeFor(0.2, 10);
        String message = rejected(P.protocol(eis, P.repeat(2, set, tooMuch)));
        // A header line, then four problems; a step inside a repeat is listed once.
        assertEquals(5, message.split("\n").length, message);
        assertTrue(message.contains(where(eis)));
        assertTrue(message.contains(where(set)));
        assertTrue(message.contains(where(tooMuch) + ": needs 0.2 A but channel fake-channel can source at most 0.1 A"));
        assertTrue(message.contains(where(tooMuch) + ": the current 0.2 A lies outside the safety window [-0.05, 0.05] A"));
    }

    @Test
    void impossibleDrivesAreRejected() {
        Step.Drive holdAtCurrent = P.drive(DriveKind.HOLD, Control.CURRENT, 0.001, 10.0);
        Step.Drive chargeThroughResistor = P.drive(DriveKind.CHARGE, Control.RESISTANCE, 100, 10.0);
        Step.Drive endless = P.charge(0.001);
        Step.Drive negative = P.drive(DriveKind.CHARGE, Control.CURRENT, -0.001, 10.0);
        Step.Drive holdOutside = P.hold(4.5, P.time(10));
        Step.Drive cutOffOutside = P.charge(0.001, P.volt(Op.AT_LEAST, 4.2));
        Step.Drive endlessCv = P.ccCv(DriveKind.CHARGE, 0.001, null, List.of(), 3.5);
        Step.Drive cvAfterCv = new Step.Drive(P.at(), "Charge at 3.5 V then hold", DriveKind.CHARGE, Control.VOLTAGE,
                3.5, 10.0, List.of(), new Step.CvHold(3.6, List.of()), null);
        String m = rejected(P.protocol(holdAtCurrent, chargeThroughResistor, endless, negative, holdOutside,
                cutOffOutside, endlessCv, cvAfterCv));
        assertTrue(m.contains(where(holdAtCurrent) + ": a hold needs a voltage set point"), m);
        assertTrue(m.contains(where(chargeThroughResistor) + ": a resistance can only discharge the cell"), m);
        assertTrue(m.contains(where(endless) + ": has no end: add 'for <duration>' or 'until <condition>'"), m);
        assertTrue(m.contains(where(negative) + ": the set point must be a positive number, got -0.001"), m);
        assertTrue(m.contains(where(holdOutside) + ": the voltage 4.5 V lies outside the safety window [2, 4] V"), m);
        assertTrue(m.contains(where(cutOffOutside)
                + ": the voltage cut-off 4.2 V lies outside the safety window [2, 4] V and could never be reached"), m);
        assertTrue(m.contains(where(endlessCv) + ": the constant-voltage phase has no end"), m);
        assertTrue(m.contains(where(cvAfterCv) + ": a constant-voltage phase can only follow"), m);
    }

    @Test
    void impossibleTerminationsAndBlocksAreRejected() {
        Step.Rest ambiguous = P.rest(null, new Termination(Measure.VOLTAGE, null, 3.0));
        Step.Rest timeAtMost = P.rest(null, new Termination(Measure.TIME, Op.AT_MOST, 10));
        Step.Rest nanCutOff = P.rest(10.0, new Termination(Measure.CURRENT, Op.AT_MOST, Double.NaN));
        Step.Repeat never = P.repeat(0, P.rest(1));
        Step.Repeat empty = new Step.Repeat(P.at(), "Repeat 2 times:", 2, List.of());
        Step.Rest zero = P.rest(0);
        String m = rejected(P.protocol(ambiguous, timeAtMost, nanCutOff, never, empty, zero));
        assertTrue(m.contains(where(ambiguous) + ": the voltage termination needs '>=' or '<='"), m);
        assertTrue(m.contains(where(timeAtMost) + ": 'time <=' would end the step at once"), m);
        assertTrue(m.contains(where(nanCutOff) + ": the current termination needs a finite value >= 0, got NaN"), m);
        assertTrue(m.contains(where(never) + ": must repeat at least once, got 0"), m);
        assertTrue(m.contains(where(empty) + ": has no steps to repeat"), m);
        assertTrue(m.contains(where(zero) + ": the duration must be a positive number of seconds, got 0.0"), m);
    }

    @Test
    void protocolLevelProblemsAreRejected() {
        Protocol bad = new Protocol("bad", "bad.cbp", P.limits(3, 2, -1, 1),
                new LoggingRule(-1, 0.01, 0.01, 0), List.of());
        String m = rejected(bad);
        assertTrue(m.contains("protocol 'bad': the sample period must be a positive number of seconds, got 0.0"), m);
        assertTrue(m.contains("protocol 'bad': the logging rule's period, ΔV and ΔI must be >= 0"), m);
        assertTrue(m.contains("protocol 'bad': the voltage safety window [3.0, 2.0] is empty"), m);
        assertTrue(m.contains("protocol 'bad': has no steps"), m);
    }

    @Test
    void setPointsOutsideTheSafetyWindowAreRejected() {
        Step.SetPressure press = P.pressure(200e6, false);
        Step.SetTemperature heat = P.temperature(80, false);
        Protocol p = P.protocol(new io.cellbench.protocols.model.SafetyLimits(new io.cellbench.protocols.model.Range(2, 4),
                io.cellbench.protocols.model.Range.UNBOUNDED, new io.cellbench.protocols.model.Range(0, 60),
                new io.cellbench.protocols.model.Range(1e6, 125e6)), P.ENDS_ONLY, press, heat);
        Harness wired = new Harness();
        wired.run(p, b -> b.pressureFixture(new FakeFixture(wired.clock, 10e6, true, 1))
                .chamber(new FakeChamber(wired.clock, 25, 1)));
        String m = wired.events.ended().message();
        assertTrue(m.contains(where(press) + ": the pressure 200 MPa lies outside the safety window [1 MPa, 125 MPa]"), m);
        assertTrue(m.contains(where(heat) + ": the temperature 80 °C lies outside the safety window [0, 60] °C"), m);
    }

    @Test
    void clampedStepsNeedAFiniteVoltageWindowAndVoltageStepsSomeCurrent() {
        Step.Drive cc = P.chargeFor(0.001, 10);
        Step.Drive cp = P.drive(DriveKind.DISCHARGE, Control.POWER, 0.001, 10.0);
        Step.Drive cv = P.hold(3.1, P.time(10));
        Step.Drive resistance = P.drive(DriveKind.DISCHARGE, Control.RESISTANCE, 1000, 10.0);
        var chargeOnly = new io.cellbench.protocols.model.SafetyLimits(
                new io.cellbench.protocols.model.Range(Double.NEGATIVE_INFINITY, 4),
                new io.cellbench.protocols.model.Range(0, 0.01),
                io.cellbench.protocols.model.Range.UNBOUNDED, io.cellbench.protocols.model.Range.UNBOUNDED);
        String m = rejected(P.protocol(chargeOnly, P.ENDS_ONLY, cc, cp, cv, resistance));
        // the loader's rule, word for word: validate refuses what the runner refuses
        assertTrue(m.contains(where(cc) + ": " + io.cellbench.protocols.model.VoltageClamp.problem(Control.CURRENT,
                chargeOnly.voltage())), m);
        assertTrue(m.contains(where(cc) + ": a constant-current step needs a voltage window to clamp to, and"
                + " limits.voltage is open below"), m);
        assertTrue(m.contains(where(cp) + ": a constant-power step needs a voltage window to clamp to"), m);
        assertTrue(m.contains(where(cv) + ": the safety current window [0, 0.01] A allows no current for this step"), m);
        assertEquals(4, m.split("\n").length, m);
    }

    @Test
    void theCheckCanBeRunWithoutRunning() {
        Step.Eis eis = P.eis();
        CellSetup setup = CellSetup.builder(Harness.CELL, P.protocol(eis), h.cell, h.clock, h.events).build();
        ProtocolCheck.Findings findings = ProtocolRunner.check(setup);
        assertEquals(List.of(where(eis) + ": needs an impedance analyzer, but cell C1 has none"), findings.problems());
        assertEquals(List.of(), h.events.events);
        CellSetup wired = CellSetup.builder(Harness.CELL, P.protocol(eis), h.cell, h.clock, h.events)
                .eis(new FakeAnalyzer(h.clock, 1), 0).build();
        assertTrue(ProtocolRunner.check(wired).ok());
    }

    @Test
    void aRunnerRunsOnce() {
        h.run(P.protocol(P.rest(1)));
        assertThrows(IllegalStateException.class, () -> h.runner.run());
    }
}

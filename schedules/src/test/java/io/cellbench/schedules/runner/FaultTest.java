package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.RunEvent.Outcome;
import io.cellbench.core.data.Sample;
import io.cellbench.core.instrument.ChannelCommand;
import io.cellbench.core.time.LabClock;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.protocols.model.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Instrument failures end the run as a fault with the channel made safe; stops end it as stopped. */
class FaultTest {
    private final Harness h = new Harness();
    private final FaultyChannel faulty = new FaultyChannel(h.cell);

    private Outcome run(Protocol p) {
        return h.run(p, faulty, h.clock, b -> b);
    }

    private void assertFault(String message) {
        RunEvent.RunEnded end = h.events.ended();
        assertEquals(Outcome.FAULT, end.outcome());
        assertEquals(message, end.message());
        RunEvent.Notice alarm = h.events.of(RunEvent.Notice.class).get(0);
        assertEquals(RunEvent.Severity.ALARM, alarm.severity());
        assertEquals(message, alarm.message());
        assertEquals(0, h.events.closed, "the listener belongs to whoever made it");
        assertEquals(Outcome.FAULT, h.runner.status().outcome());
    }

    @Test
    void aFailedReadEndsTheRunAsAFaultWithTheChannelOpen() {
        // Read 1 is before the start, read 2 the base after the command, then one per second.
        faulty.failReadFrom = 12;
        assertEquals(Outcome.FAULT, run(P.protocol(P.chargeFor(0.001, 100))));
        assertFault("faulty-channel: 'MEAS:VOLT?;CURR?': no answer within 500 ms");
        assertInstanceOf(ChannelCommand.OpenCircuit.class, h.cell.command());
        assertEquals(10.0, h.testTime());
        assertEquals(List.of("fault: faulty-channel: 'MEAS:VOLT?;CURR?': no answer within 500 ms"),
                h.events.endReasons());
    }

    @Test
    void aFailedCommandEndsTheRunAsAFaultAndTheChannelIsStillOpened() {
        faulty.failApply = c -> c instanceof ChannelCommand.Current;
        run(P.protocol(P.rest(5), P.chargeFor(0.001, 100)));
        assertFault("faulty-channel: 'apply Current': no answer within 500 ms");
        assertInstanceOf(ChannelCommand.OpenCircuit.class, h.cell.command());
        assertEquals(5.0, h.testTime());
    }

    @Test
    void whenEvenOpeningTheCircuitFailsTheAlarmSaysSo() {
        faulty.failApply = c -> h.testTime() >= 5;
        run(P.protocol(P.rest(5), P.chargeFor(0.001, 100)));
        RunEvent.RunEnded end = h.events.ended();
        assertEquals(Outcome.FAULT, end.outcome());
        assertEquals("faulty-channel: 'apply Current': no answer within 500 ms; the channel could not be opened: "
                + "faulty-channel: 'apply OpenCircuit': no answer within 500 ms", end.message());
    }

    @Test
    void aReadingThatIsNotANumberIsAFault() {
        // (at open circuit NaN V with 0 A is a relay-open rest, not a fault: see OpenRelayRestTest)
        faulty.nanReadings = true;
        run(P.protocol(P.chargeFor(0.001, 5)));
        assertTrue(h.events.ended().message().startsWith("faulty-channel: 'read': returned no number (V NaN"),
                h.events.ended().message());
    }

    @Test
    void theFaultPolicyMayRetryAFailedRead() {
        faulty.failReadFrom = 5;
        faulty.failReadTo = 6;
        Outcome outcome = h.run(P.protocol(P.chargeFor(0.001, 10)), faulty, h.clock,
                b -> b.faultPolicy(ReadRetryPolicy.retryReads(2)));
        assertEquals(Outcome.COMPLETED, outcome);
        assertEquals(10 + 2 + 2, faulty.reads());

        Harness once = new Harness();
        FaultyChannel twice = new FaultyChannel(once.cell);
        twice.failReadFrom = 5;
        twice.failReadTo = 6;
        assertEquals(Outcome.FAULT, once.run(P.protocol(P.chargeFor(0.001, 10)), twice, once.clock,
                b -> b.faultPolicy(ReadRetryPolicy.retryReads(1))));
    }

    @Test
    void aFailingFixtureReadIsAFault() {
        FakeFixture fixture = new FakeFixture(h.clock, 10e6, true, 1) {
            @Override
            public double readPressurePa() {
                if (h.testTime() > 12) {
                    throw new io.cellbench.core.instrument.InstrumentException("fake-fixture", "LOAD?", "checksum error");
                }
                return super.readPressurePa();
            }
        };
        h.run(P.protocol(P.rest(100)), b -> b.pressureFixture(fixture));
        assertFault("fake-fixture: 'LOAD?': checksum error");
        assertEquals(15.0, h.testTime());
        assertInstanceOf(ChannelCommand.OpenCircuit.class, h.cell.command());
    }

    @Test
    void aPressThatNeverSettlesIsAFaultAfterThirtyMinutes() {
        FakeFixture fixture = new FakeFixture(h.clock, 1e6, true, 10);
        fixture.stuck = true;
        var set = P.pressure(10e6, true);
        h.run(P.protocol(set), b -> b.pressureFixture(fixture));
        assertFault("test.cbp:" + set.at().line() + ":1: '" + set.text()
                + "': the pressure did not settle at 10 MPa ± 0.3 MPa within 30 min (last read 1 MPa)");
        assertEquals(1800.0, h.testTime());
        assertInstanceOf(ChannelCommand.OpenCircuit.class, h.cell.command());
    }

    @Test
    void aChamberThatNeverSettlesIsAFaultAfterFourHours() {
        FakeChamber chamber = new FakeChamber(h.clock, 25, 300);
        chamber.stuck = true;
        h.run(P.protocol(P.temperature(45, true)), b -> b.chamber(chamber));
        assertTrue(h.events.ended().message().endsWith(
                "the temperature did not settle at 45 °C ± 0.5 °C within 240 min (last read 25 °C)"),
                h.events.ended().message());
        assertEquals(4 * 3600.0, h.testTime());
    }

    @Test
    void aThrowingListenerEndsTheRunAsAFaultAndTheChannelIsOpened() {
        h.events.onSample = n -> {
            if (n == 3) {
                throw new IllegalStateException("disk full");
            }
        };
        h.run(P.protocol(P.WIDE, P.EVERY_SAMPLE, P.chargeFor(0.001, 100)));
        assertEquals("internal error: java.lang.IllegalStateException: disk full", h.events.ended().message());
        assertInstanceOf(ChannelCommand.OpenCircuit.class, h.cell.command());
    }

    @Test
    void stopEndsTheRunWithinOneSamplePeriodAndRecordsTheLastSample() {
        h.events.onSample = n -> {
            if (n == 7) {
                h.runner.stop();
            }
        };
        Outcome outcome = h.run(P.protocol(P.WIDE, P.EVERY_SAMPLE, P.chargeFor(0.001, 100)));
        assertEquals(Outcome.STOPPED, outcome);
        assertEquals(8.0, h.testTime());
        List<Sample> samples = h.events.samples();
        assertEquals(8.0, samples.get(samples.size() - 1).testTimeSecond());
        assertEquals("stopped by the operator", h.events.ended().message());
        assertEquals(RunEvent.Severity.WARNING, h.events.of(RunEvent.Notice.class).get(0).severity());
        assertEquals(List.of("stopped"), h.events.endReasons());
        assertInstanceOf(ChannelCommand.OpenCircuit.class, h.cell.command());
    }

    @Test
    void stopAbortsARunningImpedanceSweep() {
        FakeAnalyzer analyzer = new FakeAnalyzer(h.clock, 600);
        analyzer.duringSweep = () -> h.runner.stop();
        Outcome outcome = h.run(P.protocol(P.eis(), P.rest(10)), b -> b.eis(analyzer, 0));
        assertEquals(Outcome.STOPPED, outcome);
        assertEquals("stopped by the operator during an impedance sweep", h.events.ended().message());
        assertEquals(List.of(), h.events.of(RunEvent.SpectrumMeasured.class));
        assertEquals(1.0, h.testTime());
    }

    @Test
    void interruptingTheThreadStopsTheRunAndKeepsTheInterrupt() {
        // A clock whose waits notice interrupts, as the system clock's do.
        VirtualClock virtual = h.clock;
        LabClock interruptible = new LabClock() {
            @Override
            public double nowUnixSeconds() {
                return virtual.nowUnixSeconds();
            }

            @Override
            public void sleepUntil(double unixSeconds) throws InterruptedException {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                virtual.sleepUntil(unixSeconds);
            }

            @Override
            public boolean isVirtual() {
                return true;
            }
        };
        h.events.onSample = n -> {
            if (n == 4) {
                Thread.currentThread().interrupt();
            }
        };
        Outcome outcome = h.run(P.protocol(P.WIDE, P.EVERY_SAMPLE, P.chargeFor(0.001, 100)), h.cell, interruptible,
                b -> b);
        assertTrue(Thread.interrupted(), "the interrupt must be kept for the caller");
        assertEquals(Outcome.STOPPED, outcome);
        assertEquals(4.0, h.testTime());
        assertInstanceOf(ChannelCommand.OpenCircuit.class, h.cell.command());
        assertFalse(h.events.ended().message().isEmpty());
    }
}

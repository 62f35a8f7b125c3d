package io.cellbench.schedules.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.data.RunEvent;
import io.cellbench.core.data.Spectrum;
import io.cellbench.core.instrument.PressureFixture;
import io.cellbench.core.instrument.TemperatureChamber;
import io.cellbench.core.time.VirtualClock;
import io.cellbench.protocols.ProtocolLoader;
import io.cellbench.protocols.model.Protocol;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delegated cell's impedance sweep runs between two programs, when no program (so no
 * protection of the cycler's) runs: the protocol's window is checked before and after the
 * sweep, as a directly driven cell checks the samples it takes before and after its sweep. A
 * reading outside it is a safety trip with an alarm, and the next program is not started.
 */
@Timeout(300) // a hang guard
class DelegatedSweepLimitsTest {
    private static final String LIMITS = """
            limits:
              voltage: [1.8 V, 3.8 V]
              pressure: [1 MPa, 12 MPa]
            """;

    @TempDir
    Path share;

    private final List<RunEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void aPressRunningAwayDuringTheSweepTripsAndStartsNoProgramAfterIt() throws Exception {
        Protocol protocol = ProtocolLoader.parse("name: rest, sweep, charge\n" + LIMITS + """
                steps:
                  - Rest for 1 minute
                  - EIS from 10 kHz to 1 Hz at 10 mV, 5 points per decade
                  - Charge at C/5 for 30 minutes
                """, "sweep-limits.yaml");
        try (BtsBench b = new BtsBench(share, 100)) {
            FakeFixture press = new FakeFixture(b.clock, 10e6, true, 1e-3);
            FakeAnalyzer analyzer = new FakeAnalyzer(new VirtualClock(0), 30);
            analyzer.duringSweep = () -> press.setPressurePa(20e6); // the press runs away while the analyzer sweeps
            RunEvent.Outcome outcome = runner(b, protocol, analyzer, press).run();

            assertEquals(RunEvent.Outcome.SAFETY_TRIP, outcome, DelegatedStopAtCyclerTest.told(events));
            assertEquals(1, analyzer.requests.size());
            assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.SpectrumMeasured), "the spectrum is kept");
            assertEquals(1, starts(b), "the charge after the sweep was not started");
            RunEvent.Notice alarm = alarm();
            assertTrue(alarm.message().startsWith("pressure 20 MPa is above the safety limit 12 MPa"), alarm.message());
            assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.StepEnded s && s.stepIndex() == 2
                    && s.reason().startsWith("safety trip")), "the sweep's step ends in the trip");
        }
    }

    @Test
    void aCellOutsideItsWindowIsNotSwept() throws Exception {
        Protocol protocol = sweepThenRest("sweep first");
        try (BtsBench b = new BtsBench(share, 100)) {
            FakeFixture press = new FakeFixture(b.clock, 0.5e6, false, 300); // the press was not closed
            FakeAnalyzer analyzer = new FakeAnalyzer(new VirtualClock(0), 30);
            RunEvent.Outcome outcome = runner(b, protocol, analyzer, press).run();

            assertEquals(RunEvent.Outcome.SAFETY_TRIP, outcome, DelegatedStopAtCyclerTest.told(events));
            assertEquals(0, analyzer.requests.size(), "nothing measured on a cell outside its window");
            assertEquals(0, starts(b));
            assertTrue(alarm().message().startsWith("pressure 0.5 MPa is below the safety limit 1 MPa; the impedance"
                    + " sweep was not started"), alarm().message());
        }
    }

    @Test
    void aCellVoltageOutsideTheWindowBetweenProgramsIsNotSwept() throws Exception {
        // The cycler's protection watches the voltage only while a program runs: here cellbench does.
        Protocol protocol = ProtocolLoader.parse("""
                name: sweep of a cell above its window
                limits:
                  voltage: [1.8 V, 2 V]
                steps:
                  - EIS from 10 kHz to 1 Hz at 10 mV, 5 points per decade
                  - Rest for 1 minute
                """, "sweep-volt.yaml");
        try (BtsBench b = new BtsBench(share, 100)) {
            FakeAnalyzer analyzer = new FakeAnalyzer(new VirtualClock(0), 30);
            RunEvent.Outcome outcome = runner(b, protocol, analyzer, null).run();

            assertEquals(RunEvent.Outcome.SAFETY_TRIP, outcome, DelegatedStopAtCyclerTest.told(events));
            assertEquals(0, analyzer.requests.size());
            assertTrue(alarm().message().matches("voltage \\d\\.\\d+ V is above the safety limit 2 V; the impedance sweep"
                    + " was not started on bts/27-21-1-1.*"), alarm().message());
        }
    }

    @Test
    void aSpectrumCarriesThePressureAndTemperatureReadBeforeItsSweep() throws Exception {
        Protocol protocol = sweepThenRest("sweep, rest");
        try (BtsBench b = new BtsBench(share, 100)) {
            FakeFixture press = new FakeFixture(b.clock, 10e6, false, 300);
            FakeChamber chamber = new FakeChamber(b.clock, 25, 300);
            FakeAnalyzer analyzer = new FakeAnalyzer(new VirtualClock(0), 30);
            assertEquals(RunEvent.Outcome.COMPLETED, runner(b, protocol, analyzer, press, chamber).run(),
                    DelegatedStopAtCyclerTest.told(events));
            Spectrum spectrum = events.stream().filter(e -> e instanceof RunEvent.SpectrumMeasured)
                    .map(e -> ((RunEvent.SpectrumMeasured) e).spectrum()).findFirst().orElseThrow();
            // as a directly driven cell's spectrum: the fixture and the chamber as read before the sweep
            assertEquals(10e6, spectrum.appliedPressurePa(), 1, spectrum.toString());
            assertEquals(25, spectrum.ambientTemperatureCelsius(), 1e-6, spectrum.toString());
        }
    }

    /** A sweep, then a one-minute rest, in the window of {@link #LIMITS}. */
    private static Protocol sweepThenRest(String name) {
        return ProtocolLoader.parse("name: " + name + "\n" + LIMITS + """
                steps:
                  - EIS from 10 kHz to 1 Hz at 10 mV, 5 points per decade
                  - Rest for 1 minute
                """, "sweep.yaml");
    }

    private DelegatedRunner runner(BtsBench b, Protocol protocol, FakeAnalyzer analyzer, PressureFixture press) {
        return runner(b, protocol, analyzer, press, null);
    }

    private DelegatedRunner runner(BtsBench b, Protocol protocol, FakeAnalyzer analyzer, PressureFixture press,
                                   TemperatureChamber chamber) {
        return new DelegatedRunner(new DelegatedSetup(b.cell.parameters().toCellInfo("nw-cell"), protocol,
                new ProgramLink(b.bts.channel("27-21-1-1")), analyzer, 1, b.clock, events::add, null, null, null,
                press, chamber));
    }

    private static long starts(BtsBench b) {
        return b.sim.received().stream().filter(r -> r.contains("<cmd>start</cmd>")).count();
    }

    private RunEvent.Notice alarm() {
        return events.stream().filter(e -> e instanceof RunEvent.Notice n && n.severity() == RunEvent.Severity.ALARM)
                .map(e -> (RunEvent.Notice) e).findFirst()
                .orElseThrow(() -> new AssertionError("no alarm: " + DelegatedStopAtCyclerTest.told(events)));
    }
}
